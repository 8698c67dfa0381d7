// Governance and brands mechanisms on hand-built inputs (MODEL.md §7.1, §7.2): budgets, reach,
// awareness and image dynamics, incentives, the contribution game and politics.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "core/step_context.hpp"
#include "mechanisms/brands/brands.hpp"
#include "mechanisms/governance/budgets.hpp"
#include "mechanisms/governance/coordination.hpp"
#include "mechanisms/governance/politics.hpp"

using namespace metrosim;
using namespace metrosim::mechanisms;
using agents::AgencyKind;

namespace {

const std::vector<AgencyKind> kAmbKinds = {
    AgencyKind::kMetropolitanAuthority, AgencyKind::kCityCouncil, AgencyKind::kMunicipalOffice,
    AgencyKind::kInvestmentPromotionAgency, AgencyKind::kTourismBoard};
const std::vector<double> kAmbBudgets = {1.97e6, 3.6e6, 1.75e6, 3.0e6, 5.0e6};

AgencySpend spend_in_mode(GovernanceMode mode, double overhead, const RingFencedParams& rf = {}) {
  const auto acting = acting_agency(mode, kAmbKinds);
  std::vector<BudgetLine> lines;
  for (std::size_t a = 0; a < kAmbKinds.size(); ++a)
    lines.push_back({kAmbBudgets[a], acting[a], default_allocation(kAmbKinds[a])});
  return spend_budgets(lines, std::vector<double>(kAmbKinds.size(), overhead), rf);
}

double instrument_total(const AgencySpend& s, Instrument k) {
  double t = 0.0;
  for (const auto& row : s.spend) t += row[static_cast<std::size_t>(k)];
  return t;
}

}  // namespace

TEST_CASE("agencies never spend more than their budget in force, overheads first", "[governance]") {
  RingFencedParams rf;
  rf.mitigation_budget = 2e6;
  rf.event_bid_budget = 1e6;
  for (double overhead : {0.0, 2e5, 5e6}) {  // the last exceeds some budgets outright
    for (auto mode :
         {GovernanceMode::kMetropolitan, GovernanceMode::kLeadCity, GovernanceMode::kFragmented}) {
      const AgencySpend s = spend_in_mode(mode, overhead, rf);
      for (std::size_t a = 0; a < s.spend.size(); ++a) {
        const double used =
            s.overhead[a] + std::accumulate(s.spend[a].begin(), s.spend[a].end(), 0.0);
        CHECK(used <= s.budget_month[a] * (1 + 1e-12));
        CHECK(s.overhead[a] <= overhead / 12.0 + 1e-9);
        if (s.budget_month[a] == 0.0) CHECK(s.overhead[a] == 0.0);  // inactive: no overhead
      }
    }
  }
}

TEST_CASE("without overheads every mode spends the same on every instrument", "[governance]") {
  const AgencySpend frag = spend_in_mode(GovernanceMode::kFragmented, 0.0);
  for (auto mode : {GovernanceMode::kMetropolitan, GovernanceMode::kLeadCity}) {
    const AgencySpend s = spend_in_mode(mode, 0.0);
    for (std::size_t k = 0; k < kInstruments; ++k)
      CHECK(instrument_total(s, static_cast<Instrument>(k)) ==
            Approx(instrument_total(frag, static_cast<Instrument>(k))).epsilon(1e-12));
  }
  // ... and with overheads, fewer active agencies leave more for the instruments.
  const double frag_promo =
      instrument_total(spend_in_mode(GovernanceMode::kFragmented, 3e5), Instrument::kPromotion);
  const double metro_promo =
      instrument_total(spend_in_mode(GovernanceMode::kMetropolitan, 3e5), Instrument::kPromotion);
  CHECK(metro_promo > frag_promo);
}

TEST_CASE("modes move mandates, not the list: inactive agencies act for no line", "[governance]") {
  const auto metro = acting_agency(GovernanceMode::kMetropolitan, kAmbKinds);
  CHECK(metro == std::vector<std::size_t>{0, 0, 0, 3, 4});
  const auto lead = acting_agency(GovernanceMode::kLeadCity, kAmbKinds);
  CHECK(lead == std::vector<std::size_t>{1, 1, 1, 3, 4});
  const auto frag = acting_agency(GovernanceMode::kFragmented, kAmbKinds);
  CHECK(frag == std::vector<std::size_t>{0, 1, 2, 3, 4});
  const AgencySpend s = spend_in_mode(GovernanceMode::kMetropolitan, 1e5);
  CHECK(s.budget_month[1] == 0.0);
  CHECK(s.budget_month[2] == 0.0);
}

