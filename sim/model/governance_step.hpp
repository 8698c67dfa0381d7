// governance_step.hpp — MODEL.md §3 steps 2 and 3: agencies' politics and budgets, overheads,
// spend by instrument, pooling and routing, incentives and the contribution game fill
// World::effort (the contract investment, events, firms and talent read); then the brands'
// awareness, image, association and visibility (World::brands). Both read w.scenario every month
// (the shocks calendar may change any of their keys), and per-agency and per-zone overrides are
// resolved afresh each month from it.
#pragma once
#include <string>
#include <vector>

#include "core/step_context.hpp"
#include "model/world.hpp"

namespace metrosim::model {

/// The value of a per-agency key for agency `code`: its `key@CODE` override, else `plain`.
double agency_value(const Scenario& s, const std::string& key, const std::string& code,
                    double plain);
/// The value of a per-zone key for zone `code`: its `key@CODE` override, else `plain`.
double zone_value(const Scenario& s, const std::string& key, const std::string& code, double plain);

/// Zones each agency's jurisdiction covers: "metro" every non-external zone, "periphery" the
/// non-core ones, an INE code the zones of that municipality.
std::vector<std::vector<std::size_t>> jurisdiction_zones(const agents::Agencies& a,
                                                         const agents::Zones& z);

/// Step 2: will walk (every month), budgets in force (January and the first month), spend by
/// instrument, routing and contributions; fills w.effort and w.governance.
void governance_step(World& w, const core::StepContext& ctx);

/// Step 3: awareness (with and then zeroing w.brands.event_boost), image with backlash (one keyed
/// kBrands draw a month), association, visibility and zone image; fills w.brands.
void brands_step(World& w, const core::StepContext& ctx);

/// Resets the brands to the scenario's initial values (metro from brand.metro_awareness/image,
/// own brands from brand.own_awareness/own_image with their @ZONE overrides); at build.
void init_brands(World& w);

}  // namespace metrosim::model
