// observe_events.cpp — indicators of events and bids, funding, networks and the strategy review
// (MODEL.md §7.3, §7.12, §7.13; see observe.hpp).
#include "mechanisms/networks/networks.hpp"
#include "model/observe.hpp"

namespace metrosim::model {

namespace ms = mechanisms;

void observe_strategy_stocks(const World& w, core::Step t, Recorder& rec) {
  const auto& ag = w.agencies;
  const auto& st = w.strategy;
  const auto alloc0 = static_cast<std::size_t>(MetroInd::kAllocationPromotion);
  const auto attr0 = static_cast<std::size_t>(MetroInd::kAttractionPromotion);
  double budget = 0.0;
  for (std::size_t a = 0; a < ag.size(); ++a) budget += ag.budget[a];
  for (std::size_t k = 0; k < ms::kInstruments; ++k) {
    double share = 0.0, attraction = 0.0;
    for (std::size_t a = 0; a < ag.size(); ++a) {
      share += ag.budget[a] * ag.allocation[a][k];
      if (a < st.ewa.size()) attraction += st.ewa[a].attraction[k];
    }
    rec.m(t, static_cast<MetroInd>(alloc0 + k)) = ratio(share, budget);
    rec.m(t, static_cast<MetroInd>(attr0 + k)) =
        ag.size() > 0 ? attraction / static_cast<double>(ag.size()) : kNaN;
  }
  rec.m(t, MetroInd::kNetworkMultiplier) =
      ms::network_multiplier(w.scenario.networks, w.effort.network_memberships);
}

void record_strategy_flows(const World& w, core::Step t, Recorder& rec) {
  const auto& st = w.strategy;
  rec.m(t, MetroInd::kEventBids) = static_cast<double>(st.bids);
  rec.m(t, MetroInd::kEventsWon) = static_cast<double>(st.events_won);
  rec.m(t, MetroInd::kEventAttendeesWon) = st.attendees_won_held;
  rec.m(t, MetroInd::kEventAttendees) = st.attendees_held;
  rec.m(t, MetroInd::kEventSpending) = st.attendees_held * w.scenario.events.spend_per_attendee;
  rec.m(t, MetroInd::kEventAwarenessBoost) = st.awareness_boost;
  rec.m(t, MetroInd::kFundingApplications) = static_cast<double>(st.funding_applications);
  rec.m(t, MetroInd::kFundingAwards) = static_cast<double>(st.funding_awards);
  rec.m(t, MetroInd::kFundingWon) = st.funding_won;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    rec.z(ZoneInd::kEventAttendeesWon, t, z) = z == st.venue_zone ? st.attendees_won_held : 0.0;
}

}  // namespace metrosim::model
