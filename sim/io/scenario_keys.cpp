// scenario_keys.cpp — THE one place that binds every scenario key to a model::Scenario field:
// type, unit, allowed values, source and a setter/getter pair per key. Defaults are read from a
// default-constructed Scenario, so code and registry cannot disagree.
#include <algorithm>
#include <stdexcept>
#include <type_traits>

#include "core/calendar.hpp"
#include "io/key_binding.hpp"
#include "io/key_registry.hpp"

namespace metrosim::io {

namespace {

using model::Scenario;
using namespace key_binding;

std::string check_ine_code(const std::string& s) {
  const bool ok =
      s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  return ok ? "" : "not a 5-digit INE code";
}

std::string check_month(const std::string& s) {
  core::YearMonth ym;
  return core::parse_year_month(s, ym) ? "" : "not a valid YYYY-MM month";
}

std::string check_indicator(const std::string& s) {
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("_.*?[]-/").find(c) != std::string_view::npos;
    if (!ok) return std::string("character '") + c + "' in '" + s + "'";
  }
  return "";
}

void add_run_keys(Keys& k) {
  using P = model::RunParams;
  add(k,
      {.name = "run.name",
       .type = KeyType::kString,
       .allowed_text = "non-empty text",
       .source = kRun,
       .doc = "scenario name written to the output"},
      &Scenario::run, &P::name);
  add(k,
      {.name = "run.seed",
       .type = KeyType::kUInt64,
       // Below 2^62: seed + replicate stays exact in the output's int64 attributes and /runs.
       .range = in(0, 4e18),
       .source = kRun,
       .doc = "master seed of every random stream"},
      &Scenario::run, &P::seed);
  add(k,
      {.name = "run.steps",
       .type = KeyType::kInt,
       .unit = "months",
       .range = in(1, 1200),
       .source = kRun,
       .doc = "months simulated"},
      &Scenario::run, &P::steps);
  add(k,
      {.name = "run.start",
       .type = KeyType::kString,
       .unit = "YYYY-MM",
       .allowed_text = "a month YYYY-MM with year in [1900, 2200], e.g. 2015-01",
       .check = check_month,
       .source = kRun,
       .doc = "first simulated month"},
      &Scenario::run, &P::start);
  add(k,
      {.name = "agents.scale",
       .type = KeyType::kDouble,
       .unit = "agents per household",
       .range = in(0, 1, "(]"),
       .source = kRun,
       .doc = "agents per real household; indicators stay in real units"},
      &Scenario::agents, &model::AgentsParams::scale);
}

void add_region_keys(Keys& k) {
  using P = model::RegionParams;
  auto share = [&](const char* name, double hi, const char* doc, double P::*f) {
    add(k,
        {.name = name,
         .type = KeyType::kDouble,
         .unit = "share",
         .range = in(0, hi),
         .source = kSwept,
         .doc = doc},
        &Scenario::region, f);
  };
  add(k,
      {.name = "region.dir",
       .type = KeyType::kString,
       .unit = "path",
       .allow_empty = true,
       .is_path = true,
       .allowed_text = "a directory (relative paths resolve against the scenario file's "
                       "directory; empty = built-in scenarios/barcelona-amb)",
       .source = kRun,
       .doc = "folder holding the region CSV files"},
      &Scenario::region, &P::dir);
  add(k,
      {.name = "region.municipalities",
       .type = KeyType::kString,
       .unit = "file name",
       .allowed_text = "a CSV file name inside region.dir",
       .source = kRegionData,
       .doc = "municipalities table (one row per municipality)"},
      &Scenario::region, &P::municipalities);
  add(k,
      {.name = "region.districts",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = do not split the core",
       .source = kRegionData,
       .doc = "districts of the core city (splits it into zones)"},
      &Scenario::region, &P::districts);
  add(k,
      {.name = "region.agencies",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = no agencies",
       .source = kRegionData,
       .doc = "agencies acting internationally (the same list in every governance mode)"},
      &Scenario::region, &P::agencies);
  add(k,
      {.name = "region.events",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = no scheduled events",
       .source = kRegionData,
       .doc = "calendar of recurring congresses (attendance is an input)"},
      &Scenario::region, &P::events);
  add(k,
      {.name = "region.tourism",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = no tourism market",
       .source = kRegionData,
       .doc = "hotel beds, licensed tourist flats, attraction and transport flags by zone "
              "(docs/TOURISM.md)"},
      &Scenario::region, &P::tourism);
  add(k,
      {.name = "region.household_size",
       .type = KeyType::kDouble,
       .unit = "persons/household",
       .range = in(1, 10),
       .source = "INE ADRH 2022: AMB municipal means 2.3-2.8 persons per household",
       .doc = "persons per household where the municipalities file lacks "
              "adrh2022_mean_household_size (residents for tourism pressure)"},
      &Scenario::region, &P::household_size);
  add(k,
      {.name = "region.jobs",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = jobs derived from residents",
       .source = kRegionData,
       .doc = "jobs located in each zone by sector (structure of the initial jobs)"},
      &Scenario::region, &P::jobs);
  add(k,
      {.name = "region.travel_times",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = commuting cost from distances",
       .source = kRegionData,
       .doc = "door-to-door travel minutes by ordered zone pair (origin_zone, destination_zone, "
              "minutes); pairs without a row keep their great-circle distance"},
      &Scenario::region, &P::travel_times);
  add(k,
      {.name = "region.core_municipality",
       .type = KeyType::kString,
       .unit = "INE code",
       .allowed_text = "a 5-digit INE municipality code",
       .check = check_ine_code,
       .source = "INE municipality code of Barcelona",
       .doc = "the core city"},
      &Scenario::region, &P::core_municipality);
  share("region.social_share_of_rented", 1, "rented households in social housing",
        &P::social_share_of_rented);
  share("region.ltr_vacant_share_of_nonprincipal", 1,
        "share of non-principal dwellings that are vacant long-term-rental stock",
        &P::ltr_vacant_share_of_nonprincipal);
  share("region.owner_vacant_share_of_nonprincipal", 1,
        "share of non-principal dwellings that are vacant owner-occupier stock",
        &P::owner_vacant_share_of_nonprincipal);
  share("region.social_vacancy", 0.5, "vacant share of the social stock at start",
        &P::social_vacancy);
  add(k,
      {.name = "region.income_backcast",
       .type = KeyType::kDouble,
       .unit = "ratio",
       .range = in(0, 2, "(]"),
       .source = "assumption (swept): INE ADRH growth 2015-2022",
       .doc = "2015 / 2022 nominal household income"},
      &Scenario::region, &P::income_backcast);
  add(k,
      {.name = "region.income_log_sd",
       .type = KeyType::kDouble,
       .unit = "log EUR",
       .range = in(0, 2, "(]"),
       .source = kSwept,
       .doc = "sd of log income within a zone and tenure"},
      &Scenario::region, &P::income_log_sd);
  add(k,
      {.name = "region.renter_income_ratio",
       .type = KeyType::kDouble,
       .unit = "ratio",
       .range = in(0, 2, "(]"),
       .source = kSwept,
       .doc = "renters' mean income / owners'"},
      &Scenario::region, &P::renter_income_ratio);
  add(k,
      {.name = "region.rent_income_elasticity",
       .type = KeyType::kDouble,
       .unit = "elasticity",
       .range = in(0, 3),
       .source = kSwept,
       .doc = "rent gradient in income where rent data lack"},
      &Scenario::region, &P::rent_income_elasticity);
  add(k,
      {.name = "region.reference_rent",
       .type = KeyType::kDouble,
       .unit = "EUR/month",
       .range = in(100, 5000),
       .source = "Incasòl rental deposits 2015, Barcelona mean 735 EUR/month",
       .doc = "core-city mean new-contract rent at start"},
      &Scenario::region, &P::reference_rent);
}

void add_external_economy_keys(Keys& k) {
  using P = model::ExternalZoneParams;
  // Only rent_growth is read monthly; the others build the external zone (dynamic = false).
  auto ext = [&](const char* name, const char* unit, Range r, const char* doc, double P::*f,
                 bool dynamic = false) {
    add(k,
        {.name = name,
         .type = KeyType::kDouble,
         .unit = unit,
         .range = r,
         .dynamic = dynamic,
         .source = kSwept,
         .doc = doc},
        &Scenario::external, f);
  };
  ext("external.rent", "EUR/month", in(100, 5000), "market rent of the external zone at start",
      &P::rent);
  ext("external.rent_growth", "per year", in(-0.2, 0.3), "exogenous yearly rent growth",
      &P::rent_growth, true);
  ext("external.vacant_offer", "dwellings per month", in(0, 1e6),
      "vacant dwellings on offer to metro movers every month (real units; an open boundary)",
      &P::vacant_offer);
  ext("external.lat", "degrees north", in(-90, 90), "representative point", &P::lat);
  ext("external.lon", "degrees east", in(-180, 180), "representative point", &P::lon);
  using E = model::EconomyParams;
  add(k,
      {.name = "economy.cpi_growth",
       .type = KeyType::kDouble,
       .unit = "per year",
       .range = in(-0.2, 0.3),
       .source = kSwept,
       .doc = "yearly CPI growth (indexation of contract rents in January)"},
      &Scenario::economy, &E::cpi_growth);
  add(k,
      {.name = "economy.wage_growth",
       .type = KeyType::kDouble,
       .unit = "per year",
       .range = in(-0.2, 0.3),
       .source = kSwept,
       .doc = "yearly nominal wage growth (income indexation in January)"},
      &Scenario::economy, &E::wage_growth);
  add(k,
      {.name = "economy.rent_indexation_cap",
       .type = KeyType::kDouble,
       .unit = "per year",
       .range = in(-1, 1),
       .source = "regulation: none by default; dated caps in the shocks calendar (RDL 6/2022, "
                 "Ley 12/2023)",
       .doc = "maximum January update of sitting tenants' contract rents; negative = full CPI"},
      &Scenario::economy, &E::rent_indexation_cap);
}

std::string check_shock_id(const std::string& s) {
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return std::string("character '") + c + "' in id '" + s + "'";
  }
  return "";
}

