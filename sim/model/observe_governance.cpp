// observe_governance.cpp — brand stocks (first day of the month) and the month's governance:
// budgets, overheads, spend by instrument, political will, effort, routing and incentives
// (MODEL.md §9: metro, per zone and per agency).
#include "model/observe.hpp"

namespace metrosim::model {

void observe_brands(const World& w, core::Step t, Recorder& rec) {
  const agents::Brands& b = w.brands;
  rec.m(t, MetroInd::kBrandAwarenessMetro) = b.metro_awareness;
  rec.m(t, MetroInd::kBrandImageMetro) = b.metro_image;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    rec.z(ZoneInd::kBrandOwnAwareness, t, z) = b.own_awareness[z];
    rec.z(ZoneInd::kBrandOwnImage, t, z) = b.own_image[z];
    rec.z(ZoneInd::kBrandSharing, t, z) = b.sharing[z];
    rec.z(ZoneInd::kBrandAssociation, t, z) = b.association[z];
    rec.z(ZoneInd::kBrandVisibility, t, z) = b.visibility[z];
    rec.z(ZoneInd::kBrandImage, t, z) = b.image[z];
  }
}

void record_governance(const World& w, core::Step t, Recorder& rec) {
  const mechanisms::StrategyEffort& e = w.effort;
  const agents::Agencies& ag = w.agencies;
  constexpr MetroInd metro_spend[mechanisms::kInstruments] = {
      MetroInd::kSpendPromotion,    MetroInd::kSpendLeadGeneration, MetroInd::kSpendIncentives,
      MetroInd::kSpendEventBidding, MetroInd::kSpendTalent,         MetroInd::kSpendNetworks,
      MetroInd::kSpendCooperation,  MetroInd::kSpendMitigation};
  double overhead = 0.0, budget = 0.0;
  for (std::size_t k = 0; k < mechanisms::kInstruments; ++k) rec.m(t, metro_spend[k]) = 0.0;
  for (std::size_t a = 0; a < ag.size(); ++a) {
    rec.a(AgencyInd::kBudget, t, a) = ag.budget[a] / 12.0;
    rec.a(AgencyInd::kOverhead, t, a) = e.overhead[a];
    for (std::size_t k = 0; k < mechanisms::kInstruments; ++k) {
      rec.a(static_cast<AgencyInd>(static_cast<std::size_t>(AgencyInd::kSpendPromotion) + k), t,
            a) = e.spend[a][k];
      rec.m(t, metro_spend[k]) += e.spend[a][k];
    }
    rec.a(AgencyInd::kPoliticalWill, t, a) = ag.political_will[a];
    rec.a(AgencyInd::kActive, t, a) = ag.active[a];
    rec.a(AgencyInd::kLineBudget, t, a) = ag.line_budget[a] / 12.0;
    overhead += e.overhead[a];
    budget += ag.budget[a] / 12.0;
  }
  const GovernanceState& gs = w.governance;
  rec.m(t, MetroInd::kAgencyOverhead) = overhead;
  rec.m(t, MetroInd::kAgencyBudget) = budget;
  rec.m(t, MetroInd::kPromotionMetroBrand) = e.metro_promotion;
  rec.m(t, MetroInd::kPromotionMetroPooled) = e.metro_promotion_pooled;
  double own = 0.0, contributions = 0.0;
  for (double x : gs.municipal_own) own += x;
  for (double x : gs.contribution) contributions += x;
  rec.m(t, MetroInd::kPromotionOwnBrands) = own;
  rec.m(t, MetroInd::kContributionsMetroBrand) = contributions;
  rec.m(t, MetroInd::kLeadGenerationEffort) = e.lead_generation;
  rec.m(t, MetroInd::kAudienceReach) = gs.audience_reach;
  rec.m(t, MetroInd::kCoordination) = gs.coordination;
  rec.m(t, MetroInd::kNetworkMemberships) = e.network_memberships;
  rec.m(t, MetroInd::kBrandBacklash) = gs.backlash;
  double offer = 0.0, zones = 0.0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    rec.z(ZoneInd::kPromotionOwnBrand, t, z) = e.own_promotion[z];
    rec.z(ZoneInd::kIncentivePerJob, t, z) = e.incentive_per_job[z];
    rec.z(ZoneInd::kReferralWeight, t, z) = e.referral_weight[z];
    if (w.zones.is_external[z]) continue;
    offer += e.incentive_per_job[z];
    zones += 1.0;
  }
  rec.m(t, MetroInd::kIncentiveOfferMean) = ratio(offer, zones);
}

}  // namespace metrosim::model
