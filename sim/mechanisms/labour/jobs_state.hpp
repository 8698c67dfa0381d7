// jobs_state.hpp — jobs by workplace zone and sector (agent units), the jobs path and the
// tourism demand hook, and the month's labour flows. Households hold the other side: an
// employed household's (workplace, sector) is one filled job.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/firms.hpp"
#include "agents/households.hpp"

namespace metrosim::mechanisms {

using SectorCounts = std::array<std::int64_t, agents::kJobSectors>;

/// The labour sector of a firm's sector, for when firms (part 2) replace the jobs path: culture
/// and knowledge are exported like industry; only hospitality serves visitors (docs/LABOUR.md).
constexpr agents::JobSector job_sector_of(agents::Sector s) {
  switch (s) {
    case agents::Sector::kTourismHospitality:
      return agents::JobSector::kTourism;
    case agents::Sector::kOtherServices:
      return agents::JobSector::kLocal;
    default:
      return agents::JobSector::kTradable;
  }
}

/// Labour flows of one month, agent units.
struct LabourFlows {
  std::vector<std::int64_t> hires_workplace;  ///< vacancies filled, by the job's zone
  std::vector<std::int64_t> hires_residence;  ///< vacancies filled, by the worker's zone
  std::vector<std::int64_t> separations;      ///< jobs left into unemployment, by workplace
  std::vector<std::int64_t> layoffs;          ///< filled jobs cut by a falling path, by workplace
  std::vector<std::int64_t> retirements;      ///< heads leaving the labour force, by residence
  void reset(std::size_t n_zones);
};

struct JobsState {
  std::vector<SectorCounts> jobs;  ///< job slots by zone and sector (filled or vacant)
  std::vector<SectorCounts>
      filled;  ///< held by employed households (bookkept; recounted in checks)
  std::vector<std::array<double, agents::kJobSectors>> base;  ///< jobs at start (path's base)
  std::array<double, agents::kJobSectors> path_level{1.0, 1.0, 1.0};  ///< growth since start
  /// Hook: per-zone tourism demand relative to the start (default 1). The tourism mechanism may
  /// set it every month (e.g. from room-nights); tourism jobs follow it (docs/LABOUR.md).
  std::vector<double> tourism_demand;
  /// Tradable and tourism jobs held by residents of each zone at start: the multiplier acts on
  /// the change since then, so the initial local jobs (from data) are not counted twice.
  std::vector<double> tradable_res0, tourism_res0;
  std::vector<double> commute_km;  ///< [j * n + i]: km from residence j to workplace i
  /// [j * n + i]: the gravity kernel's cost, km-equivalent: commute_km, or travel minutes ×
  /// speed / 60 where the region's travel-time matrix has the pair.
  std::vector<double> gravity_cost;
  std::vector<std::uint8_t> jobs_from_data;  ///< 1: initial structure from the jobs table
  /// Firms drive jobs (firms.drive_jobs): tourism and tradable slots follow `firm_jobs` (agent
  /// units: the sums over firms of the month, set by the firms step) instead of the path.
  bool firms_drive = false;
  std::vector<std::array<double, agents::kJobSectors>> firm_jobs;
  LabourFlows flows;

  std::size_t zones() const { return jobs.size(); }
  double km(std::size_t from, std::size_t to) const { return commute_km[from * zones() + to]; }
};

/// Sets the per-zone tourism demand hook (values ≥ 0, one per zone); throws
/// std::invalid_argument for a wrong size or a negative value.
void set_tourism_demand(JobsState& jobs, const std::vector<double>& index);

}  // namespace metrosim::mechanisms
