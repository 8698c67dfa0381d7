// investors.cpp — see investors.hpp.
#include "mechanisms/housing/investors.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <tuple>

#include "mechanisms/housing/construction.hpp"    // to_agent_units
#include "mechanisms/relocation/move_events.hpp"  // monthly_probability

namespace metrosim::mechanisms {

namespace {
constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
double as_double(std::int64_t v) {
  return static_cast<double>(v);
}
}  // namespace

void FundPurchases::reset(std::size_t n_zones) {
  units.assign(n_zones, 0);
  gross_yield.assign(n_zones, 0.0);
  rate.assign(n_zones, 0.0);
  available = spend = 0.0;
}

double gross_yield(double rent_market, double price) {
  return price > 0.0 && std::isfinite(price) ? 12.0 * rent_market / price : 0.0;
}

double purchase_rate(const InvestorParams& p, double yield) {
  const double spread = yield - p.yield_hurdle;
  if (!(spread > 0.0) || !(p.yield_scale > 0.0)) return 0.0;
  const double yearly = p.max_purchase_rate * (1.0 - std::exp(-spread / p.yield_scale));
  return monthly_probability(yearly);
}

void init_investors(const InvestorParams& p, const agents::Zones& zones,
                    std::span<const double> large_share, InvestorState& st) {
  const std::size_t n = zones.size();
  if (!large_share.empty() && large_share.size() != n)
    throw std::invalid_argument("init_investors: one large-holder share per zone needed");
  st.ltr_large.assign(n, 0);
  st.carry_purchase.assign(n, 0.0);
  st.carry_new.assign(n, 0.0);
  st.dry_powder = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    if (zones.is_external[z]) continue;
    const double share =
        std::clamp(large_share.empty() ? p.initial_large_share : large_share[z], 0.0, 1.0);
    st.ltr_large[z] = std::llround(share * as_double(zones.stock[z][kLtr]));
  }
}

void add_ltr_completions(const InvestorParams& p, std::span<const std::int64_t> completions_ltr,
                         InvestorState& st) {
  if (completions_ltr.size() != st.size())
    throw std::logic_error("add_ltr_completions: one count per zone needed");
  for (std::size_t z = 0; z < st.size(); ++z) {
    const std::int64_t n = completions_ltr[z];
    if (n <= 0) continue;
    const double x = as_double(n) * p.new_ltr_large_share + st.carry_new[z];
    const auto large = std::clamp(static_cast<std::int64_t>(std::floor(x)), std::int64_t{0}, n);
    st.carry_new[z] = std::clamp(x - as_double(large), 0.0, 1.0);
    st.ltr_large[z] += large;
  }
}

void fund_purchases(const InvestorParams& p, double scale, std::span<const double> rent_market,
                    std::span<const double> price, const agents::Zones& zones, InvestorState& st,
                    FundPurchases& out) {
  const std::size_t n = zones.size();
  if (st.size() != n || rent_market.size() != n || price.size() != n || !(scale > 0.0))
    throw std::logic_error("fund_purchases: state, rents and prices must match the zones");
  out.reset(n);
  const double budget = std::max(0.0, p.capital_budget);
  out.available = budget + st.dry_powder;

  // Desired purchases in real dwellings per month and their cost.
  std::vector<double> want(n, 0.0);
  std::vector<std::int64_t> small(n, 0);
  double cost = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    small[z] = zones.stock[z][kLtr] - st.ltr_large[z];
    if (zones.is_external[z] || small[z] <= 0 || !(price[z] > 0.0)) continue;
    out.gross_yield[z] = gross_yield(rent_market[z], price[z]);
    out.rate[z] = purchase_rate(p, out.gross_yield[z]);
    want[z] = out.rate[z] * as_double(small[z]) / scale;
    cost += want[z] * price[z];
  }
  const double factor = cost > out.available ? out.available / cost : 1.0;  // pro rata rationing

  // Whole agent units with carry, within the small landlords' stock.
  for (std::size_t z = 0; z < n; ++z) {
    if (want[z] <= 0.0) continue;
    const std::int64_t u = to_agent_units(want[z] * factor, scale, st.carry_purchase[z]);
    out.units[z] = std::min(u, small[z]);
  }
  const auto spend = [&] {
    double s = 0.0;
    for (std::size_t z = 0; z < n; ++z) s += as_double(out.units[z]) / scale * price[z];
    return s;
  };
  // Whole units may overshoot the capital: drop units where the spread is smallest.
  out.spend = spend();
  while (out.spend > out.available) {
    std::size_t drop = n;
    for (std::size_t z = 0; z < n; ++z)
      if (out.units[z] > 0 && (drop == n || out.gross_yield[z] <= out.gross_yield[drop])) drop = z;
    if (drop == n) break;  // nothing left to drop (spend is 0 then)
    --out.units[drop];
    out.spend = spend();
  }
  for (std::size_t z = 0; z < n; ++z) st.ltr_large[z] += out.units[z];
  st.dry_powder = std::clamp(out.available - out.spend, 0.0, p.dry_powder_months * budget);
}

