// schedule.cpp — the month's order (see schedule.hpp); mechanisms do the work.
#include "model/schedule.hpp"

#include <algorithm>
#include <cmath>

#include "mechanisms/externalities/welfare.hpp"
#include "mechanisms/housing/indexation.hpp"
#include "mechanisms/housing/market_rent.hpp"
#include "mechanisms/housing/social_letting.hpp"
#include "mechanisms/housing/tenure_conversion.hpp"
#include "mechanisms/labour/labour.hpp"
#include "mechanisms/relocation/zone_choice.hpp"
#include "model/calendar_step.hpp"
#include "model/events_step.hpp"
#include "model/governance_step.hpp"
#include "model/investment_step.hpp"
#include "model/observe.hpp"
#include "model/supply.hpp"
#include "model/tourism_jobs.hpp"

namespace metrosim::model {

void Recorder::resize(std::size_t n_steps, std::size_t n_zones, std::size_t n_agencies,
                      std::size_t n_event_kinds) {
  steps = n_steps;
  zones = n_zones;
  agencies = n_agencies;
  event_kinds = n_event_kinds;
  agency.assign(kAgencyCount * n_steps * n_agencies, 0.0);
  event_attendees.assign(n_steps * n_event_kinds, 0.0);
  metro.assign(n_steps * kMetroCount, 0.0);
  zone.assign(kZoneCount * n_steps * n_zones, 0.0);
  zone_static.assign(kZoneStaticCount * n_zones, 0.0);
  headline.assign(n_steps * kHeadlineCount, 0.0);
  zone_headline.assign(kZoneHeadlineCount * n_steps * n_zones, 0.0);
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
  // 0. Calendar (MODEL.md §3 step 1): the month's parameters first, read by everything below.
  apply_shocks(w, t);
  const Scenario& s = w.scenario;
  core::StepContext ctx{t, w.calendar, w.rng_key};

  observe_stocks(w, t, rec);
  observe_labour(w, t, rec);
  observe_brands(w, t, rec);

  // Governance (MODEL.md §3 step 2): politics, budgets, spend by instrument, pooling, routing,
  // incentives and contributions fill w.effort; brands (step 3) respond to this month's
  // promotion and to the state left by last month.
  observe_strategy_stocks(w, t, rec);
  governance_step(w, ctx);
  // City networks scale the effort's promotion and lead generation before brands (step 3) and
  // investment read it (governance refills the effort every month, so the factor never compounds).
  apply_networks(w);
  brands_step(w, ctx);
  // Events (step 4): January bids and funding applications; won events held this month; the
  // awareness boost of this month's congresses reaches the brands next month.
  step_events(w, ctx, t);
  observe_firms(w, t, rec);
  record_calendar(w, t, rec);
  record_governance(w, t, rec);

  if (t > 0 && w.calendar.is_january(t)) {
    const double cap = s.economy.rent_indexation_cap;
    const double rent_update =
        cap >= 0.0 ? std::min(s.economy.cpi_growth, cap) : s.economy.cpi_growth;
    mechanisms::apply_yearly_indexation(rent_update, s.economy.wage_growth, w.households);
    mechanisms::age_heads(s.migration, ctx, w.households);
  }

  // Tourism demand for the month: the visitor-nights each zone sold last month (the market runs
  // later in the month) relative to a lever-free reference market in the same month
  // (tourism_jobs.hpp). Tourism firms grow and are born with it (step 6).
  update_tourism_demand(w, t);
  // Investment (MODEL.md §3 step 5): candidate projects, acceptance, location, acquisitions.
  step_investment(w, ctx);
  // Firms (step 6): births, growth, exit, export entry; tourism and tradable job targets.
  step_firms(w, ctx);
  // Labour (step 7): retirements, separations, job slots (sums over firms for tourism and
  // tradable, the multiplier for local), gravity filling; local firms follow local jobs.
  mechanisms::labour_step(s.labour, ctx, w.zones, w.households, w.jobs);
  sync_local_firms(w);

  // Arrivals see the metro as it is at the start of the month (the group index is current).
  const mechanisms::ArrivalContext arrivals_ctx = arrival_context(w);
  // Exits free their dwellings and jobs before anyone chooses.
  w.migration_flows.reset(w.zones.size());
  const auto exits = mechanisms::decide_exits(s.migration, ctx, w.households);
  mechanisms::release_jobs(exits, w.households, w.jobs);
  mechanisms::remove_exits(exits, w.households, w.zones, w.migration_flows);

  mechanisms::decide_moves(s.investors, s.rent_cap, s.relocation, ctx, w.households, w.zones,
                           w.tourism.nonrenewal_probability, w.events);
  w.from_zone.clear();
  for (std::uint32_t i : w.events.movers) w.from_zone.push_back(w.households.zone[i]);
  const std::size_t first_arrival = w.households.size();
  w.arrival_stream.clear();
  // Talent arrivals respond to the metro brand as it stands this month (MODEL.md §7.7).
  mechanisms::MigrationParams migration = s.migration;
  migration.metro_awareness = w.brands.metro_awareness;
  migration.metro_image = w.brands.metro_image;
  // Agencies' talent programmes add to the retention programme's intensity (saturating).
  migration.retention_programme =
      std::min(1.0, migration.retention_programme +
                        mechanisms::spend_effect(s.ring_fenced.talent_programme_gain,
                                                 w.effort.talent_programme,
                                                 s.ring_fenced.talent_spend_half));
  mechanisms::append_arrivals(migration, ctx, arrivals_ctx, w.households, w.from_zone,
                              w.arrival_stream);
  mechanisms::add_arrivals(w.events, first_arrival, w.households.size());

  mechanisms::choose_zones(s.relocation, ctx, w.households, w.zones, w.events.movers, w.from_zone,
                           w.choices);
  std::vector<std::array<std::int64_t, 3>> vacant(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t u = 0; u < agents::kTenures; ++u)
      vacant[z][u] = w.zones.vacant(z, static_cast<agents::Tenure>(u));
  // Landlords of the LTR dwellings on offer, for the new leases (before matching uses them).
  mechanisms::LtrVacancies ltr_vacant = ltr_vacancies(w);
  const auto dest = mechanisms::match_movers(ctx, w.households, w.events.movers, w.choices,
                                             s.relocation.choices, vacant);
  mechanisms::apply_moves(ctx, w.events, dest, vacant, w.households, w.zones, w.flows, &ltr_vacant);
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
  // Vacant social dwellings go to waiting-list LTR tenants of their zone (zones unchanged).
  w.social_lettings = mechanisms::let_social_vacancies(
      s.housing, ctx, arrivals_ctx.metro_mean_income, w.households, w.zones);

  // Tourism (MODEL.md §3 step 9) sees this month's residents; landlords then convert vacant LTR
  // dwellings, including those freed by non-renewal this month (step 10). Both come after the
  // moves because vacancies reach the market with a month's lag: a flat freed now was never on
  // offer this month either way.
  // Congress attendees: the calendar's recurring congresses plus the won events held now.
  const double attendees = w.strategy.attendees_held;
  step_tourism_market(s, w.calendar, t, attendees, w.brands.metro_awareness, w.brands.metro_image,
                      w.weight, w.zones, w.tourism);
  w.tourism.freed_for_str = w.flows.freed_for_str;
  // Mitigation spend buys inspections: the enforcement rate rises, saturating in spend.
  if (w.effort.mitigation > 0.0) {
    Scenario mitigated = s;
    mitigated.tourism.enforcement = std::min(
        1.0, s.tourism.enforcement + mechanisms::spend_effect(
                                         s.ring_fenced.mitigation_enforcement_gain,
                                         w.effort.mitigation, s.ring_fenced.mitigation_spend_half));
    step_str_conversions(mitigated, w.zones, w.tourism);
  } else {
    step_str_conversions(s, w.zones, w.tourism);
  }
  // Units converted to STR leave the landlord types in proportion to their vacant LTR units
  // (a simplification: the types' conversion propensities act on non-renewal, not on this split).
  {
    std::vector<std::int64_t> to_str(w.zones.size(), 0);
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      to_str[z] = -(w.tourism.flows.ltr_to_licensed[z] + w.tourism.flows.ltr_to_unlicensed[z]);
    convert_out_of_ltr(w, to_str, t);
  }
  // Housed researchers and skilled workers take a vacant tradable job (they come for one).
  mechanisms::place_arrivals(s.labour, ctx, first_arrival, w.households, w.jobs);

  check_world(w);  // before the external zone's offer is replenished: no use ever overfilled
  const auto converted = mechanisms::convert_vacant_tenure(s.housing, w.zones);
  w.ltr_to_owner_large = convert_out_of_ltr(w, converted, t);
  const double ext_growth = std::pow(1.0 + s.external.rent_growth, 1.0 / 12.0);
  mechanisms::update_market_rents(s.housing, w.households, w.by_zone, ext_growth, w.zones);
  // Asset prices, starts and completions, fund purchases (MODEL.md §3 step 10).
  step_supply(w, ctx);
  // The external zone is an open boundary: its offer of vacant dwellings is constant.
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (w.zones.is_external[z])
      for (std::size_t u = 0; u < agents::kTenures; ++u)
        w.zones.stock[z][u] = w.zones.occupied[z][u] + w.external_offer[u];

  // Households did not change since check_world above but for their landlord (fund purchases);
  // conversions, rents and completions touch zones only.
  w.zones.check_invariants();
  check_supply(w);

  // Step 12 (MODEL.md §3): irritation (this month's pressure, STR share after conversions,
  // residents after the moves) and pollution (capped cruise movements, commuting car-km), then
  // welfare after this month's market rents are set.
  step_externalities(w, ctx, t);
  w.welfare = mechanisms::summarise_welfare(
      w.zones, w.households, w.by_zone,
      mechanisms::household_welfare(s.relocation, w.zones, w.households, w.weight));
  record_flows(w, t, rec);
  record_labour_flows(w, t, rec);
  record_investment_flows(w, t, rec);
  record_welfare(w, t, rec);
  record_externalities(w, t, rec);
  // Step 13 (January): the strategy review reads the months recorded so far, this one included.
  record_strategy_month(w, t);
  step_evaluation(w, ctx, t);
  record_strategy_flows(w, t, rec);
  record_headline(w, t, rec);  // last: headlines are computed from the month's recorded values
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
