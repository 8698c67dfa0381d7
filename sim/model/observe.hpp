// observe.hpp — indicators from the world's state (MODEL.md §9): stocks on the first day of a
// month, flows over the month, static zone attributes. Sums run over the zone group index in a
// fixed order, so every value is bit-identical for any thread count.
#pragma once
#include <limits>

#include "model/schedule.hpp"

namespace metrosim::model {

/// An undefined indicator value (a ratio over nothing, a price where nothing is offered).
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// num / den, or NaN when den is not positive.
inline double ratio(double num, double den) {
  return den > 0 ? num / den : kNaN;
}

void observe_stocks(const World& w, core::Step t, Recorder& rec);
void record_flows(const World& w, core::Step t, Recorder& rec);
/// Welfare logsum of month t (World::welfare, computed at the end of the month).
void record_welfare(const World& w, core::Step t, Recorder& rec);
/// Irritation and pollution of month t (World::externalities; observe_externalities.cpp).
void record_externalities(const World& w, core::Step t, Recorder& rec);
void record_static(const World& w, Recorder& rec);
/// Housing-supply stocks and flows (MODEL.md §7.9); called by observe_stocks and record_flows.
void observe_supply_stocks(const World& w, core::Step t, Recorder& rec);
void record_supply_flows(const World& w, core::Step t, Recorder& rec);
/// Labour indicators: stocks of month t (after observe_stocks) and the month's flows
/// (observe_labour.cpp).
void observe_labour(const World& w, core::Step t, Recorder& rec);
void record_labour_flows(const World& w, core::Step t, Recorder& rec);
/// Brand stocks on the first day of month t, before the brands step (observe_governance.cpp).
void observe_brands(const World& w, core::Step t, Recorder& rec);
/// Budgets, spend by instrument, political will, effort and routing of month t, after the
/// governance and brands steps (observe_governance.cpp).
void record_governance(const World& w, core::Step t, Recorder& rec);
/// Firms (stocks of month t, per zone: firms, foreign firms, jobs by firm sector) and the
/// month's projects, births, exits and acquisitions (observe_investment.cpp).
void observe_firms(const World& w, core::Step t, Recorder& rec);
void record_investment_flows(const World& w, core::Step t, Recorder& rec);
/// Event attendance of month t (an input from the region's events calendar).
void record_calendar(const World& w, core::Step t, Recorder& rec);
/// Tourism and STR indicators (observe_tourism.cpp), called by the three functions above.
void observe_tourism_stocks(const World& w, core::Step t, Recorder& rec);
void record_tourism_flows(const World& w, core::Step t, Recorder& rec);
void record_tourism_static(const World& w, Recorder& rec);
/// Events, funding and the strategy review (observe_events.cpp): agencies' allocation shares
/// and attractions at the start of month t; the month's bids, won events and funding.
void observe_strategy_stocks(const World& w, core::Step t, Recorder& rec);
void record_strategy_flows(const World& w, core::Step t, Recorder& rec);

}  // namespace metrosim::model
