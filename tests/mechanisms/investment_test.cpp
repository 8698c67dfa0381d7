// investment_test.cpp — mobile investment projects on a hand-built three-zone metro: more lead
// generation brings more projects (paired over seeded replicates); a more visible zone draws a
// larger share; incentives move projects between zones but leave the metro total unchanged when
// they do not enter acceptance (the pact's premise); acquisitions grow the foreign stock;
// expansions add jobs to existing foreign firms; assisted projects are counted.
#include <catch2/catch.hpp>

#include <cmath>

#include "mechanisms/investment/projects.hpp"

using namespace metrosim;
using agents::Sector;

namespace {

mechanisms::ZoneAttractors three_zones() {
  mechanisms::ZoneAttractors a;
  a.eligible = {1, 1, 1};
  a.is_core = {1, 0, 0};
  a.log_size = {std::log(10.0), std::log(10.0), std::log(10.0)};
  a.jobs = {{500, 3000, 4000}, {300, 1500, 2000}, {100, 1000, 1500}};
  a.talent = {1.2, 0.9, 0.8};
  a.rent_index = {1.3, 0.9, 0.8};
  a.visibility = {0.6, 0.6, 0.6};
  a.image = {0.6, 0.6, 0.6};
  a.infrastructure = {0, 1, 0};
  a.incentive_per_job = {0, 0, 0};
  a.referral_weight = {1, 1, 1};
  return a;
}

/// A few domestic and foreign firms in every zone (ids 0..).
agents::Firms some_firms() {
  agents::Firms f;
  core::AgentId id = 0;
  for (int z = 0; z < 3; ++z)
    for (int k = 0; k < 40; ++k) {
      f.id.push_back(id++);
      f.zone.push_back(z);
      f.sector.push_back(static_cast<Sector>(k % 4));
      f.employees.push_back(5.0 + k);
      f.foreign_owned.push_back(k % 10 == 0);
      f.international_hq.push_back(0);
      f.exporter.push_back(0);
      f.founded.push_back(-12);
      f.productivity.push_back(1.0);
    }
  return f;
}

struct Totals {
  std::array<double, 3> projects{}, jobs{};
  double assisted = 0, cost = 0, acquisitions = 0, foreign_end = 0;
  double total() const { return projects[0] + projects[1] + projects[2]; }
};

Totals run(const mechanisms::InvestmentParams& p, const mechanisms::ZoneAttractors& a,
           std::uint64_t seed, int months) {
  mechanisms::InvestmentState st;
  const auto ref = three_zones();  // the reference world: no incentives, base visibility
  for (std::size_t f = 0; f < agents::kSectors; ++f)
    st.logsum_ref[f] = mechanisms::metro_logsum(p, ref, static_cast<Sector>(f));
  agents::Firms firms = some_firms();
  Totals out;
  for (core::Step t = 0; t < months; ++t) {
    core::StepContext c;
    c.step = t;
    c.rng_key = {seed, 0};
    mechanisms::investment_step(p, c, a, 0.5, st, firms);
    for (std::size_t z = 0; z < 3; ++z) {
      out.projects[z] += static_cast<double>(st.flows.projects[z]);
      out.jobs[z] += st.flows.jobs[z];
      out.cost += st.flows.incentive_cost[z];
      out.acquisitions += static_cast<double>(st.flows.acquisitions[z]);
    }
    out.assisted += static_cast<double>(st.assisted_month);
  }
  for (auto x : firms.foreign_owned) out.foreign_end += x;
  return out;
}

}  // namespace

TEST_CASE("more lead generation brings more projects (paired, 10 seeds)",
          "[investment][contrast]") {
  const mechanisms::InvestmentParams p;
  auto a = three_zones();
  double base = 0, more = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    a.lead_generation = 0;
    const Totals t0 = run(p, a, seed, 24);
    a.lead_generation = 1e6;
    const Totals t1 = run(p, a, seed, 24);
    CHECK(t1.total() >= t0.total());  // common random numbers: a superset is accepted
    CHECK(t0.assisted == 0);
    CHECK(t1.assisted <= t1.total());
    base += t0.total();
    more += t1.total();
  }
  // Acceptance 0.35 → logistic(logit(0.35) + 0.83) ≈ 0.55: about 1.5 times the projects.
  CHECK(more > 1.3 * base);
  CHECK(base > 0.5 * 240.0 / 12.0 * 0.35 * 24 * 10);
}

