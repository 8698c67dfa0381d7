// Evaluation and adaptive strategy (MODEL.md §7.12; mechanisms/evaluation): KPI payoffs per EUR,
// the EWA update, the softmax with floors over the discretionary pool, the belief matrix; and
// networks and funding (MODEL.md §7.13; mechanisms/networks).
#include <catch2/catch.hpp>

#include <numeric>

#include "mechanisms/evaluation/ewa.hpp"
#include "mechanisms/networks/networks.hpp"

using namespace metrosim;
using mechanisms::Instrument;
using mechanisms::InstrumentArray;

namespace {

constexpr std::size_t idx(Instrument k) {
  return static_cast<std::size_t>(k);
}

InstrumentArray default_row() {
  // Discretionary shares; networks, cooperation and incentives are outside the review's pool.
  InstrumentArray a{};
  a[idx(Instrument::kPromotion)] = 0.3;
  a[idx(Instrument::kLeadGeneration)] = 0.2;
  a[idx(Instrument::kIncentives)] = 0.1;
  a[idx(Instrument::kEventBidding)] = 0.1;
  a[idx(Instrument::kTalent)] = 0.1;
  a[idx(Instrument::kNetworks)] = 0.1;
  a[idx(Instrument::kMitigation)] = 0.1;
  return a;
}

double sum(const InstrumentArray& a) {
  return std::accumulate(a.begin(), a.end(), 0.0);
}

/// Runs `years` reviews with fixed payoffs and returns the final allocation row.
InstrumentArray learn(const mechanisms::EvaluationParams& p, const InstrumentArray& payoff,
                      int years, InstrumentArray row = default_row()) {
  mechanisms::EwaState s;
  for (int y = 0; y < years; ++y) {
    mechanisms::ewa_update(p, payoff, mechanisms::pool_shares(row), s);
    row = mechanisms::reallocate(p, s, row);
  }
  return row;
}

}  // namespace

TEST_CASE("reallocation keeps the pool's total, the floors and the ring-fenced shares",
          "[evaluation]") {
  mechanisms::EvaluationParams p;
  p.floor = 0.05;
  p.temperature = 0.1;  // sharp: most of the pool goes to the best instrument
  mechanisms::EwaState s;
  s.attraction[idx(Instrument::kTalent)] = 5.0;
  s.attraction[idx(Instrument::kNetworks)] = 100.0;  // not reallocated: must be ignored
  const InstrumentArray row = default_row();
  const InstrumentArray out = mechanisms::reallocate(p, s, row);
  CHECK(sum(out) == Approx(sum(row)).epsilon(1e-12));
  CHECK(out[idx(Instrument::kNetworks)] == row[idx(Instrument::kNetworks)]);
  CHECK(out[idx(Instrument::kCooperation)] == row[idx(Instrument::kCooperation)]);
  CHECK(out[idx(Instrument::kIncentives)] == row[idx(Instrument::kIncentives)]);  // not budget
  const double pool =
      sum(row) - row[idx(Instrument::kNetworks)] - row[idx(Instrument::kIncentives)];
  for (std::size_t k = 0; k < mechanisms::kInstruments; ++k)
    if (mechanisms::is_reallocated(static_cast<Instrument>(k)))
      CHECK(out[k] >= p.floor * pool * (1 - 1e-12));
  CHECK(out[idx(Instrument::kTalent)] > 0.5 * pool);
}

TEST_CASE("a row with nothing to reallocate is left as it is", "[evaluation]") {
  mechanisms::EvaluationParams p;
  mechanisms::EwaState s;
  s.attraction[idx(Instrument::kTalent)] = 3.0;
  InstrumentArray row{};
  row[idx(Instrument::kCooperation)] = 1.0;
  CHECK(mechanisms::reallocate(p, s, row) == row);
}

TEST_CASE("KPI payoffs are value per EUR of the instruments credited, 0 without spend",
          "[evaluation]") {
  mechanisms::EvaluationParams p;
  mechanisms::StrategyKpis kpi{10.0, 2.0, 500.0};
  InstrumentArray spend{};
  spend[idx(Instrument::kLeadGeneration)] = 3e6;
  spend[idx(Instrument::kIncentives)] = 1e6;
  spend[idx(Instrument::kEventBidding)] = 0.0;
  spend[idx(Instrument::kTalent)] = 1e6;
  const auto pay = mechanisms::kpi_payoffs(p, kpi, spend);
  CHECK(pay[idx(Instrument::kLeadGeneration)] == Approx(p.value_project * 10.0 / 4e6));
  CHECK(pay[idx(Instrument::kIncentives)] == pay[idx(Instrument::kLeadGeneration)]);
  CHECK(pay[idx(Instrument::kEventBidding)] == 0.0);  // events won but nothing spent: no credit
  CHECK(pay[idx(Instrument::kTalent)] == Approx(p.value_talent * 500.0 / 1e6));
  CHECK(pay[idx(Instrument::kPromotion)] == 0.0);
}

