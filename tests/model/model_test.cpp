// The model on tiny hand-built worlds: initial stocks, invariants every step, conservation,
// determinism across threads and seeds, and common random numbers between scenarios.
#include <omp.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <map>

#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;

namespace {
model::Recorder run(const model::Scenario& s, int threads, std::uint32_t replicate = 0) {
  omp_set_num_threads(threads);
  model::World w = model::build_world(s, testing::tiny_region(), replicate);
  return model::simulate(w);
}
bool bit_identical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
}  // namespace

TEST_CASE("initial households match the census total times scale and the tenure split",
          "[model][init]") {
  for (double scale : {1.0, 0.37, 0.05}) {
    const model::World w =
        model::build_world(testing::tiny_scenario(scale), testing::tiny_region(), 0);
    CHECK(static_cast<double>(w.households.size()) == std::round(16000 * scale));
  }
  const model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  // Core: 6,000 owned + 400 other tenure = owners; 3,600 rented, 5 % of them social.
  CHECK(w.zones.code[0] == "00001");
  CHECK(w.zones.occupied[0][0] == 6400);
  CHECK(w.zones.occupied[0][1] == 3420);
  CHECK(w.zones.occupied[0][2] == 180);
  // LTR vacancies: 10 % of 1,000 non-principal dwellings.
  CHECK(w.zones.stock[0][1] == 3420 + 100);
  CHECK(w.zones.code.back() == "EXT");
  CHECK(w.zones.occupied.back()[1] == 0);
  // Zone mean income (EUR/month) preserved by the tenure-conditional draw within 2 %.
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.households.size(); ++i)
    if (w.households.zone[i] == 0) sum += w.households.income[i], ++n;
  CHECK(sum / double(n) == Approx(40000.0 * 0.88 / 12).epsilon(0.02));
}

TEST_CASE("invariants hold and households are conserved apart from recorded flows",
          "[model][invariants]") {
  model::World w = model::build_world(testing::tiny_scenario(1.0, 36), testing::tiny_region(), 0);
  model::Recorder rec;
  rec.resize(36, w.zones.size());
  double moves = 0, arrivals = 0, exits = 0;
  for (core::Step t = 0; t < 36; ++t) {
    const auto n_before = static_cast<double>(w.households.size());
    REQUIRE_NOTHROW(model::step(w, t, rec));  // step() runs check_world after the month
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      for (std::size_t u = 0; u < agents::kTenures; ++u)
        REQUIRE(w.zones.occupied[z][u] <= w.zones.stock[z][u]);
    // Households at the start of month t are what the recorder saw.
    REQUIRE(rec.m(t, model::MetroInd::kHouseholds) +
                rec.m(t, model::MetroInd::kHouseholdsExternal) ==
            Approx(n_before));
    // Conservation: after = before − exits (every zone) + housed arrivals.
    double month_exits = 0;
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      month_exits += rec.z(model::ZoneInd::kExitsOut, t, z);
    const double month_arrivals = rec.m(t, model::MetroInd::kArrivals);
    REQUIRE(static_cast<double>(w.households.size()) ==
            Approx(n_before - month_exits + month_arrivals));
    moves += rec.m(t, model::MetroInd::kMoves);
    arrivals += month_arrivals;
    exits += month_exits;
  }
  CHECK(moves > 0);
  CHECK(arrivals > 0);
  CHECK(exits > 0);
  // Rents move over time.
  CHECK(rec.z(model::ZoneInd::kRentMarket, 35, 0) != rec.z(model::ZoneInd::kRentMarket, 0, 0));
}

TEST_CASE("check_world detects a household without a dwelling", "[model][invariants]") {
  model::World w = model::build_world(testing::tiny_scenario(), testing::tiny_region(), 0);
  w.zones.occupied[1][0] -= 1;  // occupancy no longer matches the households
  CHECK_THROWS_WITH(model::check_world(w), Catch::Contains("00002"));
}

TEST_CASE("a run is bit-identical on 1 and 2 threads and for the same seed twice",
          "[model][determinism]") {
  const auto s = testing::tiny_scenario(1.0, 24);
  const auto a = run(s, 1), b = run(s, 2), c = run(s, 2);
  CHECK(bit_identical(a.metro, b.metro));
  CHECK(bit_identical(a.zone, b.zone));
  CHECK(bit_identical(b.metro, c.metro));
  CHECK(bit_identical(b.zone, c.zone));
  auto s2 = s;
  s2.run.seed = 2;
  CHECK_FALSE(bit_identical(a.zone, run(s2, 2).zone));
  CHECK_FALSE(bit_identical(a.zone, run(s, 2, 1).zone));  // another replicate differs too
}