TEST_CASE("reach tends to S/S0 as saturation vanishes and saturates with spend", "[brands]") {
  BrandParams p;
  p.audience_segments = 1;
  p.reach_spend_ref = 1e6;
  p.reach_saturation = 0.0;
  CHECK(segment_reach(p, 2e5) == Approx(0.2));
  p.reach_saturation = 1e-9;
  CHECK(segment_reach(p, 2e5) == Approx(0.2).epsilon(1e-6));
  p.reach_saturation = 1.0;
  CHECK(segment_reach(p, 2e5) == Approx(1 - std::exp(-0.2)));  // MODEL.md §7.2's form
  // Concave: doubling spend less than doubles reach.
  CHECK(segment_reach(p, 4e5) < 2 * segment_reach(p, 2e5));
}

TEST_CASE(
    "one pooled campaign reaches more of the audience than duplicated ones only under "
    "saturation",
    "[brands]") {
  BrandParams p;
  p.audience_segments = 4;
  p.reach_spend_ref = 1e7;
  BrandSpend pooled, duplicated;
  pooled.metro_pooled = 2e6;
  duplicated.metro_prime = 2e6;
  p.reach_saturation = 1.0;
  CHECK(brand_reach(p, pooled).audience > brand_reach(p, duplicated).audience);
  p.reach_saturation = 0.0;
  CHECK(brand_reach(p, pooled).audience == Approx(brand_reach(p, duplicated).audience));
  CHECK(brand_reach(p, pooled).audience == Approx(2e6 / 1e7));
}

TEST_CASE("Vidale-Wolfe awareness: decays without spend, rises with more spend, stays in [0, 1]",
          "[brands]") {
  BrandParams p;
  p.awareness_decay = 0.05;
  CHECK(next_awareness(p, 0.6, 0.0) < 0.6);
  CHECK(next_awareness(p, 0.6, 0.0) == Approx(0.6 * 0.95));
  CHECK(next_awareness(p, 0.6, 0.2) > next_awareness(p, 0.6, 0.1));
  for (double a : {0.0, 0.3, 1.0})
    for (double r : {0.0, 0.5, 1.0})
      for (double boost : {0.0, 0.5}) {
        const double next = next_awareness(p, a, r, boost);
        CHECK(next >= 0.0);
        CHECK(next <= 1.0);
      }
  // Long run without spend: awareness tends to 0.
  double a = 0.8;
  for (int t = 0; t < 600; ++t) a = next_awareness(p, a, 0.0);
  CHECK(a < 1e-10);
}

TEST_CASE("image moves toward its target, backlash lowers it, both stay in [0, 1]", "[brands]") {
  BrandParams p;
  ImageDrivers better{0.05, 0.0, 0.0, 0.0, 0.0}, worse{0.0, -0.1, 5.0, 10.0, 0.0};
  CHECK(image_target(p, 0.6, better) > 0.6);
  CHECK(image_target(p, 0.6, worse) < 0.6);
  CHECK(next_image(p, 0.6, 0.8, 0.0) > 0.6);
  CHECK(next_image(p, 0.6, 0.6, 0.05) == Approx(0.55));
  CHECK(next_image(p, 0.01, 0.0, 0.5) == 0.0);
  CHECK(image_target(p, 0.9, {10.0, 1.0, 0.0, 0.0, 1.0}) == 1.0);
}

TEST_CASE("visibility and zone image follow the sharing formulas", "[brands]") {
  CHECK(visibility(0.0, 1.0, 0.6, 0.2) == Approx(0.2));
  CHECK(visibility(1.0, 0.5, 0.6, 0.2) == Approx(0.3));
  CHECK(zone_image(1.0, 0.4, 0.8) == Approx(0.4));
  CHECK(zone_image(0.0, 0.4, 0.8) == Approx(0.8));
  BrandParams p;
  CHECK(association(p, 0.0, 0.0) == 1.0);
  CHECK(association(p, 30.0, 0.0) < association(p, 10.0, 0.0));
  CHECK(association(p, 30.0, 1.0) > association(p, 30.0, 0.0));
}

TEST_CASE("incentive competition: bid up to the cap without a pact, base offer with it",
          "[governance]") {
  IncentiveParams p;
  p.per_job = 1000;
  p.cap = 5000;
  p.overbid = 500;
  for (double v : incentive_offers(p, 0.0, 10)) CHECK(v == 5000);
  for (double v : incentive_offers(p, 1.0, 10)) CHECK(v == 1000);
  const double half = incentive_offers(p, 0.5, 10)[0];
  const double strong = incentive_offers(p, 0.9, 10)[0];
  CHECK(half >= strong);
  CHECK(strong > 1000);  // a partial pact still lets some outbidding through
  CHECK(incentive_offers(p, 0.0, 1)[0] == 1000);  // no rival, no competition
  p.per_job = 0;
  for (double v : incentive_offers(p, 0.0, 10)) CHECK(v == 0);
}

