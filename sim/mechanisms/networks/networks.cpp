// networks.cpp — see networks.hpp.
#include "mechanisms/networks/networks.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

double network_multiplier(const NetworksParams& p, double memberships) {
  return 1.0 + p.effectiveness_per_membership * std::max(0.0, memberships);
}

void apply_network_effect(const NetworksParams& p, StrategyEffort& effort) {
  const double m = network_multiplier(p, effort.network_memberships);
  if (m == 1.0) return;
  effort.metro_promotion *= m;
  for (double& own : effort.own_promotion) own *= m;
  effort.lead_generation *= m;
}

double funding_success_probability(const FundingParams& p, double staff, double memberships) {
  const double z = p.success_intercept + p.success_per_100_staff * std::max(0.0, staff) / 100.0 +
                   p.success_per_membership * std::max(0.0, memberships);
  return 1.0 / (1.0 + std::exp(-z));
}

FundingRound funding_round(const FundingParams& p, const core::StepContext& ctx, double staff,
                           double memberships) {
  FundingRound r;
  r.applications = p.applications_per_year;
  const double prob = funding_success_probability(p, staff, memberships);
  for (std::int64_t k = 0; k < r.applications; ++k) {
    auto s = ctx.stream(core::Mechanism::kFunding, static_cast<core::AgentId>(k));
    if (!(s.uniform(0) < prob)) continue;
    ++r.awards;
    r.amount += p.award_median * std::exp(p.award_log_sd * s.normal(1));
  }
  return r;
}

}  // namespace metrosim::mechanisms
