// tourism_jobs.hpp — the tourism market feeds the labour mechanism's tourism demand hook
// (JobsState::tourism_demand; docs/LABOUR.md "Tourism demand from the market"). Tourism jobs at
// start come from data on the metro as it was, without this scenario's tourism levers or shocks;
// so the hook compares the visitor-nights a zone sold last month with those a reference market
// sold in the same month: a second copy of the tourism market, stepped alongside the run with
// the same calendar, congress events and residents, but on the initial STR stocks (no
// conversions) and with the scenario as loaded (no shocks) and the market's levers at their
// defaults. Same-month ratios carry no seasonality and no congress that moves between months
// from year to year (no seasonal layoffs), and a lever set from the start acts on jobs (a
// reference taken from the run itself would absorb it).
#pragma once
#include "core/calendar.hpp"

namespace metrosim::model {

struct World;
struct Scenario;

/// Scenario s with the tourism market's policy levers (tax_per_night, tax_evasion_unlicensed,
/// dispersal, dispersal_gain, cruise_cap) at their defaults.
Scenario without_tourism_levers(const Scenario& s);

/// Before the labour step of month t (t > 0): steps the reference market through month t − 1
/// (the run's market ran after labour in that month) and sets w.jobs.tourism_demand to the run's
/// nights / the reference's nights of month t − 1 per zone (1 where the reference sold none, in
/// month 0, or without a tourism table).
void update_tourism_demand(World& w, core::Step t);

}  // namespace metrosim::model
