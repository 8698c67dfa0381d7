// relocation_params.hpp — event-triggered moves and zone choice (MODEL.md §7.10).
#pragma once

namespace metrosim::mechanisms {

struct RelocationParams {
  double move_rate_owner = 0.03;    ///< life-course moves of owners, per year, [0, 0.5]
  double move_rate_ltr = 0.10;      ///< life-course moves of LTR renters, per year, [0, 0.8]
  double move_rate_social = 0.02;   ///< life-course moves of social tenants, per year, [0, 0.5]
  double renewal_move_base = 0.05;  ///< probability of moving at a renewal with no increase, [0, 1]
  double renewal_move_per_burden =
      3.0;                      ///< added move probability per unit rise in rent/income, [0, 50]
  double beta_burden = 4.0;     ///< logit disutility per unit of rent/income, [0, 50]
  double beta_distance = 0.10;  ///< logit disutility per km from the current zone, [0, 5]
  double amenity = 0.0;         ///< zone amenity, logit utility units, [-10, 10]; per zone
  int choices = 3;              ///< ranked zone choices per mover, [1, 10]
};

}  // namespace metrosim::mechanisms
