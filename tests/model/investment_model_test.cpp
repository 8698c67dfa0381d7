// investment_model_test.cpp — investment projects and firms in the whole model on the tiny
// world: jobs by sector are the sums over firms and filled jobs never exceed slots every month;
// projects create jobs that labour fills; a run is bit-identical on 1 and 2 threads; lead
// generation raises projects (paired replicates); firms.drive_jobs = 0 keeps labour's path.
#include <omp.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "mechanisms/firms/demography.hpp"
#include "mechanisms/labour/labour.hpp"
#include "model/investment_step.hpp"
#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;

namespace {

double metro(const model::Recorder& rec, core::Step t, model::MetroInd k) {
  return rec.metro[static_cast<std::size_t>(t) * model::kMetroCount + static_cast<std::size_t>(k)];
}

/// The tiny world at scale 1 with projects scaled to its size (≈ 2 a month).
model::Scenario tiny_investment(std::int64_t steps) {
  model::Scenario s = testing::tiny_scenario(1.0, steps);
  s.investment.max_candidates_per_year = 60;
  return s;
}

}  // namespace

TEST_CASE("jobs by sector are sums over firms and filled jobs never exceed slots",
          "[model][investment][invariants]") {
  model::Scenario s = tiny_investment(36);
  s.investment.project_jobs_median = 60;  // projects large enough to move slots
  s.promoters.lead_generation = 3.6e6;    // EUR/year: the tiny region has no agencies
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  REQUIRE(w.firms.size() > 100);
  model::Recorder rec;
  rec.resize(36, w.zones.size());
  double projects = 0, births = 0, exits = 0;
  for (core::Step t = 0; t < 36; ++t) {
    REQUIRE_NOTHROW(model::step(w, t, rec));  // check_world includes check_firm_jobs
    const double ppj = model::persons_per_job(w);
    const auto persons = mechanisms::persons_by_job_sector(w.firms, w.zones.size());
    const auto filled = mechanisms::count_filled(w.households, w.zones.size());
    for (std::size_t z = 0; z < w.zones.size(); ++z) {
      CHECK(std::llround(persons[z][0] / ppj) == w.jobs.jobs[z][0]);
      CHECK(std::llround(persons[z][1] / ppj) == w.jobs.jobs[z][1]);
      CHECK(persons[z][2] == Approx(static_cast<double>(w.jobs.jobs[z][2]) * ppj));
      for (std::size_t k = 0; k < agents::kJobSectors; ++k)
        CHECK(filled[z][k] <= w.jobs.jobs[z][k]);
    }
    projects += metro(rec, t, model::MetroInd::kProjects);
    births += metro(rec, t, model::MetroInd::kFirmBirths);
    exits += metro(rec, t, model::MetroInd::kFirmExits);
  }
  CHECK(projects > 10);
  CHECK(births > 0);
  CHECK(exits > 0);
  CHECK(metro(rec, 35, model::MetroInd::kFirmsForeign) >
        metro(rec, 0, model::MetroInd::kFirmsForeign));
}

TEST_CASE("investment and firms: a run is bit-identical on 1 and 2 threads",
          "[model][investment][determinism]") {
  const auto once = [](int threads) {
    omp_set_num_threads(threads);
    model::Scenario s = tiny_investment(18);
    s.promoters.lead_generation = 2.4e6;  // EUR/year
    s.incentives.per_job = 5000;          // EUR per job: the incentive competition runs too
    model::World w = model::build_world(s, testing::tiny_region(), 0);
    auto rec = model::simulate(w);
    return std::make_pair(rec, w.firms.employees);
  };
  const auto a = once(1), b = once(2);
  REQUIRE(a.first.metro.size() == b.first.metro.size());
  CHECK(std::memcmp(a.first.metro.data(), b.first.metro.data(),
                    a.first.metro.size() * sizeof(double)) == 0);
  CHECK(std::memcmp(a.first.zone.data(), b.first.zone.data(),
                    a.first.zone.size() * sizeof(double)) == 0);
  CHECK(a.second == b.second);
}

TEST_CASE("lead generation raises projects and project jobs in the model (paired, 4 seeds)",
          "[model][investment][contrast]") {
  double base = 0, more = 0, assisted = 0;
  for (std::uint32_t rep = 0; rep < 4; ++rep)
    for (double lead : {0.0, 1e6}) {
      // The governance step fills the effort every month; the tiny region has no agencies, so
      // the exogenous promoters' lead generation (EUR/year) is all there is.
      model::Scenario s = tiny_investment(24);
      s.promoters.lead_generation = 12.0 * lead;
      model::World w = model::build_world(s, testing::tiny_region(), rep);
      const auto rec = model::simulate(w);
      for (core::Step t = 0; t < 24; ++t) {
        (lead > 0 ? more : base) += metro(rec, t, model::MetroInd::kProjectJobs);
        if (lead > 0) assisted += metro(rec, t, model::MetroInd::kProjectsAssisted);
      }
    }
  CHECK(more > 1.2 * base);
  CHECK(assisted > 0);
}

TEST_CASE("firms.drive_jobs = 0 keeps labour's exogenous path for tourism and tradable jobs",
          "[model][investment]") {
  model::Scenario s = tiny_investment(12);
  s.firms.drive_jobs = false;
  s.labour.growth_tradable = 0.3;
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  double base = 0;
  for (const auto& z : w.jobs.base) base += z[1];
  model::simulate(w);
  double now = 0;
  for (const auto& z : w.jobs.jobs) now += static_cast<double>(z[1]);
  CHECK(now == Approx(base * 1.3).epsilon(0.01));
}
