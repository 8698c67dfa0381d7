// networks.hpp — city-network memberships' effect on the effectiveness of promotion and lead
// generation, and international/EU funding bids (MODEL.md §7.13; docs/EVENTS_LEARNING.md §3).
#pragma once
#include <cstdint>

#include "core/step_context.hpp"
#include "mechanisms/governance/instruments.hpp"
#include "mechanisms/networks/networks_params.hpp"

namespace metrosim::mechanisms {

/// 1 + e·memberships (≥ 1): the factor on effective promotion and lead generation.
double network_multiplier(const NetworksParams& p, double memberships);

/// Scales this month's effective promotion (metro and own brands) and lead generation by the
/// network multiplier. Applied once a month, right after governance fills the effort.
void apply_network_effect(const NetworksParams& p, StrategyEffort& effort);

/// P(an application succeeds) = logistic(a + b_s·staff/100 + b_m·memberships), rising in both.
double funding_success_probability(const FundingParams& p, double staff, double memberships);

struct FundingRound {
  std::int64_t applications = 0;
  std::int64_t awards = 0;
  double amount = 0.0;  ///< EUR won
};

/// This January's applications: application k draws from kFunding entity k (slot 0 success,
/// slots 1–2 the award's size), the same draws in every scenario.
FundingRound funding_round(const FundingParams& p, const core::StepContext& ctx, double staff,
                           double memberships);

}  // namespace metrosim::mechanisms