TEST_CASE("a what-if leaves the draws of households in the same state identical",
          "[model][determinism][crn]") {
  // What-if: a higher amenity in one zone changes where movers go, so states diverge over time;
  // every household whose state is still the same must take the same decisions (common random
  // numbers). With a shared sequential generator this fails as soon as any state differs.
  auto base = testing::tiny_scenario(1.0, 12);
  auto what_if = base;
  what_if.zone_overrides.push_back({"relocation.amenity", "00003", 1.5, "test", 1});
  model::World a = model::build_world(base, testing::tiny_region(), 0);
  model::World b = model::build_world(what_if, testing::tiny_region(), 0);
  model::Recorder ra, rb;
  ra.resize(12, a.zones.size());
  rb.resize(12, b.zones.size());
  std::size_t compared = 0, diverged = 0;
  for (core::Step t = 0; t < 12; ++t) {
    const auto ha = a.households, hb = b.households;  // state at the start of the month
    const bool rents_equal = a.zones.rent_market == b.zones.rent_market;
    model::step(a, t, ra);
    model::step(b, t, rb);
    // Rows may differ between the worlds once arrivals or exits differ: match households by id.
    // (Events are indexed by the rows after this month's exits; compare by id through them.)
    std::map<core::AgentId, std::size_t> row_b;
    for (std::size_t j = 0; j < hb.size(); ++j) row_b[hb.id[j]] = j;
    std::map<core::AgentId, std::size_t> ev_a, ev_b;
    for (std::size_t j = 0; j < a.events.cause.size() && j < a.households.size(); ++j)
      ev_a[a.households.id[j]] = j;
    for (std::size_t j = 0; j < b.events.cause.size() && j < b.households.size(); ++j)
      ev_b[b.households.id[j]] = j;
    for (std::size_t i = 0; i < ha.size(); ++i) {
      const auto it = row_b.find(ha.id[i]);
      if (it == row_b.end()) {
        ++diverged;
        continue;
      }
      const std::size_t j = it->second;
      const bool same = ha.zone[i] == hb.zone[j] && ha.rent[i] == hb.rent[j] &&
                        ha.lease_start[i] == hb.lease_start[j] && ha.income[i] == hb.income[j] &&
                        ha.origin[i] == hb.origin[j] && ha.age_band[i] == hb.age_band[j];
      const auto ea = ev_a.find(ha.id[i]), eb = ev_b.find(ha.id[i]);
      if (ea == ev_a.end() || eb == ev_b.end()) continue;  // exited this month (in one world)
      // Renewal decisions read the zone's market rent; compare those only when rents agree.
      const bool renews = a.events.renewal[ea->second] || b.events.renewal[eb->second];
      if (same && (!renews || rents_equal)) {
        ++compared;
        REQUIRE(a.events.cause[ea->second] == b.events.cause[eb->second]);
      } else {
        ++diverged;
      }
    }
  }
  CHECK(compared > 100000);
  CHECK(diverged > 0);  // the lever did act
}

TEST_CASE("evicted households never overfill the external zone's offer", "[model][invariants]") {
  // Every renewal evicts, the external zone is the only choice and its offer is tiny: without
  // counting the fallback against the post-matching vacancies, more households would enter the
  // external zone than it offers, and check_world (run before the offer is replenished) throws.
  auto s = testing::tiny_scenario(1.0, 24);
  s.external.vacant_offer = 30;
  s.investors.non_renewal_small = s.investors.non_renewal_large = 1.0;
  s.relocation.choices = 1;
  s.zone_overrides.push_back({"relocation.amenity", "EXT", 10.0, "test", 1});
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  model::Recorder rec;
  rec.resize(24, w.zones.size());
  double entered = 0, offer = 0;
  for (auto o : w.external_offer) offer += static_cast<double>(o) * w.weight;  // rounded by tenure
  REQUIRE(offer <= 33.0);
  for (core::Step t = 0; t < 24; ++t) {
    REQUIRE_NOTHROW(model::step(w, t, rec));
    double month = 0;
    for (std::size_t z = 0; z + 1 < w.zones.size(); ++z)
      month += rec.z(model::ZoneInd::kExitsExternal, t, z);
    // Vacancies there: the offer plus the dwellings its own residents left this month by exiting.
    const std::size_t ext = w.zones.size() - 1;
    REQUIRE(month <= offer + rec.z(model::ZoneInd::kExitsOut, t, ext));
    entered += month;
  }
  CHECK(entered > 100);  // the fallback was exercised
}
