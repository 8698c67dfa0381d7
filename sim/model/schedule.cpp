// schedule.cpp — the month's order (see schedule.hpp); mechanisms do the work.
#include "model/schedule.hpp"

#include <cmath>

#include "mechanisms/housing/indexation.hpp"
#include "mechanisms/housing/market_rent.hpp"
#include "mechanisms/relocation/zone_choice.hpp"
#include "model/observe.hpp"

namespace metrosim::model {

void Recorder::resize(std::size_t n_steps, std::size_t n_zones, std::size_t n_agencies,
                      std::size_t n_event_kinds) {
  steps = n_steps;
  zones = n_zones;
  agencies = n_agencies;
  event_kinds = n_event_kinds;
  agency_budget.assign(n_steps * n_agencies, 0.0);
  event_attendees.assign(n_steps * n_event_kinds, 0.0);
  metro.assign(n_steps * kMetroCount, 0.0);
  zone.assign(kZoneCount * n_steps * n_zones, 0.0);
  zone_static.assign(kZoneStaticCount * n_zones, 0.0);
}

void step(World& w, core::Step t, Recorder& rec) {
  const Scenario& s = w.scenario;
  core::StepContext ctx{t, w.calendar, w.rng_key};

  observe_stocks(w, t, rec);
  record_calendar(w, t, rec);

  if (t > 0 && w.calendar.is_january(t))
    mechanisms::apply_yearly_indexation(s.economy.cpi_growth, s.economy.wage_growth, w.households);

  mechanisms::decide_moves(s.housing, s.relocation, ctx, w.households, w.zones, w.events);
  mechanisms::choose_zones(s.relocation, ctx, w.households, w.zones, w.events.movers, w.choices);
  std::vector<std::array<std::int64_t, 3>> vacant(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t u = 0; u < agents::kTenures; ++u)
      vacant[z][u] = w.zones.vacant(z, static_cast<agents::Tenure>(u));
  const auto dest = mechanisms::match_movers(ctx, w.households, w.events.movers, w.choices,
                                             s.relocation.choices, vacant);
  mechanisms::apply_moves(ctx, w.events, dest, w.households, w.zones, w.flows);
  w.by_zone.build(w.households.zone, w.zones.size());

  const double ext_growth = std::pow(1.0 + s.external.rent_growth, 1.0 / 12.0);
  mechanisms::update_market_rents(s.housing, w.households, w.by_zone, ext_growth, w.zones);
  // The external zone is an open boundary: its offer of vacant dwellings is constant.
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (w.zones.is_external[z])
      for (std::size_t u = 0; u < agents::kTenures; ++u)
        w.zones.stock[z][u] = w.zones.occupied[z][u] + w.external_offer[u];

  check_world(w);
  record_flows(w, t, rec);
}

Recorder simulate(World& w, const std::function<void(core::Step, core::Step)>& progress) {
  Recorder rec;
  const auto steps = static_cast<core::Step>(w.scenario.run.steps);
  rec.resize(static_cast<std::size_t>(steps), w.zones.size(), w.agencies.size(),
             w.events_calendar.kinds().size());
  record_static(w, rec);
  for (core::Step t = 0; t < steps; ++t) {
    step(w, t, rec);
    if (progress) progress(t + 1, steps);
  }
  return rec;
}

}  // namespace metrosim::model
