// indicators.cpp — the indicator table (see indicators.hpp).
#include "model/indicators.hpp"

#include <sstream>

#include "model/headline.hpp"

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
      {"displaced_str", F, "households/month",
       "LTR tenants whose lease was not renewed so the flat could become a short-term rental "
       "(also counted in displaced_eviction)"},
      {"tourist_nights", F, "visitor-nights/month",
       "overnight stays sold in the metro, all accommodation types"},
      {"tourist_nights_hotel", F, "visitor-nights/month", "overnight stays sold in hotels"},
      {"tourist_nights_str_licensed", F, "visitor-nights/month",
       "overnight stays sold in licensed short-term rentals"},
      {"tourist_nights_str_unlicensed", F, "visitor-nights/month",
       "overnight stays sold in unlicensed short-term rentals"},
      {"tourist_nights_leisure", F, "visitor-nights/month",
       "overnight stays sold to leisure visitors"},
      {"tourist_nights_congress", F, "visitor-nights/month",
       "overnight stays sold to congress attendees"},
      {"tourist_nights_cruise", F, "visitor-nights/month",
       "overnight stays sold to turnaround cruise passengers"},
      {"tourist_nights_lost", F, "visitor-nights/month",
       "demanded overnight stays that found no room"},
      {"visitors_leisure", F, "persons/month", "leisure tourists (nights sold / mean stay)"},
      {"visitors_congress", F, "persons/month", "congress attendees staying overnight"},
      {"visitors_day", F, "visits/month", "day visits: transit cruise passengers and day trips"},
      {"cruise_passengers", F, "movements/month", "cruise passenger movements after the cap"},
      {"tourist_price_index", M, "1",
       "mean guest price with tax / mean base price, demand-weighted"},
      {"tourist_tax_receipts", F, "EUR/month", "tourist tax charged on nights sold (nominal)"},
      {"str_units_licensed", S, "dwellings", "licensed short-term-rental dwellings in the metro"},
      {"str_units_unlicensed", S, "dwellings",
       "unlicensed short-term-rental dwellings in the metro"},
      {"str_share_licensed", S, "1", "licensed STR dwellings / all dwellings in the metro"},
      {"str_share_unlicensed", S, "1", "unlicensed STR dwellings / all dwellings in the metro"},
      {"str_conversions_to_str", F, "dwellings/month",
       "LTR dwellings converted to short-term rental (licensed and unlicensed)"},
      {"str_conversions_to_ltr", F, "dwellings/month",
       "STR dwellings returned to long-term rental by choice or licence withdrawal"},
      {"str_removed_enforcement", F, "dwellings/month",
       "unlicensed STR dwellings closed by inspection (returned to long-term rental)"},
      {"housing_starts", F, "dwellings/month", "private dwellings started in the metro"},
      {"completions", F, "dwellings/month",
       "dwellings completed in the metro (private and social)"},
      {"completions_social", F, "dwellings/month", "social dwellings completed in the metro"},
      {"social_starts", F, "dwellings/month",
       "social dwellings started (lever housing.social_units_per_year)"},
      {"pipeline", S, "dwellings",
       "dwellings under construction in the metro (private and social)"},
      {"asset_price_mean", S, "EUR/dwelling",
       "asset price by user cost, mean over metro zones weighted by dwellings (nominal)"},
      {"interest_rate", S, "1/year", "interest rate used in the user cost of housing"},
      {"large_holder_share_ltr", S, "1",
       "share of the metro's long-term-rental stock owned by large holders"},
      {"fund_purchases", F, "dwellings/month",
       "LTR dwellings bought by large holders from small landlords"},
      {"fund_spend", F, "EUR/month", "capital spent by large holders on LTR purchases (nominal)"},
      {"social_lettings", F, "households/month",
       "LTR tenant households housed in vacant social dwellings from the waiting list"},
      {"jobs", S, "jobs",
       "jobs located in the metro (filled or vacant; persons: household jobs × "
       "labour.workers_per_employed_household)"},
      {"jobs_tourism", S, "jobs",
       "tourism jobs (accommodation, food, leisure) located in the metro"},
      {"jobs_tradable", S, "jobs",
       "tradable jobs (industry, ICT, professional services, logistics, finance) in the metro"},
      {"jobs_local", S, "jobs",
       "local non-tradable jobs (retail, public and other services) in the metro"},
      {"jobs_vacant", S, "jobs", "vacant jobs in the metro"},
      {"employed", S, "persons", "employed residents of the metro, by residence (any workplace)"},
      {"unemployment_rate", M, "1",
       "unemployed / active household heads resident in the metro (by residence)"},
      {"hires", F, "jobs/month", "vacancies filled (jobs created or freed, taken by residents)"},
      {"separations", F, "jobs/month", "jobs left into unemployment"},
      {"layoffs", F, "jobs/month", "filled jobs cut because the jobs path fell below them"},
      {"retirements", F, "households/month", "household heads 65+ leaving the labour force"},
      {"commute_km_mean", M, "km",
       "mean one-way home-to-work distance of employed households (metro jobs; great-circle)"},
      {"commute_km", F, "km/month",
       "commuting distance travelled to metro jobs (two trips per workday; for pollution)"},
      {"tourism_jobs_share", M, "1", "tourism share of the jobs located in the metro"},
      {"krugman_index", M, "1",
       "job-weighted mean over zones of the Krugman specialisation index (0 = zones alike, 2 = no "
       "sector in common)"},
      {"stress_jobs_lost", M, "jobs",
       "counterfactual: jobs lost in a stress year with tourism demand × "
       "labour.stress_tourism_factor (direct tourism jobs and induced local jobs)"},
      {"stress_jobs_lost_share", M, "1", "stress_jobs_lost / jobs"},
      {"tourism_demand_index", M, "1",
       "tourism demand driving tourism jobs, relative to the start (key × per-zone hook, "
       "tourism-job weighted)"},
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
      {"irritated_share", M, "1",
       "share of metro households irritated by tourism (households-weighted; keyed draws)"},
      {"emissions_cruise_nox", F, "kg/month",
       "NOx emitted by cruise ships at berth (hotelling, after the cruise cap) in the metro"},
      {"emissions_cruise_sox", F, "kg/month",
       "SOx emitted by cruise ships at berth (hotelling, after the cruise cap) in the metro"},
      {"emissions_cargo_nox", F, "kg/month",
       "NOx emitted by cargo and ferry ships at berth in the metro"},
      {"emissions_cargo_sox", F, "kg/month",
       "SOx emitted by cargo and ferry ships at berth in the metro"},
      {"emissions_aviation_nox", F, "kg/month",
       "NOx emitted by aircraft landing-take-off cycles in the metro"},
      {"emissions_aviation_sox", F, "kg/month",
       "SOx emitted by aircraft landing-take-off cycles in the metro"},
      {"emissions_commuting_nox", F, "kg/month",
       "NOx emitted by commuting cars driven in metro zones"},
      {"emissions_commuting_sox", F, "kg/month",
       "SOx emitted by commuting cars driven in metro zones"},
      {"pollution_nox_resident_mean", M, "ug/m3",
       "NOx increment averaged over metro households by zone of residence (exposure)"},
      {"pollution_sox_resident_mean", M, "ug/m3",
       "SOx increment averaged over metro households by zone of residence (exposure)"},
      {"event_bids", F, "bids/month",
       "bids for new congresses made in January (every opportunity when the bid budget is "
       "positive)"},
      {"events_won", F, "events/month", "new congresses won in January's bids"},
      {"event_attendees_won", F, "persons/month", "attendees of won congresses held this month"},
      {"event_attendees", F, "persons/month",
       "attendees of all congresses held this month (the calendar's and the won ones)"},
      {"event_spending", F, "EUR/month",
       "spending in the metro of this month's congress attendees (events.spend_per_attendee, "
       "nominal)"},
      {"event_awareness_boost", F, "1",
       "awareness boost of this month's congresses handed to the metro brand"},
      {"funding_applications", F, "applications/month",
       "applications to international funding calls (January)"},
      {"funding_awards", F, "awards/month", "successful funding applications (January)"},
      {"funding_won", F, "EUR/month",
       "international/EU funding won (January; reported, not added to budgets)"},
      {"network_multiplier", M, "1",
       "factor on effective promotion and lead generation from city-network memberships"},
      {"allocation_share_promotion", S, "1",
       "share of agencies' discretionary allocation on promotion, weighted by budget in force"},
      {"allocation_share_lead_generation", S, "1",
       "share of agencies' discretionary allocation on lead generation, weighted by budget in "
       "force"},
      {"allocation_share_incentives", S, "1",
       "share of agencies' discretionary allocation on incentives, weighted by budget in force"},
      {"allocation_share_event_bidding", S, "1",
       "share of agencies' discretionary allocation on event bidding, weighted by budget in force"},
      {"allocation_share_talent", S, "1",
       "share of agencies' discretionary allocation on talent, weighted by budget in force"},
      {"allocation_share_networks", S, "1",
       "share of agencies' discretionary allocation on networks, weighted by budget in force"},
      {"allocation_share_cooperation", S, "1",
       "share of agencies' discretionary allocation on cooperation, weighted by budget in force"},
      {"allocation_share_mitigation", S, "1",
       "share of agencies' discretionary allocation on mitigation, weighted by budget in force"},
      {"attraction_promotion", S, "EUR/EUR",
       "agencies' learned EWA attraction of promotion (payoff per EUR), mean over agencies"},
      {"attraction_lead_generation", S, "EUR/EUR",
       "agencies' learned EWA attraction of lead generation (payoff per EUR), mean over agencies"},
      {"attraction_incentives", S, "EUR/EUR",
       "agencies' learned EWA attraction of incentives (payoff per EUR), mean over agencies"},
      {"attraction_event_bidding", S, "EUR/EUR",
       "agencies' learned EWA attraction of event bidding (payoff per EUR), mean over agencies"},
      {"attraction_talent", S, "EUR/EUR",
       "agencies' learned EWA attraction of talent (payoff per EUR), mean over agencies"},
      {"attraction_networks", S, "EUR/EUR",
       "agencies' learned EWA attraction of networks (payoff per EUR), mean over agencies"},
      {"attraction_cooperation", S, "EUR/EUR",
       "agencies' learned EWA attraction of cooperation (payoff per EUR), mean over agencies"},
      {"attraction_mitigation", S, "EUR/EUR",
       "agencies' learned EWA attraction of mitigation (payoff per EUR), mean over agencies"},
      {"brand_awareness_metro", S, "1",
       "awareness of the metro brand, A_metro in [0, 1] (MODEL.md §7.2), first day of the month"},
      {"brand_image_metro", S, "1", "image of the metro brand, Q_metro in [0, 1], first day"},
      {"spend_promotion", F, "EUR/month", "agencies' spend on brand promotion (after overheads)"},
      {"spend_lead_generation", F, "EUR/month",
       "agencies' spend on lead generation and investor aftercare"},
      {"spend_incentives", F, "EUR/month",
       "agencies' budget spend on incentives (0: incentives are fiscal transfers per job, booked "
       "where projects locate)"},
      {"spend_event_bidding", F, "EUR/month", "ring-fenced bid line for new events"},
      {"spend_talent", F, "EUR/month", "agencies' spend on talent programmes"},
      {"spend_networks", F, "EUR/month", "city-network membership fees"},
      {"spend_cooperation", F, "EUR/month", "ring-fenced decentralised cooperation"},
      {"spend_mitigation", F, "EUR/month",
       "ring-fenced externality mitigation (buys STR inspections: mitigation.enforcement_gain)"},
      {"agency_overhead", F, "EUR/month", "fixed overheads paid by the active agencies"},
      {"agency_budget", F, "EUR/month", "budgets in force of all agencies / 12"},
      {"promotion_metro_brand", F, "EUR/month",
       "promotion aimed at the metro brand: pooled, uncoordinated, municipal contributions and "
       "exogenous promoters"},
      {"promotion_metro_pooled", F, "EUR/month", "part of it run as one pooled campaign"},
      {"promotion_own_brands", F, "EUR/month",
       "promotion of municipalities' own brands (after contributions to the metro brand)"},
      {"contributions_metro_brand", F, "EUR/month",
       "municipal promotion given to the metro brand in the contribution game"},
      {"lead_generation_effort", F, "EUR/month",
       "lead generation of the agencies and the exogenous promoters"},
      {"audience_reach", M, "1",
       "effective audience reach of all promotion this month (sum of the brands' reach)"},
      {"incentive_offer_mean", M, "EUR/job",
       "incentive offered per job created, mean over metro zones (after the cap and the pact)"},
      {"coordination", M, "1", "coordination c in force (governance.coordination or the preset)"},
      {"network_memberships", M, "count", "city-network memberships funded"},
      {"brand_backlash", F, "1", "image lost by the metro brand to a media backlash this month"},
      {"firms", S, "firms",
       "establishments in the metro (real units, not scaled; tradable, tourism and local firms)"},
      {"firms_foreign", S, "firms",
       "foreign-owned establishments (new projects, and domestic firms acquired)"},
      {"exporters", S, "firms", "establishments that export"},
      {"international_hqs", S, "firms", "foreign-owned establishments that are international HQs"},
      {"firm_births", F, "firms/month", "new domestic firms (tradable and tourism sectors)"},
      {"firm_exits", F, "firms/month", "firms that closed (tradable and tourism sectors)"},
      {"export_entries", F, "firms/month", "firms that started to export"},
      {"acquisitions", F, "firms/month", "domestic firms acquired by foreign owners"},
      {"project_candidates", F, "projects/month",
       "mobile investment projects considering the metro (scenario-independent candidate stream)"},
      {"projects", F, "projects/month",
       "mobile investment projects located in the metro (new establishments and expansions)"},
      {"projects_new", F, "projects/month", "projects that opened a new foreign establishment"},
      {"projects_expansion", F, "projects/month",
       "projects that expanded an existing foreign establishment"},
      {"projects_hq", F, "projects/month", "projects that are international headquarters"},
      {"projects_assisted", F, "projects/month",
       "projects that came through lead generation (attributable KPI of the agencies)"},
      {"project_jobs", F, "jobs/month", "jobs created by projects, by workplace (persons)"},
      {"incentive_cost", F, "EUR/month",
       "fiscal cost of incentives: project jobs × incentive per job of the zone (nominal)"},
      {"projects_outside_core_share", M, "1",
       "share of the month's projects located outside the core (NaN without projects)"},
      {"project_jobs_outside_core_share", M, "1",
       "share of the month's project jobs located outside the core (NaN without projects)"},
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
      {"displaced_str_out", F, "households/month",
       "LTR tenants leaving the zone because their lease ended for conversion to short-term "
       "rental"},
      {"tourist_nights_hotel", F, "visitor-nights/month", "overnight stays sold in hotels"},
      {"tourist_nights_str_licensed", F, "visitor-nights/month",
       "overnight stays sold in licensed short-term rentals"},
      {"tourist_nights_str_unlicensed", F, "visitor-nights/month",
       "overnight stays sold in unlicensed short-term rentals"},
      {"price_hotel", M, "EUR/visitor-night", "hotel clearing price before tax (nominal)"},
      {"price_str_licensed", M, "EUR/visitor-night",
       "licensed STR clearing price before tax (nominal)"},
      {"price_str_unlicensed", M, "EUR/visitor-night",
       "unlicensed STR clearing price before tax (nominal)"},
      {"occupancy_hotel", M, "1", "hotel nights sold / bed-night capacity"},
      {"occupancy_str_licensed", M, "1", "licensed STR nights sold / guest-night capacity"},
      {"occupancy_str_unlicensed", M, "1", "unlicensed STR nights sold / guest-night capacity"},
      {"day_visits", F, "visits/month", "day visits (transit cruise passengers and day trips)"},
      {"tourism_pressure", M, "visitors/resident-day",
       "(visitor-nights + w_d · day visits) / (residents · days): the month's mean pressure"},
      {"str_units_licensed", S, "dwellings", "licensed short-term-rental dwellings"},
      {"str_units_unlicensed", S, "dwellings", "unlicensed short-term-rental dwellings"},
      {"str_share_licensed", S, "1", "licensed STR dwellings / all dwellings"},
      {"str_share_unlicensed", S, "1", "unlicensed STR dwellings / all dwellings"},
      {"str_conversions_to_str", F, "dwellings/month",
       "LTR dwellings converted to short-term rental"},
      {"str_conversions_to_ltr", F, "dwellings/month",
       "STR dwellings returned to long-term rental by choice or licence withdrawal"},
      {"str_removed_enforcement", F, "dwellings/month",
       "unlicensed STR dwellings closed by inspection"},
      {"str_nonrenewal_probability", M, "1",
       "probability that a renewing LTR lease ends for conversion to short-term rental (set "
       "this month, applied next month)"},
      {"str_gap_licensed", M, "EUR/year",
       "landlords' expected 12-month net gain of a licensed STR over LTR, before switching cost"},
      {"str_gap_unlicensed", M, "EUR/year",
       "landlords' expected 12-month net gain of an unlicensed STR over LTR (after expected "
       "fines), before switching cost"},
      {"housing_starts", F, "dwellings/month", "private dwellings started"},
      {"completions_owner", F, "dwellings/month", "dwellings completed for owner-occupation"},
      {"completions_ltr", F, "dwellings/month", "dwellings completed for long-term rental"},
      {"completions_social", F, "dwellings/month", "social dwellings completed"},
      {"pipeline", S, "dwellings", "dwellings under construction (private and social)"},
      {"asset_price", S, "EUR/dwelling", "asset price by user cost (nominal)"},
      {"expected_rent_growth", S, "1/year", "adaptive expected growth of the market rent"},
      {"gross_yield", S, "1/year", "12 x market rent / asset price"},
      {"large_holder_share_ltr", S, "1",
       "share of the zone's long-term-rental stock owned by large holders"},
      {"fund_purchases", F, "dwellings/month", "LTR dwellings bought by large holders"},
      {"social_lettings", F, "households/month",
       "LTR tenant households of the zone housed in its vacant social dwellings"},
      {"jobs_tourism", S, "jobs", "tourism jobs located in the zone (by workplace)"},
      {"jobs_tradable", S, "jobs", "tradable jobs located in the zone (by workplace)"},
      {"jobs_local", S, "jobs", "local non-tradable jobs located in the zone (by workplace)"},
      {"jobs_vacant", S, "jobs", "vacant jobs located in the zone"},
      {"employed_residents", S, "persons", "employed residents of the zone (by residence)"},
      {"unemployment_rate", M, "1",
       "unemployed / active household heads resident in the zone (NaN without active residents)"},
      {"hires_workplace", F, "jobs/month", "vacancies of the zone filled (benefit by workplace)"},
      {"hires_residence", F, "jobs/month",
       "vacancies anywhere filled by the zone's residents (benefit by residence)"},
      {"commute_km_mean", M, "km",
       "mean one-way commute of the zone's employed residents (NaN without them)"},
      {"tourism_jobs_share", M, "1", "tourism share of the zone's jobs (NaN without jobs)"},
      {"lq_tourism", M, "1",
       "location quotient of tourism jobs: zone share / metro share (NaN without jobs)"},
      {"krugman_index", M, "1",
       "Krugman specialisation index of the zone's jobs against the rest of the metro"},
      {"stress_jobs_lost", M, "jobs",
       "counterfactual: jobs located in the zone lost in the stress year (direct tourism jobs "
       "here, and local jobs induced by the tourism jobs its residents hold)"},
      {"tourism_demand", M, "1", "per-zone tourism demand hook relative to the start"},
      {"welfare_logsum", M, "EUR/month",
       "household location logsum at the month's end, mean over resident households (arbitrary "
       "zero: compare differences only; NaN without residents)"},
      {"irritated_share", M, "1",
       "share of resident households irritated by tourism this month (keyed draws; NaN without "
       "residents)"},
      {"irritation_probability", M, "1",
       "mean irritation probability of resident households (NaN without residents)"},
      {"pollution_nox", M, "ug/m3",
       "NOx increment from port, cruise, aviation and commuting emissions (box-model equivalent; "
       "NaN for the external zone)"},
      {"pollution_sox", M, "ug/m3",
       "SOx increment from port, cruise, aviation and commuting emissions (box-model equivalent; "
       "NaN for the external zone)"},
      {"emissions_nox", F, "kg/month", "NOx emitted in the zone, all sources"},
      {"emissions_sox", F, "kg/month", "SOx emitted in the zone, all sources"},
      {"event_attendees_won", F, "persons/month",
       "attendees of won congresses held this month at the zone (the venue zone)"},
      {"brand_own_awareness", S, "1", "awareness of the zone's own brand, A_own, first day"},
      {"brand_own_image", S, "1", "image of the zone's own brand, Q_own, first day"},
      {"brand_sharing", S, "1", "brand sharing s_i in force (brand.sharing, @ZONE)"},
      {"brand_association", S, "1",
       "association λ_i with the metro brand (distance to the core, joint promotion)"},
      {"brand_visibility", S, "1",
       "visibility V_i = 1 − (1 − s λ A_metro)(1 − (1 − s) A_own), first day"},
      {"brand_image", S, "1", "image the zone shows, Q_i = s Q_metro + (1 − s) Q_own, first day"},
      {"promotion_own_brand", F, "EUR/month",
       "promotion of the zone's municipality's own brand (a municipality's districts each show "
       "the whole)"},
      {"incentive_per_job", M, "EUR/job", "incentive offered per job created in the zone"},
      {"referral_weight", M, "1",
       "weight with which leads are referred to the zone (1 = neutral front door)"},
      {"projects", F, "projects/month", "mobile investment projects located in the zone"},
      {"project_jobs", F, "jobs/month", "jobs created by projects in the zone (by workplace)"},
      {"incentive_cost", F, "EUR/month", "incentives paid to projects located in the zone"},
      {"firms", S, "firms", "establishments located in the zone"},
      {"firms_foreign", S, "firms", "foreign-owned establishments located in the zone"},
      {"jobs_knowledge_tech", S, "jobs",
       "persons employed by knowledge and technology firms in the zone (tradable)"},
      {"jobs_industry_logistics", S, "jobs",
       "persons employed by industry and logistics firms in the zone (tradable)"},
      {"jobs_tourism_hospitality", S, "jobs",
       "persons employed by tourism and hospitality firms in the zone"},
      {"jobs_creative_culture", S, "jobs",
       "persons employed by creative and culture firms in the zone (tradable)"},
      {"jobs_other_services", S, "jobs",
       "persons employed by other-services firms in the zone (local; follow the multiplier)"},
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
      {"hotel_beds", X, "beds", "bed places in hotels and guesthouses (tourism.csv)"},
      {"attraction", X, "1", "tourist attraction score in [0, 1] before dispersal (tourism.csv)"},
      {"port", X, "1", "1: the zone has a commercial port"},
      {"airport", X, "1", "1: the zone has an airport"},
      {"cruise_terminal", X, "1", "1: cruise ships call in the zone"},
      {"tourism_from_data", X, "1",
       "1: hotel beds, licensed STR units and attraction of the zone are all data (0: at least "
       "one is a documented assumption, docs/TOURISM.md)"},
      {"labour_source", X, "1",
       "1 if the census employment and unemployment rates come from the zone's own row, 0 if "
       "derived (districts take the city's, the external zone the metro's)"},
      {"jobs_source", X, "1",
       "1 if the initial jobs come from a jobs-table row marked data, 0 if derived or assumed"},
  }};
  return t;
}

