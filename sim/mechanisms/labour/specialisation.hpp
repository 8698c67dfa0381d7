// specialisation.hpp — specialisation of sectoral jobs (MODEL.md §7.11): location quotients,
// the Krugman specialisation index, and the employment lost in a stress year with lower tourism
// demand through the local multiplier. Pure functions of job counts (any unit).
#pragma once
#include <array>
#include <vector>

#include "agents/households.hpp"

namespace metrosim::mechanisms {

using SectorJobs = std::vector<std::array<double, agents::kJobSectors>>;  ///< [zone][sector]

/// LQ_zs = (J_zs / J_z) / (J_s / J): the sector's share of the zone's jobs over its share of
/// all jobs. NaN when the zone or the sector has no jobs.
double location_quotient(const SectorJobs& jobs, std::size_t zone, std::size_t sector);

/// Krugman index K_z = Σ_s |J_zs/J_z − J_{-z,s}/J_{-z}|, the zone's sector shares against the
/// rest of the metro's (Krugman 1991); 0 = the same structure, 2 = no sector in common. NaN when
/// the zone or the rest has no jobs.
double krugman_index(const SectorJobs& jobs, std::size_t zone);

/// Job-weighted mean of the zones' Krugman indices (zones without jobs left out): how unlike
/// each other the zones' job structures are; NaN without jobs.
double krugman_metro(const SectorJobs& jobs);

/// Jobs lost if tourism demand were `factor` times today's: direct tourism jobs at the
/// workplace, J_z,tourism·(1 − factor^ε), plus the local jobs their workers' spending holds
/// where they live, m_t·H_j·(1 − factor^ε) with H_j the tourism jobs held by residents of j.
/// Returns the loss located in each zone (direct + induced).
std::vector<double> stress_job_loss(const SectorJobs& jobs_at_workplace,
                                    const std::vector<double>& tourism_held_by_residents,
                                    double factor, double elasticity, double tourism_multiplier);

}  // namespace metrosim::mechanisms
