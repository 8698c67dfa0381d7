// scenario_keys_investment.cpp — keys of the [investment] (MODEL.md §7.4) and [firms] (§7.5)
// sections, bound to model::Scenario::investment and ::firms (docs/INVESTMENT.md).
#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

constexpr const char* kProjectScale =
    "calibrated scale: greenfield projects into Barcelona city ≈ 64/year 2013–2015 "
    "(CALIBRATION-TARGETS.md); ≈ 84/year into the metro assumed (city share 0.75)";
constexpr const char* kForeignScale =
    "calibrated scale: foreign affiliates in Catalonia 8,642 (2017) → 9,602 (2024) "
    "(CALIBRATION-TARGETS.md); AMB share 0.8 assumed";

void add_project_keys(Keys& k) {
  using P = mechanisms::InvestmentParams;
  const auto i = [&](KeySpec spec, double P::*f) {
    add(k, std::move(spec), &Scenario::investment, f);
  };
  i(dbl("investment.max_candidates_per_year", "projects per year", in(0, 1e5),
        "mobile projects considering the metro (maximum rate of the thinned candidate stream)",
        kProjectScale),
    &P::max_candidates_per_year);
  i(dbl("investment.acceptance_base", "probability", in(0, 1, "()"),
        "probability that a candidate locates in the metro at the initial logsum without lead "
        "generation",
        kProjectScale),
    &P::acceptance_base);
  i(dbl("investment.logsum_weight", "1", in(0, 5),
        "logit weight of the metro logsum IV(t) − IV(0) in metro acceptance"),
    &P::logsum_weight);
  i(dbl("investment.lead_gain", "1", in(0, 10),
        "logit gain of metro acceptance from lead generation at saturation"),
    &P::lead_gain);
  i(dbl("investment.lead_half_saturation", "EUR/month", in(0, 1e9, "(]"),
        "lead-generation effort at which half its gain is reached (L = E/(E + this))"),
    &P::lead_half_saturation);
  i(dbl("investment.beta_agglomeration", "1", in(0, 3),
        "location logit: coefficient of ln(1 + jobs of the project's labour sector)",
        "assumption (swept): productivity elasticity to density 0.02–0.05 (Ciccone & Hall 1996) "
        "through the logit scale"),
    &P::beta_agglomeration);
  i(dbl("investment.beta_talent", "1", in(0, 5),
        "location logit: coefficient of the zone's talent share / the metro's"),
    &P::beta_talent);
  i(dbl("investment.beta_rent", "1", in(0, 5),
        "location logit: coefficient of −ln(office rent index), the index = market rent / metro "
        "mean (proxy)"),
    &P::beta_rent);
  i(dbl("investment.beta_visibility", "1", in(0, 5),
        "location logit: coefficient of ln V_i (brand visibility)"),
    &P::beta_visibility);
  i(dbl("investment.beta_image", "1", in(0, 5), "location logit: coefficient of Q_i (image)"),
    &P::beta_image);
  i(dbl("investment.beta_incentive", "per EUR million", in(0, 50),
        "location logit: coefficient of the incentive (per job × project jobs, EUR million)"),
    &P::beta_incentive);
  i(dbl("investment.beta_infrastructure", "1", in(0, 5),
        "location logit: bonus of a port or airport zone for industry and logistics projects"),
    &P::beta_infrastructure);
  i(dbl("investment.incentive_metro_weight", "1", in(0, 1),
        "weight of incentives in the acceptance logsum (0: they only move projects between "
        "zones)"),
    &P::incentive_metro_weight);
  i(dbl("investment.project_jobs_median", "persons", in(1, 10000),
        "median jobs of a project (lognormal)",
        "assumption (swept): fDi-type greenfield projects in Spain average 50–100 jobs"),
    &P::project_jobs_median);
  i(dbl("investment.project_jobs_log_sd", "1", in(0, 3, "(]"),
        "log-sd of project jobs (lognormal)"),
    &P::project_jobs_log_sd);
  i(dbl("investment.p_new", "probability", in(0, 1),
        "share of projects that open a new establishment (else expand a foreign firm)",
        "assumption (swept): about two thirds of announced FDI projects are new"),
    &P::p_new);
  i(dbl("investment.hq_share", "probability", in(0, 1),
        "share of projects that are international headquarters"),
    &P::hq_share);
  i(dbl("investment.acquisition_rate", "probability per year", in(0, 1),
        "yearly hazard that a domestic tradable or tourism firm is acquired by a foreign owner",
        kForeignScale),
    &P::acquisition_rate);
}

