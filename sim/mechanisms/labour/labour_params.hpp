// labour_params.hpp — jobs and commuting (MODEL.md §7.6) and the specialisation measures of
// §7.11. One step = one month; yearly rates are converted where used. Job counts are agent
// units (one job = one household's reference person); docs/LABOUR.md gives every assumption.
#pragma once

namespace metrosim::mechanisms {

struct LabourParams {
  /// Distance decay of the commuting gravity model, per km: a vacancy at i draws its worker's
  /// zone j with probability ∝ seekers_j·exp(−γ·d_ij). Assumption (swept), [0, 2].
  double gamma_per_km = 0.10;
  /// Non-tradable jobs induced where workers live per tradable job held (Moretti 2010: 1.6).
  double multiplier = 1.6;
  /// The same per tourism job: visitors' spending is external demand, but low wages spend less
  /// locally (Moretti's multiplier rises with skill). Assumption (swept), [0, 5].
  double tourism_multiplier = 0.8;
  /// Yearly growth of the jobs path by sector until firms (part 2) replace it, [-0.5, 0.5].
  double growth_tourism = 0.005;
  double growth_tradable = 0.005;
  double growth_local = 0.0;  ///< beyond the multiplier's induced jobs
  /// Exogenous tourism demand index (1 = the path from data); tourism jobs ∝ index^elasticity.
  /// The per-zone hook JobsState::tourism_demand multiplies it. [0, 10]
  double tourism_demand_index = 1.0;
  double tourism_demand_elasticity = 1.0;  ///< assumption (swept), [0, 3]
  double separation_rate = 0.08;  ///< yearly job loss into unemployment, per employed, [0, 1]
  double retirement_rate = 0.30;  ///< yearly exit from the labour force of heads 65+, [0, 1]
  /// Share of household heads active at start by age band, scaled per zone by the census
  /// activity rate relative to the metro's. Assumption (swept), [0, 1].
  double active_share_under65 = 0.90;
  double active_share_65plus = 0.05;
  /// Employed persons per household with an employed reference person: converts agent-unit jobs
  /// to persons in the outputs. Assumption (swept), [1, 4].
  double workers_per_employed_household = 1.7;
  double workdays_per_month = 21.0;  ///< commuting days (two trips each), [0, 31]
  /// Derived initial jobs (no jobs table): jobs located per employed resident, core zones
  /// (the periphery has 1). Assumption (swept) informed by Idescat affiliations, [0.2, 5].
  double core_jobs_ratio = 1.3;
  /// Derived initial sector shares of jobs located in core / other zones, [0, 1].
  double tourism_share_core = 0.122;
  double tourism_share_periphery = 0.080;
  double tradable_share_core = 0.31;
  double tradable_share_periphery = 0.33;
  /// Mean commute within the external zone, km (its point stands for a large area), [0, 100].
  double external_intrazonal_km = 10.0;
  /// Door-to-door commuting speed that turns a travel-time matrix's minutes into the
  /// km-equivalent cost of the gravity kernel (so labour.gamma_per_km keeps its meaning), km/h,
  /// (0, 200]; assumption (swept).
  double commute_speed_kmh = 25.0;
  /// Tourism demand in the stress year relative to now (§7.11: half), [0, 1].
  double stress_tourism_factor = 0.5;
};

}  // namespace metrosim::mechanisms
