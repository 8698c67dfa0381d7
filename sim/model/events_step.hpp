// events_step.hpp — events and bids, funding, networks' effect and the January strategy review in
// the running model (MODEL.md §7.3, §7.12, §7.13; docs/EVENTS_LEARNING.md). The mechanisms live in
// mechanisms/{events,evaluation,networks}; this file holds their state in the world and the
// monthly steps that connect them to the effort governance fills, the brands, the tourism market
// and the agencies' allocation.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/region_input.hpp"
#include "core/step_context.hpp"
#include "mechanisms/evaluation/ewa.hpp"

namespace metrosim::model {

struct World;

/// A congress won in a January bid, held later at the venue zone.
struct WonEvent {
  core::Step held = 0;
  double attendees = 0.0;  ///< persons
};

/// What the January review reads of one month (real units).
struct StrategyMonth {
  mechanisms::StrategyKpis kpi;
  std::array<double, mechanisms::kExternalities> externality{};
  std::vector<mechanisms::InstrumentArray> spend;  ///< per agency, EUR this month
};

struct StrategyState {
  std::size_t venue_zone = 0;  ///< zone of won events: the calendar's usual venue, else the core
  std::vector<WonEvent> won;   ///< every event won so far (held or pending), in bid order
  // This month's flows (indicators).
  std::int64_t bids = 0, events_won = 0;
  double attendees_won_held = 0.0;  ///< persons attending won events held this month
  double attendees_held = 0.0;      ///< persons attending all congresses this month
  double awareness_boost = 0.0;     ///< boost handed to the brands (w.brands.event_boost)
  std::int64_t funding_applications = 0, funding_awards = 0;
  double funding_won = 0.0;  ///< EUR won this month (January), reported only
  // The review's state, per agency.
  std::vector<mechanisms::EwaState> ewa;
  std::vector<mechanisms::StrategyKpis> smoothed;  ///< smoothed observed KPIs
  std::vector<std::uint8_t> observed;              ///< 1 once the agency has observed a period
  std::array<double, mechanisms::kExternalities> externality_reference{};
  bool has_reference = false;
  std::vector<StrategyMonth> history;  ///< by step, up to the current month
};

/// Sizes the state and picks the venue zone (most frequent venue of the region's calendar rows
/// among the zones; else the first core zone).
void init_strategy(World& w, const std::vector<agents::EventRow>& calendar_rows);

/// Persons attending the calendar's recurring congresses in month t.
double calendar_attendees(const World& w, core::Step t);

/// MODEL.md §3 step 2b: the networks' effect on this month's effort (after governance fills it).
void apply_networks(World& w);

/// MODEL.md §3 step 4: in January the year's bids (budget 12 × effort.event_bid, awareness of the
/// metro brand) and funding applications; every month the won events held now and the awareness
/// boost of all congresses held now (into w.brands.event_boost).
void step_events(World& w, const core::StepContext& ctx, core::Step t);

/// End of month: this month's KPIs, externalities and spend kept for the review.
void record_strategy_month(World& w, core::Step t);

/// MODEL.md §3 step 13 (January, t > 0): every agency observes the lagged window's KPIs with
/// noise, smooths them and updates its attractions; with evaluation.adaptive it reallocates its
/// discretionary pool.
void step_evaluation(World& w, const core::StepContext& ctx, core::Step t);

}  // namespace metrosim::model
