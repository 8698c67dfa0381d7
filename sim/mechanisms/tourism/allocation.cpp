// allocation.cpp — see allocation.hpp.
#include "mechanisms/tourism/allocation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metrosim::mechanisms {

namespace {

constexpr std::size_t kHotel = static_cast<std::size_t>(Accommodation::kHotel);
constexpr std::size_t kNests = 2;
constexpr double kNoUtility = -std::numeric_limits<double>::infinity();

std::size_t nest_of(std::size_t k) {
  return k == kHotel ? 0 : 1;
}

double type_constant(const TourismParams& p, std::size_t k) {
  return k == kHotel ? 0.0 : k == 1 ? p.const_str_licensed : p.const_str_unlicensed;
}

double base_price(const TourismParams& p, std::size_t k) {
  return k == kHotel ? p.hotel_price_base : p.str_price_base;
}

double target_occupancy(const TourismParams& p, std::size_t k) {
  return k == kHotel ? p.target_occupancy_hotel : p.target_occupancy_str;
}

/// Demand-weighted mean guest price (with tax) over the demand-weighted mean base price.
double price_index(const TourismParams& p, const std::vector<PerType>& share,
                   const std::vector<PerType>& price) {
  double num = 0.0, den = 0.0;
  for (std::size_t z = 0; z < share.size(); ++z) {
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      num += share[z][k] * (price[z][k] + guest_tax(p, static_cast<Accommodation>(k)));
      den += share[z][k] * base_price(p, k);
    }
  }
  return den > 0.0 ? num / den : 1.0;
}

}  // namespace

std::vector<double> effective_attraction(const TourismParams& p, const TourismZones& zones) {
  std::vector<double> a(zones.size());
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const bool periphery = !zones.is_core[z] && !zones.is_external[z];
    a[z] = zones.attraction[z] + (periphery ? p.dispersal * p.dispersal_gain : 0.0);
  }
  return a;
}

double guest_tax(const TourismParams& p, Accommodation k) {
  return k == Accommodation::kStrUnlicensed ? p.tax_per_night * (1.0 - p.tax_evasion_unlicensed)
                                            : p.tax_per_night;
}

std::vector<PerType> choice_probabilities(const TourismParams& p, const TourismZones& zones,
                                          const std::vector<PerType>& capacity,
                                          const std::vector<PerType>& price,
                                          const std::vector<double>& pressure) {
  const std::size_t n = zones.size();
  const double mu = p.nest_scale;
  const auto attraction = effective_attraction(p, zones);
  // L_zk = ln cap_zk + v_zk/μ: the log weight of zk within its nest.
  std::vector<PerType> weight(n);
  std::array<double, kNests> top{kNoUtility, kNoUtility};
  for (std::size_t z = 0; z < n; ++z) {
    const double zone_part = p.beta_attraction * attraction[z] - p.beta_pressure * pressure[z];
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      if (!(capacity[z][k] > 0.0)) {
        weight[z][k] = kNoUtility;
        continue;
      }
      const double guest_price = price[z][k] + guest_tax(p, static_cast<Accommodation>(k));
      const double v = zone_part + type_constant(p, k) - p.beta_price * std::log(guest_price);
      weight[z][k] = std::log(capacity[z][k]) + v / mu;
      top[nest_of(k)] = std::max(top[nest_of(k)], weight[z][k]);
    }
  }
  std::array<double, kNests> sum{0.0, 0.0};
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t k = 0; k < kAccommodations; ++k)
      if (weight[z][k] != kNoUtility) sum[nest_of(k)] += std::exp(weight[z][k] - top[nest_of(k)]);
  // Inclusive values I = μ·(top + ln sum); nest shares by a stable softmax.
  std::array<double, kNests> inclusive{kNoUtility, kNoUtility};
  double best = kNoUtility;
  for (std::size_t m = 0; m < kNests; ++m) {
    if (sum[m] > 0.0) inclusive[m] = mu * (top[m] + std::log(sum[m]));
    best = std::max(best, inclusive[m]);
  }
  std::vector<PerType> share(n, PerType{0.0, 0.0, 0.0});
  if (best == kNoUtility) return share;
  std::array<double, kNests> nest_share{0.0, 0.0};
  double total = 0.0;
  for (std::size_t m = 0; m < kNests; ++m) {
    nest_share[m] = inclusive[m] == kNoUtility ? 0.0 : std::exp(inclusive[m] - best);
    total += nest_share[m];
  }
  for (std::size_t z = 0; z < n; ++z) {
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      if (weight[z][k] == kNoUtility) continue;
      const std::size_t m = nest_of(k);
      share[z][k] = nest_share[m] / total * std::exp(weight[z][k] - top[m]) / sum[m];
    }
  }
  return share;
}

std::vector<PerType> tourism_capacity(const TourismParams& p, const TourismZones& zones,
                                      double days_in_month) {
  std::vector<PerType> cap(zones.size());
  for (std::size_t z = 0; z < zones.size(); ++z) {
    cap[z][kHotel] = std::max(0.0, zones.hotel_beds[z]) * days_in_month;
    for (std::size_t s = 0; s < 2; ++s)
      cap[z][1 + s] = std::max(0.0, zones.str_units[z][s]) * p.str_guests_per_unit * days_in_month;
  }
  return cap;
}

