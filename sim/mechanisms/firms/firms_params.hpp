// firms_params.hpp — firm demography (MODEL.md §7.5): initial firms matched to jobs, births,
// growth, exit and export entry. One step = one month; yearly rates are converted where used.
// Employment is in persons (real units: firms are not sampled with agents.scale). Every
// parameter is a key ([firms]) with unit, range and source in docs/KEYS.md; docs/INVESTMENT.md
// gives the forms.
#pragma once

namespace metrosim::mechanisms {

struct FirmsParams {
  /// 1: tourism and tradable job slots follow the sums over firms (labour's growth_tourism and
  /// growth_tradable paths are unused); 0: labour's exogenous path (part 1), firms only observed.
  bool drive_jobs = true;
  // --- initial firms (build only) ---
  /// Median and log-sd of the initial firm size (persons; lognormal, heavy right tail).
  /// Assumption (swept) informed by DIRCE 2015 (most establishments < 10 employees), [1, 100].
  double size_median = 3.0;
  double size_log_sd = 1.5;  ///< (0, 4]
  /// Initial foreign-owned probability = min(0.9, foreign_base·sqrt(size)): foreign affiliates
  /// are larger. Calibrated to ≈ 7,000 foreign affiliates in the AMB (8,642 in Catalonia 2017,
  /// AMB share 0.8 assumed), [0, 1].
  double foreign_base = 0.05;
  /// Share of initial foreign affiliates that are international headquarters, [0, 1].
  double hq_share_initial = 0.05;
  /// Log-sd of firm productivity φ (lognormal, mean log 0; Melitz 2003 heterogeneity), [0, 2].
  double productivity_log_sd = 0.5;
  /// Mean age of initial firms, months (exponential), [1, 600].
  double initial_age_mean = 120.0;
  /// Tradable jobs by firm sector (knowledge & tech, industry & logistics, creative & culture)
  /// in core zones and elsewhere; each triple is normalised. Assumption (swept) informed by the
  /// city's jobs by activity (Ajuntament de Barcelona 2019) and Idescat industry by comarca.
  double knowledge_share_core = 0.50, industry_share_core = 0.30, creative_share_core = 0.20;
  double knowledge_share_periphery = 0.25, industry_share_periphery = 0.65,
         creative_share_periphery = 0.10;
  // --- monthly demography ---
  /// Births per year per initial firm of the cell (an entrepreneur pool fixed at start, so
  /// births carry no compounding trend), at demand 1, [0, 1]. DIRCE: entry ≈ 8–10 %/year.
  double birth_rate = 0.09;
  double birth_demand_elasticity = 1.0;  ///< births ∝ demand^elasticity, [0, 5]
  double entrant_size_median = 2.0;      ///< persons, lognormal, [0.5, 50]
  double entrant_size_log_sd = 0.7;      ///< (0, 3]
  /// Exit hazard per year = exit_base·(size/10)^(−exit_size_elasticity), × exit_young_factor
  /// in the first exit_young_months: small and young firms exit more (Dunne, Roberts and
  /// Samuelson 1989). Assumption (swept).
  double exit_base = 0.05;            ///< per year at 10 persons, [0, 1]
  double exit_size_elasticity = 0.3;  ///< [0, 2]
  double exit_young_factor = 2.0;     ///< [1, 10]
  double exit_young_months = 36.0;    ///< [0, 240]
  /// Gibrat-like growth of log employment: drift per year, minus size_reversion·ln(size/10)
  /// (small firms grow faster), plus noise of sd growth_sd per sqrt(year). Assumption (swept).
  double growth_drift = 0.010;         ///< per year, [-0.5, 0.5]
  double growth_size_reversion = 0.0;  ///< per year, [0, 1]; 0 = Gibrat's law
  double growth_sd = 0.15;             ///< per sqrt(year), [0, 2]
  /// Exogenous world demand for tradable sectors (births of tradable firms ∝ index^elasticity,
  /// employment of tradable firms ∝ index^elasticity); 1 = the start. Shocks calendar target.
  double export_demand_index = 1.0;  ///< [0, 10]
  // --- export entry (Roberts & Tybout 1997; Melitz 2003) ---
  /// Yearly entry hazard of a tradable-sector non-exporter = export_entry_base·φ^θ·
  /// (1 + export_promotion_gain·L)·V^export_visibility_elasticity, L the saturating effort of
  /// lead generation and aftercare (investment.lead_half_saturation), V the zone's visibility.
  double export_entry_base = 0.02;              ///< per year, [0, 1]
  double export_productivity_elasticity = 2.0;  ///< θ, [0, 10]
  double export_promotion_gain = 0.5;           ///< [0, 10]
  double export_visibility_elasticity = 0.5;    ///< [0, 5]
  double export_exit = 0.10;  ///< per year: sunk costs make exporting persistent, [0, 1]
};

}  // namespace metrosim::mechanisms