TEST_CASE("EWA moves the allocation toward the instrument with the higher KPI per EUR",
          "[evaluation]") {
  mechanisms::EvaluationParams p;
  InstrumentArray payoff{};
  payoff[idx(Instrument::kEventBidding)] = 2.0;
  payoff[idx(Instrument::kTalent)] = 0.5;
  const InstrumentArray start = default_row();
  const InstrumentArray end = learn(p, payoff, 10);
  CHECK(end[idx(Instrument::kEventBidding)] > start[idx(Instrument::kEventBidding)]);
  CHECK(end[idx(Instrument::kEventBidding)] > end[idx(Instrument::kTalent)]);
  CHECK(end[idx(Instrument::kTalent)] > end[idx(Instrument::kPromotion)]);
  CHECK(sum(end) == Approx(sum(start)).epsilon(1e-12));
  // With the payoffs swapped the order swaps: the move follows the KPI, not the instrument.
  std::swap(payoff[idx(Instrument::kEventBidding)], payoff[idx(Instrument::kTalent)]);
  const InstrumentArray swapped = learn(p, payoff, 10);
  CHECK(swapped[idx(Instrument::kTalent)] > swapped[idx(Instrument::kEventBidding)]);
}

TEST_CASE("counting externalities with a non-zero belief matrix shifts budget toward mitigation",
          "[evaluation]") {
  mechanisms::EvaluationParams p;
  p.belief = {};
  p.belief[idx(Instrument::kPromotion)][0] = 1.0;    // promotion believed to raise pressure
  p.belief[idx(Instrument::kMitigation)][0] = -1.0;  // mitigation believed to lower it
  InstrumentArray payoff{};
  payoff[idx(Instrument::kLeadGeneration)] = 0.5;
  const std::array<double, mechanisms::kExternalities> relative{1.2, 1.0, 1.0, 1.1};
  const auto pen = mechanisms::externality_penalty(p, relative);
  CHECK(pen[idx(Instrument::kMitigation)] == Approx(-1.2));
  InstrumentArray counted = payoff;
  for (std::size_t k = 0; k < mechanisms::kInstruments; ++k) counted[k] -= pen[k];
  const InstrumentArray without = learn(p, payoff, 8);
  const InstrumentArray with = learn(p, counted, 8);
  CHECK(with[idx(Instrument::kMitigation)] > without[idx(Instrument::kMitigation)]);
  CHECK(with[idx(Instrument::kPromotion)] < without[idx(Instrument::kPromotion)]);
  // A zero belief matrix changes nothing.
  mechanisms::EvaluationParams zero;
  zero.belief = {};
  CHECK(mechanisms::externality_penalty(zero, relative) == InstrumentArray{});
}

TEST_CASE("networks with zero effectiveness leave the effort unchanged; positive raises it",
          "[networks]") {
  mechanisms::StrategyEffort e;
  e.reset(2, 3);
  e.metro_promotion = 1000.0;
  e.own_promotion = {10.0, 20.0, 30.0};
  e.lead_generation = 500.0;
  e.event_bid = 70.0;
  e.network_memberships = 4.0;
  mechanisms::NetworksParams none;
  auto same = e;
  mechanisms::apply_network_effect(none, same);
  CHECK(same.metro_promotion == e.metro_promotion);
  CHECK(same.own_promotion == e.own_promotion);
  CHECK(same.lead_generation == e.lead_generation);
  mechanisms::NetworksParams some{0.05};
  auto more = e;
  mechanisms::apply_network_effect(some, more);
  CHECK(more.metro_promotion == Approx(1200.0));
  CHECK(more.own_promotion[2] == Approx(36.0));
  CHECK(more.lead_generation == Approx(600.0));
  CHECK(more.event_bid == e.event_bid);  // bids are not promotion
}

TEST_CASE(
    "funding success rises with memberships and staff; awards follow under common random "
    "numbers",
    "[funding][paired]") {
  mechanisms::FundingParams p;
  CHECK(mechanisms::funding_success_probability(p, 100, 5) >
        mechanisms::funding_success_probability(p, 100, 0));
  CHECK(mechanisms::funding_success_probability(p, 200, 0) >
        mechanisms::funding_success_probability(p, 100, 0));
  std::int64_t few = 0, many = 0;
  double amount_few = 0.0, amount_many = 0.0;
  for (std::uint32_t r = 0; r < 200; ++r) {
    core::StepContext c;
    c.rng_key = {11, r};
    const auto a = mechanisms::funding_round(p, c, 129, 0);
    const auto b = mechanisms::funding_round(p, c, 129, 10);
    CHECK(a.applications == b.applications);
    CHECK(b.awards >= a.awards);  // same draws, higher probability
    few += a.awards;
    many += b.awards;
    amount_few += a.amount;
    amount_many += b.amount;
  }
  CHECK(many > few);
  CHECK(amount_many > amount_few);
}
