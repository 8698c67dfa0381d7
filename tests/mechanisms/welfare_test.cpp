// Welfare (MODEL.md §7.11): the household location logsum of the relocation choice in EUR/month,
// analytic checks on the tiny world, the fast table against the direct evaluation, quintiles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mechanisms/externalities/welfare.hpp"
#include "mechanisms/relocation/zone_choice.hpp"
#include "model/world.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;
using agents::Tenure;

namespace {

/// The tiny world with every zone (the external one too) made identical for choosers:
/// same market rent, amenity and dwelling stock of every use, and no distance term.
model::World identical_zones(double rent, std::int64_t stock) {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  w.scenario.relocation.beta_distance = 0.0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    w.zones.rent_market[z] = rent;
    w.zones.amenity[z] = 0.25;
    for (std::size_t u = 0; u < agents::kTenures; ++u) w.zones.stock[z][u] = stock;
  }
  return w;
}

}  // namespace

TEST_CASE("welfare: logsum of identical zones is ln(N) plus the common utility",
          "[externalities][welfare]") {
  const double rent = 800.0;
  const std::int64_t stock = 9000;  // more than any zone's occupancy of a use in the tiny world
  const model::World w = identical_zones(rent, stock);
  const auto& p = w.scenario.relocation;
  const double n_zones = static_cast<double>(w.zones.size());
  const auto fast = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < w.households.size(); i += 97) {
    const double y = w.households.income[i];
    const double cost = w.households.tenure[i] == Tenure::kSocial ? 0.0 : rent;
    // V = ln(stock) − β·c/y + amenity; welfare = (ln weight + ln N + V) · y / β.
    const double v = std::log(double(stock)) - p.beta_burden * cost / y + 0.25;
    const double expected = (std::log(w.weight) + std::log(n_zones) + v) * y / p.beta_burden;
    CHECK(mechanisms::household_welfare_exact(p, w.zones, w.households, i, w.weight) ==
          Approx(expected).epsilon(1e-12));
    // The fast table interpolates (cubic Hermite): within a cent, as the direct evaluation test.
    CHECK(fast[i] == Approx(expected).margin(0.01));
    ++checked;
  }
  CHECK(checked > 100);
  // The logsum itself.
  const std::vector<double> u = {1.5, 1.5, 1.5, mechanisms::kExcluded};
  CHECK(mechanisms::logsum(u) == Approx(std::log(3.0) + 1.5));
  CHECK(mechanisms::logsum(std::vector<double>{mechanisms::kExcluded}) ==
        -std::numeric_limits<double>::infinity());
}

TEST_CASE("welfare: a rent rise of R in every zone costs a renter exactly R EUR/month",
          "[externalities][welfare]") {
  // The EUR conversion uses the marginal utility of income implied by the relocation utility
  // (β/y): a uniform cost change must come back at face value, whatever the zones differ in.
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  const auto& p = w.scenario.relocation;
  const auto before = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  for (auto& r : w.zones.rent_market) r += 50.0;
  const auto after = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  std::size_t renters = 0;
  for (std::size_t i = 0; i < w.households.size(); ++i) {
    if (w.households.tenure[i] == Tenure::kSocial) {
      CHECK(after[i] == before[i]);  // social tenants pay no market rent
      continue;
    }
    REQUIRE(after[i] - before[i] == Approx(-50.0).margin(0.02));  // two table errors < 1 cent
    ++renters;
  }
  CHECK(renters > 10000);
}

TEST_CASE("welfare: a lower rent in one zone raises every market household's welfare",
          "[externalities][welfare]") {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  const auto& p = w.scenario.relocation;
  const auto before = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  w.zones.rent_market[2] *= 0.8;
  const auto after = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  double gain_near = 0, gain_far = 0;
  std::size_t n_near = 0, n_far = 0;
  for (std::size_t i = 0; i < w.households.size(); ++i) {
    if (w.households.tenure[i] == Tenure::kSocial) continue;
    REQUIRE(after[i] > before[i]);
    // The gain is bounded by the rent cut (the zone's choice probability is below one).
    REQUIRE(after[i] - before[i] < 0.2 * w.zones.rent_market[2] / 0.8);
    (w.households.zone[i] == 2 ? gain_near : gain_far) += after[i] - before[i];
    (w.households.zone[i] == 2 ? n_near : n_far) += 1;
  }
  // Residents of the zone (no distance to it) gain more on average than those further away.
  CHECK(gain_near / double(n_near) > gain_far / double(n_far));
}

