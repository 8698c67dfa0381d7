// coordination.hpp — what coordination c does (MODEL.md §7.1): the mode's preset c, referral
// routing of leads (one front door, the lead city's ρ), the incentive competition damped by the
// no-poaching pact, and municipalities' contributions to the shared brand as best responses to
// each other's (a public-goods game in which free-riding can emerge).
#pragma once
#include <cstdint>
#include <vector>

#include "mechanisms/brands/brand_params.hpp"
#include "mechanisms/governance/governance_params.hpp"

namespace metrosim::mechanisms {

/// c in force: governance.coordination when set (≥ 0), else the mode's preset.
double coordination_in_force(const GovernanceParams& p);

/// Referral weight per zone. lead_city: the lead city's front door routes by its objective, 1 for
/// core zones and ρ elsewhere. Otherwise c + (1 − c)·own_i, own_i = lead generation aimed at
/// zone i by the agencies whose jurisdiction covers it (metro-wide agencies spread evenly),
/// relative to an even spread (mean 1 over metro zones). External zones: 0.
std::vector<double> referral_weights(const GovernanceParams& p, double c,
                                     const std::vector<std::uint8_t>& is_core,
                                     const std::vector<std::uint8_t>& is_external,
                                     const std::vector<double>& lead_generation_by_zone);

/// Incentive offered per job by each of n municipalities: starting from the base offer, each
/// answers the best rival offer by outbidding it, damped by the pact:
/// I ← clamp(I0 + (1 − c)·(max rival + overbid − I0), I0, cap), iterated to a fixed point.
/// No base offer (≤ 0) means no municipality enters the competition.
std::vector<double> incentive_offers(const IncentiveParams& p, double c, std::size_t n);

/// The contribution game among municipalities with their own promotion budget.
struct ContributionPlayer {
  double budget = 0.0;         ///< unpooled own promotion, EUR/month
  double sharing = 0.0;        ///< s (mean over the municipality's zones)
  double association = 0.0;    ///< λ (mean over its zones)
  double own_awareness = 0.0;  ///< A_own now
};
struct ContributionGame {
  BrandParams brand;
  double metro_awareness = 0.0;
  double metro_pooled = 0.0;  ///< EUR/month
  double metro_prime = 0.0;   ///< uncoordinated metro promotion other than the players', EUR/month
  std::vector<ContributionPlayer> players;
};

/// Player i's best contribution to the metro brand (EUR/month, in [0, budget]) given the others'
/// total: maximises next month's visibility 1 − (1 − sλA_metro')(1 − (1 − s)A_own') over a grid.
double best_contribution(const ContributionGame& g, std::size_t i, double others);

/// Rounds of best responses in a fixed order (Gauss–Seidel) from no contribution.
std::vector<double> play_contributions(const ContributionGame& g, int rounds = 20);

}  // namespace metrosim::mechanisms
