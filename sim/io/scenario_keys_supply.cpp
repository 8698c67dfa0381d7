// scenario_keys_supply.cpp — keys of housing supply, asset prices and rent regulation
// ([housing]) and of landlord types and fund purchases ([investors]), bound to
// model::Scenario::construction, asset_price, rent_cap and investors (MODEL.md §7.9; equations
// and sources in docs/HOUSING_SUPPLY.md).
#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

KeySpec spec(const char* name, KeyType type, const char* unit, Range r, const char* doc,
             const char* source = kSwept, bool per_zone = false) {
  return {.name = name,
          .type = type,
          .unit = unit,
          .range = r,
          .per_zone = per_zone,
          .source = source,
          .doc = doc};
}

KeySpec flag(const char* name, const char* doc, const char* source) {
  return {.name = name, .type = KeyType::kBool, .source = source, .doc = doc};
}

constexpr const char* kLever = "policy lever";

void add_construction_keys(Keys& k) {
  using P = mechanisms::ConstructionParams;
  const auto c = [&](KeySpec sp, auto P::*f) { add(k, std::move(sp), &Scenario::construction, f); };
  c(dbl("housing.start_rate", "share of private stock per year", in(0, 0.05),
        "private starts per year / owner + LTR stock at q = initial_q",
        "assumption (swept): order of AMB completions 2015-19, 0.2-0.4 % of stock a year"),
    &P::start_rate);
  c(dbl("housing.price_elasticity", "1", in(0, 3),
        "elasticity of private starts to q = asset price / replacement cost",
        "assumption (swept): long-run supply elasticity for Spain about 0.45 (Caldera Sanchez & "
        "Johansson 2013, OECD)"),
    &P::price_elasticity);
  c(dbl("housing.initial_q", "1", in(0, 10, "(]"),
        "q at start: the replacement cost is the start asset price / initial_q (a higher value "
        "= cheaper construction)"),
    &P::initial_q);
  c(dbl("housing.max_q", "1", in(1, 100), "q is capped here before the elasticity applies",
        "numerical setting: bounds starts"),
    &P::max_q);
  c(dbl("housing.cost_growth", "per year", in(-0.1, 0.3),
        "nominal growth of the replacement cost (building, land, fees)",
        "assumption (swept): order of the INE building-cost index"),
    &P::cost_growth);
  c(spec("housing.lag_min_months", KeyType::kInt, "months", in(1, 120),
         "shortest start-to-completion lag (uniform over lag_min..lag_max)", "MODEL.md §7.9"),
    &P::lag_min_months);
  c(spec("housing.lag_max_months", KeyType::kInt, "months", in(1, 120),
         "longest start-to-completion lag; at least housing.lag_min_months", "MODEL.md §7.9"),
    &P::lag_max_months);
  c(dbl("housing.completion_ltr_share", "share", in(0, 1),
        "share of private completions entering LTR use (the rest: owner-occupation)",
        "assumption (swept): near the rented share of AMB households"),
    &P::completion_ltr_share);
  c(dbl("housing.social_units_per_year", "dwellings per year", in(0, 1e5),
        "lever: social dwellings started per year metro-wide (real units), completed after the "
        "construction lag",
        kLever),
    &P::social_units_per_year);
  c(dbl("housing.social_weight", "1", in(0, 100),
        "weight of a zone in the allocation of social units (times its dwellings)", kLever, true),
    &P::social_weight);
  c(flag("housing.social_through_pipeline",
         "social units complete after the construction lag (false: added to the stock in the "
         "month, e.g. acquisitions)",
         "design choice (docs/HOUSING_SUPPLY.md)"),
    &P::social_through_pipeline);
  c(flag("housing.prefill_pipeline",
         "start with the steady-state pipeline at initial_q, so completions flow from month 0",
         "design choice (docs/HOUSING_SUPPLY.md)"),
    &P::prefill_pipeline);
}

