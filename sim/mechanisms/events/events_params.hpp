// events_params.hpp — yearly bids for new congresses (MODEL.md §7.3; docs/EVENTS_LEARNING.md §1).
// The recurring congresses come from the region's events calendar (attendance is an input); these
// parameters shape the scenario-independent stream of bid opportunities and what winning one
// brings. Scenario section `events` (the bid budget itself, `events.bid_budget`, belongs to
// governance, which turns it into StrategyEffort::event_bid).
#pragma once

namespace metrosim::mechanisms {

struct EventsParams {
  /// Mean bid opportunities a year (Poisson; drawn in January), [0, 100]; assumption (swept):
  /// a handful of international association congresses of a few thousand delegates a year
  /// rotate to cities of Barcelona's size
  double bids_per_year = 6.0;
  /// Median attendees of an opportunity (lognormal), persons, [1, 1e6]; assumption (swept)
  double attendees_median = 3000.0;
  /// sd of log attendees of an opportunity, [0, 3]; assumption (swept): heavy-tailed sizes
  double attendees_log_sd = 0.8;
  /// Win probability with unlimited bid budget and full awareness, [0, 1]; assumption (swept)
  double win_max = 0.5;
  /// η in p = win_max·A^η·(1 − exp(−b/b_half)), [0, 10]; assumption (swept)
  double win_awareness_elasticity = 1.0;
  /// b_half: EUR of bid budget per bid at which the budget term reaches 1 − e^−1, (0, 1e8];
  /// assumption (swept): bid dossiers, site visits and subvention of the order of EUR 100 k
  double bid_budget_scale = 100000.0;
  /// Months from the January bid to the first month the won event can be held, [0, 120];
  /// assumption (swept): associations choose hosts two to five years ahead; the holding month
  /// is then spread uniformly over the following 12 months
  double lead_time_months = 24.0;
  /// Spending in the metro per attendee and event (registration excluded), EUR, [0, 1e5];
  /// assumption (swept): ~EUR 300 a day over ~3.5 nights
  double spend_per_attendee = 1100.0;
  /// κ in boost = (1 − A)·(1 − exp(−κ·attendees/1e5)), [0, 10]; assumption (swept): a
  /// 100 k-attendee congress closes ~2 % of the metro brand's awareness gap
  double awareness_boost_per_100k = 0.02;
};

}  // namespace metrosim::mechanisms
