// Externalities (MODEL.md §7.11): irritation probabilities and keyed draws, pollution emissions
// and source–receptor decay, on hand-built zones and the tiny world. Welfare: welfare_test.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "core/group_index.hpp"
#include "mechanisms/externalities/irritation.hpp"
#include "mechanisms/externalities/pollution.hpp"
#include "mechanisms/tourism/demand.hpp"

using namespace metrosim;
using mechanisms::PerPollutant;
using mechanisms::Pollutant;
using mechanisms::Source;

namespace {
constexpr auto kNOx = static_cast<std::size_t>(Pollutant::kNOx);
constexpr auto kSOx = static_cast<std::size_t>(Pollutant::kSOx);

/// Four zones on a line at 0, 2, 5 and 9 km, 10 km² each unless given.
Eigen::MatrixXd line_distances() {
  const double x[4] = {0, 2, 5, 9};
  Eigen::MatrixXd d(4, 4);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) d(i, j) = std::abs(x[i] - x[j]);
  return d;
}
}  // namespace

TEST_CASE("irritation: probability rises with pressure and STR share, lower for tourism workers",
          "[externalities][irritation]") {
  const mechanisms::IrritationParams p;
  double last = 0.0;
  for (double pressure : {0.0, 0.05, 0.1, 0.3, 1.0, 2.0}) {
    const double q = mechanisms::irritation_probability(p, pressure, 0.02, false);
    CHECK(q > last);
    CHECK(q < 1.0);
    last = q;
  }
  last = 0.0;
  for (double str : {0.0, 0.01, 0.05, 0.2}) {
    const double q = mechanisms::irritation_probability(p, 0.1, str, false);
    CHECK(q > last);
    last = q;
  }
  for (double pressure : {0.0, 0.2, 1.0})
    CHECK(mechanisms::irritation_probability(p, pressure, 0.02, true) <
          mechanisms::irritation_probability(p, pressure, 0.02, false));
  // The logistic itself: at zero pressure and STR the probability is logistic(a).
  CHECK(mechanisms::irritation_probability(p, 0, 0, false) ==
        Approx(1.0 / (1.0 + std::exp(-p.intercept))));
  // Extreme log-odds do not overflow.
  mechanisms::IrritationParams big = p;
  big.per_pressure = 100;
  CHECK(mechanisms::irritation_probability(big, 1e6, 0, false) == 1.0);
  big.intercept = -10;
  CHECK(std::isfinite(mechanisms::irritation_probability(big, 0, 0, true)));
}

TEST_CASE("irritation: keyed draws match the probability and do not depend on threads or rows",
          "[externalities][irritation][determinism]") {
  const mechanisms::IrritationParams p;
  const std::size_t n = 40000;
  std::vector<core::AgentId> id(n);
  std::vector<core::ZoneIndex> zone(n);
  std::vector<std::uint8_t> worker(n);
  for (std::size_t i = 0; i < n; ++i) {
    id[i] = 1000 + 7 * i;
    zone[i] = static_cast<core::ZoneIndex>(i % 2);
    worker[i] = (i % 4) < 2 ? 0 : 1;  // half of each zone works in tourism
  }
  core::GroupIndex by_zone;
  by_zone.build(zone, 2);
  const std::vector<double> pressure = {0.3, 0.0}, str = {0.03, 0.0};
  const core::StepContext ctx{5, core::Calendar({2015, 1}), {3, 0}};
  const auto out = mechanisms::irritation_by_zone(p, ctx, id, by_zone, worker, pressure, str);
  for (std::size_t z = 0; z < 2; ++z) {
    const double expected = 0.5 * mechanisms::irritation_probability(p, pressure[z], str[z], 0) +
                            0.5 * mechanisms::irritation_probability(p, pressure[z], str[z], 1);
    CHECK(out.expected_share[z] == Approx(expected));
    const double se = std::sqrt(expected * (1 - expected) / (n / 2.0));
    CHECK(out.irritated_share[z] == Approx(expected).margin(5 * se));
  }
  CHECK(out.irritated_share[0] > out.irritated_share[1]);
  // A household's draw is its own: the same id and step give the same answer alone.
  for (std::size_t i = 0; i < 50; ++i) {
    auto s = ctx.stream(core::Mechanism::kExternalities, id[i]);
    auto s2 = ctx.stream(core::Mechanism::kExternalities, id[i]);
    const auto z = static_cast<std::size_t>(zone[i]);
    CHECK(mechanisms::draw_irritated(p, s, pressure[z], str[z], worker[i]) ==
          mechanisms::draw_irritated(p, s2, pressure[z], str[z], worker[i]));
  }
  // Without tourism workers (empty span) the share can only rise.
  const auto none = mechanisms::irritation_by_zone(p, ctx, id, by_zone, {}, pressure, str);
  CHECK(none.irritated_share[0] >= out.irritated_share[0]);
  CHECK(none.expected_share[0] > out.expected_share[0]);
}