void add_shocks_keys(Keys& k) {
  using P = model::ShocksParams;
  add(k,
      {.name = "shocks.file",
       .type = KeyType::kString,
       .unit = "file name",
       .allow_empty = true,
       .allowed_text = "a CSV file name inside region.dir; empty = no region entries",
       .source = kRegionData,
       .doc = "the region's shocks and regulations calendar (dated changes of keys)"},
      &Scenario::shocks, &P::file);
  add(k,
      {.name = "shocks.disable",
       .type = KeyType::kList,
       .allow_empty = true,
       .allowed_text = "comma-separated ids of calendar entries (letters, digits, _ or -); "
                       "empty = none",
       .check = check_shock_id,
       .source = "scenario choice",
       .doc = "calendar entries switched off (e.g. a counterfactual without a regulation)"},
      &Scenario::shocks, &P::disable);
  add(k,
      {.name = "shocks.extra",
       .type = KeyType::kString,
       .unit = "path",
       .allow_empty = true,
       .is_path = true,
       .allowed_text = "a CSV file in the shocks format (relative paths resolve against the "
                       "scenario file's directory); empty = none",
       .source = "scenario choice",
       .doc = "the scenario's own calendar entries, applied after the region's"},
      &Scenario::shocks, &P::extra);
}

void add_housing_keys(Keys& k) {
  using P = mechanisms::HousingParams;
  auto h = [&](const char* name, const char* unit, Range r, const char* doc, double P::*f,
               bool per_zone = false, const char* source = kSwept) {
    add(k,
        {.name = name,
         .type = KeyType::kDouble,
         .unit = unit,
         .range = r,
         .per_zone = per_zone,
         .source = source,
         .doc = doc},
        &Scenario::housing, f);
  };
  h("housing.natural_vacancy", "share of LTR stock", in(0.005, 0.3),
    "v*, LTR vacancy rate at which rents are stable", &P::natural_vacancy, true);
  h("housing.rent_vacancy_speed", "Δln r per unit vacancy gap per month", in(0, 2),
    "λ_v, rent response to the vacancy gap", &P::rent_vacancy_speed);
  h("housing.rent_anchor_speed", "share of log gap per month", in(0, 0.5),
    "λ_e, share of the log gap to r* closed per month", &P::rent_anchor_speed);
  h("housing.anchor_burden", "share of income", in(0.05, 0.8),
    "r* = anchor_burden × mean income of the zone's LTR renters", &P::anchor_burden);
  h("housing.natural_vacancy_owner", "share of owner stock", in(0.005, 0.3),
    "vacancy rate of owner-occupied stock at which no unit changes use", &P::natural_vacancy_owner);
  h("housing.tenure_conversion_rate", "share of excess vacant units per month", in(0, 1),
    "vacant units moving between owner and LTR use toward the use short of vacancies",
    &P::tenure_conversion_rate);
  h("housing.natural_vacancy_social", "share of social stock", in(0, 0.5),
    "vacant share of the social stock kept for moves within it (not let from the waiting list)",
    &P::natural_vacancy_social);
  h("housing.social_letting_rate", "share of excess vacant units per month", in(0, 1),
    "vacant social units above the frictional level let to waiting-list LTR tenants per month",
    &P::social_letting_rate);
  h("housing.social_income_limit", "ratio to metro mean income", in(0, 5),
    "eligibility for social housing: household income below this ratio", &P::social_income_limit);
}

