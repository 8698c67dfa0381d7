// tourism_step.cpp — see tourism_step.hpp.
#include "model/tourism_step.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include "agents/zones_init.hpp"

namespace metrosim::model {

TourismWorld init_tourism(const Scenario& s, const agents::RegionInput& region,
                          const agents::Zones& zones) {
  TourismWorld tw;
  const std::size_t n = zones.size();
  tw.zones.resize(n);
  tw.port.assign(n, 0);
  tw.airport.assign(n, 0);
  tw.table_from_data.assign(n, 0);
  tw.licensed.assign(n, 0);
  tw.unlicensed.assign(n, 0);
  tw.licensed_initial.assign(n, 0);
  tw.freed_for_str.assign(n, 0);
  tw.nonrenewal_probability.assign(n, 0.0);
  tw.state.init(n, s.tourism);
  tw.flows.reset(n);
  resolve_tourism_zone_parameters(s, zones, tw);
  tw.active = !region.tourism.empty();
  if (!tw.active) return tw;

  std::map<std::string, const agents::TourismRow*> by_code;
  for (const auto& r : region.tourism) by_code[r.zone_code] = &r;
  std::vector<double> licensed_real(n, 0.0);
  double licensed_total = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    tw.zones.is_core[z] = zones.is_core[z];
    tw.zones.is_external[z] = zones.is_external[z];
    const auto it = by_code.find(zones.code[z]);
    if (it == by_code.end()) continue;  // validated before: only a region without the zone
    const agents::TourismRow& r = *it->second;
    tw.zones.attraction[z] = r.attraction;
    tw.zones.hotel_beds[z] = r.hotel_beds;
    tw.zones.cruise_terminal[z] = r.cruise_terminal;
    tw.port[z] = r.port;
    tw.airport[z] = r.airport;
    tw.table_from_data[z] =
        r.hotel_beds_from_data && r.licensed_str_units_from_data && r.attraction_from_data;
    if (!zones.is_external[z]) licensed_real[z] = r.licensed_str_units;  // no market outside
    licensed_total += licensed_real[z];
  }
  // Whole agent units that add up to the scaled register, like households (zones_init).
  tw.licensed = agents::apportion(
      licensed_real, static_cast<std::int64_t>(std::llround(licensed_total * s.agents.scale)));
  for (std::size_t z = 0; z < n; ++z) {
    tw.licensed_initial[z] = tw.licensed[z];
    tw.unlicensed[z] =
        zones.is_external[z] ? 0 : mechanisms::initial_unlicensed(s.tourism, tw.licensed[z]);
  }
  return tw;
}

void resolve_tourism_zone_parameters(const Scenario& s, const agents::Zones& zones,
                                     TourismWorld& tw) {
  tw.cap_share.assign(zones.size(), s.tourism.str_licence_cap);
  for (const auto& o : s.zone_overrides)
    if (o.key == "tourism.str_licence_cap")
      for (std::size_t z = 0; z < zones.size(); ++z)
        if (zones.code[z] == o.zone_code) tw.cap_share[z] = o.value;
}

namespace {

double days_in_month(const core::Calendar& c, core::Step t) {
  return static_cast<double>(c.day_offset(t + 1) - c.day_offset(t));
}

}  // namespace

void step_tourism_market(const Scenario& s, const core::Calendar& calendar, core::Step t,
                         double congress_attendees, double awareness, double image, double weight,
                         const agents::Zones& zones, TourismWorld& tw) {
  if (!tw.active) return;
  const mechanisms::TourismParams& p = s.tourism;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const auto& occ = zones.occupied[z];
    tw.zones.residents[z] =
        static_cast<double>(occ[0] + occ[1] + occ[2]) * weight * zones.household_size[z];
    tw.zones.str_units[z] = {static_cast<double>(tw.licensed[z]) * weight,
                             static_cast<double>(tw.unlicensed[z]) * weight};
  }
  mechanisms::DemandInputs in;
  in.month = static_cast<int>(calendar.at(t).month);
  in.awareness = awareness;  // the metro brand (World::brands, MODEL.md §7.2)
  in.image = image;
  in.congress_attendees = congress_attendees;
  in.cruise_passengers = p.cruise_passengers;
  in.day_trips = p.day_trips;
  tw.demand = mechanisms::tourism_demand(p, in);
  tw.month =
      mechanisms::allocate_tourism(p, tw.demand, tw.zones, days_in_month(calendar, t), tw.state);
  mechanisms::update_str_expectations(p, tw.month, tw.state);
}

void step_str_conversions(const Scenario& s, agents::Zones& zones, TourismWorld& tw) {
  const std::size_t n = zones.size();
  if (!tw.active) {
    tw.flows.reset(n);
    return;
  }
  constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
  mechanisms::StrStocks st;
  st.resize(n);
  std::vector<std::int64_t> dwellings(n, 0);
  for (std::size_t z = 0; z < n; ++z) {
    const bool market = !zones.is_external[z];  // the external zone has no tourism market
    st.freed_for_str[z] = market ? tw.freed_for_str[z] : 0;
    st.vacant_ltr[z] = market ? zones.vacant(z, agents::Tenure::kLtr) - st.freed_for_str[z] : 0;
    st.licensed[z] = tw.licensed[z];
    st.unlicensed[z] = tw.unlicensed[z];
    dwellings[z] = zones.stock[z][0] + zones.stock[z][1] + zones.stock[z][2] + tw.licensed[z] +
                   tw.unlicensed[z];
  }
  st.licence_limit = mechanisms::licence_limits(s.tourism, tw.cap_share, dwellings,
                                                tw.licensed_initial, tw.zones.is_core);
  tw.flows = mechanisms::convert_str(s.tourism, st, zones.rent_market, tw.state);
  for (std::size_t z = 0; z < n; ++z) zones.stock[z][kLtr] += tw.flows.ltr_change(z);
  mechanisms::apply_str_flows(tw.flows, st);
  tw.licensed = st.licensed;
  tw.unlicensed = st.unlicensed;
  tw.nonrenewal_probability = tw.flows.nonrenewal_probability;
  tw.freed_for_str.assign(n, 0);
}

void check_tourism(const TourismWorld& tw) {
  for (std::size_t z = 0; z < tw.licensed.size(); ++z) {
    if (tw.licensed[z] < 0 || tw.unlicensed[z] < 0)
      throw std::logic_error("zone " + std::to_string(z) + ": negative STR stock");
    if (!tw.active) continue;
    for (std::size_t k = 0; k < mechanisms::kAccommodations; ++k) {
      const double cap = tw.month.capacity.empty() ? 0.0 : tw.month.capacity[z][k];
      const double sold = tw.month.nights.empty() ? 0.0 : tw.month.nights[z][k];
      if (!(sold <= cap * (1.0 + 1e-12) + 1e-9) || !std::isfinite(sold))
        throw std::logic_error("zone " + std::to_string(z) + ": " +
                               mechanisms::kAccommodationNames[k] + " nights sold " +
                               std::to_string(sold) + " exceed capacity " + std::to_string(cap));
    }
  }
}

}  // namespace metrosim::model