TEST_CASE("pollution: decay weights of every source sum to one and fall with distance",
          "[externalities][pollution]") {
  const auto d = line_distances();
  const std::vector<double> area = {10, 10, 10, 10};
  for (double L : {0.5, 3.0, 50.0}) {
    const auto w = mechanisms::decay_weights(L, d, area);
    for (int s = 0; s < 4; ++s) {
      CHECK(w.row(s).sum() == Approx(1.0));
      CHECK((w.row(s).array() >= 0).all());
    }
    // From source 0, receptors further away get less (equal areas).
    CHECK(w(0, 0) > w(0, 1));
    CHECK(w(0, 1) > w(0, 2));
    CHECK(w(0, 2) > w(0, 3));
  }
  // A zone without area receives nothing and the rest still sum to one.
  const std::vector<double> no_ext = {10, 10, 10, 0};
  const auto w = mechanisms::decay_weights(3.0, d, no_ext);
  CHECK(w(0, 3) == 0.0);
  CHECK(w.row(0).sum() == Approx(1.0));
  CHECK(w.row(3).sum() == Approx(1.0));  // a source there still spreads to receptors
}

TEST_CASE("pollution: concentration falls with distance from the source, whatever the areas",
          "[externalities][pollution]") {
  const auto d = line_distances();
  const std::vector<double> area = {5, 40, 12, 80};  // unequal: weights follow area, C does not
  mechanisms::PollutionParams p;
  const auto w = mechanisms::decay_weights(p.decay_km, d, area);
  std::vector<PerPollutant> e(4, PerPollutant{});
  e[0] = {1000.0, 10.0};  // kg/month in zone 0 only
  const auto c = mechanisms::concentrations(p, e, w, area, 30);
  for (std::size_t k = 0; k < mechanisms::kPollutants; ++k) {
    CHECK(c[0][k] > c[1][k]);
    CHECK(c[1][k] > c[2][k]);
    CHECK(c[2][k] > c[3][k]);
  }
  // Mass balance of the box: Σ_r C_r·A_r·H = E·τ/T.
  double mass = 0.0;
  for (std::size_t r = 0; r < 4; ++r) mass += c[r][kNOx] * area[r] * 1e6 * p.mixing_height_m;
  CHECK(mass == Approx(1000.0 * 1e9 * p.residence_hours * 3600 / (30 * 86400.0)));
  // The external zone (no area) is not a receptor.
  const auto c2 = mechanisms::concentrations(p, e, w, std::vector<double>{5, 40, 12, 0}, 30);
  CHECK(std::isnan(c2[3][kNOx]));
}

