// Governance and brands in the running model (MODEL.md §3 steps 2-3, §7.1, §7.2): the equal-
// reach property of the modes, budgets, bounds, brand sharing, backlash and the wiring of the
// brand into tourism; paired contrasts on the AMB at test scale under common random numbers.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "io/region_reader.hpp"
#include "io/scenario_loader.hpp"
#include "model/governance_step.hpp"
#include "model/schedule.hpp"

using namespace metrosim;
using model::AgencyInd;
using model::MetroInd;
using model::ZoneInd;

namespace {

const std::string kRegionDir = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";

model::Scenario amb(int steps, std::vector<std::string> sets = {}) {
  sets.push_back("agents.scale=0.01");
  sets.push_back("run.steps=" + std::to_string(steps));
  return io::load_scenario("", sets).scenario;
}

model::World world(const model::Scenario& s) {
  return model::build_world(s, io::read_region(s, kRegionDir), 0);
}

struct Run {
  model::World w;
  model::Recorder r;
};

Run run(const model::Scenario& s) {
  Run x{world(s), {}};
  x.r = model::simulate(x.w);
  return x;
}

double metro(const model::Recorder& r, core::Step t, MetroInd k) {
  return r.metro[static_cast<std::size_t>(t) * model::kMetroCount + static_cast<std::size_t>(k)];
}

/// Effective audience reach of the first month's promotion.
double first_month_reach(const std::vector<std::string>& sets) {
  model::World w = world(amb(1, sets));
  const core::StepContext ctx{0, w.calendar, w.rng_key};
  model::governance_step(w, ctx);
  model::brands_step(w, ctx);
  return w.governance.audience_reach;
}

}  // namespace

TEST_CASE("with no overheads and linear reach every mode reaches the same audience",
          "[model][governance][brands]") {
  // THE property of issue 4: no ranking of the modes is built in. Without overheads and without
  // saturation, pooling, routing and mandates only move spend between brands and agencies.
  const std::vector<std::string> neutral = {"agencies.overhead=0", "brand.reach_saturation=0"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), neutral.begin(), neutral.end());
    return first_month_reach(extra);
  };
  const double fragmented = with({"governance.mode=fragmented"});
  CHECK(fragmented > 0.0);
  CHECK(with({"governance.mode=metropolitan"}) == Approx(fragmented).epsilon(1e-12));
  CHECK(with({"governance.mode=lead_city"}) == Approx(fragmented).epsilon(1e-12));
  CHECK(with({"governance.mode=fragmented", "governance.coordination=0.4"}) ==
        Approx(fragmented).epsilon(1e-12));
  CHECK(with({"governance.mode=metropolitan", "brand.sharing=0"}) ==
        Approx(fragmented).epsilon(1e-12));
}

TEST_CASE("with overheads and saturation fragmented spends less effectively than metropolitan",
          "[model][governance][brands]") {
  const double frag = first_month_reach({"governance.mode=fragmented"});
  const double metro_mode = first_month_reach({"governance.mode=metropolitan"});
  CHECK(frag < metro_mode);
  // Each channel alone: overheads with linear reach, saturation without overheads.
  CHECK(first_month_reach({"governance.mode=fragmented", "brand.reach_saturation=0"}) <
        first_month_reach({"governance.mode=metropolitan", "brand.reach_saturation=0"}));
  CHECK(first_month_reach(
            {"governance.mode=fragmented", "agencies.overhead=0", "brand.reach_saturation=5"}) <
        first_month_reach(
            {"governance.mode=metropolitan", "agencies.overhead=0", "brand.reach_saturation=5"}));
}

TEST_CASE("agencies spend within budgets; brands stay in [0, 1]; inactive agencies report 0",
          "[model][governance]") {
  for (const char* mode : {"fragmented", "metropolitan", "lead_city"}) {
    const auto x = run(amb(24, {std::string("governance.mode=") + mode, "mitigation.budget=1e6"}));
    const auto& w = x.w;
    auto r = x.r;
    for (core::Step t = 0; t < 24; ++t) {
      for (std::size_t a = 0; a < w.agencies.size(); ++a) {
        double used = r.a(AgencyInd::kOverhead, t, a);
        for (std::size_t k = 0; k < mechanisms::kInstruments; ++k)
          used +=
              r.a(static_cast<AgencyInd>(static_cast<std::size_t>(AgencyInd::kSpendPromotion) + k),
                  t, a);
        CHECK(used <= r.a(AgencyInd::kBudget, t, a) * (1 + 1e-12));
        if (r.a(AgencyInd::kActive, t, a) == 0.0) CHECK(r.a(AgencyInd::kBudget, t, a) == 0.0);
        const double will = r.a(AgencyInd::kPoliticalWill, t, a);
        CHECK((will > 0.0 && will < 1.0));
      }
      for (auto k : {MetroInd::kBrandAwarenessMetro, MetroInd::kBrandImageMetro}) {
        CHECK(metro(r, t, k) >= 0.0);
        CHECK(metro(r, t, k) <= 1.0);
      }
      for (std::size_t z = 0; z < w.zones.size(); ++z)
        for (auto k :
             {ZoneInd::kBrandOwnAwareness, ZoneInd::kBrandOwnImage, ZoneInd::kBrandVisibility,
              ZoneInd::kBrandImage, ZoneInd::kBrandAssociation}) {
          CHECK(r.z(k, t, z) >= 0.0);
          CHECK(r.z(k, t, z) <= 1.0);
        }
    }
    if (std::string(mode) == "metropolitan") {
      CHECK(r.a(AgencyInd::kActive, 5, 1) == 0.0);  // the city council's line moved to the AMB
      CHECK(r.a(AgencyInd::kBudget, 5, 1) == 0.0);
    }
  }
}

