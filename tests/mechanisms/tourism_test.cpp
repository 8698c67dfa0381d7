// Tourism and short-term rentals (MODEL.md §7.8): demand, nested-logit allocation with price
// clearing and pressure, and landlords' LTR ↔ STR conversion, on tiny hand-built zones.
#include <catch2/catch.hpp>

#include <cmath>

#include "mechanisms/tourism/allocation.hpp"
#include "mechanisms/tourism/demand.hpp"
#include "mechanisms/tourism/str_conversion.hpp"

using namespace metrosim;
using namespace metrosim::mechanisms;

namespace {

constexpr double kDays = 30.0;
constexpr std::size_t kCentre = 0, kPort = 1, kPeriphery = 2, kExternal = 3;

/// Four zones: a touristic centre, a core port zone with the cruise terminal, a periphery and
/// the external zone (no residents, no rooms).
TourismZones tiny_zones() {
  TourismZones z;
  z.resize(4);
  z.attraction = {1.0, 0.5, 0.2, 0.0};
  z.is_core = {1, 1, 0, 0};
  z.is_external = {0, 0, 0, 1};
  z.cruise_terminal = {0, 1, 0, 0};
  z.residents = {100000, 150000, 200000, 0};
  z.hotel_beds = {10000, 3000, 2000, 0};
  z.str_units = {{{1000, 500}}, {{300, 100}}, {{100, 50}}, {{0, 0}}};
  return z;
}

/// Defaults with cruise and day-trip volumes scaled to the tiny zones (≈ 665 k visitor-nights of
/// capacity a month, ≈ 500 k at target occupancy).
TourismParams tiny_params() {
  TourismParams p;
  p.cruise_passengers = 50000;
  p.day_trips = 100000;
  p.register_frozen_core = true;  // as Barcelona's since 2014 (in the model: shocks.csv entries)
  return p;
}

TourismDemand demand_of(const TourismParams& p, double base_nights, int month = 4) {
  TourismParams q = p;
  q.base_nights = base_nights;
  return tourism_demand(q, default_demand_inputs(q, month, 0.0));
}

TourismMonth run_month(const TourismParams& p, const TourismZones& z, double base_nights,
                       TourismState* carried = nullptr) {
  TourismState fresh;
  TourismState& s = carried ? *carried : fresh;
  return allocate_tourism(p, demand_of(p, base_nights), z, kDays, s);
}

double sum_nights(const TourismMonth& m, std::size_t z) {
  return m.nights[z][0] + m.nights[z][1] + m.nights[z][2];
}

/// Months of the full loop (allocation, expectations, conversion) on the tiny zones; the centre
/// and the periphery hold vacant LTR dwellings. Returns the STR stocks; checks conservation.
StrStocks simulate(const TourismParams& p, int months, std::vector<double> cap_share = {}) {
  TourismZones z = tiny_zones();
  TourismState s;
  StrStocks st;
  st.resize(4);
  st.vacant_ltr = {5000, 500, 3000, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    st.licensed[i] = static_cast<std::int64_t>(z.str_units[i][0]);
    st.unlicensed[i] = static_cast<std::int64_t>(z.str_units[i][1]);
  }
  const std::vector<std::int64_t> dwellings = {50000, 60000, 80000, 0};
  const std::vector<std::int64_t> initial = st.licensed;
  if (cap_share.empty()) cap_share.assign(4, p.str_licence_cap);
  const std::vector<double> rent = {900, 800, 700, 600};
  for (int t = 0; t < months; ++t) {
    for (std::size_t i = 0; i < 4; ++i)
      z.str_units[i] = {static_cast<double>(st.licensed[i]), static_cast<double>(st.unlicensed[i])};
    const auto m = allocate_tourism(p, demand_of(p, 400000, 1 + t % 12), z, kDays, s);
    update_str_expectations(p, m, s);
    st.licence_limit = licence_limits(p, cap_share, dwellings, initial, z.is_core);
    std::vector<std::int64_t> before(4);
    for (std::size_t i = 0; i < 4; ++i) before[i] = st.total(i);
    const auto f = convert_str(p, st, rent, s);
    apply_str_flows(f, st);
    for (std::size_t i = 0; i < 4; ++i) {
      REQUIRE(st.total(i) == before[i]);
      REQUIRE(st.vacant_ltr[i] >= 0);
      REQUIRE(st.licensed[i] >= 0);
      REQUIRE(st.unlicensed[i] >= 0);
    }
  }
  return st;
}

TourismParams open_register() {
  TourismParams p = tiny_params();
  p.register_frozen_core = false;
  return p;
}

}  // namespace

