// Events, funding and the strategy review in the running model (MODEL.md §3 steps 2–4 and 13;
// §7.3, §7.12, §7.13; model/events_step.hpp). Paired contrasts under common random numbers (same
// seed and replicate in both arms). Until governance fills the effort each month, the tests set
// w.effort and w.agencies.allocation directly after building the world.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "io/region_reader.hpp"
#include "io/scenario_loader.hpp"
#include "model/schedule.hpp"
#include "support/tiny_world.hpp"

using namespace metrosim;
using mechanisms::Instrument;
using model::MetroInd;

namespace {

const std::string kRegionDir = std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";

model::Scenario amb(int steps, std::vector<std::string> sets = {}) {
  sets.push_back("agents.scale=0.02");
  sets.push_back("run.steps=" + std::to_string(steps));
  return io::load_scenario("", sets).scenario;
}

double metro(const model::Recorder& r, core::Step t, MetroInd k) {
  return r.metro[static_cast<std::size_t>(t) * model::kMetroCount + static_cast<std::size_t>(k)];
}

double total(const model::Recorder& r, MetroInd k) {
  double s = 0.0;
  for (core::Step t = 0; t < static_cast<core::Step>(r.steps); ++t) s += metro(r, t, k);
  return s;
}

/// An allocation row and a month's spend per agency (EUR/month) for the review to read.
void set_strategy(model::World& w, double event_bid) {
  std::array<double, mechanisms::kInstruments> row{};
  row[static_cast<std::size_t>(Instrument::kPromotion)] = 0.3;
  row[static_cast<std::size_t>(Instrument::kLeadGeneration)] = 0.2;
  row[static_cast<std::size_t>(Instrument::kIncentives)] = 0.1;
  row[static_cast<std::size_t>(Instrument::kEventBidding)] = 0.1;
  row[static_cast<std::size_t>(Instrument::kTalent)] = 0.2;
  row[static_cast<std::size_t>(Instrument::kMitigation)] = 0.1;
  for (std::size_t a = 0; a < w.agencies.size(); ++a) {
    w.agencies.allocation[a] = row;
    for (std::size_t k = 0; k < mechanisms::kInstruments; ++k)
      w.effort.spend[a][k] = row[k] * w.agencies.budget[a] / 12.0;
  }
  w.effort.event_bid = event_bid;
}

}  // namespace

TEST_CASE("won events add congress nights and spending; without a bid budget none are won",
          "[model][events][paired]") {
  // Held within the bid year (lead time 0), many opportunities, wins likely.
  // The bid line is the ring-fenced events.bid_budget the governance step spends every month.
  const std::vector<std::string> sets = {"events.lead_time_months=0", "events.bids_per_year=20",
                                         "events.win_max=1", "events.attendees_median=20000"};
  auto with_budget = [&](const char* budget) {
    auto v = sets;
    v.push_back(std::string("events.bid_budget=") + budget);
    return amb(12, v);
  };
  const auto s = with_budget("6e6");
  const auto region = io::read_region(s, kRegionDir);
  auto none = model::build_world(with_budget("0"), region, 0);
  auto bid = model::build_world(s, region, 0);
  const auto r0 = model::simulate(none);
  const auto r1 = model::simulate(bid);
  CHECK(total(r0, MetroInd::kEventsWon) == 0.0);
  CHECK(total(r0, MetroInd::kEventBids) == 0.0);
  REQUIRE(total(r1, MetroInd::kEventsWon) > 0.0);
  CHECK(total(r1, MetroInd::kEventBids) >= total(r1, MetroInd::kEventsWon));
  // Every won event is held within the year (lead time 0 + spread ≤ 11 months).
  double won_attendees = 0.0;
  for (const auto& e : bid.strategy.won) won_attendees += e.attendees;
  CHECK(total(r1, MetroInd::kEventAttendeesWon) == Approx(won_attendees));
  CHECK(total(r1, MetroInd::kTouristNightsCongress) > total(r0, MetroInd::kTouristNightsCongress));
  CHECK(total(r1, MetroInd::kEventSpending) - total(r0, MetroInd::kEventSpending) ==
        Approx(won_attendees * s.events.spend_per_attendee));
  // Months with congresses hand a boost to the brands, other months none (the bound A + boost
  // ≤ 1 is the mechanism's, tested in events_test.cpp).
  for (core::Step t = 0; t < 12; ++t) {
    const double boost = metro(r1, t, MetroInd::kEventAwarenessBoost);
    CHECK(boost >= 0.0);
    CHECK(boost < 1.0);
    CHECK((boost > 0.0) == (metro(r1, t, MetroInd::kEventAttendees) > 0.0));
  }
}

