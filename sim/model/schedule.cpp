// schedule.cpp — the month's order (see schedule.hpp); mechanisms do the work.
#include "model/schedule.hpp"

#include <cmath>

#include "mechanisms/externalities/welfare.hpp"
#include "mechanisms/housing/indexation.hpp"
#include "mechanisms/housing/market_rent.hpp"
#include "mechanisms/housing/tenure_conversion.hpp"
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

namespace {

/// What arrivals need to know about the metro this month (deterministic per-zone sums).
mechanisms::ArrivalContext arrival_context(const World& w) {
  mechanisms::ArrivalContext ac;
  ac.scale = w.scenario.agents.scale;
  ac.income_log_sd = w.scenario.region.income_log_sd;
  ac.households_35_64_initial = w.households_35_64_initial;
  const auto& hh = w.households;
  const auto income = core::group_sum(w.by_zone, [&](std::uint32_t i) { return hh.income[i]; });
  ac.formation_weights = core::group_sum(w.by_zone, [&](std::uint32_t i) {
    return hh.age_band[i] == agents::AgeBand::k35to64 ? 1.0 : 0.0;
  });
  double total_income = 0.0, mid = 0.0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    total_income += income[z];
    mid += ac.formation_weights[z];
  }
  ac.metro_mean_income = hh.size() > 0 ? total_income / static_cast<double>(hh.size()) : 0.0;
  ac.households_35_64 = mid * w.weight;
  return ac;
}

}  // namespace

void step(World& w, core::Step t, Recorder& rec) {
  const Scenario& s = w.scenario;
  core::StepContext ctx{t, w.calendar, w.rng_key};

  observe_stocks(w, t, rec);
  record_calendar(w, t, rec);

  if (t > 0 && w.calendar.is_january(t)) {
    mechanisms::apply_yearly_indexation(s.economy.cpi_growth, s.economy.wage_growth, w.households);
    mechanisms::age_heads(s.migration, ctx, w.households);
  }

  // Arrivals see the metro as it is at the start of the month (the group index is current).
  const mechanisms::ArrivalContext arrivals_ctx = arrival_context(w);
  // Exits free their dwellings before anyone chooses.
  w.migration_flows.reset(w.zones.size());
  mechanisms::remove_exits(mechanisms::decide_exits(s.migration, ctx, w.households), w.households,
                           w.zones, w.migration_flows);

  mechanisms::decide_moves(s.housing, s.relocation, ctx, w.households, w.zones, w.events);
  w.from_zone.clear();
  for (std::uint32_t i : w.events.movers) w.from_zone.push_back(w.households.zone[i]);
  const std::size_t first_arrival = w.households.size();
  w.arrival_stream.clear();
  mechanisms::append_arrivals(s.migration, ctx, arrivals_ctx, w.households, w.from_zone,
                              w.arrival_stream);
  mechanisms::add_arrivals(w.events, first_arrival, w.households.size());

  mechanisms::choose_zones(s.relocation, ctx, w.households, w.zones, w.events.movers, w.from_zone,
                           w.choices);
  std::vector<std::array<std::int64_t, 3>> vacant(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t u = 0; u < agents::kTenures; ++u)
      vacant[z][u] = w.zones.vacant(z, static_cast<agents::Tenure>(u));
  const auto dest = mechanisms::match_movers(ctx, w.households, w.events.movers, w.choices,
                                             s.relocation.choices, vacant);
  mechanisms::apply_moves(ctx, w.events, dest, vacant, w.households, w.zones, w.flows);
  // Arrivals that found no vacancy do not come.
  std::vector<std::uint8_t> keep(w.households.size(), 1);
  for (std::size_t i = first_arrival; i < w.households.size(); ++i) {
    const auto k = static_cast<std::size_t>(w.arrival_stream[i - first_arrival]);
    if (w.households.zone[i] == core::kNoZone) {
      keep[i] = 0;
      ++w.migration_flows.unhoused[k];
    } else {
      ++w.migration_flows.arrivals[k];
    }
  }
  w.households.compact(keep);
  w.by_zone.build(w.households.zone, w.zones.size());

  check_world(w);  // before the external zone's offer is replenished: no use ever overfilled
  mechanisms::convert_vacant_tenure(s.housing, w.zones);
  const double ext_growth = std::pow(1.0 + s.external.rent_growth, 1.0 / 12.0);
  mechanisms::update_market_rents(s.housing, w.households, w.by_zone, ext_growth, w.zones);
  // The external zone is an open boundary: its offer of vacant dwellings is constant.
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (w.zones.is_external[z])
      for (std::size_t u = 0; u < agents::kTenures; ++u)
        w.zones.stock[z][u] = w.zones.occupied[z][u] + w.external_offer[u];

  // Households did not change since check_world above; conversions and rents touch zones only.
  w.zones.check_invariants();

  // Step 12 (MODEL.md §3): welfare after this month's market rents are set.
  w.welfare = mechanisms::summarise_welfare(
      w.zones, w.households, w.by_zone,
      mechanisms::household_welfare(s.relocation, w.zones, w.households, w.weight));
  record_flows(w, t, rec);
  record_welfare(w, t, rec);
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
