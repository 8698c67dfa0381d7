// governance_params.hpp — agencies' budgets and allocation, coordination and governance modes,
// politics, ring-fenced lines, exogenous promoters and incentives (MODEL.md §7.1, §7.13).
// Money is nominal EUR per year in the parameters (converted to months where spent); shares are
// in [0, 1]. Every default is documented in docs/GOVERNANCE.md with its source or as an
// assumption (swept).
#pragma once
#include <string>
#include <vector>

namespace metrosim::mechanisms {

/// The seed's three governance scenarios (MODEL.md §7.1), presets over mandates and coordination.
enum class GovernanceMode { kMetropolitan, kLeadCity, kFragmented };
inline constexpr const char* kGovernanceModeNames[] = {"metropolitan", "lead_city", "fragmented"};

struct GovernanceParams {
  GovernanceMode mode = GovernanceMode::kFragmented;  ///< Barcelona today (the seed report)
  /// c in [0, 1]: share of promotion and lead generation pooled, strength of the no-poaching
  /// pact; negative = the mode's preset (metropolitan 1, lead_city lead_city_coordination,
  /// fragmented 0).
  double coordination = -1.0;
  double lead_city_coordination = 0.5;  ///< preset c of lead_city, [0, 1], assumption (swept)
  double lead_city_rho = 0.5;  ///< ρ: weight of non-core benefits in the lead city's objective
  /// Per-agency levers (`agencies.<key>@CODE` overrides the plain value for one agency).
  double budget_scale = 1.0;   ///< budget B0 / the region table's budget, [0, 10]
  double overhead = 150000.0;  ///< fixed overhead of an active agency, EUR/year, [0, 1e8]
  /// Allocation of the discretionary budget; negative = the agency kind's default.
  double share_promotion = -1.0;
  double share_lead_generation = -1.0;
  double share_talent = -1.0;
};

struct PoliticsParams {
  /// Spanish municipal elections (LOREG art. 42: every four years, last Sunday of May).
  std::vector<std::string> election_years{"2015", "2019", "2023", "2027", "2031"};
  int election_month = 5;             ///< month of the election, [1, 12]
  double institutionalisation = 0.5;  ///< ι: budget share independent of political will, [0, 1]
  double will_reversion = 0.05;       ///< share of z's gap to 0 closed per month, [0, 1]
  double will_volatility = 0.10;      ///< sd of z's monthly innovation, [0, 5]
  double election_shock = 1.0;        ///< sd of z's jump at an election, [0, 10]
};

/// Ring-fenced lines, taken from the active agencies' budgets pro rata before allocation.
struct RingFencedParams {
  double cooperation_share = 0.007;       ///< decentralised cooperation / budget in force, [0, 1]
  double cooperation_image_effect = 0.0;  ///< image target per 1 % of budgets on cooperation
  double mitigation_budget = 0.0;         ///< EUR/year, [0, 1e9]
  double event_bid_budget = 500000.0;     ///< EUR/year, [0, 1e9]
  double network_count = 4.0;             ///< city-network memberships, [0, 100]
  double network_cost = 25000.0;          ///< EUR/year per membership, [0, 1e7]
  /// What mitigation spend buys (MODEL.md §7.1 instrument "externality mitigation"): extra
  /// inspections of unlicensed short-term rentals. Removal rate added at saturation, per month,
  /// [0, 1]; assumption (swept)
  double mitigation_enforcement_gain = 0.05;
  double mitigation_spend_half = 100000.0;  ///< EUR/month giving half that gain, (0, 1e9]
  /// What talent-programme spend buys: retention-programme intensity added at saturation, [0, 1];
  /// default 0 (no evidence on effectiveness per EUR); assumption (swept)
  double talent_programme_gain = 0.0;
  double talent_spend_half = 200000.0;  ///< EUR/month giving half that gain, (0, 1e9]
};

/// Saturating effect of a month's spend: gain · S / (S + half); 0 without spend.
inline double spend_effect(double gain, double spend_month, double half) {
  return spend_month > 0.0 && half > 0.0 ? gain * spend_month / (spend_month + half) : 0.0;
}

/// Higher-tier and private promoters: fixed spending identical across scenarios (MODEL.md §2).
struct PromoterParams {
  double promotion = 6.0e6;        ///< EUR/year of metro-brand promotion, [0, 1e9]
  double lead_generation = 2.0e6;  ///< EUR/year of metro lead generation, [0, 1e9]
};

/// Incentives per job (MODEL.md §7.1 (d)): a base offer, a statutory cap, and the bid increment
/// of the incentive competition that the no-poaching pact damps.
struct IncentiveParams {
  double per_job = 0.0;    ///< base offer, EUR per job created (one-off), [0, 1e6]
  double cap = 5000.0;     ///< statutory cap on local-tax rebates, EUR per job, [0, 1e6]
  double overbid = 500.0;  ///< a municipality's outbid over the best rival offer, EUR/job
};

}  // namespace metrosim::mechanisms
