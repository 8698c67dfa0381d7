// instruments.hpp — the instruments of international action (MODEL.md §7.1) and the month's
// effective effort the governance step hands to brands, events, investment, firms and talent.
// This is the contract between governance (who spends) and the mechanisms that spending drives:
// nothing downstream reads agency budgets directly, and nothing here is an outcome.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace metrosim::mechanisms {

enum class Instrument : std::uint8_t {
  kPromotion = 0,       ///< brand promotion (awareness)
  kLeadGeneration = 1,  ///< lead generation and investor aftercare
  kIncentives = 2,      ///< incentives per job (fiscal transfers, capped)
  kEventBidding = 3,    ///< bids for new congresses
  kTalent = 4,          ///< talent attraction and retention programmes
  kNetworks = 5,        ///< city-network memberships
  kCooperation = 6,     ///< decentralised cooperation (ring-fenced)
  kMitigation = 7,      ///< externality mitigation (ring-fenced)
};
inline constexpr std::size_t kInstruments = 8;
inline constexpr const char* kInstrumentNames[kInstruments] = {
    "promotion", "lead_generation", "incentives",  "event_bidding",
    "talent",    "networks",        "cooperation", "mitigation"};

/// This month's spend and effective effort (EUR per month, nominal) by audience. Effective means
/// after overheads and after pooling; diminishing reach is applied by the brands step, which
/// sees the total aimed at each audience.
struct StrategyEffort {
  /// spend[a][k]: agency a's spend on instrument k this month (after its overhead), EUR/month
  std::vector<std::array<double, kInstruments>> spend;
  std::vector<double> overhead;  ///< per agency, EUR/month paid before any instrument
  double metro_promotion = 0.0;  ///< promotion aimed at the metro brand's audience, EUR/month
  /// Part of metro_promotion run as one pooled campaign (spread over audience segments), EUR/month
  double metro_promotion_pooled = 0.0;
  std::vector<double> own_promotion;  ///< per zone: promotion of the zone's own brand, EUR/month
  double lead_generation = 0.0;       ///< metro-level lead generation, EUR/month
  /// Per zone: weight with which leads are referred to the zone (one front door / lead-city
  /// routing); 1 everywhere = neutral routing.
  std::vector<double> referral_weight;
  /// Per zone: incentive offered per job created, EUR (one-off), after the statutory cap and the
  /// no-poaching pact.
  std::vector<double> incentive_per_job;
  double event_bid = 0.0;            ///< event bidding, EUR/month
  double talent_programme = 0.0;     ///< talent programmes, EUR/month
  double mitigation = 0.0;           ///< externality mitigation, EUR/month
  double cooperation = 0.0;          ///< decentralised cooperation, EUR/month
  double network_memberships = 0.0;  ///< city-network memberships in force (count)

  /// Sizes the per-agency and per-zone columns, zero effort, neutral routing.
  void reset(std::size_t n_agencies, std::size_t n_zones) {
    spend.assign(n_agencies, {});
    overhead.assign(n_agencies, 0.0);
    metro_promotion = metro_promotion_pooled = lead_generation = event_bid = talent_programme =
        mitigation = cooperation = network_memberships = 0.0;
    own_promotion.assign(n_zones, 0.0);
    referral_weight.assign(n_zones, 1.0);
    incentive_per_job.assign(n_zones, 0.0);
  }
};

}  // namespace metrosim::mechanisms
