// firms_test.cpp — firm demography on hand-built inputs: initial firms match jobs by zone and
// sector exactly; births rise with demand (paired: the same keyed draws); small firms exit more
// often than large ones; export entry rises in productivity and promotion; tourism firms follow
// tourism demand; local firms follow their zone's local jobs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "mechanisms/firms/demography.hpp"

using namespace metrosim;
using agents::Sector;

namespace {

/// Three zones (the first core) and persons by labour sector: tourism, tradable, local.
mechanisms::JobSectorPersons grid() {
  return {{2000.0, 6000.0, 9000.0}, {500.0, 3000.0, 4000.0}, {0.0, 800.0, 0.0}};
}

struct Setup {
  mechanisms::FirmsParams p;
  agents::Firms firms;
  mechanisms::FirmsState state;
  mechanisms::FirmDemand demand;
};

Setup make(std::uint64_t seed, const mechanisms::FirmsParams& p = {}) {
  Setup s;
  s.p = p;
  const core::RngKey key{seed, 0};
  mechanisms::init_firms(s.p, key, grid(), {1, 0, 0}, {0.6, 0.6, 0.6}, s.firms, s.state);
  s.demand.tourism.assign(3, 1.0);
  s.demand.visibility.assign(3, 0.6);
  return s;
}

core::StepContext ctx(std::uint64_t seed, core::Step t) {
  core::StepContext c;
  c.step = t;
  c.rng_key = {seed, 0};
  return c;
}

}  // namespace

TEST_CASE("initial firms employ exactly the jobs of every zone and labour sector", "[firms]") {
  const Setup s = make(3);
  REQUIRE_NOTHROW(s.firms.check_invariants(3));
  const auto persons = mechanisms::persons_by_job_sector(s.firms, 3);
  const auto want = grid();
  for (std::size_t z = 0; z < 3; ++z)
    for (std::size_t k = 0; k < 3; ++k) CHECK(persons[z][k] == Approx(want[z][k]).margin(1e-6));
  std::set<core::AgentId> ids(s.firms.id.begin(), s.firms.id.end());
  CHECK(ids.size() == s.firms.size());
  // Heavy tail: the largest firm is far above the median; foreign firms are larger on average.
  double foreign_size = 0, foreign_n = 0, domestic_size = 0, domestic_n = 0, largest = 0;
  for (std::size_t i = 0; i < s.firms.size(); ++i) {
    largest = std::max(largest, s.firms.employees[i]);
    if (s.firms.sector[i] == Sector::kOtherServices) continue;
    (s.firms.foreign_owned[i] ? foreign_size : domestic_size) += s.firms.employees[i];
    (s.firms.foreign_owned[i] ? foreign_n : domestic_n) += 1;
  }
  CHECK(largest > 20 * s.p.size_median);
  REQUIRE(foreign_n > 0);
  CHECK(foreign_size / foreign_n > 1.5 * domestic_size / domestic_n);
  // A zone with tradable jobs only keeps one (empty) local firm for the multiplier's jobs.
  int local2 = 0;
  for (std::size_t i = 0; i < s.firms.size(); ++i)
    local2 += s.firms.zone[i] == 2 && s.firms.sector[i] == Sector::kOtherServices;
  CHECK(local2 == 1);
}

TEST_CASE("births rise with tourism demand (paired keyed draws, 5 seeds x 24 months)",
          "[firms][contrast]") {
  double low = 0, high = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed)
    for (double d : {1.0, 1.5}) {
      Setup s = make(seed);
      s.demand.tourism = {d, d, d};
      s.state.tourism_demand_prev = {d, d, d};
      double births = 0;
      for (core::Step t = 0; t < 24; ++t) {
        mechanisms::firms_step(s.p, ctx(seed, t), s.demand, s.firms, s.state);
        for (std::size_t z = 0; z < 3; ++z) births += static_cast<double>(s.state.flows.births[z]);
      }
      (d > 1.0 ? high : low) += births;
    }
  // Tourism firms are about 1/6 of the pool: births rise by about 0.5/6 ≈ 8 %.
  CHECK(high > low * 1.03);
  CHECK(mechanisms::birth_rate_month(mechanisms::FirmsParams{}, 100, 1.5) >
        mechanisms::birth_rate_month(mechanisms::FirmsParams{}, 100, 1.0));
}