void add_asset_price_keys(Keys& k) {
  using P = mechanisms::AssetPriceParams;
  const auto a = [&](KeySpec sp, double P::*f) {
    add(k, std::move(sp), &Scenario::asset_price, f);
  };
  a(dbl("housing.interest_rate", "per year", in(-0.01, 0.2),
        "nominal interest rate in the user cost of housing (read every month: a shocks calendar "
        "may change it)",
        "Banco de Espana new-mortgage rates 2015, about 2-3 %"),
    &P::interest_rate);
  a(dbl("housing.depreciation", "per year", in(0, 0.1),
        "depreciation and maintenance, share of value", "assumption (swept): literature 1.5-2.5 %"),
    &P::depreciation);
  a(dbl("housing.property_tax", "per year", in(0, 0.05),
        "property tax (IBI), share of market value",
        "assumption (swept): IBI 0.5-1 % of cadastral value, about half the market value"),
    &P::property_tax);
  a(dbl("housing.initial_expected_growth", "per year", in(-0.2, 0.2),
        "expected yearly market-rent growth at start (start gross yield 4.5 % with the defaults)"),
    &P::initial_expected_growth);
  a(dbl("housing.expectation_smoothing", "per month", in(0, 1),
        "weight of this month's realised rent growth in expected growth (mean lag 1/weight)"),
    &P::expectation_smoothing);
  a(dbl("housing.min_user_cost", "per year", in(0.001, 0.2),
        "floor of the user cost (the price is at most 1/floor years of rent)",
        "numerical setting: guards the user-cost singularity"),
    &P::min_user_cost);
  a(dbl("housing.max_realised_growth", "per year", in(0.01, 5),
        "clamp of the annualised monthly rent growth before smoothing", "numerical setting"),
    &P::max_realised_growth);
  using R = mechanisms::RentCap;
  add(k,
      dbl("housing.rent_cap", "share of the current contract rent", in(-1, 1),
          "lever: maximum increase of the contract rent at renewal, on top of the yearly CPI "
          "indexation; negative = no cap",
          kLever),
      &Scenario::rent_cap, &R::rent_cap);
  add(k,
      dbl("housing.rent_cap_large", "share of the current contract rent", in(-1, 1),
          "lever: the cap for large holders where the law differs; negative = housing.rent_cap",
          kLever),
      &Scenario::rent_cap, &R::rent_cap_large);
}

void add_investor_keys(Keys& k) {
  using P = mechanisms::InvestorParams;
  const auto i = [&](KeySpec sp, auto P::*f) { add(k, std::move(sp), &Scenario::investors, f); };
  i(dbl("investors.capital_budget", "EUR/month", in(0, 1e10),
        "capital large holders can spend on LTR dwellings metro-wide (real, nominal); 0 = no "
        "purchases",
        "exogenous input; assumption (swept)"),
    &P::capital_budget);
  i(dbl("investors.yield_hurdle", "per year", in(0, 0.3),
        "gross yield 12 x rent / price above which funds buy",
        "assumption (swept): Spanish prime residential gross yields 2015-19, 4-5 %"),
    &P::yield_hurdle);
  i(dbl("investors.max_purchase_rate", "share per year", in(0, 0.5),
        "share of small-landlord LTR stock funds want per year at saturation"),
    &P::max_purchase_rate);
  i(dbl("investors.yield_scale", "per year", in(0, 0.2, "(]"),
        "yield spread at which the purchase rate reaches 63 % of its maximum"),
    &P::yield_scale);
  i(dbl("investors.dry_powder_months", "months", in(0, 120),
        "undeployed budget carried forward, at most this many months of budget",
        "assumption (swept)"),
    &P::dry_powder_months);
  i(dbl("investors.initial_large_share", "share of LTR stock", in(0, 1),
        "LTR dwellings owned by large holders at start",
        "assumption (swept): to set from the Catalan register of large holders", true),
    &P::initial_large_share);
  i(dbl("investors.new_ltr_large_share", "share", in(0, 1),
        "share of new LTR completions owned by large holders (build-to-rent)"),
    &P::new_ltr_large_share);
  i(dbl("investors.renewal_reset_small", "share of gap", in(0, 1),
        "share of the gap to market rent small landlords close at renewal"),
    &P::renewal_reset_small);
  i(dbl("investors.renewal_reset_large", "share of gap", in(0, 1),
        "share of the gap to market rent large holders close at renewal"),
    &P::renewal_reset_large);
  i(dbl("investors.non_renewal_small", "probability per renewal", in(0, 1),
        "probability a small landlord does not renew the lease (sale, own use): an eviction"),
    &P::non_renewal_small);
  i(dbl("investors.non_renewal_large", "probability per renewal", in(0, 1),
        "probability a large holder does not renew the lease (repositioning, sale)"),
    &P::non_renewal_large);
  i(dbl("investors.conversion_small", "multiplier", in(0, 10),
        "small landlords' propensity to convert LTR to STR or sale (x the switching rate)",
        "reference"),
    &P::conversion_small);
  i(dbl("investors.conversion_large", "multiplier", in(0, 10),
        "large holders' propensity to convert LTR to STR or sale (x the switching rate)"),
    &P::conversion_large);
  i(spec("investors.term_before_2019_months", KeyType::kInt, "months", in(12, 120),
         "minimum lease term of leases signed before March 2019 (every landlord)",
         "Spanish lease law (LAU 1994 as amended 2013: 3-year minimum)"),
    &P::term_before_2019_months);
  i(spec("investors.term_small_months", KeyType::kInt, "months", in(12, 120),
         "minimum term of leases signed by small landlords from March 2019",
         "RDL 7/2019: 5 years for individual landlords"),
    &P::term_small_months);
  i(spec("investors.term_large_months", KeyType::kInt, "months", in(12, 120),
         "minimum term of leases signed by large holders from March 2019",
         "RDL 7/2019: 7 years for corporate landlords"),
    &P::term_large_months);
}

}  // namespace

void add_supply_keys(Keys& k) {
  add_construction_keys(k);
  add_asset_price_keys(k);
  add_investor_keys(k);
}

}  // namespace metrosim::io::key_binding