TEST_CASE(
    "evaluation.adaptive = false leaves allocations unchanged; true moves them within the "
    "pool",
    "[model][evaluation]") {
  auto s = testing::tiny_scenario(1.0, 26);
  const auto region = [] {
    auto r = testing::tiny_region();
    agents::AgencyRow a;
    a.code = "A1";
    a.budget_eur_year = 2e6;
    a.staff = 20;
    r.agencies.push_back(a);
    a.code = "A2";
    a.budget_eur_year = 1e6;
    a.staff = 10;
    r.agencies.push_back(a);
    return r;
  }();
  auto fixed = model::build_world(s, region, 0);
  set_strategy(fixed, 50e3);
  const auto before = fixed.agencies.allocation;
  model::simulate(fixed);
  CHECK(fixed.agencies.allocation == before);

  s.evaluation.adaptive = true;
  auto adaptive = model::build_world(s, region, 0);
  set_strategy(adaptive, 50e3);
  model::simulate(adaptive);
  bool moved = false;
  for (std::size_t a = 0; a < adaptive.agencies.size(); ++a) {
    const auto& row = adaptive.agencies.allocation[a];
    CHECK(std::accumulate(row.begin(), row.end(), 0.0) ==
          Approx(std::accumulate(before[a].begin(), before[a].end(), 0.0)).epsilon(1e-12));
    for (std::size_t k = 0; k < mechanisms::kInstruments; ++k) {
      CHECK(row[k] >= 0.0);
      moved = moved || row[k] != before[a][k];
    }
    // Talent arrivals are credited to talent programmes; promotion has no attributable KPI.
    CHECK(row[static_cast<std::size_t>(Instrument::kTalent)] >
          row[static_cast<std::size_t>(Instrument::kPromotion)]);
  }
  CHECK(moved);
}

TEST_CASE("counting externalities in the running review raises mitigation's share (paired)",
          "[model][evaluation][paired]") {
  auto s = testing::tiny_scenario(1.0, 26);
  s.evaluation.adaptive = true;
  s.evaluation.lag_months = 0;  // the whole first year in the first review's window
  // Assisted projects make lead generation's payoff per EUR tens of times the others'; a
  // temperature of that order keeps the softmax off its floors so a shift can show.
  s.evaluation.temperature = 50.0;
  auto region = testing::tiny_region();
  agents::AgencyRow a;
  a.code = "A1";
  a.budget_eur_year = 2e6;
  a.staff = 20;
  region.agencies.push_back(a);
  auto run = [&](bool count) {
    auto sc = s;
    sc.evaluation.include_externalities = count;
    sc.evaluation.belief = {};
    // The tiny world has no tourism: only displacement is non-zero, so the belief targets it.
    sc.evaluation.belief[static_cast<std::size_t>(Instrument::kMitigation)][1] = -2.0;
    auto w = model::build_world(sc, region, 0);
    set_strategy(w, 50e3);
    model::simulate(w);
    REQUIRE(w.strategy.externality_reference[1] > 0.0);  // displacement happened in year one
    // The allocation the review chose, and the budget the governance step then spent on
    // mitigation in the last month (the line follows the revised allocation).
    return std::pair{w.agencies.allocation[0][static_cast<std::size_t>(Instrument::kMitigation)],
                     w.effort.mitigation};
  };
  const auto counted = run(true), ignored = run(false);
  CHECK(counted.first > ignored.first);
  CHECK(counted.second > ignored.second);
}
