// migration_params.hpp — migration, talent and household dynamics (MODEL.md §7.7); rates per
// year in the parameters, converted to monthly probabilities where used. Flows are real
// households; the engine scales them by agents.scale.
#pragma once
#include <array>

namespace metrosim::mechanisms {

/// One arrival stream: a base yearly flow, its households' incomes and departure hazard.
struct StreamParams {
  double arrivals_per_year = 0.0;  ///< households per year at the reference drivers, [0, 1e6]
  double income_ratio = 1.0;       ///< mean income / metro mean income at arrival, (0, 10]
  double departure_rate = 0.0;     ///< yearly probability of leaving the metro, [0, 1]
  double owner_share = 0.0;        ///< share of arrivals seeking owner-occupation, [0, 1]
};

struct MigrationParams {
  /// Other in-migrants (domestic and international, not talent). Assumption (swept): gross flows
  /// of the order of 4 % of households a year in and out keep the AMB's household count roughly
  /// stable, as observed 2015–2021 (+1.5 % population).
  StreamParams other{40000.0, 0.85, 0.0, 0.15};
  /// International talent segments (assumption (swept); orders of magnitude: university
  /// enrolment of international students, research staff, skilled-worker permits).
  StreamParams student{8000.0, 0.45, 0.35, 0.0};
  StreamParams researcher{1500.0, 1.10, 0.20, 0.0};
  StreamParams skilled{6000.0, 1.60, 0.15, 0.05};
  double emigration_rate =
      0.03;  ///< yearly out-migration of long-standing and other households, [0, 0.5]
  double formation_rate =
      0.012;  ///< new households per year per household with head 35–64, [0, 0.2]
  double dissolution_rate = 0.035;  ///< yearly dissolution of households with head 65+, [0, 0.5]
  double ageing_young = 0.10;       ///< yearly transition of heads <35 to 35–64, [0, 1]
  double ageing_mid = 0.033;        ///< yearly transition of heads 35–64 to 65+, [0, 1]
  std::array<double, 3> initial_age_shares{0.20, 0.55, 0.25};  ///< heads <35, 35–64, 65+ at start
  /// Drivers of talent arrivals (exogenous paths until brands are endogenous, issue 4).
  double metro_awareness = 0.6;              ///< A in [0, 1]
  double metro_image = 0.6;                  ///< Q in [0, 1]
  double reference_awareness = 0.6;          ///< A at which arrivals_per_year applies, (0, 1]
  double reference_image = 0.6;              ///< Q at which arrivals_per_year applies, (0, 1]
  double talent_awareness_elasticity = 1.0;  ///< assumption (swept), [0, 5]
  double talent_image_elasticity = 1.0;      ///< assumption (swept), [0, 5]
  /// Lever talent.retention_programme: intensity in [0, 1] (0 = none).
  double retention_programme = 0.0;
  double retention_departure_cut =
      0.30;  ///< share of the departure hazard removed at intensity 1, assumption (swept), [0, 1]
  double retention_arrival_gain =
      0.10;  ///< relative rise of talent arrivals at intensity 1, assumption (swept), [0, 2]
  /// Maximum rate of each candidate stream relative to its base flow: bounds every scenario's
  /// rate (thinning, MODEL.md §4). A scenario above it is refused.
  double candidate_headroom = 4.0;
};

}  // namespace metrosim::mechanisms
