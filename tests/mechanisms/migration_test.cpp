// Migration, talent and household dynamics: hazards, thinned arrivals with common random
// numbers, exits that free dwellings, and the retention programme's paired effect.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "io/region_reader.hpp"
#include "io/scenario_loader.hpp"
#include "mechanisms/labour/labour.hpp"
#include "mechanisms/migration/migration.hpp"
#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;
using mechanisms::ArrivalStream;

TEST_CASE("migration: retention lowers talent departures and raises talent arrivals",
          "[migration]") {
  mechanisms::MigrationParams p;
  const double dep0 = mechanisms::departure_rate(p, agents::Origin::kStudent);
  const double arr0 = mechanisms::arrival_rate(p, ArrivalStream::kSkilled, 0);
  p.retention_programme = 1.0;
  CHECK(mechanisms::departure_rate(p, agents::Origin::kStudent) ==
        Approx(dep0 * (1 - p.retention_departure_cut)));
  CHECK(mechanisms::arrival_rate(p, ArrivalStream::kSkilled, 0) ==
        Approx(arr0 * (1 + p.retention_arrival_gain)));
  // Long-standing households are not talent: the programme does not touch them.
  CHECK(mechanisms::departure_rate(p, agents::Origin::kLongStanding) == p.emigration_rate);
  p.metro_awareness = 0.3;  // half the reference awareness, elasticity 1: half the arrivals
  CHECK(mechanisms::arrival_rate(p, ArrivalStream::kSkilled, 0) ==
        Approx(arr0 * (1 + p.retention_arrival_gain) * 0.5));
}

TEST_CASE("migration: a lower arrival rate admits a subset of a higher rate's arrivals",
          "[migration][crn]") {
  const model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  mechanisms::ArrivalContext ac;
  ac.scale = 1.0;
  ac.metro_mean_income = 3000;
  ac.households_35_64 = ac.households_35_64_initial = 8000;
  ac.formation_weights.assign(w.zones.size(), 1.0);
  auto high = testing::tiny_scenario().migration, low = high;
  low.other.arrivals_per_year = high.other.arrivals_per_year / 3;
  low.student.arrivals_per_year = 0;
  double n_low = 0, n_high = 0;
  for (core::Step t = 0; t < 24; ++t) {
    const core::StepContext ctx{t, w.calendar, w.rng_key};
    agents::Households a, b;
    std::vector<core::ZoneIndex> fa, fb;
    std::vector<ArrivalStream> sa, sb;
    mechanisms::append_arrivals(low, ctx, ac, a, fa, sa);
    mechanisms::append_arrivals(high, ctx, ac, b, fb, sb);
    std::set<core::AgentId> ids_high(b.id.begin(), b.id.end());
    for (std::size_t i = 0; i < a.size(); ++i) {
      REQUIRE(ids_high.count(a.id[i]) == 1);  // the same candidate...
      const auto j =
          static_cast<std::size_t>(std::find(b.id.begin(), b.id.end(), a.id[i]) - b.id.begin());
      REQUIRE(a.income[i] == b.income[j]);  // ...with the same traits
      REQUIRE(a.tenure[i] == b.tenure[j]);
    }
    n_low += static_cast<double>(a.size());
    n_high += static_cast<double>(b.size());
  }
  CHECK(n_low < n_high);
  // Expected arrivals of the high scenario over 24 months: (500+100+20+80)/12·24 + formation
  // 0.012·8000/12·24 = 1400 + 192; Poisson s.e. ≈ 40.
  CHECK(n_high == Approx(1592).margin(5 * std::sqrt(1592.0)));
}

TEST_CASE("migration: exits occur at their monthly hazards and free dwellings", "[migration]") {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  auto p = w.scenario.migration;
  p.emigration_rate = 0.3;
  p.dissolution_rate = 0.0;
  std::size_t n = 0, exits = 0;
  for (core::Step t = 0; t < 3; ++t) {
    const auto e = mechanisms::decide_exits(p, {t, w.calendar, w.rng_key}, w.households);
    for (std::size_t i = 0; i < e.size(); ++i) {
      if (agents::is_talent(w.households.origin[i])) continue;
      ++n;
      exits += e[i] == mechanisms::ExitCause::kEmigration;
    }
  }
  const double pm = mechanisms::monthly_probability(0.3);
  CHECK(double(exits) / double(n) == Approx(pm).margin(5 * std::sqrt(pm * (1 - pm) / double(n))));
  mechanisms::MigrationFlows flows;
  flows.reset(w.zones.size());
  const std::size_t before = w.households.size();
  const auto e = mechanisms::decide_exits(p, {0, w.calendar, w.rng_key}, w.households);
  mechanisms::release_jobs(e, w.households, w.jobs);  // exits free their jobs too
  mechanisms::remove_exits(e, w.households, w.zones, flows);
  std::int64_t recorded = 0;
  for (const auto& z : flows.exits) recorded += z[0] + z[1] + z[2];
  CHECK(static_cast<std::int64_t>(before - w.households.size()) == recorded);
  REQUIRE_NOTHROW(model::check_world(w));  // occupancy still matches the households
}

TEST_CASE("talent.retention_programme raises the talent stock (paired replicates)",
          "[migration][paired]") {
  // AMB at scale 0.02 for 24 months, 3 replicates; each pair shares seed and replicate.
  const std::string dir = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";
  auto run = [&](double retention, std::uint64_t seed) {
    auto s = io::load_scenario("", {"agents.scale=0.02", "run.steps=24"}).scenario;
    s.run.seed = seed;
    s.migration.retention_programme = retention;
    model::World w = model::build_world(s, io::read_region(s, dir), 0);
    const auto rec = model::simulate(w);
    using model::MetroInd;
    auto& r = const_cast<model::Recorder&>(rec);
    return r.m(23, MetroInd::kTalentStudents) + r.m(23, MetroInd::kTalentResearchers) +
           r.m(23, MetroInd::kTalentSkilled);
  };
  int positive = 0;
  for (std::uint64_t seed : {1, 2, 3}) {
    const double diff = run(1.0, seed) - run(0.0, seed);
    UNSCOPED_INFO("seed " << seed << ": talent stock difference " << diff);
    positive += diff > 0;
  }
  // Expected effect after 24 months: departures −30 % on a stock of ≈ 70,000 households, several
  // thousand households; replicate noise at scale 0.02 is a few hundred. Every pair must agree.
  CHECK(positive == 3);
}
