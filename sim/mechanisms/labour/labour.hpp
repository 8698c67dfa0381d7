// labour.hpp — jobs and commuting (MODEL.md §7.6): initial employment and workplaces, the
// monthly labour step (retirement, separations, the jobs path with the local multiplier and
// layoffs, vacancies filled by commuting gravity), jobs of exiting households, and employed
// arrivals. docs/LABOUR.md states every rule and assumption.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "agents/households.hpp"
#include "agents/zones.hpp"
#include "core/step_context.hpp"
#include "mechanisms/labour/jobs_state.hpp"
#include "mechanisms/labour/labour_params.hpp"

namespace metrosim::mechanisms {

/// Commuting distance from residence j to workplace i, [j * n + i]: the great-circle distance
/// between zone points, and within a zone the mean distance of a uniform disc of the zone's
/// area to its centre, (2/3)·sqrt(area/π) (the external zone: p.external_intrazonal_km).
std::vector<double> commute_matrix(const LabourParams& p, const agents::Zones& zones);

/// The gravity kernel's cost per pair, km-equivalent: `km` where the zones carry no travel time
/// for the pair, else minutes × labour.commute_speed_kmh / 60.
std::vector<double> gravity_cost_matrix(const LabourParams& p, const agents::Zones& zones,
                                        const std::vector<double>& km);

/// Jobs located in each zone by sector at start, in persons, derived from employed residents
/// (core zones × core_jobs_ratio) and the core/periphery sector shares; 0 for the external zone.
std::vector<std::array<double, agents::kJobSectors>> derived_jobs(
    const LabourParams& p, const agents::Zones& zones, const std::vector<double>& employed_persons);

/// Initialises employment (step −1 keyed draws): students inactive; other heads active with
/// probability active_share(age band) × the zone's census activity rate / the metro's, and
/// unemployed with the zone's census unemployment rate. Jobs: the employed total apportioned over
/// zones and sectors in proportion to `table` (jobs by zone and sector from the region's jobs
/// table; nullopt = derived), then every employed household placed by gravity_fill.
void init_labour(const LabourParams& p, const core::RngKey& key, double weight,
                 const agents::Zones& zones,
                 const std::vector<std::optional<std::array<double, agents::kJobSectors>>>& table,
                 agents::Households& hh, JobsState& jobs);

/// Job slots of every zone and sector that the path and the multiplier ask for this month,
/// agent units (before rounding); `tradable_res`, `tourism_res` are the jobs held by residents.
std::vector<std::array<double, agents::kJobSectors>> job_targets(
    const LabourParams& p, const agents::Zones& zones, const JobsState& jobs,
    const std::vector<double>& tradable_res, const std::vector<double>& tourism_res);

/// The month's labour step (schedule step 7): retirements and separations free jobs; the jobs
/// path moves one month; slots follow job_targets (vacant slots go first, then the filled ones
/// with the lowest keyed priority are laid off); vacancies are filled by gravity.
void labour_step(const LabourParams& p, const core::StepContext& ctx, const agents::Zones& zones,
                 agents::Households& hh, JobsState& jobs);

/// Frees the jobs of households about to leave (exit[i] != 0), before they are removed.
template <class Exit>
void release_jobs(const std::vector<Exit>& exit, const agents::Households& hh, JobsState& jobs) {
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (exit[i] != Exit{} && hh.employment[i] == agents::Employment::kEmployed)
      --jobs.filled[static_cast<std::size_t>(hh.workplace[i])][hh.sector[i]];
}

/// Housed arrivals in rows [first, size): researchers and skilled workers seeking a job take a
/// vacant tradable job, choosing its zone with probability ∝ vacancies_i·exp(−γ·d_ji) from their
/// new home j (in keyed priority order); without a vacancy they keep seeking. Returns the hires.
std::int64_t place_arrivals(const LabourParams& p, const core::StepContext& ctx, std::size_t first,
                            agents::Households& hh, JobsState& jobs);

/// Jobs held by employed households, recounted by workplace and sector.
std::vector<SectorCounts> count_filled(const agents::Households& hh, std::size_t n_zones);

/// Jobs held by residents of each zone, by sector (agent units).
std::vector<std::array<double, agents::kJobSectors>> held_by_residence(const agents::Households& hh,
                                                                       std::size_t n_zones);

}  // namespace metrosim::mechanisms
