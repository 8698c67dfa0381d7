// asset_price.hpp — dwelling asset prices by user cost (MODEL.md §7.9; DiPasquale & Wheaton
// 1992, asset quadrant; Poterba 1984):
//   P = 12·r^m / max(i + δ_h + τ − g^e, floor),
// with r^m the zone's market rent (EUR/month), i an exogenous yearly interest rate (a monthly
// path), δ_h depreciation, τ property tax and g^e the expected yearly rent growth, adapted by
// exponential smoothing of realised market-rent growth. The floor keeps prices finite when expected
// growth approaches the cost of capital. Deterministic, zone level; no random draws.
#pragma once
#include <span>
#include <vector>

#include "core/ids.hpp"
#include "mechanisms/housing/supply_params.hpp"

namespace metrosim::mechanisms {

/// Per-zone asset-price state; row z is zone z.
struct AssetPriceState {
  std::vector<double> price;            ///< P, EUR per dwelling (nominal)
  std::vector<double> expected_growth;  ///< g^e, expected yearly growth of the market rent
  std::vector<double> last_rent;        ///< market rent at the previous update, EUR/month
  std::size_t size() const { return price.size(); }
};

/// Yearly user cost of capital i + δ_h + τ − g^e, floored at min_user_cost.
double user_cost(const AssetPriceParams& p, double interest_rate, double expected_growth);

/// P = 12·rent / user_cost (EUR per dwelling).
double asset_price(const AssetPriceParams& p, double rent_market, double interest_rate,
                   double expected_growth);

/// Adaptive expectations: g' = (1 − α)·g + α·clamp((r_now / r_before)^12 − 1). Returns g unchanged
/// when either rent is not positive.
double next_expected_growth(const AssetPriceParams& p, double expected_growth, double rent_before,
                            double rent_now);

/// The yearly interest rate at step t from a monthly path (path[t]; the last value is held after
/// the path ends); `fallback` when the path is empty or t < 0.
double interest_rate_at(std::span<const double> path, double fallback, core::Step t);

/// Sizes the state and sets g^e = initial_expected_growth and P from the start rents.
void init_asset_prices(const AssetPriceParams& p, double interest_rate,
                       std::span<const double> rent_market, AssetPriceState& st);

/// Monthly update, after market rents: g^e from this month's realised rent growth, then P.
void update_asset_prices(const AssetPriceParams& p, double interest_rate,
                         std::span<const double> rent_market, AssetPriceState& st);

}  // namespace metrosim::mechanisms
