// asset_price.cpp — see asset_price.hpp.
#include "mechanisms/housing/asset_price.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metrosim::mechanisms {

double user_cost(const AssetPriceParams& p, double interest_rate, double expected_growth) {
  const double raw = interest_rate + p.depreciation + p.property_tax - expected_growth;
  return raw > p.min_user_cost ? raw : p.min_user_cost;  // also the floor when raw is NaN
}

double asset_price(const AssetPriceParams& p, double rent_market, double interest_rate,
                   double expected_growth) {
  return 12.0 * rent_market / user_cost(p, interest_rate, expected_growth);
}

double next_expected_growth(const AssetPriceParams& p, double expected_growth, double rent_before,
                            double rent_now) {
  if (!(rent_before > 0.0) || !(rent_now > 0.0)) return expected_growth;
  const double realised = std::pow(rent_now / rent_before, 12.0) - 1.0;  // annualised
  const double g = std::clamp(realised, -p.max_realised_growth, p.max_realised_growth);
  return (1.0 - p.expectation_smoothing) * expected_growth + p.expectation_smoothing * g;
}

double interest_rate_at(std::span<const double> path, double fallback, core::Step t) {
  if (path.empty() || t < 0) return fallback;
  const auto k = std::min(static_cast<std::size_t>(t), path.size() - 1);
  return path[k];
}

void init_asset_prices(const AssetPriceParams& p, double interest_rate,
                       std::span<const double> rent_market, AssetPriceState& st) {
  if (!(p.min_user_cost > 0.0)) throw std::invalid_argument("min_user_cost must be positive");
  const std::size_t n = rent_market.size();
  st.price.assign(n, 0.0);
  st.expected_growth.assign(n, p.initial_expected_growth);
  st.last_rent.assign(rent_market.begin(), rent_market.end());
  for (std::size_t z = 0; z < n; ++z)
    st.price[z] = asset_price(p, rent_market[z], interest_rate, st.expected_growth[z]);
}

void update_asset_prices(const AssetPriceParams& p, double interest_rate,
                         std::span<const double> rent_market, AssetPriceState& st) {
  if (rent_market.size() != st.size())
    throw std::logic_error("update_asset_prices: state not initialised for these zones");
  for (std::size_t z = 0; z < st.size(); ++z) {
    st.expected_growth[z] =
        next_expected_growth(p, st.expected_growth[z], st.last_rent[z], rent_market[z]);
    st.last_rent[z] = rent_market[z];
    st.price[z] = asset_price(p, rent_market[z], interest_rate, st.expected_growth[z]);
  }
}

}  // namespace metrosim::mechanisms
