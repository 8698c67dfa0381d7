// market_rent.cpp — see market_rent.hpp.
#include "mechanisms/housing/market_rent.hpp"

#include <cmath>
#include <limits>

#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

double next_market_rent(const HousingParams& p, double rent, double vacancy, double natural_vacancy,
                        double anchor_rent) {
  double dlog = p.rent_vacancy_speed * (natural_vacancy - vacancy);
  if (anchor_rent > 0.0 && std::isfinite(anchor_rent))
    dlog += p.rent_anchor_speed * (std::log(anchor_rent) - std::log(rent));
  return rent * std::exp(dlog);
}

std::vector<double> mean_ltr_income(const agents::Households& hh, const core::GroupIndex& by_zone) {
  const auto is_ltr = [&](std::uint32_t i) { return hh.tenure[i] == agents::Tenure::kLtr; };
  const auto sum = core::group_sum(by_zone, [&](std::uint32_t i) { return is_ltr(i) ? hh.income[i] : 0.0; });
  const auto cnt = core::group_sum(by_zone, [&](std::uint32_t i) { return is_ltr(i) ? 1.0 : 0.0; });
  std::vector<double> out(sum.size());
  for (std::size_t z = 0; z < sum.size(); ++z)
    out[z] = cnt[z] > 0 ? sum[z] / cnt[z] : std::numeric_limits<double>::quiet_NaN();
  return out;
}

void update_market_rents(const HousingParams& p, const agents::Households& hh,
                         const core::GroupIndex& by_zone, double external_monthly_growth,
                         agents::Zones& zones) {
  const auto income = mean_ltr_income(hh, by_zone);
  constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones.is_external[z]) {
      zones.rent_market[z] *= external_monthly_growth;
      continue;
    }
    const std::int64_t stock = zones.stock[z][kLtr];
    if (stock <= 0) continue;
    const double v = static_cast<double>(zones.vacant(z, agents::Tenure::kLtr)) /
                     static_cast<double>(stock);
    const double anchor = p.anchor_burden * income[z];  // NaN (no anchor) without renters
    zones.rent_market[z] =
        next_market_rent(p, zones.rent_market[z], v, zones.natural_vacancy[z], anchor);
  }
}

std::vector<double> rent_loop_gain(const HousingParams& hp, const RelocationParams& rp,
                                   const agents::Zones& zones,
                                   const std::vector<double>& mean_income) {
  constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
  const double m = monthly_probability(rp.move_rate_ltr);
  std::vector<double> k(zones.size(), 0.0);
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const auto stock = static_cast<double>(zones.stock[z][kLtr]);
    if (zones.is_external[z] || stock <= 0 || !(mean_income[z] > 0)) continue;
    const double occ = static_cast<double>(zones.occupied[z][kLtr]) / stock;
    k[z] = hp.rent_vacancy_speed * rp.beta_burden * (zones.rent_market[z] / mean_income[z]) * occ * m +
           hp.rent_anchor_speed;
  }
  return k;
}

}  // namespace metrosim::mechanisms