TEST_CASE("pollution: emissions are activity times factors, linear and placed at flagged zones",
          "[externalities][pollution]") {
  mechanisms::PollutionParams p;
  const std::vector<std::uint8_t> port = {0, 1, 0, 0}, airport = {0, 0, 0, 1},
                                  cruise = {0, 1, 1, 0};
  const mechanisms::SourceZones where{port, airport, cruise};
  const std::vector<double> km = {1e5, 0, 2e5, 0};
  auto a = mechanisms::default_activity(p, 260000);
  a.car_km = km;
  const auto e = mechanisms::emissions(p, a, where, 4);
  // Cruise SOx: ship-hours × 3.955 kg, half at each terminal.
  const double hours = 260000 / p.cruise_movements_per_call * p.cruise_hours_per_call;
  const auto cruise_i = static_cast<std::size_t>(Source::kCruise);
  CHECK(e.total[cruise_i][kSOx] == Approx(hours * 3.955));
  CHECK(e.by_source[cruise_i][1][kSOx] == Approx(hours * 3.955 / 2));
  CHECK(e.by_source[cruise_i][0][kSOx] == 0.0);
  const auto air = static_cast<std::size_t>(Source::kAviation);
  CHECK(e.by_source[air][3][kNOx] == Approx(p.lto_cycles * p.ef_lto_nox));
  const auto car = static_cast<std::size_t>(Source::kCommuting);
  CHECK(e.by_source[car][2][kNOx] == Approx(2e5 * p.ef_car_nox));
  // 2017 check from MODEL.md: 8,293 ship-hours at the factor give 32.8 t SOx.
  CHECK(8293 * p.ef_cruise_sox / 1000 == Approx(32.8).epsilon(0.001));
  // Linear in activity: doubling every activity doubles every emission and concentration.
  auto a2 = a;
  a2.cruise_passengers *= 2;
  a2.cargo_ship_hours *= 2;
  a2.lto_cycles *= 2;
  const std::vector<double> km2 = {2e5, 0, 4e5, 0};
  a2.car_km = km2;
  const auto e2 = mechanisms::emissions(p, a2, where, 4);
  const auto z1 = e.by_zone(), z2 = e2.by_zone();
  const std::vector<double> area = {10, 10, 10, 10};
  const auto w = mechanisms::decay_weights(p.decay_km, line_distances(), area);
  const auto c1 = mechanisms::concentrations(p, z1, w, area, 31),
             c2 = mechanisms::concentrations(p, z2, w, area, 31);
  for (std::size_t z = 0; z < 4; ++z)
    for (std::size_t k = 0; k < mechanisms::kPollutants; ++k) {
      CHECK(z2[z][k] == Approx(2 * z1[z][k]));
      CHECK(c2[z][k] == Approx(2 * c1[z][k]));
    }
  // No terminal flagged: the cruise total is still counted but placed nowhere.
  const std::vector<std::uint8_t> none = {0, 0, 0, 0};
  const auto e3 = mechanisms::emissions(p, a, {port, airport, none}, 4);
  CHECK(e3.total[cruise_i][kSOx] == Approx(hours * 3.955));
  for (std::size_t z = 0; z < 4; ++z) CHECK(e3.by_source[cruise_i][z][kSOx] == 0.0);
}

TEST_CASE("pollution: a cruise cap lowers the port zone's pollution",
          "[externalities][pollution]") {
  // The tourism mechanism's cap (tourism.cruise_cap) applied to the offered movements; the
  // pollution of the terminal zone falls, and the other sources are untouched.
  mechanisms::TourismParams tp;
  mechanisms::PollutionParams p;
  const std::vector<std::uint8_t> port = {0, 1, 0, 0}, airport = {0, 0, 0, 1},
                                  cruise = {0, 1, 0, 0};
  const std::vector<double> area = {10, 10, 10, 10};
  const auto w = mechanisms::decay_weights(p.decay_km, line_distances(), area);
  const auto sox_at = [&](double offered) {
    const double passengers = mechanisms::capped_cruise_passengers(tp, offered);
    const auto e = mechanisms::emissions(p, mechanisms::default_activity(p, passengers),
                                         {port, airport, cruise}, 4);
    return mechanisms::concentrations(p, e.by_zone(), w, area, 30);
  };
  const auto base = sox_at(tp.cruise_passengers);
  tp.cruise_cap = 0.5 * tp.cruise_passengers;
  const auto capped = sox_at(tp.cruise_passengers);
  CHECK(capped[1][kSOx] < base[1][kSOx]);
  CHECK(capped[1][kNOx] < base[1][kNOx]);
  for (std::size_t z = 0; z < 4; ++z) CHECK(capped[z][kSOx] <= base[z][kSOx]);
  // The port zone loses most: it is the terminal.
  CHECK(base[1][kSOx] - capped[1][kSOx] > base[3][kSOx] - capped[3][kSOx]);
}
