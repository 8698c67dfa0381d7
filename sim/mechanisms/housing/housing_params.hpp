// housing_params.hpp — housing-market parameters (MODEL.md §7.9); one step = one month.
#pragma once

namespace metrosim::mechanisms {

// One line per parameter (unit, default, range), as in supply_params.hpp.
// clang-format off
struct HousingParams {
  double natural_vacancy = 0.05;       ///< v*, LTR vacancy rate at which rents are stable, [0.005, 0.3]; per zone
  double rent_vacancy_speed = 0.15;    ///< λ_v, Δln r per unit vacancy gap per month, [0, 2]
  double rent_anchor_speed = 0.01;     ///< λ_e, share of the log gap to r* closed per month, [0, 0.5]
  double anchor_burden = 0.30;         ///< r* = anchor_burden × mean income of the zone's LTR renters, [0.05, 0.8]
  // Lease terms, the reset at renewal, non-renewal and the rent cap are by landlord type:
  // InvestorParams and RentCap in supply_params.hpp.
  double natural_vacancy_owner = 0.03; ///< vacancy rate of owner-occupied stock in balance, [0.005, 0.3]
  double tenure_conversion_rate = 0.10;  ///< share of excess vacant units changing use per month, [0, 1]
  double natural_vacancy_social = 0.01;  ///< vacant share of social stock kept for moves within it (frictional), [0, 0.5]
  double social_letting_rate = 0.5;  ///< share of the vacant social units above the frictional level let to waiting-list LTR tenants per month, [0, 1]
  double social_income_limit = 0.75;  ///< eligibility: household income below this ratio to the metro mean income, [0, 5]
};
// clang-format on

}  // namespace metrosim::mechanisms
