// investment_params.hpp — mobile investment projects (MODEL.md §7.4): candidate stream, metro
// acceptance, within-metro location logit, project size, expansions, acquisitions, HQs. One step
// = one month. Every parameter is a key ([investment]) with unit, range and source in
// docs/KEYS.md; docs/INVESTMENT.md gives the forms and the calibration.
#pragma once

namespace metrosim::mechanisms {

struct InvestmentParams {
  /// Candidate projects per year that consider the metro (the thinned stream's maximum rate;
  /// scenario-independent). With acceptance ≈ 0.35 it gives ≈ 90 projects/year into the metro,
  /// ≈ 64 into Barcelona city (greenfield projects 2013–2015, CALIBRATION-TARGETS.md), [0, 1e5].
  double max_candidates_per_year = 160.0;
  /// Acceptance probability at the reference logsum (the initial world's) without lead
  /// generation, (0, 1). Calibrated with max_candidates_per_year to the project count.
  double acceptance_base = 0.35;
  /// Logit weight of the metro logsum IV(t) − IV(0) in acceptance, [0, 5]. Assumption (swept).
  double logsum_weight = 1.0;
  /// Logit gain of lead generation at saturation: acceptance logit + lead_gain·L with
  /// L = E/(E + lead_half_saturation), E = effort.lead_generation (EUR/month), [0, 10].
  double lead_gain = 1.0;
  double lead_half_saturation = 200000.0;  ///< EUR/month, (0, 1e9]
  // --- location logit U_ij (size term ln(jobs located)_i, coefficient 1) ---
  double beta_agglomeration = 0.8;   ///< on ln(1 + jobs of the project's job sector), [0, 3]
  double beta_talent = 0.5;          ///< on the zone's talent share / the metro's, [0, 5]
  double beta_rent = 1.0;            ///< on −ln(office rent index), [0, 5]
  double beta_visibility = 1.0;      ///< on ln V_i, [0, 5]
  double beta_image = 1.0;           ///< on Q_i, [0, 5]
  double beta_incentive = 2.0;       ///< per EUR million of incentive (per job × jobs), [0, 50]
  double beta_infrastructure = 1.0;  ///< industry & logistics: zone with port or airport, [0, 5]
  /// Weight of the incentive term inside the acceptance logsum, [0, 1]: 0 = incentives only
  /// move projects between zones (they compete with each other: the pact's premise); 1 = they
  /// also attract projects to the metro. Assumption (swept).
  double incentive_metro_weight = 0.0;
  // --- projects ---
  double project_jobs_median = 25.0;  ///< persons, lognormal, [1, 10000]
  double project_jobs_log_sd = 1.0;   ///< (0, 3]
  double p_new = 0.65;  ///< share of projects that are new establishments (else expansions), [0, 1]
  double hq_share = 0.05;  ///< share of projects that are international headquarters, [0, 1]
  /// Yearly hazard that a domestic tradable or tourism firm is acquired by a foreign owner
  /// (reconciles project counts with the foreign stock), [0, 1].
  double acquisition_rate = 0.0094;
};

}  // namespace metrosim::mechanisms