void add_relocation_keys(Keys& k) {
  using P = mechanisms::RelocationParams;
  auto r = [&](const char* name, const char* unit, Range rg, const char* doc, double P::*f,
               bool per_zone = false) {
    add(k,
        {.name = name,
         .type = KeyType::kDouble,
         .unit = unit,
         .range = rg,
         .per_zone = per_zone,
         .source = kSwept,
         .doc = doc},
        &Scenario::relocation, f);
  };
  r("relocation.move_rate_owner", "per year", in(0, 0.5), "life-course moves of owners",
    &P::move_rate_owner);
  r("relocation.move_rate_ltr", "per year", in(0, 0.8), "life-course moves of LTR renters",
    &P::move_rate_ltr);
  r("relocation.move_rate_social", "per year", in(0, 0.5), "life-course moves of social tenants",
    &P::move_rate_social);
  r("relocation.renewal_move_base", "probability", in(0, 1),
    "probability of moving at a renewal with no increase", &P::renewal_move_base);
  r("relocation.renewal_move_per_burden", "per unit rise in rent/income", in(0, 50),
    "added move probability per unit rise in rent/income", &P::renewal_move_per_burden);
  r("relocation.beta_burden", "utility per unit rent/income", in(0, 50),
    "logit disutility per unit of rent/income", &P::beta_burden);
  r("relocation.beta_distance", "utility per km", in(0, 5),
    "logit disutility per km from the current zone", &P::beta_distance);
  r("relocation.amenity", "utility", in(-10, 10), "zone amenity in logit utility units",
    &P::amenity, true);
  add(k,
      {.name = "relocation.choices",
       .type = KeyType::kInt,
       .unit = "zones",
       .range = in(1, 10),
       .source = kSwept,
       .doc = "ranked zone choices per mover"},
      &Scenario::relocation, &P::choices);
}

