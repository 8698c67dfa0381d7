// coordination.cpp — see coordination.hpp.
#include "mechanisms/governance/coordination.hpp"

#include <algorithm>

#include "mechanisms/brands/brands.hpp"

namespace metrosim::mechanisms {

double coordination_in_force(const GovernanceParams& p) {
  if (p.coordination >= 0.0) return std::min(1.0, p.coordination);
  switch (p.mode) {
    case GovernanceMode::kMetropolitan:
      return 1.0;
    case GovernanceMode::kLeadCity:
      return p.lead_city_coordination;
    case GovernanceMode::kFragmented:
      return 0.0;
  }
  return 0.0;
}

std::vector<double> referral_weights(const GovernanceParams& p, double c,
                                     const std::vector<std::uint8_t>& is_core,
                                     const std::vector<std::uint8_t>& is_external,
                                     const std::vector<double>& lead_by_zone) {
  const std::size_t n = is_core.size();
  std::vector<double> w(n, 0.0);
  double total = 0.0, zones = 0.0;
  for (std::size_t z = 0; z < n; ++z)
    if (!is_external[z]) {
      total += lead_by_zone[z];
      zones += 1.0;
    }
  for (std::size_t z = 0; z < n; ++z) {
    if (is_external[z]) continue;
    if (p.mode == GovernanceMode::kLeadCity) {
      w[z] = is_core[z] ? 1.0 : p.lead_city_rho;
      continue;
    }
    const double own = total > 0.0 ? lead_by_zone[z] * zones / total : 1.0;
    w[z] = c + (1.0 - c) * own;
  }
  return w;
}

std::vector<double> incentive_offers(const IncentiveParams& p, double c, std::size_t n) {
  std::vector<double> offer(n, 0.0);
  if (p.per_job <= 0.0 || n == 0) return offer;
  const double base = std::min(p.per_job, p.cap);
  offer.assign(n, base);
  for (int round = 0; round < 200; ++round) {
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      double rival = 0.0;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i) rival = std::max(rival, offer[j]);
      if (n == 1) rival = base - p.overbid;  // no rival: nothing to outbid
      const double next = std::clamp(base + (1.0 - c) * (rival + p.overbid - base), base, p.cap);
      changed |= next != offer[i];
      offer[i] = next;
    }
    if (!changed) break;
  }
  return offer;
}

namespace {

double payoff(const ContributionGame& g, const ContributionPlayer& pl, double x, double others) {
  const BrandParams& b = g.brand;
  const double m = std::max(1.0, b.audience_segments);
  BrandSpend s;
  s.metro_pooled = g.metro_pooled;
  s.metro_prime = g.metro_prime + others + x;
  const BrandReach r = brand_reach(b, s);
  const double metro = next_awareness(b, g.metro_awareness, r.metro);
  const double own = next_awareness(b, pl.own_awareness, segment_reach(b, pl.budget - x) / m);
  return visibility(pl.sharing, pl.association, metro, own);
}

}  // namespace

double best_contribution(const ContributionGame& g, std::size_t i, double others) {
  const ContributionPlayer& pl = g.players[i];
  if (pl.budget <= 0.0) return 0.0;
  constexpr int kGrid = 40;
  double best_x = 0.0, best_v = payoff(g, pl, 0.0, others);
  for (int k = 1; k <= kGrid; ++k) {
    const double x = pl.budget * k / kGrid;
    const double v = payoff(g, pl, x, others);
    if (v > best_v + 1e-15) {  // ties keep the smaller contribution
      best_v = v;
      best_x = x;
    }
  }
  return best_x;
}

std::vector<double> play_contributions(const ContributionGame& g, int rounds) {
  std::vector<double> x(g.players.size(), 0.0);
  for (int r = 0; r < rounds; ++r) {
    bool changed = false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      double others = 0.0;
      for (std::size_t j = 0; j < x.size(); ++j)
        if (j != i) others += x[j];
      const double next = best_contribution(g, i, others);
      changed |= next != x[i];
      x[i] = next;
    }
    if (!changed) break;
  }
  return x;
}

}  // namespace metrosim::mechanisms
