// supply_params.hpp — parameters of housing supply (construction pipeline, social units), asset
// prices, investors (landlord types, fund purchases, behaviour at renewal) and rent regulation
// (MODEL.md §7.9; equations and sources in docs/HOUSING_SUPPLY.md). One step = one month; money is
// nominal EUR; yearly rates convert to monthly ones inside the mechanisms.
#pragma once
#include <cstddef>
#include <cstdint>

#include "agents/landlord.hpp"
#include "core/calendar.hpp"

namespace metrosim::mechanisms {

/// Owner of an LTR dwelling (MODEL.md §2: household "landlord type"); defined with the agents.
using agents::kLandlordTypes;
using agents::LandlordType;

/// Spanish lease law: RDL 7/2019 (in force 6 March 2019) raised the minimum term from 3 years to
/// 5 for individual and 7 for corporate landlords. Leases signed from this month take the new
/// terms.
inline constexpr core::YearMonth kLeaseLaw2019{2019, 3};

/// Construction pipeline and social units (construction.hpp). Section `[housing]`.
// One line per parameter (unit, default, range, source), as in housing_params.hpp.
// clang-format off
struct ConstructionParams {
  double start_rate = 0.003;  ///< yearly private starts / private stock at q = q0, [0, 0.05]; order of magnitude of AMB completions 2015–19 (≈0.2–0.4 % of stock a year); assumption (swept)
  double price_elasticity = 0.5;  ///< η, elasticity of starts to q = P/C, [0, 3]; OECD long-run supply elasticity for Spain ≈ 0.45 (Caldera Sánchez & Johansson 2013); swept
  double initial_q = 1.0;  ///< q0 = P/C at start; sets C0 = P0/q0 per zone, (0, 10]; assumption (swept): supply in balance at start
  double max_q = 3.0;  ///< q is capped here before the power so starts stay bounded, [1, 100]; assumption
  double cost_growth = 0.02;  ///< yearly nominal growth of the replacement cost C (building + land + fees), [-0.1, 0.3]; assumption (swept), order of the INE building-cost index
  int lag_min_months = 24;  ///< shortest start-to-completion lag, months, [1, 120]; MODEL.md §7.9
  int lag_max_months = 36;  ///< longest lag (uniform over lag_min..lag_max), months, [lag_min, 120]; MODEL.md §7.9
  double completion_ltr_share = 0.25;  ///< share of private completions that enter LTR use (rest: owner), [0, 1]; assumption (swept), near the rented share of AMB households
  double social_units_per_year = 0.0;  ///< LEVER `housing.social_units_per_year`: social dwellings started per year metro-wide (real units), [0, 1e5]; policy input
  double social_weight = 1.0;  ///< per zone: weight of a zone in the allocation of social units (× its dwellings), [0, 100]; policy input
  bool social_through_pipeline = true;  ///< true: social units complete after the same 24–36-month lag; false: added to stock in the month (e.g. acquisitions)
  bool prefill_pipeline = true;  ///< start with the steady-state pipeline at q0, so completions flow from month 0
};

/// Asset prices by user cost (asset_price.hpp). Section `[housing]`.
struct AssetPriceParams {
  double interest_rate = 0.03;  ///< i, yearly nominal rate when no monthly path is given, [-0.01, 0.2]; Banco de España new-mortgage rates 2015 ≈ 2–3 %
  double depreciation = 0.02;   ///< δ_h, yearly depreciation and maintenance, share of value, [0, 0.1]; literature 1.5–2.5 %; assumption (swept)
  double property_tax = 0.005;  ///< τ, yearly property tax (IBI) as share of market value, [0, 0.05]; IBI ≈ 0.5–1 % of cadastral value ≈ half the market value; assumption (swept)
  double initial_expected_growth = 0.01;  ///< g^e at start, yearly, [-0.2, 0.2]; assumption (swept): with the defaults, start gross yield 4.5 %
  double expectation_smoothing = 0.04;  ///< α, monthly weight of realised rent growth in g^e (mean lag 1/α ≈ 25 months), [0, 1]; assumption (swept)
  double min_user_cost = 0.02;  ///< floor of i + δ_h + τ − g^e, yearly (price ≤ 50 years of rent at the default), [0.001, 0.2]; assumption
  double max_realised_growth = 0.5;  ///< clamp of |annualised monthly rent growth| before smoothing, yearly, [0.01, 5]; assumption
};

/// Landlord types, fund purchases and behaviour at renewal (investors.hpp). Section `[investors]`.
struct InvestorParams {
  double capital_budget = 0.0;  ///< EUR/month (real, nominal) large holders can spend on LTR dwellings metro-wide, [0, 1e10]; exogenous input; 0 = no purchases; assumption (swept)
  double yield_hurdle = 0.045;  ///< gross yield 12·r/P above which funds buy, yearly, [0, 0.3]; net of transfer tax and fees; assumption (swept), Spanish prime residential gross yields 2015–19 ≈ 4–5 %
  double max_purchase_rate = 0.02;  ///< yearly share of small-landlord LTR stock bought at saturation, [0, 0.5]; assumption (swept)
  double yield_scale = 0.01;  ///< spread (yield − hurdle) at which the rate reaches 63 % of max, yearly, (0, 0.2]; assumption (swept)
  double dry_powder_months = 12.0;  ///< undeployed budget carried forward, at most this many months of budget, [0, 120]; assumption
  double initial_large_share = 0.10;  ///< per zone: share of LTR stock owned by large holders at start, [0, 1]; assumption (swept), to set from the Catalan register of large holders
  double new_ltr_large_share = 0.30;  ///< share of new LTR completions owned by large holders (build-to-rent), [0, 1]; assumption (swept)
  double renewal_reset_small = 1.0;  ///< share of the gap to market rent small landlords close at renewal, [0, 1]; assumption (swept): 1.0 = the former housing.renewal_reset default (0.85 would model a sitting-tenant discount)
  double renewal_reset_large = 1.0;  ///< same for large holders (full reset), [0, 1]; assumption (swept)
  double non_renewal_small = 0.02;  ///< probability a small landlord does not renew (sale, own use), per renewal, [0, 1]; assumption (swept)
  double non_renewal_large = 0.05;  ///< same for large holders (repositioning, sale), [0, 1]; assumption (swept)
  double conversion_small = 1.0;  ///< relative propensity to convert LTR → STR/sale (multiplies the §7.8 switching rate), [0, 10]; reference
  double conversion_large = 1.5;  ///< same for large holders, [0, 10]; assumption (swept)
  int term_before_2019_months = 36;  ///< minimum lease term before March 2019, months, [12, 120]; LAU 1994 as amended 2013
  int term_small_months = 60;  ///< minimum term for individual landlords from March 2019, [12, 120]; RDL 7/2019
  int term_large_months = 84;  ///< minimum term for corporate landlords from March 2019, [12, 120]; RDL 7/2019
};
// clang-format on

/// "No cap" marker of the rent-cap lever.
inline constexpr double kNoRentCap = -1.0;

// clang-format off
/// Rent regulation at renewal (rent_regulation.hpp). Section `[housing]`.
struct RentCap {
  double rent_cap = kNoRentCap;  ///< LEVER `housing.rent_cap`: maximum increase of the contract rent at renewal on top of the yearly CPI indexation, share of the current contract rent; any negative value = no cap, [-1, 1]; policy input
  double rent_cap_large = kNoRentCap;  ///< cap for large holders where the law differs; negative = same as rent_cap, [-1, 1]; policy input
};
// clang-format on

}  // namespace metrosim::mechanisms