TEST_CASE("welfare: the fast table equals the direct evaluation for every household",
          "[externalities][welfare]") {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  // Widen incomes (×0.05 … ×20) so that the table spans a hard range.
  for (std::size_t i = 0; i < w.households.size(); i += 13) w.households.income[i] *= 20.0;
  for (std::size_t i = 5; i < w.households.size(); i += 17) w.households.income[i] *= 0.05;
  const auto& p = w.scenario.relocation;
  const auto fast = mechanisms::household_welfare(p, w.zones, w.households, w.weight);
  double worst = 0.0;
  for (std::size_t i = 0; i < w.households.size(); ++i) {
    const double exact = mechanisms::household_welfare_exact(p, w.zones, w.households, i, w.weight);
    REQUIRE(std::isfinite(exact));
    worst = std::max(worst, std::abs(fast[i] - exact));
  }
  CHECK(worst < 0.01);  // EUR/month: below a cent
  // No sense without a money term.
  auto q = p;
  q.beta_burden = 0.0;
  CHECK(std::isnan(mechanisms::household_welfare(q, w.zones, w.households, w.weight)[0]));
}

TEST_CASE("welfare: quintiles partition households into fifths, whatever their order",
          "[externalities][welfare]") {
  std::vector<double> y(1003);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = 500.0 + double((i * 7919) % y.size());
  const auto b = mechanisms::quintile_bounds(y);
  std::array<std::size_t, mechanisms::kQuintiles> count{};
  for (double v : y) ++count[mechanisms::quintile_of(b, v)];
  CHECK(std::accumulate(count.begin(), count.end(), std::size_t{0}) == y.size());
  for (auto c : count) CHECK((c == 200 || c == 201));
  for (std::size_t k = 1; k < b.size(); ++k) CHECK(b[k] > b[k - 1]);
  // Another order gives the same bounds.
  auto shuffled = y;
  std::reverse(shuffled.begin(), shuffled.end());
  std::rotate(shuffled.begin(), shuffled.begin() + 311, shuffled.end());
  CHECK(mechanisms::quintile_bounds(shuffled) == b);
  // The bounds are the order statistics ⌈k·n/5⌉ of a sorted copy, for wide-ranging values with
  // many near-equal ones (the selection works on buckets of the values' leading bits).
  for (std::size_t n : {1u, 2u, 7u, 5000u, 12345u}) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
      v[i] = (i % 3 == 0) ? 1000.0 + double(i % 11) * 1e-9 : std::exp(double((i * 37) % 97) / 9.0);
    auto sorted = v;
    std::sort(sorted.begin(), sorted.end());
    const auto bv = mechanisms::quintile_bounds(v);
    for (std::size_t k = 1; k <= 4; ++k) CHECK(bv[k - 1] == sorted[(k * n + 4) / 5 - 1]);
  }
  // Ties fall to the lower quintile; every value still gets exactly one.
  const std::vector<double> ties(10, 7.0);
  const auto bt = mechanisms::quintile_bounds(ties);
  for (double v : ties) CHECK(mechanisms::quintile_of(bt, v) == 0);
  CHECK(std::isnan(mechanisms::quintile_bounds(std::vector<double>{})[0]));
  CHECK_THROWS(mechanisms::quintile_bounds(std::vector<double>{1.0, -2.0}));
}

TEST_CASE("welfare: summaries are means of households, metro excluding the external zone",
          "[externalities][welfare]") {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  const auto& hh = w.households;
  std::vector<double> welfare(hh.size());
  for (std::size_t i = 0; i < hh.size(); ++i) welfare[i] = double(hh.zone[i]) * 100 + 1;
  const auto s = mechanisms::summarise_welfare(w.zones, hh, w.by_zone, welfare);
  for (std::size_t z = 0; z + 1 < w.zones.size(); ++z) CHECK(s.zone_mean[z] == double(z) * 100 + 1);
  double sum = 0, n = 0;
  std::array<double, mechanisms::kQuintiles> qn{};
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (w.zones.is_external[static_cast<std::size_t>(hh.zone[i])]) continue;
    sum += welfare[i];
    n += 1;
    qn[mechanisms::quintile_of(s.quintile_bounds, hh.income[i])] += 1;
  }
  CHECK(s.metro_mean == Approx(sum / n));
  for (double c : qn) CHECK(c == Approx(n / 5).margin(1));
  CHECK(s.quintile_bounds[0] < s.quintile_bounds[3]);
}