void add_output_keys(Keys& k) {
  using P = model::OutputParams;
  KeySpec precision{.name = "output.precision",
                    .type = KeyType::kEnum,
                    .choices = {"float64", "float32"},
                    .source = "output control",
                    .doc = "floating-point type of the stored indicators"};
  precision.get = [](const Scenario& s) {
    return KeyValue(
        std::string(s.output.precision == model::Precision::kFloat32 ? "float32" : "float64"));
  };
  precision.set = [](Scenario& s, const KeyValue& v) {
    s.output.precision = std::get<std::string>(v) == "float32" ? model::Precision::kFloat32
                                                               : model::Precision::kFloat64;
  };
  k.push_back(std::move(precision));
  add(k,
      {.name = "output.every",
       .type = KeyType::kInt,
       .unit = "months",
       .choices = {"1", "12"},
       .source = "output control",
       .doc = "1 = monthly, 12 = yearly (flows summed, stocks at the first month of each year)"},
      &Scenario::output, &P::every);
  add(k,
      {.name = "output.indicators",
       .type = KeyType::kList,
       .allow_empty = true,
       .allowed_text = "comma-separated indicator names or globs (letters, digits, _ . * ? [ ] "
                       "- /); empty = all",
       .check = check_indicator,
       .source = "output control",
       .doc = "indicators written to the output"},
      &Scenario::output, &P::indicators);
}

Keys make_keys() {
  Keys keys;
  add_run_keys(keys);
  add_region_keys(keys);
  add_external_economy_keys(keys);
  add_housing_keys(keys);
  add_relocation_keys(keys);
  add_output_keys(keys);
  add_migration_keys(keys);
  add_externality_keys(keys);
  add_labour_keys(keys);
  add_investment_keys(keys);
  add_supply_keys(keys);
  add_tourism_keys(keys);
  add_events_keys(keys);
  add_shocks_keys(keys);
  add_governance_brand_keys(keys);
  // Keys that shape the initial world or the run are never read mid-run: not shock targets.
  for (KeySpec& key : keys) {
    const std::string section = key.section();
    if (section == "run" || section == "agents" || section == "region" || section == "output" ||
        section == "shocks")
      key.dynamic = false;
    if (key.name == "tourism.unlicensed_per_licensed") key.dynamic = false;  // sets initial stock
  }
  std::sort(keys.begin(), keys.end(),
            [](const KeySpec& a, const KeySpec& b) { return a.name < b.name; });
  for (std::size_t i = 1; i < keys.size(); ++i)
    if (keys[i].name == keys[i - 1].name)
      throw std::logic_error("scenario key registered twice: " + keys[i].name);
  return keys;
}

}  // namespace

const std::vector<KeySpec>& scenario_keys() {
  static const std::vector<KeySpec> keys = make_keys();
  return keys;
}

}  // namespace metrosim::io
