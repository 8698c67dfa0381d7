// market_rent.hpp — market rents for new LTR contracts (MODEL.md §7.9): the natural-vacancy rule
// (Rosen & Smith 1983; Wheaton & Torto 1988) with an error-correction anchor to ability to pay,
//   Δln r = λ_v·(v* − v) + λ_e·(ln r* − ln r),   r* = anchor_burden × mean LTR renter income,
// with v the LTR vacancy rate after this month's matching. Also the loop-gain check.
#pragma once
#include <vector>

#include "agents/households.hpp"
#include "core/group_index.hpp"
#include "mechanisms/housing/housing_params.hpp"
#include "mechanisms/relocation/relocation_params.hpp"

namespace metrosim::mechanisms {

/// One application of the rule to a single zone (pure; tested on its own).
double next_market_rent(const HousingParams& p, double rent, double vacancy, double natural_vacancy,
                        double anchor_rent);

/// Mean contract-rent-paying LTR income per zone (NaN where a zone has no LTR renter).
std::vector<double> mean_ltr_income(const agents::Households& hh, const core::GroupIndex& by_zone);

/// Updates rent_market of every non-external zone from its post-matching LTR vacancy; the
/// external zone's rent follows its exogenous monthly growth factor.
void update_market_rents(const HousingParams& p, const agents::Households& hh,
                         const core::GroupIndex& by_zone, double external_monthly_growth,
                         agents::Zones& zones);

/// Loop gain per zone (docs/MODEL.md "Stability of the rent loop"): the share of a log-rent
/// deviation that the rule undoes in one month through vacancy and anchor,
///   k = λ_v · β_burden · (r / ȳ) · (occupied / stock) · m + λ_e,
/// with m the monthly LTR move probability. The loop is monotone and stable when k < 1 and
/// the default design keeps k < 0.25.
std::vector<double> rent_loop_gain(const HousingParams& hp, const RelocationParams& rp,
                                   const agents::Zones& zones,
                                   const std::vector<double>& mean_income);

}  // namespace metrosim::mechanisms