void add_firm_keys(Keys& k) {
  using P = mechanisms::FirmsParams;
  const auto f = [&](KeySpec spec, auto P::*field) {
    add(k, std::move(spec), &Scenario::firms, field);
  };
  f({.name = "firms.drive_jobs",
     .type = KeyType::kBool,
     .source = "model switch",
     .doc = "tourism and tradable job slots follow the sums over firms (0: labour's exogenous "
            "growth path)"},
    &P::drive_jobs);
  const char* size_source =
      "assumption (swept): DIRCE 2015, most establishments have fewer than 10 employees";
  f(dbl("firms.size_median", "persons", in(1, 100), "median size of initial firms (lognormal)",
        size_source),
    &P::size_median);
  f(dbl("firms.size_log_sd", "1", in(0, 4, "(]"), "log-sd of initial firm sizes", size_source),
    &P::size_log_sd);
  f(dbl("firms.foreign_base", "1", in(0, 1),
        "initial foreign-owned probability = min(0.9, this × sqrt(size))", kForeignScale),
    &P::foreign_base);
  f(dbl("firms.hq_share_initial", "share", in(0, 1),
        "share of initial foreign firms that are international HQs"),
    &P::hq_share_initial);
  f(dbl("firms.productivity_log_sd", "1", in(0, 2), "log-sd of firm productivity φ",
        "assumption (swept): Melitz (2003) heterogeneity"),
    &P::productivity_log_sd);
  f(dbl("firms.initial_age_mean", "months", in(1, 600), "mean age of initial firms"),
    &P::initial_age_mean);
  const char* split =
      "assumption (swept): Ajuntament de Barcelona (2019) jobs by activity; Idescat industry by "
      "comarca";
  f(dbl("firms.knowledge_share_core", "share", in(0, 1),
        "tradable jobs in core zones held by knowledge and tech firms (triple normalised)", split),
    &P::knowledge_share_core);
  f(dbl("firms.industry_share_core", "share", in(0, 1),
        "tradable jobs in core zones held by industry and logistics firms", split),
    &P::industry_share_core);
  f(dbl("firms.creative_share_core", "share", in(0, 1),
        "tradable jobs in core zones held by creative and culture firms", split),
    &P::creative_share_core);
  f(dbl("firms.knowledge_share_periphery", "share", in(0, 1),
        "tradable jobs in other zones held by knowledge and tech firms", split),
    &P::knowledge_share_periphery);
  f(dbl("firms.industry_share_periphery", "share", in(0, 1),
        "tradable jobs in other zones held by industry and logistics firms", split),
    &P::industry_share_periphery);
  f(dbl("firms.creative_share_periphery", "share", in(0, 1),
        "tradable jobs in other zones held by creative and culture firms", split),
    &P::creative_share_periphery);
  const char* entry = "assumption (swept): DIRCE entry rates ≈ 8–10 %/year";
  f(dbl("firms.birth_rate", "per year per initial firm", in(0, 1),
        "births per year per firm of the cell's initial pool, at demand 1", entry),
    &P::birth_rate);
  f(dbl("firms.birth_demand_elasticity", "1", in(0, 5),
        "births ∝ demand^elasticity (tourism demand; export demand for tradable sectors)"),
    &P::birth_demand_elasticity);
  f(dbl("firms.entrant_size_median", "persons", in(0.5, 50), "median size of a new firm"),
    &P::entrant_size_median);
  f(dbl("firms.entrant_size_log_sd", "1", in(0, 3, "(]"), "log-sd of new firm sizes"),
    &P::entrant_size_log_sd);
  const char* exit = "assumption (swept): Dunne, Roberts & Samuelson (1989) size and age pattern";
  f(dbl("firms.exit_base", "probability per year", in(0, 1),
        "yearly exit hazard of a firm of 10 persons past its young age", exit),
    &P::exit_base);
  f(dbl("firms.exit_size_elasticity", "1", in(0, 2), "exit hazard ∝ (size/10)^(−this)", exit),
    &P::exit_size_elasticity);
  f(dbl("firms.exit_young_factor", "1", in(1, 10), "exit hazard multiplier of young firms", exit),
    &P::exit_young_factor);
  f(dbl("firms.exit_young_months", "months", in(0, 240), "age below which a firm is young", exit),
    &P::exit_young_months);
  f(dbl("firms.growth_drift", "per year", in(-0.5, 0.5),
        "drift of log employment of surviving firms (Gibrat-like growth)"),
    &P::growth_drift);
  f(dbl("firms.growth_size_reversion", "per year", in(0, 1),
        "growth lower by this × ln(size/10): small firms grow faster"),
    &P::growth_size_reversion);
  f(dbl("firms.growth_sd", "per sqrt(year)", in(0, 2), "sd of log employment growth"),
    &P::growth_sd);
  f(dbl("firms.export_demand_index", "1", in(0, 10),
        "world demand for tradable sectors relative to the start (employment and births of "
        "tradable firms ∝ index)",
        "exogenous path (1 = start); shocks calendar"),
    &P::export_demand_index);
  const char* trade =
      "assumption (swept): sunk-cost export entry (Roberts & Tybout 1997; Melitz "
      "2003)";
  f(dbl("firms.export_entry_base", "probability per year", in(0, 1),
        "yearly export entry hazard at φ = 1, no promotion, V = 1", trade),
    &P::export_entry_base);
  f(dbl("firms.export_productivity_elasticity", "1", in(0, 10), "export entry hazard ∝ φ^this",
        trade),
    &P::export_productivity_elasticity);
  f(dbl("firms.export_promotion_gain", "1", in(0, 10),
        "export entry hazard × (1 + this × L), L the saturating lead-generation effort", trade),
    &P::export_promotion_gain);
  f(dbl("firms.export_visibility_elasticity", "1", in(0, 5), "export entry hazard ∝ V_i^this",
        trade),
    &P::export_visibility_elasticity);
  f(dbl("firms.export_exit", "probability per year", in(0, 1),
        "yearly hazard that an exporter stops exporting", trade),
    &P::export_exit);
}

}  // namespace

void add_investment_keys(Keys& k) {
  add_project_keys(k);
  add_firm_keys(k);
  // Keys that only shape the initial firms: a shock on them would do nothing.
  for (KeySpec& key : k)
    if (key.name == "firms.drive_jobs" || key.name == "firms.size_median" ||
        key.name == "firms.size_log_sd" || key.name == "firms.foreign_base" ||
        key.name == "firms.hq_share_initial" || key.name == "firms.initial_age_mean" ||
        key.name.find("_share_core") != std::string::npos ||
        key.name.find("_share_periphery") != std::string::npos)
      if (key.section() == "firms") key.dynamic = false;
}

}  // namespace metrosim::io::key_binding
