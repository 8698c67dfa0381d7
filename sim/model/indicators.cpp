// indicators.cpp — the indicator table (see indicators.hpp).
#include "model/indicators.hpp"

#include <sstream>

namespace metrosim::model {

namespace {
constexpr Kind F = Kind::kFlow, S = Kind::kStock, M = Kind::kMean, X = Kind::kStatic;
}

const std::array<IndicatorSpec, kMetroCount>& metro_indicators() {
  static const std::array<IndicatorSpec, kMetroCount> t = {{
      {"households", S, "households",
       "households resident in the metro (all zones but the external one)"},
      {"households_owner", S, "households", "owner-occupier households resident in the metro"},
      {"households_ltr", S, "households",
       "long-term-rental tenant households resident in the metro"},
      {"households_social", S, "households",
       "social-housing tenant households resident in the metro"},
      {"households_external", S, "households",
       "households living in the external zone (rest of the metropolitan region)"},
      {"dwellings_ltr", S, "dwellings", "long-term-rental dwelling stock in the metro"},
      {"vacancy_rate_ltr", S, "1", "vacant share of the metro's long-term-rental stock"},
      {"rent_market_mean", S, "EUR/month",
       "market rent of new LTR contracts, mean over metro zones weighted by LTR stock (nominal)"},
      {"rent_contract_mean", S, "EUR/month",
       "mean contract rent paid by LTR tenants in the metro (nominal)"},
      {"income_mean", S, "EUR/month", "mean net household income in the metro (nominal)"},
      {"rent_burden_ltr_mean", S, "1",
       "mean contract rent / net income of LTR tenants in the metro"},
      {"moves", F, "households/month",
       "completed moves that start in the metro or the external zone"},
      {"moves_life_course", F, "households/month",
       "completed moves triggered by life-course events"},
      {"renewals", F, "leases/month", "LTR leases renewed with the tenant staying"},
      {"displaced_renewal", F, "households/month",
       "moves caused by a rent increase at renewal (displacement)"},
      {"displaced_eviction", F, "households/month",
       "moves caused by non-renewal of the lease (displacement)"},
      {"exits_external", F, "households/month", "moves from metro zones to the external zone"},
      {"entries_from_external", F, "households/month",
       "moves from the external zone into metro zones"},
      {"unmatched_movers", F, "households/month",
       "households that wanted to move and found no vacancy among their choices"},
      {"talent_students", S, "households",
       "international-student households resident in the metro"},
      {"talent_researchers", S, "households",
       "international-researcher households resident in the metro"},
      {"talent_skilled", S, "households",
       "international skilled-worker households resident in the metro"},
      {"arrivals", F, "households/month",
       "households arriving from outside the region or newly formed, housed this month (all "
       "streams)"},
      {"arrivals_talent", F, "households/month",
       "international-talent households arriving and housed (students, researchers, skilled "
       "workers)"},
      {"households_formed", F, "households/month", "new households formed by residents and housed"},
      {"arrivals_unhoused", F, "households/month",
       "candidate arrivals that found no vacancy and did not come"},
      {"emigration", F, "households/month",
       "long-standing and other households leaving the region"},
      {"talent_departures", F, "households/month",
       "international-talent households leaving the region"},
      {"dissolutions", F, "households/month", "households dissolved (head 65+)"},
      {"welfare_mean", M, "EUR/month",
       "household location logsum (relocation utility / marginal utility of income) at the "
       "month's end, mean over metro households; arbitrary zero: compare differences only"},
      {"welfare_q1", M, "EUR/month",
       "welfare_mean over households in the lowest fifth of metro incomes this month"},
      {"welfare_q2", M, "EUR/month", "welfare_mean over the second fifth of metro incomes"},
      {"welfare_q3", M, "EUR/month", "welfare_mean over the third fifth of metro incomes"},
      {"welfare_q4", M, "EUR/month", "welfare_mean over the fourth fifth of metro incomes"},
      {"welfare_q5", M, "EUR/month", "welfare_mean over the highest fifth of metro incomes"},
      {"welfare_owner", M, "EUR/month", "welfare_mean over owner-occupier households"},
      {"welfare_ltr", M, "EUR/month", "welfare_mean over long-term-rental tenant households"},
      {"welfare_social", M, "EUR/month", "welfare_mean over social-housing tenant households"},
  }};
  return t;
}

const std::array<IndicatorSpec, kZoneCount>& zone_indicators() {
  static const std::array<IndicatorSpec, kZoneCount> t = {{
      {"households", S, "households", "resident households"},
      {"households_owner", S, "households", "owner-occupier households"},
      {"households_ltr", S, "households", "long-term-rental tenant households"},
      {"households_social", S, "households", "social-housing tenant households"},
      {"dwellings_owner", S, "dwellings",
       "owner-occupied dwelling stock (occupied or vacant for sale)"},
      {"dwellings_ltr", S, "dwellings",
       "long-term-rental dwelling stock (occupied or vacant for rent)"},
      {"dwellings_social", S, "dwellings", "social-housing dwelling stock"},
      {"vacancy_rate_ltr", S, "1", "vacant share of the long-term-rental stock"},
      {"rent_market", S, "EUR/month", "market rent of new LTR contracts (nominal)"},
      {"rent_contract_mean", S, "EUR/month",
       "mean contract rent of LTR tenants (nominal; NaN without tenants)"},
      {"income_mean", S, "EUR/month",
       "mean net household income of residents (nominal; NaN without residents)"},
      {"rent_burden_ltr_mean", S, "1",
       "mean contract rent / net income of LTR tenants (NaN without tenants)"},
      {"moves_in", F, "households/month", "households moving into the zone"},
      {"moves_out", F, "households/month", "households moving out of the zone"},
      {"displaced_renewal_out", F, "households/month",
       "households displaced from the zone by a rent increase at renewal"},
      {"displaced_eviction_out", F, "households/month",
       "households displaced from the zone by non-renewal of the lease"},
      {"exits_external", F, "households/month",
       "households moving from the zone to the external zone"},
      {"renewals", F, "leases/month", "LTR leases renewed with the tenant staying"},
      {"talent_households", S, "households",
       "international-talent households (students, researchers, skilled workers)"},
      {"arrivals_in", F, "households/month",
       "arriving or newly formed households housed in the zone"},
      {"exits_out", F, "households/month",
       "households leaving the region or dissolved, from the zone"},
      {"welfare_logsum", M, "EUR/month",
       "household location logsum at the month's end, mean over resident households (arbitrary "
       "zero: compare differences only; NaN without residents)"},
  }};
  return t;
}

const std::array<IndicatorSpec, kZoneStaticCount>& zone_static_indicators() {
  static const std::array<IndicatorSpec, kZoneStaticCount> t = {{
      {"lat", X, "degrees_north", "latitude of the zone's representative point (WGS84)"},
      {"lon", X, "degrees_east", "longitude of the zone's representative point (WGS84)"},
      {"area_km2", X, "km2", "land area (0 for the external zone: not modelled)"},
      {"rent_source", X, "1",
       "1 if the initial market rent comes from data, 0 if from the income-gradient assumption"},
      {"households_source", X, "1",
       "1 if initial households come from the zone's own census row, 0 if derived (district split "
       "by population, external zone)"},
      {"tenure_source", X, "1",
       "1 if initial tenure shares come from the zone's own census row, 0 if derived (districts "
       "take the city's shares)"},
      {"income_source", X, "1",
       "1 if the initial mean income comes from the zone's own ADRH row, 0 if derived (district "
       "index, external zone)"},
      {"rent_loop_gain", X, "1",
       "loop gain of the market-rent rule at initialisation (stable and monotone below 0.25)"},
  }};
  return t;
}

const std::array<IndicatorSpec, 1>& agency_indicators() {
  static const std::array<IndicatorSpec, 1> t = {{
      {"budget", F, "EUR/month",
       "international-action budget (nominal; base budget / 12 until governance and politics are "
       "modelled)"},
  }};
  return t;
}

const std::array<IndicatorSpec, 1>& agency_static_indicators() {
  static const std::array<IndicatorSpec, 1> t = {{
      {"staff", X, "persons", "staff of the agency's international unit"},
  }};
  return t;
}

const std::array<IndicatorSpec, 1>& event_indicators() {
  static const std::array<IndicatorSpec, 1> t = {{
      {"attendees", F, "persons/month",
       "attendees of the kind's edition held this month (an input from the events calendar)"},
  }};
  return t;
}

std::string indicators_markdown() {
  std::ostringstream o;
  const auto kind = [](Kind k) {
    return k == Kind::kFlow    ? "flow (sum)"
           : k == Kind::kStock ? "stock (first day of month)"
           : k == Kind::kMean  ? "mean (over the month)"
                               : "static";
  };
  const auto table = [&](const char* title, const auto& rows) {
    o << "### " << title << "\n\n| name | kind | units | description |\n|---|---|---|---|\n";
    for (const auto& r : rows)
      o << "| `" << r.name << "` | " << kind(r.kind) << " | " << r.units << " | " << r.long_name
        << " |\n";
    o << "\n";
  };
  table("/metro (time)", metro_indicators());
  table("/zones (time, zone)", zone_indicators());
  table("/zones (zone)", zone_static_indicators());
  table("/agencies (time, agency)", agency_indicators());
  table("/agencies (agency)", agency_static_indicators());
  table("/events (time, event_kind)", event_indicators());
  return o.str();
}

}  // namespace metrosim::model
