// networks_params.hpp — city-network memberships' effect on instrument effectiveness and
// international/EU funding bids (MODEL.md §7.13; docs/EVENTS_LEARNING.md §3). The membership
// count and its cost belong to governance (`networks.count`); these are the effects. Scenario
// sections `networks` and `funding`.
#pragma once
#include <cstdint>

namespace metrosim::mechanisms {

struct NetworksParams {
  /// e: effective promotion and lead generation are multiplied by 1 + e·memberships, [0, 1];
  /// assumption (swept): no study measures it, so the default is no effect
  double effectiveness_per_membership = 0.0;
};

/// Yearly applications to international funding calls; success is logistic in active agencies'
/// staff and network memberships; awards are lognormal. Funding won is reported, not spent.
struct FundingParams {
  /// Applications a year (fixed count; each has its own keyed draws), [0, 100]; assumption (swept)
  std::int64_t applications_per_year = 6;
  /// Log-odds of success with no staff and no memberships, [-20, 20]; assumption (swept): EU
  /// city programmes accept roughly one application in five to ten
  double success_intercept = -3.0;
  /// Log-odds per 100 staff of active agencies, [0, 20]; assumption (swept)
  double success_per_100_staff = 1.0;
  /// Log-odds per network membership (partners and know-how), [0, 5]; assumption (swept)
  double success_per_membership = 0.1;
  /// Median award, EUR, [0, 1e9]; assumption (swept): URBACT/Horizon city grants of EUR 0.1–2 M
  double award_median = 400000.0;
  /// sd of log award, [0, 3]; assumption (swept)
  double award_log_sd = 0.8;
};

}  // namespace metrosim::mechanisms
