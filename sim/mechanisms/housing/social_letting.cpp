// social_letting.cpp — see social_letting.hpp.
#include "mechanisms/housing/social_letting.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace metrosim::mechanisms {

namespace {
constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
constexpr auto kSocial = static_cast<std::size_t>(agents::Tenure::kSocial);
}  // namespace

std::int64_t social_lettings_due(const HousingParams& p, std::int64_t stock, std::int64_t vacant) {
  const double excess =
      static_cast<double>(vacant) - p.natural_vacancy_social * static_cast<double>(stock);
  if (!(excess > 0.0) || !(p.social_letting_rate > 0.0)) return 0;
  const auto n = static_cast<std::int64_t>(std::ceil(p.social_letting_rate * excess - 1e-9));
  return std::clamp<std::int64_t>(n, 0, vacant);
}

std::vector<std::int64_t> let_social_vacancies(const HousingParams& p, const core::StepContext& ctx,
                                               double metro_mean_income, agents::Households& hh,
                                               agents::Zones& zones) {
  const std::size_t n_zones = zones.size();
  std::vector<std::int64_t> due(n_zones, 0), let(n_zones, 0);
  bool any = false;
  for (std::size_t z = 0; z < n_zones; ++z) {
    if (zones.is_external[z]) continue;
    due[z] =
        social_lettings_due(p, zones.stock[z][kSocial], zones.vacant(z, agents::Tenure::kSocial));
    any = any || due[z] > 0;
  }
  if (!any) return let;
  const double limit = p.social_income_limit * metro_mean_income;
  using Candidate = std::tuple<double, core::AgentId, std::size_t>;  // (lottery draw, id, row)
  std::vector<std::vector<Candidate>> by_zone(n_zones);
  for (std::size_t i = 0; i < hh.size(); ++i) {
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    if (hh.tenure[i] != agents::Tenure::kLtr || due[z] <= 0 || !(hh.income[i] < limit)) continue;
    by_zone[z].emplace_back(ctx.stream(core::Mechanism::kLandlord, hh.id[i]).uniform(2), hh.id[i],
                            i);
  }
  for (std::size_t z = 0; z < n_zones; ++z) {
    auto& c = by_zone[z];
    const auto k = std::min(c.size(), static_cast<std::size_t>(due[z]));
    std::partial_sort(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k), c.end());
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t i = std::get<2>(c[j]);
      hh.tenure[i] = agents::Tenure::kSocial;
      hh.rent[i] = 0.0;
      hh.lease_start[i] = ctx.step;
      hh.landlord[i] = agents::LandlordType::kSmall;
    }
    zones.occupied[z][kLtr] -= static_cast<std::int64_t>(k);
    zones.occupied[z][kSocial] += static_cast<std::int64_t>(k);
    let[z] = static_cast<std::int64_t>(k);
  }
  return let;
}

}  // namespace metrosim::mechanisms
