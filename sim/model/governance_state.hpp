// governance_state.hpp — what the governance and brands steps carry from month to month beyond
// the agencies and brands stores: the image's reference state, the jobs history for the image's
// growth term, and this month's contributions and audience reach (for observation).
#pragma once
#include <cstddef>
#include <vector>

namespace metrosim::model {

struct GovernanceState {
  // This month (governance step), for the brands step and the observer.
  double coordination = 0.0;               ///< c in force
  std::vector<double> municipal_own;       ///< own promotion by municipality group, EUR/month
  std::vector<double> contribution;        ///< contribution to the metro brand by group, EUR/month
  std::vector<double> joint_share;         ///< per zone: share of its promotion run jointly
  std::vector<std::size_t> group_of_zone;  ///< municipality group of each zone
  double audience_reach = 0.0;             ///< effective audience reach of all promotion this month
  double backlash = 0.0;  ///< image lost by the metro brand in a backlash this month
  // Image references: the state of the first month whose externalities exist.
  bool has_reference = false;
  double ref_satisfaction = 0.0, ref_pressure = 0.0, ref_nox = 0.0, ref_irritated = 0.0;
  std::vector<double> ref_zone_satisfaction, ref_zone_pressure, ref_zone_nox;
  double ref_metro_image = 0.0;
  std::vector<double> ref_own_image;
  std::vector<double> jobs_history;  ///< total jobs at the start of each month so far
};

}  // namespace metrosim::model
