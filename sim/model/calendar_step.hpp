// calendar_step.hpp — step 1 of the month (MODEL.md §3): the shocks and regulations calendar.
// Each month every targeted key gets its effective value, computed afresh from the scenario as
// resolved (World::resolved), and per-zone parameter vectors are re-derived from it.
#pragma once
#include "model/world.hpp"

namespace metrosim::model {

/// Writes into w.scenario, for the calendar month of step t, the effective value of every key
/// targeted by w.scenario.shock_entries (plain values through each entry's setter; per-zone
/// values as zone overrides), then calls refresh_zone_parameters when a per-zone key is targeted.
/// Keys no entry targets are left untouched. A pure function of (w.resolved, entries, month).
void apply_shocks(World& w, core::Step t);

}  // namespace metrosim::model
