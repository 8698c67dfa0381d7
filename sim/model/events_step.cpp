// events_step.cpp — see events_step.hpp.
#include "model/events_step.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "mechanisms/events/event_bids.hpp"
#include "mechanisms/networks/networks.hpp"
#include "model/world.hpp"

namespace metrosim::model {

namespace ms = mechanisms;

void init_strategy(World& w, const std::vector<agents::EventRow>& calendar_rows) {
  StrategyState& st = w.strategy;
  std::map<std::string, int> count;
  for (const auto& r : calendar_rows) ++count[r.venue_zone];
  int best = 0;
  bool found = false;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto it = count.find(w.zones.code[z]);
    if (it != count.end() && it->second > best) {
      best = it->second;
      st.venue_zone = z;
      found = true;
    }
  }
  if (!found)
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      if (w.zones.is_core[z]) {
        st.venue_zone = z;
        break;
      }
  const std::size_t n = w.agencies.size();
  st.ewa.assign(n, {});
  st.smoothed.assign(n, {});
  st.observed.assign(n, 0);
}

double calendar_attendees(const World& w, core::Step t) {
  const core::YearMonth ym = w.calendar.at(t);
  double a = 0.0;
  for (std::size_t k = 0; k < w.events_calendar.kinds().size(); ++k)
    a += w.events_calendar.attendees(k, ym.year, ym.month);
  return a;
}

void apply_networks(World& w) {
  ms::apply_network_effect(w.scenario.networks, w.effort);
}

void step_events(World& w, const core::StepContext& ctx, core::Step t) {
  const Scenario& s = w.scenario;
  StrategyState& st = w.strategy;
  st.bids = st.events_won = st.funding_applications = st.funding_awards = 0;
  st.funding_won = 0.0;
  if (w.calendar.is_january(t)) {
    const auto round =
        ms::bid_round(s.events, ctx, w.brands.metro_awareness, 12.0 * w.effort.event_bid);
    st.bids = round.bids;
    st.events_won = round.won;
    for (const auto& o : round.opportunities)
      if (o.won) st.won.push_back({o.held, o.attendees});
    // Active agencies' staff prepare the applications (an inactive agency has budget 0).
    double staff = 0.0;
    for (std::size_t a = 0; a < w.agencies.size(); ++a)
      if (w.agencies.budget[a] > 0.0) staff += w.agencies.staff[a];
    const auto funding = ms::funding_round(s.funding, ctx, staff, w.effort.network_memberships);
    st.funding_applications = funding.applications;
    st.funding_awards = funding.awards;
    st.funding_won = funding.amount;
  }
  st.attendees_won_held = 0.0;
  for (const auto& e : st.won)
    if (e.held == t) st.attendees_won_held += e.attendees;
  st.attendees_held = calendar_attendees(w, t) + st.attendees_won_held;
  st.awareness_boost = ms::awareness_boost(s.events, w.brands.metro_awareness, st.attendees_held);
  // Set, not added: the brands step adds it once and zeroes it (MODEL.md §7.2).
  w.brands.event_boost = st.awareness_boost;
}

namespace {

/// Resident-weighted metro means of pressure, pollution and irritation; displaced households.
std::array<double, ms::kExternalities> externality_levels(const World& w) {
  std::array<double, ms::kExternalities> x{};
  double residents = 0.0, pressure = 0.0, nox = 0.0, irritated = 0.0;
  const auto& ex = w.externalities;
  const auto& pr = w.tourism.month.pressure;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    if (w.zones.is_external[z]) continue;
    const auto r = static_cast<double>(w.by_zone.members(z).size());
    residents += r;
    if (z < pr.size()) pressure += r * pr[z];
    if (z < ex.pollution.size()) nox += r * ex.pollution[z][0];
    if (z < ex.irritation.irritated_share.size()) irritated += r * ex.irritation.irritated_share[z];
  }
  if (residents > 0.0) {
    x[static_cast<std::size_t>(ms::Externality::kPressure)] = pressure / residents;
    x[static_cast<std::size_t>(ms::Externality::kPollution)] = nox / residents;
    x[static_cast<std::size_t>(ms::Externality::kIrritation)] = irritated / residents;
  }
  double displaced = 0.0;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (z < w.flows.displaced_renewal_out.size())
      displaced +=
          static_cast<double>(w.flows.displaced_renewal_out[z] + w.flows.displaced_eviction_out[z]);
  x[static_cast<std::size_t>(ms::Externality::kDisplacement)] = displaced * w.weight;
  return x;
}

}  // namespace