const std::array<IndicatorSpec, kAgencyCount>& agency_indicators() {
  static const std::array<IndicatorSpec, kAgencyCount> t = {{
      {"budget", F, "EUR/month",
       "budget in force the agency acts for / 12 (its own line and lines the mode moved to it; 0 "
       "when inactive)"},
      {"overhead", F, "EUR/month", "fixed overhead paid before any instrument"},
      {"spend_promotion", F, "EUR/month", "spend on brand promotion"},
      {"spend_lead_generation", F, "EUR/month", "spend on lead generation and aftercare"},
      {"spend_incentives", F, "EUR/month", "budget spend on incentives (0, see /metro)"},
      {"spend_event_bidding", F, "EUR/month", "ring-fenced event bids"},
      {"spend_talent", F, "EUR/month", "spend on talent programmes"},
      {"spend_networks", F, "EUR/month", "city-network membership fees"},
      {"spend_cooperation", F, "EUR/month", "ring-fenced decentralised cooperation"},
      {"spend_mitigation", F, "EUR/month", "ring-fenced externality mitigation"},
      {"political_will", M, "1", "political will w = logistic(z) in (0, 1)"},
      {"active", M, "1", "1 if the agency acts this month (the mode may move its line away)"},
      {"line_budget", F, "EUR/month",
       "the agency's own budget line in force / 12, B0·(ι + (1 − ι)w), set each January"},
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
    return k == Kind::kFlow         ? "flow (sum)"
           : k == Kind::kStock      ? "stock (first day of month)"
           : k == Kind::kMean       ? "mean (over the month)"
           : k == Kind::kCumulative ? "cumulative (end of month)"
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
  // Headline indicators (headline.hpp): the same columns plus whether higher is better.
  const auto headline = [&](const char* title, const auto& rows) {
    o << "### " << title
      << "\n\n| name | kind | units | better | description |\n|---|---|---|---|---|\n";
    for (const auto& h : rows)
      o << "| `" << h.spec.name << "` | " << kind(h.spec.kind) << " | " << h.spec.units << " | "
        << (h.better > 0   ? "higher"
            : h.better < 0 ? "lower"
                           : "-")
        << " | " << h.spec.long_name << " |\n";
    o << "\n";
  };
  headline("/metro headline (time)", headline_indicators());
  headline("/zones headline (time, zone)", zone_headline_indicators());
  table("/zones (time, zone)", zone_indicators());
  table("/zones (zone)", zone_static_indicators());
  table("/agencies (time, agency)", agency_indicators());
  table("/agencies (agency)", agency_static_indicators());
  table("/events (time, event_kind)", event_indicators());
  return o.str();
}

}  // namespace metrosim::model
