// scenario_keys_labour.cpp — keys of the [labour] section, bound to model::Scenario::labour
// (MODEL.md §7.6 jobs and commuting, §7.11 specialisation; docs/LABOUR.md).
#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

using P = mechanisms::LabourParams;

}  // namespace

void add_labour_keys(Keys& k) {
  const auto l = [&](KeySpec spec, double P::*f) { add(k, std::move(spec), &Scenario::labour, f); };
  l(dbl("labour.gamma_per_km", "per km", in(0, 2),
        "distance decay γ of the commuting gravity model: P(worker from j) ∝ seekers_j·exp(−γ·km)"),
    &P::gamma_per_km);
  l(dbl("labour.multiplier", "jobs per job", in(0, 5),
        "local (non-tradable) jobs induced where workers live per tradable job held",
        "Moretti (2010) local multiplier ≈ 1.6 (US cities); assumption (swept)"),
    &P::multiplier);
  l(dbl("labour.tourism_multiplier", "jobs per job", in(0, 5),
        "local jobs induced where workers live per tourism job held (lower wages spend less)"),
    &P::tourism_multiplier);
  const char* growth_source =
      "assumption (swept): Idescat affiliations, Barcelonès 1,006,266 (2010) → 1,189,595 (2022), "
      "+1.4 %/year";
  l(dbl("labour.growth_tourism", "per year", in(-0.5, 0.5),
        "yearly growth of the tourism jobs path (used only when firms.drive_jobs = 0)",
        growth_source),
    &P::growth_tourism);
  l(dbl("labour.growth_tradable", "per year", in(-0.5, 0.5),
        "yearly growth of the tradable jobs path (used only when firms.drive_jobs = 0)",
        growth_source),
    &P::growth_tradable);
  l(dbl("labour.growth_local", "per year", in(-0.5, 0.5),
        "yearly growth of the local jobs path beyond the multiplier's induced jobs", growth_source),
    &P::growth_local);
  l(dbl("labour.tourism_demand_index", "1", in(0, 10),
        "exogenous tourism demand relative to the start (tourism jobs ∝ index^elasticity); "
        "multiplies the per-zone hook fed by the tourism mechanism",
        "exogenous path (1 = data); shocks calendar"),
    &P::tourism_demand_index);
  l(dbl("labour.tourism_demand_elasticity", "1", in(0, 3),
        "elasticity of tourism jobs to tourism demand"),
    &P::tourism_demand_elasticity);
  l(dbl("labour.separation_rate", "probability per year", in(0, 1),
        "yearly probability that an employed household head loses the job into unemployment"),
    &P::separation_rate);
  l(dbl("labour.retirement_rate", "probability per year", in(0, 1),
        "yearly probability that an active head aged 65+ leaves the labour force"),
    &P::retirement_rate);
  l(dbl("labour.active_share_under65", "share", in(0, 1),
        "heads under 65 in the labour force at start (scaled per zone by census activity)"),
    &P::active_share_under65);
  l(dbl("labour.active_share_65plus", "share", in(0, 1),
        "heads 65+ in the labour force at start (scaled per zone by census activity)"),
    &P::active_share_65plus);
  l(dbl("labour.workers_per_employed_household", "persons per household", in(1, 4),
        "employed persons per household with an employed head: converts jobs to persons in "
        "outputs",
        "assumption (swept): census 2021 ≈ 1.4 M employed AMB residents for ≈ 0.8 M households "
        "with an employed head"),
    &P::workers_per_employed_household);
  l(dbl("labour.workdays_per_month", "days per month", in(0, 31),
        "commuting days per month, two trips each (commuting km)"),
    &P::workdays_per_month);
  l(dbl("labour.core_jobs_ratio", "jobs per employed resident", in(0.2, 5),
        "derived initial jobs: jobs located in a core zone per employed resident (1 elsewhere)",
        "assumption (swept): Idescat 2022, Barcelonès 1.19 M affiliations by workplace for "
        "≈ 0.93 M employed residents"),
    &P::core_jobs_ratio);
  const char* tourism_source =
      "Observatori del Turisme a Barcelona (2019): tourism employs 12.2 % in the city, 8.0 % in "
      "the rest of the destination; assumption (swept) below city level";
  l(dbl("labour.tourism_share_core", "share of jobs", in(0, 1),
        "derived initial jobs: tourism share of jobs located in core zones", tourism_source),
    &P::tourism_share_core);
  l(dbl("labour.tourism_share_periphery", "share of jobs", in(0, 1),
        "derived initial jobs: tourism share of jobs located in other zones", tourism_source),
    &P::tourism_share_periphery);
  const char* tradable_source =
      "assumption (swept): Ajuntament de Barcelona (2019) ICT, finance, professional services and "
      "logistics ≈ 25 % of city jobs; Idescat 2022 industry 6.7 % Barcelonès, 17 % Baix Llobregat";
  l(dbl("labour.tradable_share_core", "share of jobs", in(0, 1),
        "derived initial jobs: tradable share of jobs located in core zones", tradable_source),
    &P::tradable_share_core);
  l(dbl("labour.tradable_share_periphery", "share of jobs", in(0, 1),
        "derived initial jobs: tradable share of jobs located in other zones", tradable_source),
    &P::tradable_share_periphery);
  l(dbl("labour.external_intrazonal_km", "km", in(0, 100),
        "mean commute within the external zone (its point stands for a large area)"),
    &P::external_intrazonal_km);
  l(dbl("labour.commute_speed_kmh", "km/h", in(0, 200, "(]"),
        "door-to-door speed turning region.travel_times minutes into the gravity kernel's "
        "km-equivalent cost (unused without a travel-time matrix)"),
    &P::commute_speed_kmh);
  l(dbl("labour.stress_tourism_factor", "1", in(0, 1),
        "tourism demand in the stress year relative to now (counterfactual indicator)",
        "MODEL.md §7.11: half the tourism demand"),
    &P::stress_tourism_factor);
}

}  // namespace metrosim::io::key_binding