void record_strategy_month(World& w, core::Step t) {
  auto& h = w.strategy.history;
  if (h.size() <= static_cast<std::size_t>(t)) h.resize(static_cast<std::size_t>(t) + 1);
  StrategyMonth& m = h[static_cast<std::size_t>(t)];
  m.kpi.events_won = static_cast<double>(w.strategy.events_won);
  const auto& arr = w.migration_flows.arrivals;
  m.kpi.programme_participants =
      static_cast<double>(arr[static_cast<std::size_t>(ms::ArrivalStream::kStudent)] +
                          arr[static_cast<std::size_t>(ms::ArrivalStream::kResearcher)] +
                          arr[static_cast<std::size_t>(ms::ArrivalStream::kSkilled)]) *
      w.weight;
  m.kpi.assisted_projects = w.investment.assisted_month;  // projects that came through leads
  m.externality = externality_levels(w);
  m.spend = w.effort.spend;
}

void step_evaluation(World& w, const core::StepContext& ctx, core::Step t) {
  if (t == 0 || !w.calendar.is_january(t)) return;
  const ms::EvaluationParams& p = w.scenario.evaluation;
  StrategyState& st = w.strategy;
  // The window: the 12 months ending `lag` months ago, clipped to the months simulated.
  const auto lag = static_cast<core::Step>(std::lround(p.lag_months));
  const core::Step end =
      std::min<core::Step>(t + 1 - lag, static_cast<core::Step>(st.history.size()));
  const core::Step begin = std::max<core::Step>(0, end - 12);
  if (end <= begin) return;
  ms::StrategyKpis kpi;
  std::array<double, ms::kExternalities> level{};
  ms::InstrumentArray metro_spend{};
  for (core::Step m = begin; m < end; ++m) {
    const StrategyMonth& r = st.history[static_cast<std::size_t>(m)];
    kpi.assisted_projects += r.kpi.assisted_projects;
    kpi.events_won += r.kpi.events_won;
    kpi.programme_participants += r.kpi.programme_participants;
    for (std::size_t e = 0; e < ms::kExternalities; ++e)
      level[e] += r.externality[e] / static_cast<double>(end - begin);
    for (const auto& row : r.spend)
      for (std::size_t k = 0; k < ms::kInstruments; ++k) metro_spend[k] += row[k];
  }
  if (!st.has_reference) {
    st.externality_reference = level;
    st.has_reference = true;
  }
  std::array<double, ms::kExternalities> relative{};
  for (std::size_t e = 0; e < ms::kExternalities; ++e) {
    const double ref = st.externality_reference[e];
    relative[e] = ref > 0.0 ? level[e] / ref : (level[e] > 0.0 ? 1.0 : 0.0);
  }
  const ms::InstrumentArray penalty = ms::externality_penalty(p, relative);
  for (std::size_t a = 0; a < w.agencies.size(); ++a) {
    // Noise per agency and KPI: multiplicative log-normal with mean 1 (slots 2j, 2j+1).
    auto rng = ctx.stream(core::Mechanism::kEvaluation, static_cast<core::AgentId>(a));
    const double sd = p.noise_sd;
    const auto noisy = [&](double v, std::uint32_t j) {
      return v * std::exp(sd * rng.normal(2 * j) - 0.5 * sd * sd);
    };
    ms::StrategyKpis seen{noisy(kpi.assisted_projects, 0), noisy(kpi.events_won, 1),
                          noisy(kpi.programme_participants, 2)};
    ms::StrategyKpis& sm = st.smoothed[a];
    if (!st.observed[a]) {
      sm = seen;
      st.observed[a] = 1;
    } else {
      const double al = p.smoothing;
      sm.assisted_projects += al * (seen.assisted_projects - sm.assisted_projects);
      sm.events_won += al * (seen.events_won - sm.events_won);
      sm.programme_participants += al * (seen.programme_participants - sm.programme_participants);
    }
    ms::InstrumentArray payoff = ms::kpi_payoffs(p, sm, metro_spend);
    if (p.include_externalities)
      for (std::size_t k = 0; k < ms::kInstruments; ++k) payoff[k] -= penalty[k];
    auto& alloc = w.agencies.allocation[a];
    ms::ewa_update(p, payoff, ms::pool_shares(alloc), st.ewa[a]);
    if (p.adaptive) alloc = ms::reallocate(p, st.ewa[a], alloc);
  }
}

}  // namespace metrosim::model