TEST_CASE("tourism: demand follows season, brand and congress and cruise inputs", "[tourism]") {
  TourismParams p;
  DemandInputs in = default_demand_inputs(p, 8, 100000);
  in.awareness = 0.4;  // half the reference awareness, φ = 1: half the leisure nights
  const auto d = tourism_demand(p, in);
  CHECK(d.leisure_base == Approx(p.base_nights * p.season_profile[7] * 0.5));
  CHECK(d.congress_nights == Approx(100000 * p.nights_per_attendee));
  CHECK(d.cruise_nights == Approx(260000 * p.turnaround_share * p.nights_per_turnaround));
  CHECK(d.cruise_transit == Approx(260000 * (1 - p.turnaround_share)));
  CHECK(leisure_nights(p, d, 1.1) == Approx(d.leisure_base * std::pow(1.1, -p.price_elasticity)));
  double mean = 0;
  for (int m = 1; m <= 12; ++m) mean += season_factor(p, m) / 12;
  CHECK(mean == Approx(1.0));
  p.cruise_cap = 0;  // 0 = no cruises; negative = no cap
  CHECK(tourism_demand(p, in).cruise_passengers == 0.0);
}

TEST_CASE("tourism: nights never exceed capacity; unplaced demand is reported as lost",
          "[tourism]") {
  TourismParams p = tiny_params();
  for (double base : {1e5, 4e5, 3e6, 2e7}) {
    INFO("base nights " << base);
    const auto m = run_month(p, tiny_zones(), base);
    double sold = 0;
    for (std::size_t z = 0; z < 4; ++z) {
      for (std::size_t k = 0; k < kAccommodations; ++k) {
        REQUIRE(m.nights[z][k] <= m.capacity[z][k] * (1 + 1e-12));
        REQUIRE(m.nights[z][k] >= 0.0);
        sold += m.nights[z][k];
      }
    }
    CHECK(sold + m.lost_nights == Approx(m.demand_nights));
    CHECK(sold == Approx(m.total_nights()));
    if (base >= 3e6) CHECK(m.lost_nights > 0.0);  // more than every room in the region
    if (base <= 1e5) CHECK(m.lost_nights == Approx(0.0).margin(1e-6));
  }
}

TEST_CASE("tourism: choice shares sum to one and follow capacity as a size term", "[tourism]") {
  TourismParams p = tiny_params();
  const auto z = tiny_zones();
  TourismState s;
  s.init(4, p);
  const auto cap = tourism_capacity(p, z, kDays);
  auto share = choice_probabilities(p, z, cap, s.price, s.pressure);
  double total = 0;
  for (const auto& row : share) total += row[0] + row[1] + row[2];
  CHECK(total == Approx(1.0));
  CHECK(share[kExternal][0] == 0.0);
  // Doubling a zone's hotels doubles its share within the hotel nest.
  auto cap2 = cap;
  cap2[kPeriphery][0] *= 2;
  const auto share2 = choice_probabilities(p, z, cap2, s.price, s.pressure);
  const auto hotel_nest = [](const std::vector<PerType>& sh, std::size_t i) {
    double n = 0;
    for (const auto& row : sh) n += row[0];
    return sh[i][0] / n;
  };
  const double a = hotel_nest(share, kPeriphery), b = hotel_nest(share2, kPeriphery);
  CHECK(b / (1 - b) == Approx(2 * a / (1 - a)));
}

TEST_CASE("tourism: a higher tax per night lowers total nights", "[tourism]") {
  TourismParams low = tiny_params(), high = tiny_params();
  low.tax_per_night = 0.0;
  high.tax_per_night = 10.0;
  for (double base : {2e5, 4e5}) {
    const auto a = run_month(low, tiny_zones(), base);
    const auto b = run_month(high, tiny_zones(), base);
    CHECK(b.price_index > a.price_index);
    CHECK(b.total_nights() < a.total_nights());
    CHECK(b.tax_receipts > 0.0);
    CHECK(a.tax_receipts == 0.0);
  }
}

