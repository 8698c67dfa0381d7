// Housing supply and investors: construction pipeline, asset prices, fund purchases and the rent
// cap at renewal, on hand-built zones (docs/HOUSING_SUPPLY.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "mechanisms/housing/asset_price.hpp"
#include "mechanisms/housing/construction.hpp"
#include "mechanisms/housing/investors.hpp"
#include "mechanisms/housing/market_rent.hpp"
#include "mechanisms/housing/rent_regulation.hpp"

using namespace metrosim;
using namespace metrosim::mechanisms;
using agents::Tenure;

namespace {

constexpr auto kO = static_cast<std::size_t>(Tenure::kOwner);
constexpr auto kL = static_cast<std::size_t>(Tenure::kLtr);
constexpr auto kS = static_cast<std::size_t>(Tenure::kSocial);

/// Zones with the given stocks (agent units) and rents; the last zone is external when asked.
agents::Zones make_zones(const std::vector<std::array<std::int64_t, 3>>& stock, double rent,
                         bool last_external = false) {
  agents::Zones z;
  z.resize(stock.size());
  for (std::size_t i = 0; i < stock.size(); ++i) {
    z.code[i] = "Z" + std::to_string(i);
    z.stock[i] = stock[i];
    z.occupied[i] = {0, 0, 0};
    z.rent_market[i] = rent;
    z.natural_vacancy[i] = 0.05;
  }
  if (last_external) z.is_external.back() = 1;
  return z;
}

std::int64_t private_stock(const agents::Zones& z, std::size_t i) {
  return z.stock[i][kO] + z.stock[i][kL];
}
double D(std::int64_t v) {
  return static_cast<double>(v);
}
std::int64_t sum(const std::vector<std::int64_t>& v) {
  return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

}  // namespace

TEST_CASE("supply: fractional flows become agent units without loss to rounding", "[supply]") {
  double carry = 0.0, real_total = 0.0;
  std::int64_t units = 0;
  for (int t = 0; t < 10000; ++t) {
    const double flow = 0.013 + 0.01 * std::sin(0.1 * t);  // real dwellings/month
    units += to_agent_units(flow, 0.7, carry);
    real_total += flow * 0.7;
    REQUIRE((carry >= 0.0 && carry < 1.0));
  }
  CHECK(std::abs(D(units) - real_total) < 1.0);
  CHECK_THROWS(to_agent_units(-1.0, 0.5, carry));

  // Largest remainder: parts sum to n, each is the floor or ceiling of its quota, and equal
  // remainders rotate with first_tie.
  const std::vector<double> w = {1, 2, 3, 0.5};
  std::vector<std::int64_t> out(4);
  for (std::int64_t n : {0, 1, 7, 13, 1000}) {
    apportion(n, w, 2, out);
    CHECK(sum(out) == n);
    for (std::size_t k = 0; k < w.size(); ++k) {
      const double quota = D(n) * w[k] / 6.5;
      CHECK((D(out[k]) >= std::floor(quota) && D(out[k]) <= std::ceil(quota)));
    }
  }
  const std::vector<double> flat(13, 1.0);
  std::vector<std::int64_t> parts(13);
  apportion(2, flat, 5, parts);
  CHECK((parts[5] == 1 && parts[6] == 1 && sum(parts) == 2));
}

TEST_CASE("supply: one month's starts complete 24 to 36 months later, spread evenly", "[supply]") {
  ConstructionParams p;
  p.prefill_pipeline = false;
  p.price_elasticity = 1.0;  // price 0 starts nothing
  p.start_rate = 0.5;
  auto zones = make_zones({{{4000, 2000, 100}}}, 800.0);
  ConstructionState st;
  init_construction(p, 1.0, std::vector<double>{3e5}, zones, st);
  ConstructionFlows f;
  std::int64_t started = 0;
  std::vector<std::int64_t> done(60, 0);
  for (core::Step t = 0; t < 60; ++t) {
    step_construction(p, t, 1.0, std::vector<double>{t == 5 ? 3e5 : 0.0}, zones, st, f);
    check_construction(st);
    started += f.starts_private[0];
    if (t != 5) REQUIRE(f.starts_private[0] == 0);
    done[static_cast<std::size_t>(t)] = f.completions_owner[0] + f.completions_ltr[0];
  }
  REQUIRE(started > 13 * 10);  // enough units to see the spread
  for (core::Step t = 0; t < 60; ++t) {
    const auto d = D(done[static_cast<std::size_t>(t)]);
    CHECK(std::abs(d - (t < 5 + 24 || t > 5 + 36 ? 0.0 : D(started) / 13.0)) < 1.0);
  }
  CHECK(sum(done) == started);
  CHECK(st.pipeline_private[0] == 0);
}

TEST_CASE("supply: long run, fractional flows: completions equal starts, 24-36 months later",
          "[supply]") {
  ConstructionParams p;
  p.prefill_pipeline = false;
  p.start_rate = 0.02;
  p.completion_ltr_share = 0.3;
  const double scale = 0.37;
  auto zones = make_zones({{{900, 400, 20}}, {{500, 300, 0}}}, 800.0, /*last_external=*/true);
  ConstructionState st;
  init_construction(p, scale, std::vector<double>{2.5e5, 2.5e5}, zones, st);
  ConstructionFlows f;
  const int T = 400, stop = 340;  // no starts from `stop` on (price 0), so the pipeline drains
  std::vector<std::int64_t> cum_s(T, 0), cum_c(T, 0);
  std::int64_t s = 0, c = 0, ltr = 0;
  double real = 0.0;
  const auto stock0 = private_stock(zones, 0);
  for (core::Step t = 0; t < T; ++t) {
    const double q = 1.0 + 0.4 * std::sin(0.05 * t);
    const double price = t < stop ? q * construction_cost(p, st, 0, t) : 0.0;
    const double cost = construction_cost(p, st, 0, t);
    real += private_starts(p, D(private_stock(zones, 0)) / scale, price, cost) * scale;
    const auto before = zones.stock;
    step_construction(p, t, scale, std::vector<double>{price, 1e9}, zones, st, f);
    check_construction(st);
    for (std::size_t u = 0; u < 3; ++u)
      REQUIRE(zones.stock[0][u] >= before[0][u]);  // never shrinks
    REQUIRE(zones.stock[1] == before[1]);          // no construction in the external zone
    REQUIRE(f.starts_private[1] == 0);
    const std::int64_t done = f.completions_owner[0] + f.completions_ltr[0];
    REQUIRE(private_stock(zones, 0) - (before[0][kO] + before[0][kL]) == done);
    s += f.starts_private[0];
    c += done;
    ltr += f.completions_ltr[0];
    cum_s[static_cast<std::size_t>(t)] = s;
    cum_c[static_cast<std::size_t>(t)] = c;
  }
  const auto S = [&](int t) { return t < 0 ? 0 : cum_s[static_cast<std::size_t>(t)]; };
  for (int t = 0; t < T; ++t) {
    REQUIRE(cum_c[static_cast<std::size_t>(t)] <= S(t - 24));  // nothing completes before 24
    REQUIRE(cum_c[static_cast<std::size_t>(t)] >= S(t - 36));  // everything within 36
  }
  REQUIRE(s > 500);
  CHECK(std::abs(D(s) - real) < 1.0);  // rounding carry loses nothing
  CHECK(c == s);
  CHECK(st.pipeline_private[0] == 0);
  CHECK(private_stock(zones, 0) - stock0 == s);
  CHECK(std::abs(D(ltr) - 0.3 * D(c)) < 1.0);
}

TEST_CASE("supply: starts rise with price over construction cost", "[supply]") {
  ConstructionParams p;
  const double lo = private_starts(p, 1e5, 0.8, 1.0), mid = private_starts(p, 1e5, 1.0, 1.0),
               hi = private_starts(p, 1e5, 1.2, 1.0);
  CHECK((lo < mid && mid < hi));
  CHECK(mid == Approx(1e5 * (1 - std::pow(1 - p.start_rate, 1.0 / 12))));
  CHECK(private_starts(p, 1e5, 100.0, 1.0) == Approx(mid * std::pow(p.max_q, p.price_elasticity)));
  p.price_elasticity = 0.0;
  CHECK(private_starts(p, 1e5, 0.8, 1.0) == Approx(private_starts(p, 1e5, 1.2, 1.0)));

  // Zone level: two equal zones, one with a 30 % higher price, over two years.
  ConstructionParams q;
  q.prefill_pipeline = false;
  auto zones = make_zones({{{5000, 2000, 0}}, {{5000, 2000, 0}}}, 800.0);
  ConstructionState st;
  init_construction(q, 1.0, std::vector<double>{2e5, 2e5}, zones, st);
  ConstructionFlows f;
  std::int64_t a = 0, b = 0;
  for (core::Step t = 0; t < 24; ++t) {
    step_construction(q, t, 1.0, std::vector<double>{2e5, 2.6e5}, zones, st, f);
    a += f.starts_private[0];
    b += f.starts_private[1];
  }
  CHECK(b > a);
}

TEST_CASE("supply: more completions lower market rents (paired, 24 months)", "[supply]") {
  // Same zone, same demand (occupied LTR units fixed); B receives the pipeline's completions.
  HousingParams hp;
  ConstructionParams p;
  p.start_rate = 0.03;
  p.completion_ltr_share = 1.0;
  auto base = make_zones({{{2000, 2000, 0}}}, 800.0);
  base.occupied[0] = {2000, 1900, 0};
  auto more = base;
  ConstructionState st;
  init_construction(p, 1.0, std::vector<double>{3e5}, more, st);  // steady-state pipeline
  ConstructionFlows f;
  double rent_a = 800.0, rent_b = 800.0;
  for (core::Step t = 0; t < 24; ++t) {
    step_construction(p, t, 1.0, std::vector<double>{3e5}, more, st, f);
    const auto vac = [](const agents::Zones& z) {
      return D(z.vacant(0, Tenure::kLtr)) / D(z.stock[0][kL]);
    };
    rent_a = next_market_rent(hp, rent_a, vac(base), 0.05, 0.0);
    rent_b = next_market_rent(hp, rent_b, vac(more), 0.05, 0.0);
    REQUIRE(rent_b <= rent_a);
  }
  REQUIRE(more.stock[0][kL] > base.stock[0][kL] + 100);
  CHECK(rent_b < rent_a * 0.99);
}

TEST_CASE("supply: social units follow the lever and its zone weights, after the lag", "[supply]") {
  ConstructionParams p;
  p.prefill_pipeline = false;
  p.start_rate = 0.0;
  p.social_units_per_year = 1200.0;
  const double scale = 0.1;
  auto zones = make_zones({{{3000, 1000, 0}}, {{1000, 0, 0}}, {{800, 0, 0}}}, 800.0, true);
  ConstructionState st;
  init_construction(p, scale, std::vector<double>{3e5, 3e5, 3e5}, zones, st);
  st.social_weight[1] = 2.0;  // a per-zone override: zone 1 gets 2 × 1000 vs zone 0's 4000
  ConstructionFlows f;
  std::int64_t started[3] = {0, 0, 0}, first_completion = -1, done = 0, early[2] = {0, 0};
  for (core::Step t = 0; t < 120; ++t) {
    step_construction(p, t, scale, std::vector<double>{3e5, 3e5, 3e5}, zones, st, f);
    for (std::size_t z = 0; z < 3; ++z) started[z] += f.starts_social[z];
    if (t < 24)  // before any completion changes the zones' dwellings
      for (std::size_t z = 0; z < 2; ++z) early[z] += f.starts_social[z];
    const std::int64_t d = f.completions_social[0] + f.completions_social[1];
    if (d > 0 && first_completion < 0) first_completion = t;
    done += d;
  }
  CHECK(started[2] == 0);
  CHECK(std::abs(D(started[0] + started[1]) - 1200.0 * 10 * scale) <= 2.0);
  CHECK(std::abs(early[0] + early[1] - 240) <= 2);  // 100 real a month × 0.1 × 24, carry ≤ 1 a zone
  CHECK(std::abs(D(early[0]) - 2.0 * D(early[1])) <= 3.0);
  CHECK(first_completion >= 24);
  CHECK(done + st.pipeline_social[0] + st.pipeline_social[1] == started[0] + started[1]);
  CHECK(zones.stock[0][kS] + zones.stock[1][kS] == done);
}

TEST_CASE("supply: asset price falls with i, rises with expected growth, finite at the floor",
          "[supply]") {
  AssetPriceParams p;
  CHECK(asset_price(p, 800, 0.04, 0.01) < asset_price(p, 800, 0.02, 0.01));
  CHECK(asset_price(p, 800, 0.03, 0.02) > asset_price(p, 800, 0.03, 0.0));
  CHECK(asset_price(p, 800, 0.03, 0.01) == Approx(12 * 800 / (0.03 + 0.02 + 0.005 - 0.01)));
  const double at_floor = asset_price(p, 800, 0.01, 0.5);  // raw user cost negative
  CHECK((std::isfinite(at_floor) && at_floor == Approx(12 * 800 / p.min_user_cost)));
  CHECK(asset_price(p, 800, 0.01, 0.9) == at_floor);
  CHECK(std::isfinite(asset_price(p, 800, std::nan(""), 0.0)));

  // Adaptive expectations: rents growing 0.2 %/month pull g^e up monotonically toward the
  // realised yearly growth; a higher rate path lowers every price.
  const std::vector<double> path = {0.03, 0.03, 0.05};
  CHECK((interest_rate_at(path, 0.1, 1) == 0.03 && interest_rate_at(path, 0.1, 99) == 0.05));
  CHECK(interest_rate_at({}, 0.1, 3) == 0.1);
  AssetPriceState a, b;
  std::vector<double> rent = {800.0};
  init_asset_prices(p, 0.03, rent, a);
  init_asset_prices(p, 0.03, rent, b);
  const double target = std::pow(1.002, 12) - 1;
  double g = a.expected_growth[0];
  for (int t = 1; t <= 240; ++t) {
    rent[0] *= 1.002;
    update_asset_prices(p, 0.03, rent, a);
    update_asset_prices(p, 0.05, rent, b);
    REQUIRE(a.expected_growth[0] >= g);
    REQUIRE(a.expected_growth[0] <= target + 1e-12);
    REQUIRE(b.price[0] < a.price[0]);
    g = a.expected_growth[0];
  }
  CHECK(g == Approx(target).epsilon(1e-3));
}

TEST_CASE("investors: funds buy more where yield beats the hurdle by more, within the budget",
          "[supply]") {
  InvestorParams p;
  p.capital_budget = 1e12;  // not binding
  p.initial_large_share = 0.0;
  // Equal stocks and prices; rents give gross yields 4 %, 5.5 % and 7 % against a 4.5 % hurdle.
  auto zones = make_zones({{{0, 20000, 0}}, {{0, 20000, 0}}, {{0, 20000, 0}}}, 1000.0);
  const std::vector<double> price = {3e5, 3e5, 3e5}, rent = {1000.0, 1375.0, 1750.0};
  CHECK(purchase_rate(p, 0.04) == 0.0);
  CHECK(purchase_rate(p, 0.055) < purchase_rate(p, 0.07));
  InvestorState st;
  init_investors(p, zones, {}, st);
  FundPurchases f;
  std::int64_t bought[3] = {0, 0, 0};
  for (int t = 0; t < 24; ++t) {
    fund_purchases(p, 1.0, rent, price, zones, st, f);
    for (std::size_t z = 0; z < 3; ++z) bought[z] += f.units[z];
  }
  CHECK((bought[0] == 0 && bought[1] > 0 && bought[2] > bought[1]));

  // A binding budget: spend never exceeds the available capital, and with no dry powder never
  // the month's budget; cumulative spend never exceeds cumulative budget.
  for (double months : {0.0, 6.0}) {
    InvestorParams q = p;
    q.capital_budget = 2.5e6;  // about 8 dwellings a month
    q.dry_powder_months = months;
    InvestorState s2;
    init_investors(q, zones, {}, s2);
    double spent = 0.0, budget = 0.0;
    std::int64_t units = 0;
    for (core::Step t = 0; t < 120; ++t) {
      auto u = core::RngKey{7, 0}.stream(core::Mechanism::kTest, 1, t);
      const std::vector<double> pr = {3e5 * (0.8 + 0.6 * u.uniform(0)),
                                      3e5 * (0.8 + 0.6 * u.uniform(1)), 3e5};
      fund_purchases(q, 0.5, rent, pr, zones, s2, f);
      budget += q.capital_budget;
      spent += f.spend;
      for (std::size_t z = 0; z < 3; ++z) units += f.units[z];
      REQUIRE(f.spend <= f.available);
      REQUIRE(f.available <= q.capital_budget * (1.0 + months) + 1e-6);
      if (months == 0.0) REQUIRE(f.spend <= q.capital_budget);
      REQUIRE(spent <= budget);
    }
    CHECK((units > 0 && spent > 0.5 * budget));  // the budget, not the rate, limits here
  }
}

TEST_CASE("investors: ownership transfers conserve LTR units and move tenants by keyed draws",
          "[supply]") {
  InvestorParams p;
  p.capital_budget = 1e12;
  p.max_purchase_rate = 0.3;
  auto zones = make_zones({{{100, 3000, 10}}, {{100, 50, 0}}}, 1500.0);
  const std::vector<double> price = {3e5, 3e5}, rent = {1500.0, 1500.0};
  InvestorState st;
  init_investors(p, zones, std::vector<double>{0.1, 0.0}, st);
  CHECK(st.ltr_large[0] == 300);
  FundPurchases f;
  const auto stock = zones.stock;
  for (int t = 0; t < 60; ++t) {
    const auto before = st.ltr_large;
    fund_purchases(p, 1.0, rent, price, zones, st, f);
    for (std::size_t z = 0; z < 2; ++z) {
      REQUIRE(st.ltr_large[z] - before[z] == f.units[z]);
      REQUIRE(f.units[z] <= zones.stock[z][kL] - before[z]);  // only from small landlords
    }
    check_investors(st, zones);
  }
  CHECK(zones.stock == stock);  // ownership changes, use does not
  CHECK(st.ltr_large[0] > 300);
  CHECK(st.ltr_large[1] > 25);  // most of a small high-yield zone is bought, never beyond it
  // New LTR completions: the build-to-rent share goes to large holders.
  const auto large0 = st.ltr_large[0];
  zones.stock[0][kL] += 10;
  add_ltr_completions(p, std::vector<std::int64_t>{10, 0}, st);
  CHECK(st.ltr_large[0] == large0 + 3);
  check_investors(st, zones);
  CHECK(large_share(st, zones, 0) == Approx(D(large0 + 3) / D(zones.stock[0][kL])));

  // Occupied share of a transfer and the tenants whose landlord changes.
  CHECK((occupied_in_transfer(10, 90, 100) == 9 && occupied_in_transfer(10, 0, 100) == 0));
  CHECK(occupied_in_transfer(10, 95, 100) == 10);  // only 5 vacant: at least 5 occupied
  agents::Households hh;
  hh.resize(200);
  for (std::size_t i = 0; i < 200; ++i) {
    hh.id[i] = 1000 + i;
    hh.zone[i] = static_cast<core::ZoneIndex>(i % 2);
    hh.tenure[i] = i % 5 == 0 ? Tenure::kOwner : Tenure::kLtr;
  }
  const core::StepContext ctx{3, core::Calendar{{2015, 1}}, core::RngKey{1, 0}};
  const auto switched = [&](const agents::Households& h) {  // ids given a large landlord
    std::vector<LandlordType> ll(h.size(), LandlordType::kSmall);
    transfer_tenants(ctx, core::Mechanism::kTest, std::vector<std::int64_t>{7, 0}, h, ll);
    std::vector<core::AgentId> ids;
    for (std::size_t i = 0; i < h.size(); ++i)
      if (ll[i] == LandlordType::kLarge) {
        REQUIRE((h.zone[i] == 0 && h.tenure[i] == Tenure::kLtr));
        ids.push_back(h.id[i]);
      }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  const auto ids = switched(hh);
  CHECK(ids.size() == 7);
  // Row order does not matter: reversed rows switch the same households.
  agents::Households rev = hh;
  std::reverse(rev.id.begin(), rev.id.end());
  std::reverse(rev.zone.begin(), rev.zone.end());
  std::reverse(rev.tenure.begin(), rev.tenure.end());
  CHECK(switched(rev) == ids);
  CHECK(landlord_for_new_lease(0.2, 3, 10) == LandlordType::kLarge);
  CHECK(landlord_for_new_lease(0.4, 3, 10) == LandlordType::kSmall);
  CHECK(landlord_for_new_lease(0.0001, 0, 10) == LandlordType::kSmall);
}

TEST_CASE("investors: funds reset more, renew less and have longer terms from 2019", "[supply]") {
  InvestorParams p;
  // The small landlords' default reset is 1.0 (the retired housing.renewal_reset's default), as
  // the large holders'; a sitting-tenant discount makes it smaller.
  CHECK(p.renewal_reset_small <= p.renewal_reset_large);
  p.renewal_reset_small = 0.85;
  RentCap cap;
  cap.rent_cap = 0.03;
  cap.rent_cap_large = 0.02;
  const auto s = renewal_terms(p, cap, LandlordType::kSmall, {2020, 1});
  const auto l = renewal_terms(p, cap, LandlordType::kLarge, {2020, 1});
  CHECK((s.reset_share == 0.85 && l.reset_share == p.renewal_reset_large));
  CHECK(l.non_renewal_probability > s.non_renewal_probability);
  CHECK(l.conversion_propensity > s.conversion_propensity);
  CHECK((s.increase_cap == 0.03 && l.increase_cap == 0.02));
  CHECK((s.min_term_months == 60 && l.min_term_months == 84));
  CHECK(min_lease_term(p, LandlordType::kLarge, {2019, 2}) == 36);
  CHECK(min_lease_term(p, LandlordType::kSmall, {2019, 3}) == 60);
}

TEST_CASE("rent regulation: a cap lowers the renewal rent after a jump, never raises it",
          "[supply]") {
  RentCap none, cap;
  cap.rent_cap = 0.02;
  const auto small = LandlordType::kSmall, large = LandlordType::kLarge;
  // The market jumped from 800 to 1100: without a cap the reset takes it all.
  CHECK(regulated_renewal_rent(800, 1100, 1.0, 5, none, small) == 1100.0);
  const double capped = regulated_renewal_rent(800, 1100, 1.0, 5, cap, small);
  CHECK((capped == Approx(800 * std::pow(1.02, 5)) && capped < 1100.0));
  // Large holders may face their own, stricter cap; negative = the general one.
  RentCap by_type = cap;
  by_type.rent_cap_large = 0.01;
  CHECK(regulated_renewal_rent(800, 1100, 1.0, 5, by_type, large) < capped);
  CHECK(regulated_renewal_rent(800, 1100, 1.0, 5, cap, large) == capped);
  // Only the large holders capped: small landlords reset freely.
  RentCap large_only;
  large_only.rent_cap_large = 0.02;
  CHECK(regulated_renewal_rent(800, 1100, 1.0, 5, large_only, small) == 1100.0);
  CHECK(regulated_renewal_rent(800, 1100, 1.0, 5, large_only, large) == Approx(capped));
  // Never above the uncapped rent, and exactly the uncapped rent without a cap.
  auto u = core::RngKey{3, 0}.stream(core::Mechanism::kTest, 0, 0);
  for (std::uint32_t k = 0; k < 2000; k += 5) {
    const double old_rent = 300 + 1500 * u.uniform(k), market = 300 + 1500 * u.uniform(k + 1);
    const double reset = u.uniform(k + 2), years = 8 * u.uniform(k + 3);
    RentCap c;
    c.rent_cap = 0.1 * u.uniform(k + 4) - 0.02;  // some negative = no cap
    const double free = old_rent + reset * (market - old_rent);
    const double r = regulated_renewal_rent(old_rent, market, reset, years, c, small);
    REQUIRE(r <= free);
    if (c.rent_cap < 0 || market <= old_rent) REQUIRE(r == free);
    REQUIRE(regulated_renewal_rent(old_rent, market, reset, years, none, large) == free);
  }
}
