// Headline indicators (model/headline.hpp): Theil's decomposition against its definition, and
// the headlines of a tiny-world run against the raw indicators recorded next to them.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "model/headline.hpp"
#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;
using model::HeadlineInd;
using model::MetroInd;
using model::ZoneHeadlineInd;
using model::ZoneInd;

namespace {

/// Theil T straight from its definition: (1/N) sum_z n_z (b_z/mu) ln(b_z/mu).
double theil_by_definition(const std::vector<double>& b, const std::vector<double>& n) {
  double N = 0, B = 0;
  for (std::size_t z = 0; z < b.size(); ++z) {
    N += n[z];
    B += n[z] * b[z];
  }
  const double mu = B / N;
  double t = 0;
  for (std::size_t z = 0; z < b.size(); ++z)
    if (b[z] > 0) t += n[z] * (b[z] / mu) * std::log(b[z] / mu);
  return t / N;
}

}  // namespace

TEST_CASE("Theil index equals its definition and decomposes exactly", "[model][headline]") {
  const std::vector<double> b = {0.2, 0.5, 0.0, 1.5, 0.7};
  const std::vector<double> n = {1000, 400, 300, 200, 800};
  const std::vector<std::uint8_t> core = {1, 1, 0, 0, 0};
  const auto th = model::theil_decomposition(b, n, core);
  CHECK(th.total == Approx(theil_by_definition(b, n)).epsilon(1e-12));
  CHECK(th.between + th.within == Approx(th.total).epsilon(1e-12));
  CHECK(th.total > 0);
  CHECK(th.between >= 0);  // between-class Theil is a Theil index of class means: >= 0
  // Within part: sum over classes of benefit share x the class's own Theil index.
  const std::vector<double> bc = {0.2, 0.5}, nc = {1000, 400}, bp = {0.0, 1.5, 0.7},
                            np = {300, 200, 800};
  const double Bc = 0.2 * 1000 + 0.5 * 400, Bp = 1.5 * 200 + 0.7 * 800;
  CHECK(th.within ==
        Approx((Bc * theil_by_definition(bc, nc) + Bp * theil_by_definition(bp, np)) / (Bc + Bp))
            .epsilon(1e-12));
}

TEST_CASE("Theil index: equal benefits give 0, no benefit gives NaN", "[model][headline]") {
  const std::vector<std::uint8_t> core = {1, 0, 0};
  const auto equal = model::theil_decomposition({0.3, 0.3, 0.3}, {10, 20, 30}, core);
  CHECK(equal.total == Approx(0).margin(1e-15));
  CHECK(equal.between == Approx(0).margin(1e-15));
  CHECK(equal.within == Approx(0).margin(1e-15));
  const auto none = model::theil_decomposition({0, 0, 0}, {10, 20, 30}, core);
  CHECK(std::isnan(none.total));
  CHECK(std::isnan(none.between));
  // A zone without households does not count, whatever its benefit.
  const auto empty_zone = model::theil_decomposition({0.3, 0.3, 9.0}, {10, 20, 0}, core);
  CHECK(empty_zone.total == Approx(0).margin(1e-15));
}

TEST_CASE("headline indicators equal recomputations from the raw indicators", "[model][headline]") {
  const auto s = testing::tiny_scenario(0.5, 18);
  model::World w = model::build_world(s, testing::tiny_region(), 0);
  model::Recorder r = model::simulate(w);
  const auto steps = static_cast<core::Step>(r.steps);
  double displaced = 0, d_ren = 0, d_str = 0, exits = 0, nights = 0, hires = 0;
  std::vector<double> zone_hires(r.zones, 0.0), zone_displaced(r.zones, 0.0);
  for (core::Step t = 0; t < steps; ++t) {
    d_ren += r.m(t, MetroInd::kDisplacedRenewal);
    displaced += r.m(t, MetroInd::kDisplacedRenewal) + r.m(t, MetroInd::kDisplacedEviction);
    d_str += r.m(t, MetroInd::kDisplacedStr);
    exits += r.m(t, MetroInd::kExitsExternal);
    nights += r.m(t, MetroInd::kTouristNights);
    hires += r.m(t, MetroInd::kHires);
    CHECK(r.h(t, HeadlineInd::kDisplacedCumulative) == Approx(displaced).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kDisplacedRenewalCumulative) == Approx(d_ren).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kDisplacedStrCumulative) == Approx(d_str).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kExitsExternalCumulative) == Approx(exits).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kTouristNightsCumulative) == Approx(nights).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kHiresCumulative) == Approx(hires).epsilon(1e-12));
    CHECK(r.h(t, HeadlineInd::kJobsCreatedWorkplace) ==
          Approx(r.m(t, MetroInd::kJobs) - r.m(0, MetroInd::kJobs)).margin(1e-9));
    CHECK(r.h(t, HeadlineInd::kWelfareChange) ==
          Approx(r.m(t, MetroInd::kWelfareMean) - r.m(0, MetroInd::kWelfareMean)).margin(1e-9));
    CHECK(r.h(t, HeadlineInd::kTalentStock) ==
          Approx(r.m(t, MetroInd::kTalentStudents) + r.m(t, MetroInd::kTalentResearchers) +
                 r.m(t, MetroInd::kTalentSkilled))
              .margin(1e-9));
    // Per zone: cumulative sums of the zone flows; the metro benefit's Theil from them.
    std::vector<double> benefit, households;
    std::vector<std::uint8_t> core;
    for (std::size_t z = 0; z < r.zones; ++z) {
      zone_hires[z] += r.z(ZoneInd::kHiresResidence, t, z);
      zone_displaced[z] +=
          r.z(ZoneInd::kDisplacedRenewalOut, t, z) + r.z(ZoneInd::kDisplacedEvictionOut, t, z);
      CHECK(r.zh(ZoneHeadlineInd::kHiresResidenceCumulative, t, z) ==
            Approx(zone_hires[z]).epsilon(1e-12));
      CHECK(r.zh(ZoneHeadlineInd::kDisplacedCumulative, t, z) ==
            Approx(zone_displaced[z]).epsilon(1e-12));
      if (w.zones.is_external[z]) continue;
      const double hh = r.z(ZoneInd::kHouseholds, t, z);
      benefit.push_back(hh > 0 ? zone_hires[z] / hh : 0.0);
      households.push_back(hh);
      core.push_back(w.zones.is_core[z]);
    }
    const auto th = model::theil_decomposition(benefit, households, core);
    if (std::isnan(th.total)) {
      CHECK(std::isnan(r.h(t, HeadlineInd::kTheilBenefit)));
    } else {
      CHECK(r.h(t, HeadlineInd::kTheilBenefit) == Approx(th.total).epsilon(1e-12));
      CHECK(r.h(t, HeadlineInd::kTheilBenefitBetween) == Approx(th.between).margin(1e-12));
    }
  }
  // The run moved: something was displaced and someone was hired (otherwise the checks above
  // would compare zeros with zeros).
  CHECK(displaced > 0);
  CHECK(hires > 0);
  CHECK(r.h(0, HeadlineInd::kRentMarketChangePct) == Approx(0).margin(1e-12));
  CHECK(r.h(0, HeadlineInd::kWelfareChange) == 0.0);
}