TEST_CASE("brand.sharing = 1 raises the periphery's visibility (paired)",
          "[model][brands][paired]") {
  const int months = 24;
  const auto own = run(amb(months, {"brand.sharing=0"}));
  const auto shared = run(amb(months, {"brand.sharing=1"}));
  auto ro = own.r, rs = shared.r;
  // The metro brand's reach exceeds the municipal offices' own brands (a few EUR 10 k a year
  // each): check that premise, then the periphery's visibility.
  const std::size_t last = months - 1;
  int periphery = 0, higher = 0;
  for (std::size_t z = 0; z < own.w.zones.size(); ++z) {
    if (own.w.zones.is_core[z] || own.w.zones.is_external[z]) continue;
    ++periphery;
    CHECK(rs.z(ZoneInd::kBrandAssociation, last, z) *
              metro(rs, last, MetroInd::kBrandAwarenessMetro) >
          ro.z(ZoneInd::kBrandOwnAwareness, last, z));
    higher += rs.z(ZoneInd::kBrandVisibility, last, z) > ro.z(ZoneInd::kBrandVisibility, last, z);
  }
  CHECK(periphery > 0);
  CHECK(higher == periphery);
}

TEST_CASE("a forced metro backlash lowers the image of sharers more than of non-sharers",
          "[model][brands][paired]") {
  const int months = 6;
  // 08101 (L'Hospitalet) shares the metro brand fully, 08245 (Santa Coloma de Gramenet) not at all.
  const std::vector<std::string> sharing = {"brand.sharing@08101=1", "brand.sharing@08245=0"};
  auto sets = [&](std::vector<std::string> extra) {
    extra.insert(extra.end(), sharing.begin(), sharing.end());
    return extra;
  };
  const auto calm = run(amb(months, sets({"brand.backlash_rate=0"})));
  const auto storm = run(amb(months, sets({"brand.backlash_rate=1", "brand.backlash_size=0.05"})));
  std::size_t sharer = 0, loner = 0;
  for (std::size_t z = 0; z < calm.w.zones.size(); ++z) {
    if (calm.w.zones.code[z] == "08101") sharer = z;
    if (calm.w.zones.code[z] == "08245") loner = z;
  }
  REQUIRE(sharer != loner);
  auto rc = calm.r, rs = storm.r;
  const std::size_t t = months - 1;
  CHECK(metro(rs, t, MetroInd::kBrandImageMetro) < metro(rc, t, MetroInd::kBrandImageMetro));
  const double drop_sharer =
      rc.z(ZoneInd::kBrandImage, t, sharer) - rs.z(ZoneInd::kBrandImage, t, sharer);
  const double drop_loner =
      rc.z(ZoneInd::kBrandImage, t, loner) - rs.z(ZoneInd::kBrandImage, t, loner);
  CHECK(drop_sharer > 0.1);  // several backlashes of 0.05 in six months
  CHECK(drop_sharer > drop_loner + 0.1);
}

TEST_CASE("agencies' promotion drives awareness, and tourism follows the brand (paired)",
          "[model][brands][paired]") {
  const int months = 24;
  const auto base = run(amb(months));
  const auto none = run(amb(months, {"agencies.budget_scale=0", "promoters.promotion=0"}));
  auto rb = base.r, rn = none.r;
  CHECK(metro(rb, 0, MetroInd::kBrandAwarenessMetro) ==
        metro(rn, 0, MetroInd::kBrandAwarenessMetro));
  const core::Step t = months - 1;
  CHECK(metro(rn, t, MetroInd::kBrandAwarenessMetro) <
        metro(rb, t, MetroInd::kBrandAwarenessMetro) - 0.05);
  CHECK(metro(rn, t, MetroInd::kTouristNightsLeisure) <
        metro(rb, t, MetroInd::kTouristNightsLeisure));
  CHECK(metro(rn, t, MetroInd::kSpendPromotion) == 0.0);
}

TEST_CASE("per-agency levers: key@CODE scales one agency; an unknown code is refused",
          "[model][governance][io]") {
  model::World base = world(amb(1));
  model::World scaled = world(amb(1, {"agencies.budget_scale@BCN=2"}));
  const core::StepContext ctx{0, base.calendar, base.rng_key};
  model::governance_step(base, ctx);
  model::governance_step(scaled, ctx);
  for (std::size_t a = 0; a < base.agencies.size(); ++a) {
    const double ratio = scaled.agencies.line_budget[a] / base.agencies.line_budget[a];
    CHECK(ratio == Approx(base.agencies.code[a] == "BCN" ? 2.0 : 1.0));
  }
  const auto s = amb(1, {"agencies.share_promotion@XYZ=0.5"});
  CHECK_THROWS_AS(io::validate_zone_overrides(s, {"08019"}, {"AMB", "BCN"}), io::InputError);
  CHECK_NOTHROW(io::validate_zone_overrides(amb(1, {"agencies.share_promotion@BCN=0.5"}), {"08019"},
                                            {"AMB", "BCN"}));
}