TEST_CASE("small firms exit more often than large firms", "[firms]") {
  Setup s = make(11);
  std::vector<core::AgentId> small, large;
  for (std::size_t i = 0; i < s.firms.size(); ++i) {
    if (s.firms.sector[i] == Sector::kOtherServices) continue;
    if (s.firms.employees[i] < 3) small.push_back(s.firms.id[i]);
    if (s.firms.employees[i] > 30) large.push_back(s.firms.id[i]);
  }
  REQUIRE(small.size() > 200);
  REQUIRE(large.size() > 50);
  for (core::Step t = 0; t < 36; ++t)
    mechanisms::firms_step(s.p, ctx(11, t), s.demand, s.firms, s.state);
  const std::set<core::AgentId> alive(s.firms.id.begin(), s.firms.id.end());
  const auto survival = [&](const std::vector<core::AgentId>& ids) {
    double n = 0;
    for (auto id : ids) n += alive.count(id);
    return n / static_cast<double>(ids.size());
  };
  CHECK(survival(small) < survival(large) - 0.03);
}

TEST_CASE("export entry rises in productivity and in promotion effort", "[firms][contrast]") {
  const mechanisms::FirmsParams p;
  CHECK(mechanisms::export_entry_hazard(p, 2.0, 0.0, 0.6) >
        mechanisms::export_entry_hazard(p, 1.0, 0.0, 0.6));
  CHECK(mechanisms::export_entry_hazard(p, 1.0, 0.8, 0.6) >
        mechanisms::export_entry_hazard(p, 1.0, 0.0, 0.6));
  CHECK(mechanisms::export_entry_hazard(p, 1.0, 0.0, 0.9) >
        mechanisms::export_entry_hazard(p, 1.0, 0.0, 0.6));
  double without = 0, with = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed)
    for (double promo : {0.0, 0.8}) {
      Setup s = make(seed);
      s.demand.promotion = promo;
      for (core::Step t = 0; t < 12; ++t) {
        mechanisms::firms_step(s.p, ctx(seed, t), s.demand, s.firms, s.state);
        for (std::size_t z = 0; z < 3; ++z)
          (promo > 0 ? with : without) += static_cast<double>(s.state.flows.export_entries[z]);
      }
    }
  CHECK(with > without * 1.2);  // the hazard is 1.4 times higher; noise over ~1000 entries
}

TEST_CASE("tourism firms follow tourism demand; local firms follow local jobs", "[firms]") {
  Setup s = make(5);
  s.p.exit_base = 0;  // isolate the demand response
  s.p.growth_sd = 0;
  s.p.birth_rate = 0;
  s.p.growth_size_reversion = 0;
  const auto before = mechanisms::persons_by_job_sector(s.firms, 3);
  s.demand.tourism = {0.5, 1.0, 1.0};
  mechanisms::firms_step(s.p, ctx(5, 0), s.demand, s.firms, s.state);
  const auto after = mechanisms::persons_by_job_sector(s.firms, 3);
  CHECK(after[0][0] == Approx(0.5 * before[0][0]).epsilon(1e-9));
  CHECK(after[1][0] == Approx(before[1][0]).epsilon(1e-9));
  CHECK(after[0][2] == Approx(before[0][2]).epsilon(1e-12));  // local firms are passive
  mechanisms::rescale_local_firms({10000.0, 3500.0, 120.0}, s.firms);
  const auto local = mechanisms::persons_by_job_sector(s.firms, 3);
  CHECK(local[0][2] == Approx(10000.0));
  CHECK(local[1][2] == Approx(3500.0));
  CHECK(local[2][2] == Approx(120.0));  // the empty local firm takes the zone's local jobs
}
