// labour_test.cpp — jobs and commuting on tiny hand-built worlds: gravity filling (capacity,
// distance decay over seeds, determinism and independence of row order), the jobs path with the
// local multiplier and layoffs, employed arrivals, and the specialisation measures against
// hand-computed values.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "mechanisms/labour/gravity_fill.hpp"
#include "mechanisms/labour/labour.hpp"
#include "mechanisms/labour/specialisation.hpp"

using namespace metrosim;
using agents::Employment;
using mechanisms::JobsState;

namespace {

/// Zones 0, 1, 2 on a line: 0–1 is `near` km, 0–2 is `far` km, 1–2 is far − near; within a zone
/// 1 km. Jobs only where given.
JobsState line_jobs(double near, double far) {
  JobsState j;
  const std::size_t n = 3;
  j.jobs.assign(n, mechanisms::SectorCounts{});
  j.filled.assign(n, mechanisms::SectorCounts{});
  j.base.assign(n, {0.0, 0.0, 0.0});
  j.tourism_demand.assign(n, 1.0);
  j.tradable_res0.assign(n, 0.0);
  j.tourism_res0.assign(n, 0.0);
  const double d[3][3] = {{1, near, far}, {near, 1, far - near}, {far, far - near, 1}};
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) j.commute_km.push_back(d[a][b]);
  j.flows.reset(n);
  return j;
}

/// `per_zone[z]` unemployed households living in zone z, ids from `first_id`.
agents::Households seekers(const std::vector<int>& per_zone, core::AgentId first_id = 0) {
  agents::Households hh;
  for (std::size_t z = 0; z < per_zone.size(); ++z)
    for (int k = 0; k < per_zone[z]; ++k) {
      const std::size_t i = hh.size();
      hh.resize(i + 1);
      hh.id[i] = first_id + i;
      hh.zone[i] = static_cast<core::ZoneIndex>(z);
      hh.income[i] = 2000;
      hh.employment[i] = Employment::kUnemployed;
    }
  return hh;
}

std::int64_t employed(const agents::Households& hh) {
  return std::count(hh.employment.begin(), hh.employment.end(), Employment::kEmployed);
}

}  // namespace

TEST_CASE("gravity filling never exceeds the vacancies nor places a seeker twice", "[labour]") {
  for (int seekers_per_zone : {3, 40}) {
    JobsState j = line_jobs(5, 20);
    j.jobs[0] = {10, 20, 5};
    j.filled[0] = {4, 0, 0};  // 31 vacancies in zone 0
    j.jobs[2] = {0, 0, 7};
    agents::Households hh = seekers({seekers_per_zone, seekers_per_zone, seekers_per_zone});
    const auto hires = mechanisms::fill_vacancies(0.1, {7, 0}, 3, hh, j);
    const std::int64_t vacancies = 31 + 7, pool = 3 * seekers_per_zone;
    CHECK(hires == std::min(vacancies, pool));
    CHECK(employed(hh) == hires);
    for (std::size_t z = 0; z < 3; ++z)
      for (std::size_t s = 0; s < 3; ++s) CHECK(j.filled[z][s] <= j.jobs[z][s]);
    // Bookkeeping agrees with the households, by workplace and sector.
    CHECK(mechanisms::count_filled(hh, 3)[0][1] == j.filled[0][1] - 0);
    CHECK(mechanisms::count_filled(hh, 3)[0][0] == j.filled[0][0] - 4);
    std::int64_t by_workplace = 0, by_residence = 0;
    for (std::size_t z = 0; z < 3; ++z) {
      by_workplace += j.flows.hires_workplace[z];
      by_residence += j.flows.hires_residence[z];
    }
    CHECK(by_workplace == hires);
    CHECK(by_residence == hires);
    REQUIRE_NOTHROW(hh.check_invariants(3));
  }
}

TEST_CASE("gravity filling draws nearer workers more often, as exp(-gamma d) says", "[labour]") {
  // 50 vacancies in zone 0; 2,000 seekers in each of zone 1 (4 km) and zone 2 (20 km). With
  // γ = 0.1/km the first draw comes from zone 1 with p = e^-0.4/(e^-0.4 + e^-2) = 0.8320; the
  // pools barely deplete (50 of 2,000), so the share from zone 1 stays near p.
  const double p = std::exp(-0.4) / (std::exp(-0.4) + std::exp(-2.0));
  double share = 0.0;
  const int seeds = 40;
  for (int seed = 1; seed <= seeds; ++seed) {
    JobsState j = line_jobs(4, 20);
    j.jobs[0] = {0, 50, 0};
    agents::Households hh = seekers({0, 2000, 2000});
    mechanisms::fill_vacancies(0.1, {static_cast<std::uint64_t>(seed), 0}, 0, hh, j);
    share += static_cast<double>(j.flows.hires_residence[1]) / 50.0 / seeds;
  }
  // Standard error of the mean share over 2,000 draws: sqrt(p(1-p)/2000) ≈ 0.0084.
  CHECK(share == Approx(p).margin(0.03));
  // γ = 0 ignores distance: equal pools give half each.
  double flat = 0.0;
  for (int seed = 1; seed <= seeds; ++seed) {
    JobsState j = line_jobs(4, 20);
    j.jobs[0] = {0, 50, 0};
    agents::Households hh = seekers({0, 2000, 2000});
    mechanisms::fill_vacancies(0.0, {static_cast<std::uint64_t>(seed), 0}, 0, hh, j);
    flat += static_cast<double>(j.flows.hires_residence[1]) / 50.0 / seeds;
  }
  CHECK(flat == Approx(0.5).margin(0.03));
}