TEST_CASE("free-riding: a municipality gives the shared brand less when the others give more",
          "[governance][brands]") {
  ContributionGame g;
  g.brand.reach_spend_ref = 1e6;
  g.brand.reach_saturation = 3.0;
  g.brand.audience_segments = 1;
  g.metro_awareness = 0.3;
  for (int i = 0; i < 3; ++i) g.players.push_back({5e5, 0.6, 1.0, 0.1});
  const double alone = best_contribution(g, 0, 0.0);
  const double some = best_contribution(g, 0, 5e5);
  const double lots = best_contribution(g, 0, 3e6);
  CHECK(alone > 0.0);
  CHECK(some <= alone);
  CHECK(lots < alone);
  // Contributions stay within budgets in equilibrium.
  for (double x : play_contributions(g)) {
    CHECK(x >= 0.0);
    CHECK(x <= 5e5);
  }
  // A municipality that does not share its brand gives nothing.
  g.players[0].sharing = 0.0;
  CHECK(best_contribution(g, 0, 0.0) == 0.0);
}

TEST_CASE("referral routing: neutral front door, own jurisdictions, lead city's rho",
          "[governance]") {
  GovernanceParams p;
  const std::vector<std::uint8_t> core = {1, 0, 0, 0}, ext = {0, 0, 0, 1};
  const std::vector<double> lead = {3.0, 1.0, 2.0, 0.0};
  for (double w : referral_weights(p, 1.0, core, ext, lead)) CHECK((w == 1.0 || w == 0.0));
  const auto frag = referral_weights(p, 0.0, core, ext, lead);
  CHECK(frag[0] == Approx(1.5));
  CHECK(frag[3] == 0.0);
  p.mode = GovernanceMode::kLeadCity;
  p.lead_city_rho = 0.25;
  const auto lc = referral_weights(p, 0.5, core, ext, lead);
  CHECK(lc[0] == 1.0);
  CHECK(lc[1] == 0.25);
}

TEST_CASE("higher institutionalisation lowers budget variance across elections",
          "[governance][politics]") {
  PoliticsParams p;
  // Budgets set each January 2015-2034 for 40 seeded replicates; the same draws for both ι.
  const auto variance = [&](double iota) {
    p.institutionalisation = iota;
    std::vector<double> budgets;
    for (std::uint32_t rep = 0; rep < 40; ++rep) {
      std::vector<double> z(1, 0.0);
      const core::Calendar cal(core::YearMonth{2015, 1});
      for (core::Step t = 0; t < 240; ++t) {
        const core::StepContext ctx{t, cal, core::RngKey{7, rep}};
        const auto ym = cal.at(t);
        step_will_index(p, ctx, is_election(p, ym.year, static_cast<int>(ym.month)), z);
        if (cal.is_january(t)) budgets.push_back(budget_in_force(1.0, iota, political_will(z[0])));
      }
    }
    const double mean = std::accumulate(budgets.begin(), budgets.end(), 0.0) / budgets.size();
    double v = 0.0;
    for (double b : budgets) v += (b - mean) * (b - mean);
    return v / budgets.size();
  };
  const double low = variance(0.2), high = variance(0.8);
  CHECK(high < low * 0.5);  // tolerance: the analytic ratio is ~0.03 under common draws
  CHECK(variance(1.0) == Approx(0.0).margin(1e-20));
}

TEST_CASE("elections happen in May of the listed years only", "[governance][politics]") {
  PoliticsParams p;
  CHECK(is_election(p, 2019, 5));
  CHECK_FALSE(is_election(p, 2019, 6));
  CHECK_FALSE(is_election(p, 2020, 5));
  CHECK(budget_in_force(100.0, 0.3, 0.5) == Approx(100.0));  // data budget at neutral will
}

TEST_CASE("spend effects: none without spend, rising and saturating at the gain", "[governance]") {
  using mechanisms::spend_effect;
  CHECK(spend_effect(0.05, 0.0, 1e5) == 0.0);
  CHECK(spend_effect(0.05, 1e5, 1e5) == Approx(0.025));  // half the gain at the half-spend
  CHECK(spend_effect(0.05, 2e5, 1e5) > spend_effect(0.05, 1e5, 1e5));
  CHECK(spend_effect(0.05, 1e12, 1e5) < 0.05);
  CHECK(spend_effect(0.05, 1e12, 1e5) == Approx(0.05).epsilon(1e-6));
  CHECK(spend_effect(0.0, 1e6, 1e5) == 0.0);  // a zero gain: spend buys nothing
}