double large_share(const InvestorState& st, const agents::Zones& zones, std::size_t z) {
  const std::int64_t stock = zones.stock[z][kLtr];
  return stock > 0 ? as_double(st.ltr_large[z]) / as_double(stock) : 0.0;
}

std::int64_t occupied_in_transfer(std::int64_t units, std::int64_t small_occupied,
                                  std::int64_t small_stock) {
  if (units <= 0 || small_stock <= 0) return 0;
  const std::int64_t vacant = std::max<std::int64_t>(0, small_stock - small_occupied);
  const auto k = static_cast<std::int64_t>(
      std::floor(as_double(units) * as_double(small_occupied) / as_double(small_stock) + 0.5));
  return std::clamp(k, std::max<std::int64_t>(0, units - vacant), std::min(units, small_occupied));
}

void transfer_tenants(const core::StepContext& ctx, core::Mechanism mech,
                      std::span<const std::int64_t> occupied_units, const agents::Households& hh,
                      std::vector<LandlordType>& landlord) {
  if (landlord.size() != hh.size())
    throw std::logic_error("transfer_tenants: the landlord column is not aligned with households");
  using Candidate = std::tuple<double, core::AgentId, std::size_t>;  // (priority, id, row)
  std::vector<std::vector<Candidate>> by_zone(occupied_units.size());
  for (std::size_t i = 0; i < hh.size(); ++i) {
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    if (hh.tenure[i] != agents::Tenure::kLtr || landlord[i] != LandlordType::kSmall ||
        z >= occupied_units.size() || occupied_units[z] <= 0)
      continue;
    by_zone[z].emplace_back(ctx.stream(mech, hh.id[i]).uniform(0), hh.id[i], i);
  }
  for (std::size_t z = 0; z < by_zone.size(); ++z) {
    auto& c = by_zone[z];
    const auto k =
        std::min(c.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, occupied_units[z])));
    std::partial_sort(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k), c.end());
    for (std::size_t j = 0; j < k; ++j) landlord[std::get<2>(c[j])] = LandlordType::kLarge;
  }
}

LandlordType landlord_for_new_lease(double u, std::int64_t vacant_large, std::int64_t vacant_ltr) {
  if (vacant_ltr <= 0 || vacant_large <= 0) return LandlordType::kSmall;
  return u * as_double(vacant_ltr) < as_double(vacant_large) ? LandlordType::kLarge
                                                             : LandlordType::kSmall;
}

int min_lease_term(const InvestorParams& p, LandlordType type, core::YearMonth signed_at) {
  if (signed_at < kLeaseLaw2019) return p.term_before_2019_months;
  return type == LandlordType::kLarge ? p.term_large_months : p.term_small_months;
}

RenewalTerms renewal_terms(const InvestorParams& p, const RentCap& cap, LandlordType type,
                           core::YearMonth signed_at) {
  const bool large = type == LandlordType::kLarge;
  RenewalTerms t;
  t.reset_share = large ? p.renewal_reset_large : p.renewal_reset_small;
  t.increase_cap = cap_for(cap, type);
  t.non_renewal_probability = large ? p.non_renewal_large : p.non_renewal_small;
  t.conversion_propensity = large ? p.conversion_large : p.conversion_small;
  t.min_term_months = min_lease_term(p, type, signed_at);
  return t;
}

void check_investors(const InvestorState& st, const agents::Zones& zones) {
  if (st.size() != zones.size()) throw std::logic_error("investors: state not sized to zones");
  for (std::size_t z = 0; z < st.size(); ++z)
    if (st.ltr_large[z] < 0 || st.ltr_large[z] > zones.stock[z][kLtr])
      throw std::logic_error("zone " + zones.code[z] + ": large-holder LTR dwellings " +
                             std::to_string(st.ltr_large[z]) + " outside [0, LTR stock " +
                             std::to_string(zones.stock[z][kLtr]) + "]");
}

}  // namespace metrosim::mechanisms