TEST_CASE("gravity filling is deterministic and does not depend on the households' row order",
          "[labour][determinism]") {
  const auto run = [](bool reversed) {
    JobsState j = line_jobs(5, 12);
    j.jobs[0] = {6, 9, 4};
    j.jobs[1] = {0, 3, 8};
    agents::Households hh = seekers({30, 20, 10});
    if (reversed) {
      std::reverse(hh.id.begin(), hh.id.end());
      std::reverse(hh.zone.begin(), hh.zone.end());
    }
    mechanisms::fill_vacancies(0.2, {11, 2}, 5, hh, j);
    std::map<core::AgentId, std::pair<core::ZoneIndex, int>> out;
    for (std::size_t i = 0; i < hh.size(); ++i)
      out[hh.id[i]] = {hh.workplace[i], hh.sector[i] == agents::kNoJobSector ? -1 : hh.sector[i]};
    return out;
  };
  const auto a = run(false);
  CHECK(a == run(false));
  CHECK(a == run(true));
  // Another seed places different households (the draws matter).
  JobsState j = line_jobs(5, 12);
  j.jobs[0] = {6, 9, 4};
  j.jobs[1] = {0, 3, 8};
  agents::Households hh = seekers({30, 20, 10});
  mechanisms::fill_vacancies(0.2, {12, 2}, 5, hh, j);
  bool differs = false;
  for (std::size_t i = 0; i < hh.size(); ++i)
    differs = differs || a.at(hh.id[i]).first != hh.workplace[i];
  CHECK(differs);
}

TEST_CASE("the local multiplier adds m local jobs per tradable job gained by residents",
          "[labour]") {
  mechanisms::LabourParams p;
  p.multiplier = 1.6;
  p.tourism_multiplier = 0.5;
  agents::Zones zones;
  zones.resize(3);
  zones.is_external[2] = 1;
  JobsState j = line_jobs(5, 20);
  j.base[0] = {10, 40, 100};
  j.base[1] = {0, 20, 50};
  j.path_level = {1.0, 1.1, 1.0};
  j.tradable_res0 = {30, 20, 0};
  j.tourism_res0 = {10, 0, 0};
  j.tourism_demand[0] = 0.5;
  p.tourism_demand_elasticity = 2.0;
  // Residents of zone 0 hold 10 more tradable and 4 fewer tourism jobs than at start; zone 1's
  // lose 5 tradable jobs.
  const auto t = mechanisms::job_targets(p, zones, j, {40, 15, 7}, {6, 0, 3});
  CHECK(t[0][0] == Approx(10 * 0.25));  // tourism: base × demand^2
  CHECK(t[0][1] == Approx(44.0));       // tradable: base × path
  CHECK(t[0][2] == Approx(100 + 1.6 * 10 - 0.5 * 4));
  CHECK(t[1][2] == Approx(50 - 1.6 * 5));
  CHECK(t[2][2] == 0.0);  // no jobs are modelled in the external zone
  p.multiplier = 0.0;
  CHECK(mechanisms::job_targets(p, zones, j, {40, 15, 7}, {6, 0, 3})[0][2] ==
        Approx(100 - 0.5 * 4));
}

