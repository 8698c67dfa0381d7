// zone_choice.cpp — see zone_choice.hpp.
#include "mechanisms/relocation/zone_choice.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metrosim::mechanisms {

double zone_utility(const RelocationParams& p, const agents::Zones& zones, agents::Tenure tenure,
                    double income, core::ZoneIndex from, std::size_t z, std::int64_t vacant) {
  if (vacant <= 0) return kExcluded;
  // Migrants from outside the region (no origin zone) come to live in the metro: settling in the
  // rest of the region would not make them metro arrivals.
  if (from == core::kNoZone && zones.is_external[z]) return kExcluded;
  // Owners face the market rent as a proxy of their user cost; social tenants pay no market rent.
  const double cost = tenure == agents::Tenure::kSocial ? 0.0 : zones.rent_market[z];
  const double km = from == core::kNoZone ? 0.0
                                          : zones.distance_km(static_cast<Eigen::Index>(from),
                                                              static_cast<Eigen::Index>(z));
  return std::log(static_cast<double>(vacant)) - p.beta_burden * cost / income -
         p.beta_distance * km + zones.amenity[z];
}

double zone_utility(const RelocationParams& p, const agents::Zones& zones,
                    const agents::Households& hh, std::size_t i, core::ZoneIndex from,
                    std::size_t z, std::int64_t vacant) {
  return zone_utility(p, zones, hh.tenure[i], hh.income[i], from, z, vacant);
}

std::vector<double> logit_probabilities(std::span<const double> u) {
  double top = -std::numeric_limits<double>::infinity();
  for (double v : u)
    if (v > kExcluded) top = std::max(top, v);
  std::vector<double> p(u.size(), 0.0);
  double sum = 0.0;
  for (std::size_t z = 0; z < u.size(); ++z)
    if (u[z] > kExcluded) sum += (p[z] = std::exp(u[z] - top));
  if (sum > 0.0)
    for (double& v : p) v /= sum;
  return p;
}

void rank_choices(core::Stream& s, std::span<const double> u, std::span<core::ZoneIndex> out) {
  // Partial selection of the k largest perturbed utilities; k is small (≤ 10).
  std::fill(out.begin(), out.end(), core::kNoZone);
  std::vector<double> best(out.size(), -std::numeric_limits<double>::infinity());
  for (std::size_t z = 0; z < u.size(); ++z) {
    const double g =
        s.gumbel(static_cast<std::uint32_t>(z));  // drawn even if excluded: fixed slots
    if (u[z] <= kExcluded) continue;
    const double v = u[z] + g;
    for (std::size_t k = 0; k < out.size(); ++k) {
      if (v > best[k]) {
        for (std::size_t j = out.size() - 1; j > k; --j) {
          best[j] = best[j - 1];
          out[j] = out[j - 1];
        }
        best[k] = v;
        out[k] = static_cast<core::ZoneIndex>(z);
        break;
      }
    }
  }
}

void choose_zones(const RelocationParams& p, const core::StepContext& ctx,
                  const agents::Households& hh, const agents::Zones& zones,
                  std::span<const std::uint32_t> movers, std::span<const core::ZoneIndex> from_zone,
                  std::vector<core::ZoneIndex>& choices) {
  const auto k = static_cast<std::size_t>(p.choices);
  const std::size_t nz = zones.size();
  choices.assign(movers.size() * k, core::kNoZone);
  const auto m = static_cast<std::int64_t>(movers.size());
#pragma omp parallel
  {
    std::vector<double> u(nz);
#pragma omp for schedule(static)
    for (std::int64_t mm = 0; mm < m; ++mm) {
      const std::size_t i = movers[static_cast<std::size_t>(mm)];
      const auto t = static_cast<agents::Tenure>(hh.tenure[i]);
      for (std::size_t z = 0; z < nz; ++z)
        u[z] = zone_utility(p, zones, hh, i, from_zone[static_cast<std::size_t>(mm)], z,
                            zones.vacant(z, t));
      auto s = ctx.stream(core::Mechanism::kZoneChoice, hh.id[i]);
      rank_choices(s, u, std::span(choices).subspan(static_cast<std::size_t>(mm) * k, k));
    }
  }
}

}  // namespace metrosim::mechanisms
