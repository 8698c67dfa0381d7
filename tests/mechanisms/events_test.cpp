// Bids for new congresses and what held congresses bring (MODEL.md §7.3; mechanisms/events):
// win probability, the scenario-independent opportunity stream and the awareness boost. Paired
// contrasts share the stream (common random numbers: same seed and replicate in both arms).
#include <catch2/catch.hpp>

#include <cmath>

#include "mechanisms/events/event_bids.hpp"

using namespace metrosim;
using mechanisms::EventsParams;

namespace {

core::StepContext ctx_for(std::uint32_t replicate, core::Step step = 0) {
  core::StepContext c;
  c.step = step;
  c.rng_key = {7, replicate};
  return c;
}

struct Totals {
  std::int64_t won = 0, bids = 0;
  double attendees = 0.0;
};

Totals sum_rounds(const EventsParams& p, double awareness, double budget, int replicates) {
  Totals t;
  for (int r = 0; r < replicates; ++r) {
    const auto round =
        mechanisms::bid_round(p, ctx_for(static_cast<std::uint32_t>(r)), awareness, budget);
    t.won += round.won;
    t.bids += round.bids;
    t.attendees += round.attendees_won;
  }
  return t;
}

}  // namespace

TEST_CASE("a Poisson draw by inverse CDF has the stated mean", "[events]") {
  // 4000 draws of mean 6: the sample mean's sd is sqrt(6/4000) ≈ 0.039; allow 5 sd.
  double sum = 0.0;
  const int n = 4000;
  for (int i = 0; i < n; ++i)
    sum += static_cast<double>(mechanisms::poisson_count(
        6.0,
        core::Stream(3, 0, core::Mechanism::kTest, static_cast<core::AgentId>(i), 0).uniform(0)));
  CHECK(std::abs(sum / n - 6.0) < 0.2);
  CHECK(mechanisms::poisson_count(0.0, 0.99) == 0);
}

TEST_CASE(
    "the win probability rises in awareness and bid budget, saturates and is 0 without "
    "a bid",
    "[events]") {
  EventsParams p;
  CHECK(mechanisms::win_probability(p, 0.8, 0.0) == 0.0);
  const double low = mechanisms::win_probability(p, 0.8, 50e3);
  const double high = mechanisms::win_probability(p, 0.8, 500e3);
  CHECK(high > low);
  CHECK(mechanisms::win_probability(p, 0.9, 50e3) > mechanisms::win_probability(p, 0.5, 50e3));
  CHECK(mechanisms::win_probability(p, 1.0, 1e12) <= p.win_max);
  // Diminishing returns: the second 250 k adds less than the first.
  const double a = mechanisms::win_probability(p, 0.8, 250e3);
  const double b = mechanisms::win_probability(p, 0.8, 500e3);
  CHECK(b - a < a - mechanisms::win_probability(p, 0.8, 0.0));
}

TEST_CASE("the opportunity stream is the same whatever the budget; only wins differ",
          "[events][crn]") {
  EventsParams p;
  for (std::uint32_t r = 0; r < 20; ++r) {
    const auto a = mechanisms::bid_round(p, ctx_for(r), 0.6, 100e3);
    const auto b = mechanisms::bid_round(p, ctx_for(r), 0.6, 2e6);
    REQUIRE(a.opportunities.size() == b.opportunities.size());
    for (std::size_t k = 0; k < a.opportunities.size(); ++k) {
      CHECK(a.opportunities[k].attendees == b.opportunities[k].attendees);
      CHECK(a.opportunities[k].held == b.opportunities[k].held);
      // Common random numbers: a higher probability never loses a bid the lower one won.
      if (a.opportunities[k].won) CHECK(b.opportunities[k].won);
    }
  }
}

TEST_CASE("more bid budget wins more events over seeded replicates", "[events][paired]") {
  EventsParams p;
  const int reps = 300;
  const auto low = sum_rounds(p, 0.6, 150e3, reps);
  const auto high = sum_rounds(p, 0.6, 1.5e6, reps);
  CHECK(low.bids == high.bids);  // same opportunities, all bid for
  CHECK(high.won > low.won);
  CHECK(high.attendees > low.attendees);
  // The ratio of wins follows the ratio of probabilities (per-bid budgets differ by year, so
  // compare with the expected counts; tolerance 25 % for ~300 rounds of ~6 bids).
  const double expected_ratio = [&] {
    double el = 0.0, eh = 0.0;
    for (std::uint32_t r = 0; r < reps; ++r) {
      const auto a = mechanisms::bid_round(p, ctx_for(r), 0.6, 150e3);
      const auto b = mechanisms::bid_round(p, ctx_for(r), 0.6, 1.5e6);
      for (const auto& o : a.opportunities) el += o.win_probability;
      for (const auto& o : b.opportunities) eh += o.win_probability;
    }
    return eh / el;
  }();
  CHECK(static_cast<double>(high.won) / static_cast<double>(low.won) ==
        Approx(expected_ratio).epsilon(0.25));
}

TEST_CASE("higher metro awareness wins more events over seeded replicates", "[events][paired]") {
  EventsParams p;
  const auto low = sum_rounds(p, 0.3, 600e3, 300);
  const auto high = sum_rounds(p, 0.9, 600e3, 300);
  CHECK(high.won > low.won);
}

TEST_CASE("without a bid budget nothing is bid for and nothing is won", "[events]") {
  const auto t = sum_rounds(EventsParams{}, 0.9, 0.0, 50);
  CHECK(t.bids == 0);
  CHECK(t.won == 0);
}

TEST_CASE("won events are held after the lead time, within the following year", "[events]") {
  EventsParams p;
  p.win_max = 1.0;
  p.lead_time_months = 18;
  for (std::uint32_t r = 0; r < 30; ++r) {
    const auto round = mechanisms::bid_round(p, ctx_for(r, 24), 1.0, 1e9);
    for (const auto& o : round.opportunities) {
      CHECK(o.held >= 24 + 18);
      CHECK(o.held <= 24 + 18 + 11);
      CHECK(o.attendees > 0.0);
    }
  }
}

TEST_CASE("the awareness boost keeps awareness within [0, 1] and rises in attendees", "[events]") {
  EventsParams p;
  p.awareness_boost_per_100k = 5.0;  // far above the default: the bound must hold anyway
  for (double a : {0.0, 0.3, 0.7, 0.99, 1.0}) {
    double previous = -1.0;
    for (double att : {0.0, 1e3, 1e5, 1e6, 1e8}) {
      const double b = mechanisms::awareness_boost(p, a, att);
      CHECK(b >= 0.0);
      CHECK(a + b <= 1.0);
      CHECK(b >= previous);
      previous = b;
    }
  }
  CHECK(mechanisms::awareness_boost(p, 0.5, 0.0) == 0.0);
}
