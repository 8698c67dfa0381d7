// housing_params.hpp — housing-market parameters (MODEL.md §7.9); one step = one month.
#pragma once

namespace metrosim::mechanisms {

struct HousingParams {
  double natural_vacancy = 0.05;       ///< v*, LTR vacancy rate at which rents are stable, [0.005, 0.3]; per zone
  double rent_vacancy_speed = 0.15;    ///< λ_v, Δln r per unit vacancy gap per month, [0, 2]
  double rent_anchor_speed = 0.01;     ///< λ_e, share of the log gap to r* closed per month, [0, 0.5]
  double anchor_burden = 0.30;         ///< r* = anchor_burden × mean income of the zone's LTR renters, [0.05, 0.8]
  double lease_term_months = 36;       ///< LTR lease term (Spain: 3 years until March 2019), [12, 120]
  double renewal_reset = 1.0;          ///< share of the gap to market rent closed at renewal, [0, 1]
  double eviction_at_renewal = 0.02;   ///< probability a lease is not renewed (sale, own use), [0, 1]
  double rent_cap = -1.0;  ///< lever: maximum increase at renewal, share of the current contract rent; negative = no cap, [-1, 1]
  double natural_vacancy_owner = 0.03; ///< vacancy rate of owner-occupied stock in balance, [0.005, 0.3]
  double tenure_conversion_rate = 0.10;  ///< share of excess vacant units changing use per month, [0, 1]
};

}  // namespace metrosim::mechanisms
