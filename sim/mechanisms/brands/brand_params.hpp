// brand_params.hpp — awareness, image and visibility of the metro brand and of own brands
// (MODEL.md §7.2). Rates are per month; awareness, image, sharing and association are in [0, 1].
// The metro brand's initial awareness and image are brand.metro_awareness / brand.metro_image
// (bound to MigrationParams, where talent and tourism read their reference levels).
#pragma once

namespace metrosim::mechanisms {

struct BrandParams {
  /// S0: promotion spend (EUR/month) at which reach is 1 − 1/e of the audience when σ = 1.
  double reach_spend_ref = 5.0e7;
  /// σ ≥ 0: reach = (1 − exp(−σ S/S0))/σ, → S/S0 as σ → 0 (no saturation), capped at 1.
  double reach_saturation = 1.0;
  /// Audience segments (international markets) a pooled campaign spreads over; uncoordinated
  /// campaigns all aim at the prime segment, so their total saturates there. [1, 50]
  double audience_segments = 4.0;
  double awareness_decay = 0.013;  ///< δ_A, per month, [0, 1]; baseline A* ≈ 0.6
  double image_speed = 0.05;       ///< κ_Q, share of the gap to Q_f closed per month, [0, 1]
  double image_job_weight = 1.0;   ///< Q_f per unit of yearly jobs growth
  double image_satisfaction_weight = 0.5;  ///< Q_f per unit of resident satisfaction change
  double image_pressure_weight = 0.02;     ///< Q_f per visitor per resident-day above start
  double image_pollution_weight = 0.005;   ///< Q_f per µg/m³ NOx above start
  double backlash_rate = 0.01;  ///< monthly probability of a media backlash at start's irritation
  double backlash_size = 0.02;  ///< image lost by the metro brand in a backlash, [0, 1]
  double sharing = 0.5;         ///< s_i, global (per zone with brand.sharing@ZONE)
  double association_distance_km = 15.0;  ///< λ_i = exp(−d_i / this) + joint gain × joint share
  double association_joint_gain = 0.5;    ///< rise of λ_i with the share of joint promotion
  double own_awareness = 0.2;             ///< A_i^own at start (per zone with @ZONE), [0, 1]
  double own_image = 0.6;                 ///< Q_i^own at start (per zone with @ZONE), [0, 1]
};

}  // namespace metrosim::mechanisms
