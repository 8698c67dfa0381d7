// tenure_conversion.cpp — see tenure_conversion.hpp.
#include "mechanisms/housing/tenure_conversion.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

std::vector<std::int64_t> convert_vacant_tenure(const HousingParams& p, agents::Zones& zones) {
  std::vector<std::int64_t> moved(zones.size(), 0);
  constexpr std::size_t kOwner = 0, kLtr = 1;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones.is_external[z]) continue;
    auto& stock = zones.stock[z];
    const double excess_owner = static_cast<double>(zones.vacant(z, agents::Tenure::kOwner)) -
                                p.natural_vacancy_owner * static_cast<double>(stock[kOwner]);
    const double excess_ltr = static_cast<double>(zones.vacant(z, agents::Tenure::kLtr)) -
                              zones.natural_vacancy[z] * static_cast<double>(stock[kLtr]);
    // Units flow from the use with surplus vacancies to the one short of them.
    if (excess_owner > 0 && excess_ltr < 0) {
      const auto n = static_cast<std::int64_t>(
          std::floor(std::min(p.tenure_conversion_rate * excess_owner, -excess_ltr)));
      stock[kOwner] -= n;
      stock[kLtr] += n;
      moved[z] = n;
    } else if (excess_ltr > 0 && excess_owner < 0) {
      const auto n = static_cast<std::int64_t>(
          std::floor(std::min(p.tenure_conversion_rate * excess_ltr, -excess_owner)));
      stock[kLtr] -= n;
      stock[kOwner] += n;
      moved[z] = -n;
    }
  }
  return moved;
}

}  // namespace metrosim::mechanisms