TEST_CASE("tourism: prices rise where demand exceeds capacity and fall where it is slack",
          "[tourism]") {
  TourismParams p = tiny_params();
  auto z = tiny_zones();
  z.hotel_beds[kCentre] = 500;  // the most attractive zone has almost no hotel beds
  const auto m = run_month(p, z, 2e5);
  CHECK(m.price[kCentre][0] > p.hotel_price_base * 1.2);
  CHECK(m.price[kPeriphery][0] < m.price[kCentre][0]);
  const auto slack = run_month(p, tiny_zones(), 5e4);  // a tenth of the rooms wanted
  CHECK(slack.price[kPeriphery][0] == Approx(p.price_floor * p.hotel_price_base));
  // Cleared markets sit near target occupancy unless a price bound holds.
  for (std::size_t k = 0; k < kAccommodations; ++k) {
    const double bound_lo = p.price_floor * (k == 0 ? p.hotel_price_base : p.str_price_base);
    if (m.price[kPort][k] > bound_lo * 1.001)
      CHECK(m.occupancy[kPort][k] ==
            Approx(k == 0 ? p.target_occupancy_hotel : p.target_occupancy_str).epsilon(0.02));
  }
}

TEST_CASE("tourism: Butler — a zone's share falls as its pressure rises", "[tourism]") {
  TourismParams p = tiny_params();
  const auto z = tiny_zones();
  TourismState s;
  s.init(4, p);
  const auto cap = tourism_capacity(p, z, kDays);
  double previous = 1.0;
  for (double pressure : {0.0, 0.2, 0.5, 1.0}) {
    s.pressure[kCentre] = pressure;
    const auto share = choice_probabilities(p, z, cap, s.price, s.pressure);
    const double centre = share[kCentre][0] + share[kCentre][1] + share[kCentre][2];
    CHECK(centre < previous);
    previous = centre;
  }
  // Through the market: with rooms to spare, last month's crowding moves nights elsewhere.
  TourismState calm, crowded;
  calm.init(4, p);
  crowded.init(4, p);
  crowded.pressure[kCentre] = 0.5;
  const auto a = run_month(p, z, 2e5, &calm);
  const auto b = run_month(p, z, 2e5, &crowded);
  CHECK(sum_nights(b, kCentre) / b.total_nights() < sum_nights(a, kCentre) / a.total_nights());
}

TEST_CASE("tourism: dispersal raises the periphery's share of nights", "[tourism]") {
  TourismParams base = tiny_params(), dispersed = tiny_params();
  dispersed.dispersal = 1.0;
  const auto a = run_month(base, tiny_zones(), 4e5);
  const auto b = run_month(dispersed, tiny_zones(), 4e5);
  CHECK(sum_nights(b, kPeriphery) / b.total_nights() >
        sum_nights(a, kPeriphery) / a.total_nights() * 1.2);
  CHECK(b.day_visits[kPeriphery] > a.day_visits[kPeriphery]);
}

TEST_CASE("tourism: a cruise cap lowers day visitors and pressure in the port zone", "[tourism]") {
  TourismParams open = tiny_params(), capped = tiny_params();
  capped.cruise_cap = 20000;  // of the 50,000 offered
  const auto a = run_month(open, tiny_zones(), 4e5);
  const auto b = run_month(capped, tiny_zones(), 4e5);
  CHECK(b.day_visits[kPort] < a.day_visits[kPort]);
  CHECK(b.pressure[kPort] < a.pressure[kPort]);
  CHECK(b.visitors_day < a.visitors_day);
  CHECK(a.pressure[kExternal] == 0.0);  // nobody lives there: no pressure
  // Pressure is visitors per resident-day, computed by hand for the port zone.
  const double nights = sum_nights(a, kPort);
  CHECK(a.pressure[kPort] ==
        Approx((nights + open.day_visitor_weight * a.day_visits[kPort]) / (150000 * kDays)));
}

TEST_CASE("tourism: switching is gradual — the monthly share stays below h at any gap",
          "[tourism]") {
  TourismParams p = tiny_params();
  CHECK(switching_share(p, 1e9) < p.switching_max + 1e-15);
  CHECK(switching_share(p, 1e9) > 0.99 * p.switching_max);
  CHECK(switching_share(p, p.switching_cost) == Approx(p.switching_max / 2));
  CHECK(switching_share(p, -1e9) == Approx(0.0).margin(1e-12));
  // A huge gap on a large vacant stock: realised flows stay within h (plus one rounding unit).
  TourismState s;
  s.init(1, p);
  s.expected_revenue[0] = {1e6, 1e6};
  StrStocks st;
  st.resize(1);
  st.vacant_ltr[0] = 100000;
  st.licence_limit[0] = 1000000;
  const auto f = convert_str(p, st, {900.0}, s);
  const auto moved = f.ltr_to_licensed[0] + f.ltr_to_unlicensed[0];
  CHECK(moved > 0);
  CHECK(static_cast<double>(moved) <= p.switching_max * 100000 + 1);
  CHECK(f.nonrenewal_probability[0] <= p.nonrenewal_max);
}

