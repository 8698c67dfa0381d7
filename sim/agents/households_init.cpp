// households_init.cpp — initial households; see households_init.hpp for the rules.
#include "agents/households_init.hpp"

#include <cmath>

namespace metrosim::agents {

Households init_households(const Zones& zones, const HouseholdInitParams& p,
                           const core::RngKey& key) {
  std::size_t total = 0;
  for (std::size_t z = 0; z < zones.size(); ++z)
    for (std::size_t u = 0; u < kTenures; ++u)
      total += static_cast<std::size_t>(zones.occupied[z][u]);
  Households hh;
  hh.resize(total);
  std::size_t i = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    // Owners' mean m_o and renters' mean ratio·m_o average to the zone's mean income.
    const double owner_share = zones.tenure_share[z][0];
    const double owner_mean =
        zones.income_mean[z] / (owner_share + p.renter_income_ratio * (1.0 - owner_share));
    for (std::size_t u = 0; u < kTenures; ++u) {
      const double mean = u == 0 ? owner_mean : p.renter_income_ratio * owner_mean;
      for (std::int64_t k = 0; k < zones.occupied[z][u]; ++k, ++i) {
        hh.id[i] = i;
        hh.zone[i] = static_cast<core::ZoneIndex>(z);
        hh.tenure[i] = static_cast<Tenure>(u);
        auto s = key.stream(core::Mechanism::kInitialisation, i, -1);
        // Log-normal with the given mean: exp(σz − σ²/2) has expectation 1.
        hh.income[i] = mean * std::exp(p.income_log_sd * s.normal(0) -
                                       0.5 * p.income_log_sd * p.income_log_sd);
        const bool ltr = static_cast<Tenure>(u) == Tenure::kLtr;
        hh.rent[i] = ltr ? zones.rent_market[z] : 0.0;
        hh.lease_start[i] =
            ltr ? -static_cast<core::Step>(std::floor(s.uniform(2) * p.lease_term_months)) : 0;
        const double ua = s.uniform(3);
        hh.age_band[i] = ua < p.age_shares[0]                     ? AgeBand::kUnder35
                         : ua < p.age_shares[0] + p.age_shares[1] ? AgeBand::k35to64
                                                                  : AgeBand::k65plus;
        hh.origin[i] = Origin::kLongStanding;
        if (ltr) {
          double uo = s.uniform(4), cum = 0.0;
          for (std::size_t seg = 0; seg < 3; ++seg) {
            cum += p.talent_share[seg];
            if (uo < cum) {
              hh.origin[i] = static_cast<Origin>(seg + 1);  // kStudent, kResearcher, kSkilled
              hh.income[i] =
                  p.talent_income_ratio[seg] * p.metro_mean_income *
                  std::exp(p.income_log_sd * s.normal(0) - 0.5 * p.income_log_sd * p.income_log_sd);
              if (seg == 0 || seg == 1) hh.age_band[i] = AgeBand::kUnder35;
              break;
            }
          }
        }
      }
    }
  }
  return hh;
}

}  // namespace metrosim::agents
