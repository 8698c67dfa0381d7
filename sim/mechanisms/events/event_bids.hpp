// event_bids.hpp — January bids for new congresses and what held congresses bring (MODEL.md §7.3;
// docs/EVENTS_LEARNING.md §1). Opportunities come from a scenario-independent keyed stream
// (kEvents): their count, sizes, holding months and win draws are the same in every scenario,
// and the bid budget and the metro brand's awareness change only which are won.
#pragma once
#include <cstdint>
#include <vector>

#include "core/step_context.hpp"
#include "mechanisms/events/events_params.hpp"

namespace metrosim::mechanisms {

struct BidOpportunity {
  double attendees = 0.0;        ///< persons, if won
  double win_probability = 0.0;  ///< 0 when nothing is bid
  bool won = false;
  core::Step held = 0;  ///< step in which the event is held, if won
};

struct BidRound {
  std::vector<BidOpportunity> opportunities;  ///< in stream order (candidate k = entity k + 1)
  std::int64_t bids = 0;                      ///< opportunities bid for (all, when budget > 0)
  std::int64_t won = 0;
  double attendees_won = 0.0;  ///< persons, summed over the won opportunities
};

/// Inverse-CDF Poisson draw from one uniform u in (0, 1).
std::int64_t poisson_count(double mean, double u);

/// p = win_max·A^η·(1 − exp(−b/b_half)): rising in awareness A and the budget per bid b, 0 when
/// nothing is spent, never above win_max.
double win_probability(const EventsParams& p, double awareness, double budget_per_bid);

/// This January's round: the count from entity 0 (slot 0); opportunity k from entity k + 1 (slot 0
/// the win draw, 1 the holding month, 2–3 the size). `bid_budget_year` (EUR) is split evenly over
/// the opportunities; with no budget nothing is bid and nothing won.
BidRound bid_round(const EventsParams& p, const core::StepContext& ctx, double awareness,
                   double bid_budget_year);

/// Awareness boost of a month's congresses: (1 − A)·(1 − exp(−κ·attendees/1e5)), in [0, 1 − A],
/// so A + boost never exceeds 1.
double awareness_boost(const EventsParams& p, double awareness, double attendees);

}  // namespace metrosim::mechanisms