TEST_CASE("tourism: conversions conserve dwellings, including freed units and withdrawals",
          "[tourism]") {
  TourismParams p = tiny_params();
  p.enforcement = 0.3;
  TourismState s;
  s.init(3, p);
  s.expected_revenue = {{{3000, 2500}}, {{500, 400}}, {{1500, 1500}}};
  StrStocks st;
  st.resize(3);
  st.vacant_ltr = {200, 50, 7};
  st.freed_for_str = {10, 0, 3};
  st.licensed = {400, 120, 0};
  st.unlicensed = {90, 60, 1};
  st.licence_limit = {300, 500, 0};  // zone 0 above its cap, zone 2 allows no licence
  for (int t = 0; t < 36; ++t) {
    std::vector<std::int64_t> before = {st.total(0), st.total(1), st.total(2)};
    const auto f = convert_str(p, st, {900, 900, 900}, s);
    std::int64_t ltr_net = 0;
    for (std::size_t z = 0; z < 3; ++z) ltr_net += f.ltr_change(z);
    apply_str_flows(f, st);
    for (std::size_t z = 0; z < 3; ++z) {
      REQUIRE(st.total(z) == before[z]);
      REQUIRE(st.freed_for_str[z] == 0);
    }
    CHECK(st.licensed[2] == 0);  // never a licence where none is allowed
  }
  // Licences above the cap are withdrawn at 8.3 % of the excess a month: 100·0.917^36 ≈ 4 left.
  CHECK(st.licensed[0] <= 306);
  CHECK(st.licensed[0] >= 300 - 5);
  CHECK(st.unlicensed[1] < 60);  // revenue below rent: landlords leave, enforcement removes
}

TEST_CASE("tourism: a zero licence cap stops licensed growth and lowers the centre's STR share",
          "[tourism]") {
  const TourismParams p = open_register();
  const auto open = simulate(p, 24);
  TourismParams none = p;
  none.str_licence_cap = 0.0;
  const auto capped = simulate(none, 24);
  CHECK(open.licensed[kCentre] > 1000);  // the default cap lets licensed STR grow
  CHECK(capped.licensed[kCentre] < 1000);
  const auto str = [](const StrStocks& s) { return s.licensed[kCentre] + s.unlicensed[kCentre]; };
  CHECK(str(capped) < str(open));
  // The frozen register of core zones (Barcelona's moratorium) also stops licensed growth.
  const auto frozen = simulate(tiny_params(), 24);
  CHECK(frozen.licensed[kCentre] <= 1000);
  const auto limits = licence_limits(tiny_params(), {1, 1, 1, 1}, {500, 500, 500, 0},
                                     {100, 100, 100, 0}, tiny_zones().is_core);
  CHECK(limits == std::vector<std::int64_t>{100, 100, 500, 0});  // frozen only in the core
  CHECK(licence_limits(tiny_params(), {0.1, 0.1, 0.1, 0.1}, {500, 500, 500, 0}, {100, 20, 0, 0},
                       tiny_zones().is_core) == std::vector<std::int64_t>{50, 20, 50, 0});
}

TEST_CASE("tourism: higher enforcement lowers unlicensed STR", "[tourism]") {
  TourismParams lax = open_register(), strict = open_register();
  lax.enforcement = 0.0;
  strict.enforcement = 0.1;
  const auto a = simulate(lax, 24);
  const auto b = simulate(strict, 24);
  for (std::size_t z : {kCentre, kPort, kPeriphery}) CHECK(b.unlicensed[z] < a.unlicensed[z]);
}

TEST_CASE("tourism: the month's market is deterministic", "[tourism][determinism]") {
  TourismParams p = tiny_params();
  TourismState s1, s2;
  const auto a = run_month(p, tiny_zones(), 4e5, &s1);
  const auto b = run_month(p, tiny_zones(), 4e5, &s2);
  for (std::size_t z = 0; z < 4; ++z)
    for (std::size_t k = 0; k < kAccommodations; ++k) {
      REQUIRE(a.nights[z][k] == b.nights[z][k]);
      REQUIRE(a.price[z][k] == b.price[z][k]);
    }
}
