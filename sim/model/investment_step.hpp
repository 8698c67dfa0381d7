// investment_step.hpp — investment projects and firms in the world (MODEL.md §3 steps 5 and 6,
// §7.4–7.5): what projects see of each zone, the firms that match the initial jobs, the
// month's projects and demography, and the link to labour (tourism and tradable job slots
// follow the sums over firms; local-sector firms follow the local jobs). docs/INVESTMENT.md.
#pragma once
#include "core/step_context.hpp"
#include "mechanisms/investment/projects.hpp"
#include "model/world.hpp"

namespace metrosim::model {

/// Persons per household job: agent units × weight × labour.workers_per_employed_household.
double persons_per_job(const World& w);

/// What projects see of each zone this month (brands, effort, rents, talent, jobs).
mechanisms::ZoneAttractors zone_attractors(const World& w);

/// Builds the firms from the initial jobs (after init_labour), the reference logsum, and hands
/// the firm totals to labour when firms.drive_jobs.
void init_firms_world(World& w);

/// Schedule step 5 (§7.4): candidate projects, acceptance, location, acquisitions.
void step_investment(World& w, const core::StepContext& ctx);

/// Schedule step 6 (§7.5): births, growth, exit and export entry; then the tourism and tradable
/// job targets of labour (agent units) from the sums over firms.
void step_firms(World& w, const core::StepContext& ctx);

/// After labour: local-sector firms scaled to the local job slots of their zone.
void sync_local_firms(World& w);

/// Throws std::logic_error unless job slots equal the sums over firms (rounded to agent units
/// for tourism and tradable, within 1e-6 relative for local) when firms drive jobs.
void check_firm_jobs(const World& w);

}  // namespace metrosim::model
