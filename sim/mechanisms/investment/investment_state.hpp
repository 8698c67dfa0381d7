// investment_state.hpp — what the investment mechanism keeps between months (the reference
// logsum of acceptance) and the month's project flows, including the attributable KPI for the
// evaluation step: projects assisted by lead generation (ProjectFlows::assisted).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/firms.hpp"

namespace metrosim::mechanisms {

struct ProjectFlows {
  std::vector<std::int64_t> projects;      ///< accepted projects by zone (new + expansions)
  std::vector<std::int64_t> projects_new;  ///< new foreign establishments by zone
  std::vector<std::int64_t> hq;            ///< international headquarters by zone
  std::vector<std::int64_t> assisted;      ///< projects that came through lead generation
  std::vector<std::int64_t> acquisitions;  ///< domestic firms acquired by foreign owners
  std::vector<double> jobs;                ///< persons: jobs created by projects, by workplace
  std::vector<double> incentive_cost;      ///< EUR: incentives paid (jobs × incentive per job)
  std::int64_t candidates = 0;             ///< candidates in the stream this month
  void reset(std::size_t n_zones) {
    projects.assign(n_zones, 0);
    projects_new.assign(n_zones, 0);
    hq.assign(n_zones, 0);
    assisted.assign(n_zones, 0);
    acquisitions.assign(n_zones, 0);
    jobs.assign(n_zones, 0.0);
    incentive_cost.assign(n_zones, 0.0);
    candidates = 0;
  }
};

struct InvestmentState {
  /// Metro logsum IV by project sector in the initial world (no incentives): acceptance reads
  /// IV(t) − IV(0), so acceptance_base is the acceptance probability of the metro as it was.
  std::array<double, agents::kSectors> logsum_ref{};
  ProjectFlows flows;
  /// Attributable KPI for evaluation (MODEL.md §7.12): assisted projects this month, metro total
  /// (the per-zone split is flows.assisted), and since the start of the run.
  std::int64_t assisted_month = 0;
  std::int64_t assisted_total = 0;
};

}  // namespace metrosim::mechanisms