TEST_CASE("a falling jobs path cuts vacant jobs first, then lays off workers", "[labour]") {
  mechanisms::LabourParams p;
  p.separation_rate = 0.0;
  p.retirement_rate = 0.0;
  p.growth_tradable = -0.5;  // monthly factor 0.5^(1/12) ≈ 0.9439
  p.multiplier = 0.0;
  agents::Zones zones;
  zones.resize(3);
  zones.is_external[2] = 1;
  JobsState j = line_jobs(5, 20);
  j.jobs[0] = {0, 100, 0};
  j.base[0] = {0, 100, 0};
  agents::Households hh = seekers({97, 0, 0});
  mechanisms::fill_vacancies(0.1, {3, 0}, -1, hh, j);  // 97 filled, 3 vacant
  REQUIRE(j.filled[0][1] == 97);
  core::StepContext ctx{0, core::Calendar(core::YearMonth{2015, 1}), {3, 0}};
  mechanisms::labour_step(p, ctx, zones, hh, j);
  const auto want = std::llround(100 * std::pow(0.5, 1.0 / 12.0));  // 94
  CHECK(j.jobs[0][1] == want);
  CHECK(j.filled[0][1] == want);
  CHECK(j.flows.layoffs[0] == 97 - want);  // 3 vacancies went first
  CHECK(employed(hh) == want);
  CHECK(mechanisms::count_filled(hh, 3)[0][1] == want);
}

TEST_CASE("researchers and skilled arrivals take vacant tradable jobs only", "[labour]") {
  mechanisms::LabourParams p;
  JobsState j = line_jobs(5, 20);
  j.jobs[0] = {10, 2, 10};
  j.jobs[1] = {0, 1, 0};
  agents::Households hh = seekers({0, 6, 0});
  for (std::size_t i = 0; i < hh.size(); ++i)
    hh.origin[i] = i % 2 ? agents::Origin::kSkilled : agents::Origin::kOtherInMigrant;
  core::StepContext ctx{4, core::Calendar(core::YearMonth{2015, 1}), {5, 0}};
  const auto hires = mechanisms::place_arrivals(p, ctx, 0, hh, j);
  CHECK(hires == 3);  // 3 skilled arrivals, 3 tradable vacancies
  for (std::size_t i = 0; i < hh.size(); ++i) {
    CHECK((hh.employment[i] == Employment::kEmployed) == (i % 2 == 1));
    if (hh.employment[i] == Employment::kEmployed)
      CHECK(hh.sector[i] == static_cast<std::uint8_t>(agents::JobSector::kTradable));
  }
  CHECK(j.filled[0][1] == 2);
  CHECK(j.filled[1][1] == 1);
  CHECK(j.filled[0][0] == 0);
}

TEST_CASE("location quotient, Krugman index and stress loss match hand-computed values",
          "[labour][specialisation]") {
  // Zone 0: 10 tourism, 30 tradable, 60 local; zone 1: 40, 20, 40. Metro tourism share 50/200.
  const mechanisms::SectorJobs jobs = {{10, 30, 60}, {40, 20, 40}, {0, 0, 0}};
  CHECK(mechanisms::location_quotient(jobs, 0, 0) == Approx(0.1 / 0.25));
  CHECK(mechanisms::location_quotient(jobs, 1, 0) == Approx(0.4 / 0.25));
  CHECK(std::isnan(mechanisms::location_quotient(jobs, 2, 0)));
  // K_0 = |.1 − .4| + |.3 − .2| + |.6 − .4| = 0.6; the same for zone 1 against zone 0.
  CHECK(mechanisms::krugman_index(jobs, 0) == Approx(0.6));
  CHECK(mechanisms::krugman_index(jobs, 1) == Approx(0.6));
  CHECK(std::isnan(mechanisms::krugman_index(jobs, 2)));
  CHECK(mechanisms::krugman_metro(jobs) == Approx(0.6));
  const mechanisms::SectorJobs alike = {{10, 30, 60}, {20, 60, 120}};
  CHECK(mechanisms::krugman_index(alike, 0) == Approx(0.0).margin(1e-12));
  // Half the demand with elasticity 1 loses half the tourism jobs where they are, and 0.8 local
  // jobs per tourism job lost where their workers live: zone 1's residents hold 30 of them.
  const auto loss = mechanisms::stress_job_loss(jobs, {20, 30, 0}, 0.5, 1.0, 0.8);
  CHECK(loss[0] == Approx(0.5 * (10 + 0.8 * 20)));
  CHECK(loss[1] == Approx(0.5 * (40 + 0.8 * 30)));
  CHECK(loss[2] == 0.0);
  // Elasticity 2: 1 − 0.25 of the jobs are lost.
  CHECK(mechanisms::stress_job_loss(jobs, {0, 0, 0}, 0.5, 2.0, 0.8)[1] == Approx(0.75 * 40));
}

TEST_CASE("the tourism demand hook checks its input", "[labour]") {
  JobsState j = line_jobs(5, 20);
  CHECK_THROWS_AS(mechanisms::set_tourism_demand(j, {1.0, 1.0}), std::invalid_argument);
  CHECK_THROWS_AS(mechanisms::set_tourism_demand(j, {1.0, -0.1, 1.0}), std::invalid_argument);
  mechanisms::set_tourism_demand(j, {1.2, 0.8, 1.0});
  CHECK(j.tourism_demand[1] == 0.8);
}
