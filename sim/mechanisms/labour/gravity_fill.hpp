// gravity_fill.hpp — filling vacancies with job seekers by a commuting gravity model
// (MODEL.md §7.6): vacancies are served one at a time in keyed random priority order; each
// draws its worker's zone of residence j with probability ∝ S_j·exp(−γ·d_ji), S_j the seekers
// still unplaced in j, and takes the seeker of j with the best keyed priority. Capacity holds by
// construction (a vacancy is filled at most once, a seeker placed at most once); the outcome is a
// pure function of the state and the keys, never of threads or row order.
#pragma once
#include <cstdint>

#include "agents/households.hpp"
#include "core/rng.hpp"
#include "mechanisms/labour/jobs_state.hpp"

namespace metrosim::mechanisms {

/// Draw slots of Mechanism::kLabour. Per household: 0 retirement, 1 separation, 2 priority as
/// a seeker, 3 priority in a layoff, 4 workplace of an employed arrival, 5–6 initial activity and
/// unemployment (step −1). Per vacancy: 0 priority, 1 zone of its worker.
namespace labour_slot {
inline constexpr std::uint32_t kRetire = 0, kSeparate = 1, kSeekerPriority = 2, kLayoff = 3,
                               kArrivalWorkplace = 4, kInitActive = 5, kInitUnemployed = 6;
inline constexpr std::uint32_t kVacancyPriority = 0, kVacancyOrigin = 1;
}  // namespace labour_slot

/// Stable id of vacancy k of (zone, sector) in one month: the high bit keeps it apart from
/// household and candidate ids in the kLabour stream.
inline core::AgentId vacancy_id(std::size_t zone, std::size_t sector, std::uint64_t k) {
  return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(zone) << 40) |
         (static_cast<std::uint64_t>(sector) << 32) | (k & 0xFFFFFFFFu);
}

/// exp(−γ·km) between every residence j and workplace i, [j * n + i].
std::vector<double> gravity_kernel(const JobsState& jobs, double gamma_per_km);

/// Fills the vacancies (jobs − filled) of every zone and sector with the households whose
/// employment is kUnemployed, by the rule above, at step `step`. Updates the households'
/// employment, workplace and sector, jobs.filled and jobs.flows.hires_*; returns the hires.
std::int64_t fill_vacancies(double gamma_per_km, const core::RngKey& key, core::Step step,
                            agents::Households& hh, JobsState& jobs);

}  // namespace metrosim::mechanisms