TourismMonth allocate_tourism(const TourismParams& p, const TourismDemand& demand,
                              const TourismZones& zones, double days_in_month,
                              TourismState& state) {
  const std::size_t n = zones.size();
  if (state.size() != n) state.init(n, p);
  TourismMonth out;
  out.capacity = tourism_capacity(p, zones, days_in_month);
  const auto& cap = out.capacity;
  std::vector<PerType> price = state.price;

  // Damped tâtonnement toward target occupancy. The step is scaled by μ/β_p, the inverse of the
  // largest own-price elasticity within a nest, so one step never overshoots an isolated market.
  const double step = p.price_step * std::min(1.0, p.nest_scale / std::max(p.beta_price, 1e-12));
  for (int it = 0; it < p.price_iterations; ++it) {
    const auto share = choice_probabilities(p, zones, cap, price, state.pressure);
    const double total =
        leisure_nights(p, demand, price_index(p, share, price)) + demand.fixed_nights();
    for (std::size_t z = 0; z < n; ++z) {
      for (std::size_t k = 0; k < kAccommodations; ++k) {
        if (!(cap[z][k] > 0.0)) continue;
        const double excess =
            std::max(total * share[z][k] / (target_occupancy(p, k) * cap[z][k]), 1e-12);
        const double base = base_price(p, k);
        price[z][k] = std::clamp(price[z][k] * std::exp(step * std::log(excess)),
                                 p.price_floor * base, p.price_ceiling * base);
      }
    }
  }

  // Demand at the final prices; rooms are sold up to capacity.
  const auto share = choice_probabilities(p, zones, cap, price, state.pressure);
  out.price_index = price_index(p, share, price);
  const double leisure = leisure_nights(p, demand, out.price_index);
  out.demand_nights = leisure + demand.fixed_nights();
  out.nights.assign(n, PerType{0.0, 0.0, 0.0});
  double excess = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      const double wanted = out.demand_nights * share[z][k];
      out.nights[z][k] = std::min(wanted, cap[z][k]);
      excess += wanted - out.nights[z][k];
    }
  }
  // Overflow: guests who found no room re-choose among the rooms left, by the same probabilities.
  for (int r = 0; r < p.overflow_rounds && excess > 0.0; ++r) {
    double open = 0.0;
    for (std::size_t z = 0; z < n; ++z)
      for (std::size_t k = 0; k < kAccommodations; ++k)
        if (cap[z][k] - out.nights[z][k] > 0.0) open += share[z][k];
    if (!(open > 0.0)) break;
    double placed = 0.0;
    for (std::size_t z = 0; z < n; ++z) {
      for (std::size_t k = 0; k < kAccommodations; ++k) {
        const double spare = cap[z][k] - out.nights[z][k];
        if (!(spare > 0.0)) continue;
        const double put = std::min(excess * share[z][k] / open, spare);
        out.nights[z][k] += put;
        placed += put;
      }
    }
    excess = std::max(0.0, excess - placed);
  }
  out.lost_nights = excess;

  out.price = price;
  out.occupancy.assign(n, PerType{0.0, 0.0, 0.0});
  double sold = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      if (cap[z][k] > 0.0) out.occupancy[z][k] = out.nights[z][k] / cap[z][k];
      sold += out.nights[z][k];
      out.tax_receipts += out.nights[z][k] * guest_tax(p, static_cast<Accommodation>(k));
    }
  }
  // Nights sold are shared among purposes in proportion to demand (lost demand likewise).
  const double sold_share = out.demand_nights > 0.0 ? sold / out.demand_nights : 0.0;
  out.nights_leisure = leisure * sold_share;
  out.nights_congress = demand.congress_nights * sold_share;
  out.nights_cruise = demand.cruise_nights * sold_share;
  out.visitors_leisure = out.nights_leisure / p.nights_per_leisure_visitor;
  out.visitors_congress = demand.congress_attendees * sold_share;

  // Day visits: transit passengers partly at the cruise terminals, the rest spread like day
  // trips in proportion to attraction.
  const auto attraction = effective_attraction(p, zones);
  double attraction_sum = 0.0;
  std::size_t terminals = 0;
  for (std::size_t z = 0; z < n; ++z) {
    if (!zones.is_external[z]) attraction_sum += std::max(0.0, attraction[z]);
    terminals += zones.cruise_terminal[z] ? 1 : 0;
  }
  const double local = terminals > 0 ? demand.cruise_transit * p.cruise_local_share : 0.0;
  const double spread = demand.day_visits() - local;
  out.day_visits.assign(n, 0.0);
  out.pressure.assign(n, 0.0);
  for (std::size_t z = 0; z < n; ++z) {
    if (attraction_sum > 0.0 && !zones.is_external[z])
      out.day_visits[z] += spread * std::max(0.0, attraction[z]) / attraction_sum;
    if (zones.cruise_terminal[z]) out.day_visits[z] += local / static_cast<double>(terminals);
    out.visitors_day += out.day_visits[z];
    const double nights = out.nights[z][0] + out.nights[z][1] + out.nights[z][2];
    if (zones.residents[z] > 0.0)
      out.pressure[z] = (nights + p.day_visitor_weight * out.day_visits[z]) /
                        (zones.residents[z] * days_in_month);
  }
  state.price = out.price;
  state.pressure = out.pressure;
  return out;
}

}  // namespace metrosim::mechanisms