TEST_CASE("a more visible zone draws a larger share of projects (paired, 10 seeds)",
          "[investment][contrast]") {
  const mechanisms::InvestmentParams p;
  double share0 = 0, share1 = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    auto a = three_zones();
    const Totals t0 = run(p, a, seed, 24);
    a.visibility[2] = 0.95;
    const Totals t1 = run(p, a, seed, 24);
    share0 += t0.projects[2] / t0.total();
    share1 += t1.projects[2] / t1.total();
  }
  CHECK(share1 > share0 + 0.02 * 10);  // ln(0.95/0.6) = 0.46 in utility
}

TEST_CASE("incentives move projects between zones; the metro total is unchanged (pact)",
          "[investment][contrast]") {
  mechanisms::InvestmentParams p;
  REQUIRE(p.incentive_metro_weight == 0.0);
  double in1 = 0, in1_with = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    auto a = three_zones();
    const Totals t0 = run(p, a, seed, 24);
    a.incentive_per_job = {0, 20000, 0};
    const Totals t1 = run(p, a, seed, 24);
    CHECK(t1.total() == t0.total());  // the same candidates are accepted
    CHECK(t1.projects[1] >= t0.projects[1]);
    CHECK(t1.cost == Approx(20000 * t1.jobs[1]));
    in1 += t0.projects[1];
    in1_with += t1.projects[1];
  }
  CHECK(in1_with > 1.2 * in1);
  // With incentives in the logsum, the metro attracts more.
  p.incentive_metro_weight = 1.0;
  auto a = three_zones();
  a.incentive_per_job = {20000, 20000, 20000};
  double base = 0, with = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    base += run(p, three_zones(), seed, 24).total();
    with += run(p, a, seed, 24).total();
  }
  CHECK(with > base);
}

TEST_CASE("acquisitions grow the stock of foreign firms", "[investment]") {
  mechanisms::InvestmentParams p;
  p.max_candidates_per_year = 0;  // acquisitions only
  p.acquisition_rate = 0;
  const Totals none = run(p, three_zones(), 4, 24);
  p.acquisition_rate = 0.2;
  const Totals some = run(p, three_zones(), 4, 24);
  CHECK(none.foreign_end == 12);  // the initial foreign firms
  CHECK(some.acquisitions > 0);
  CHECK(some.foreign_end == 12 + some.acquisitions);
  // Two years at 0.2/year of 108 domestic firms: about 36 expected; wide band for noise.
  CHECK(some.acquisitions > 15);
  CHECK(some.acquisitions < 60);
}

TEST_CASE("expansions add the project's jobs to an existing foreign firm", "[investment]") {
  mechanisms::InvestmentParams p;
  p.p_new = 0;
  p.acquisition_rate = 0;
  agents::Firms firms = some_firms();
  const std::size_t n0 = firms.size();
  double before = 0;
  for (double e : firms.employees) before += e;
  mechanisms::InvestmentState st;
  double jobs = 0, projects = 0, fresh = 0;
  for (core::Step t = 0; t < 24; ++t) {
    core::StepContext c;
    c.step = t;
    c.rng_key = {9, 0};
    mechanisms::investment_step(p, c, three_zones(), 0.5, st, firms);
    for (std::size_t z = 0; z < 3; ++z) {
      jobs += st.flows.jobs[z];
      projects += static_cast<double>(st.flows.projects[z]);
      fresh += static_cast<double>(st.flows.projects_new[z]);
    }
  }
  double after = 0;
  for (double e : firms.employees) after += e;
  CHECK(projects > 0);
  CHECK(fresh == 0);
  CHECK(firms.size() == n0);
  CHECK(after - before == Approx(jobs));
}
