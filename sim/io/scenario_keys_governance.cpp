// scenario_keys_governance.cpp — keys of governance and brands (MODEL.md §7.1, §7.2, §7.13):
// [governance], [agencies] (per agency: `key@CODE`), [politics], [cooperation], [mitigation],
// [events] (bid line), [networks], [promoters], [investment] (incentives) and [brand]. Sources
// and reasoning per key: docs/GOVERNANCE.md.
#include <string>

#include "io/key_binding.hpp"

namespace metrosim::io::key_binding {

namespace {

constexpr const char* kLever = "policy lever";

std::string check_year(const std::string& s) {
  std::int64_t y = 0;
  if (auto p = parse_integer(s, y); !p.empty()) return "'" + s + "': " + p;
  return y >= 1900 && y <= 2200 ? "" : "'" + s + "' is not a year in [1900, 2200]";
}

void add_governance_keys(Keys& k) {
  using G = mechanisms::GovernanceParams;
  KeySpec mode{.name = "governance.mode",
               .type = KeyType::kEnum,
               .choices = {"metropolitan", "lead_city", "fragmented"},
               .source = "policy lever; fragmented = Barcelona today (seed report, CIDOB 2019)",
               .doc =
                   "who holds the mandate: metropolitan moves the city council's and municipal "
                   "offices' lines to the metro authority, lead_city moves the metro "
                   "authority's and municipal offices' lines to the city council"};
  mode.get = [](const Scenario& s) {
    return KeyValue(
        std::string(mechanisms::kGovernanceModeNames[static_cast<std::size_t>(s.governance.mode)]));
  };
  mode.set = [](Scenario& s, const KeyValue& v) {
    const std::string& t = std::get<std::string>(v);
    s.governance.mode = t == "metropolitan" ? mechanisms::GovernanceMode::kMetropolitan
                        : t == "lead_city"  ? mechanisms::GovernanceMode::kLeadCity
                                            : mechanisms::GovernanceMode::kFragmented;
  };
  k.push_back(std::move(mode));
  const auto g = [&](KeySpec spec, double G::*f) {
    add(k, std::move(spec), &Scenario::governance, f);
  };
  g(dbl("governance.coordination", "share", in(-1, 1),
        "c: share of promotion and lead generation pooled and strength of the no-poaching pact; "
        "negative = the mode's preset (metropolitan 1, lead_city governance."
        "lead_city_coordination, fragmented 0)",
        kLever),
    &G::coordination);
  g(dbl("governance.lead_city_coordination", "share", in(0, 1), "preset c of the lead_city mode"),
    &G::lead_city_coordination);
  g(dbl("governance.lead_city_rho", "1", in(0, 1),
        "ρ: weight the lead city's objective puts on non-core benefits (referrals to non-core "
        "zones)"),
    &G::lead_city_rho);
  const auto a = [&](KeySpec spec, double G::*f) {
    spec.per_agency = true;
    add(k, std::move(spec), &Scenario::governance, f);
  };
  a(dbl("agencies.budget_scale", "ratio", in(0, 10),
        "budget B0 / the agencies table's budget (per agency with @CODE)", kLever),
    &G::budget_scale);
  a(dbl("agencies.overhead", "EUR/year", in(0, 1e8),
        "fixed overhead an active agency pays before any instrument (per agency with @CODE)"),
    &G::overhead);
  a(dbl("agencies.share_promotion", "share", in(-1, 1),
        "share of the discretionary budget on promotion; negative = the agency kind's default "
        "(all three negative) or 0",
        kLever),
    &G::share_promotion);
  a(dbl("agencies.share_lead_generation", "share", in(-1, 1),
        "share of the discretionary budget on lead generation; negative as above", kLever),
    &G::share_lead_generation);
  a(dbl("agencies.share_talent", "share", in(-1, 1),
        "share of the discretionary budget on talent programmes; negative as above", kLever),
    &G::share_talent);
}

void add_politics_keys(Keys& k) {
  using P = mechanisms::PoliticsParams;
  add(k,
      {.name = "politics.election_years",
       .type = KeyType::kList,
       .unit = "years",
       .allow_empty = true,
       .allowed_text = "comma-separated years in [1900, 2200]; empty = no elections",
       .check = check_year,
       .source = "Spanish municipal elections (LOREG art. 42, every four years in May): 24 May "
                 "2015, 26 May 2019, 28 May 2023; 2027 and 2031 by the same rule",
       .doc = "years with a municipal election (z jumps in politics.election_month)"},
      &Scenario::politics, &P::election_years);
  add(k,
      {.name = "politics.election_month",
       .type = KeyType::kInt,
       .unit = "month",
       .range = in(1, 12),
       .source = "LOREG art. 42: the last Sunday of May",
       .doc = "calendar month of the elections"},
      &Scenario::politics, &P::election_month);
  const auto p = [&](KeySpec spec, double P::*f) {
    add(k, std::move(spec), &Scenario::politics, f);
  };
  p(dbl("politics.institutionalisation", "share", in(0, 1),
        "ι: budget share independent of political will, budget = B0·(ι + (1 − ι)·w)", kLever),
    &P::institutionalisation);
  p(dbl("politics.will_reversion", "per month", in(0, 1),
        "share of the will index's gap to neutral closed per month"),
    &P::will_reversion);
  p(dbl("politics.will_volatility", "1", in(0, 5), "sd of the will index's monthly innovation"),
    &P::will_volatility);
  p(dbl("politics.election_shock", "1", in(0, 10), "sd of the will index's jump at an election"),
    &P::election_shock);
}

void add_ring_fenced_keys(Keys& k) {
  using R = mechanisms::RingFencedParams;
  const auto r = [&](KeySpec spec, double R::*f) {
    add(k, std::move(spec), &Scenario::ring_fenced, f);
  };
  r(dbl("cooperation.share_of_budget", "share", in(0, 1),
        "decentralised cooperation ring-fenced from every budget line in force",
        "seed report: the AMB ring-fences 0.7 % of its budget for cooperation"),
    &R::cooperation_share);
  r(dbl("cooperation.image_effect", "image per 1 % of budgets", in(0, 1),
        "solidarity term of the image target per 1 % of budgets spent on cooperation"),
    &R::cooperation_image_effect);
  r(dbl("mitigation.budget", "EUR/year", in(0, 1e9),
        "ring-fenced externality mitigation, taken from budgets pro rata (buys STR inspections)",
        kLever),
    &R::mitigation_budget);
  r(dbl("mitigation.enforcement_gain", "per month", in(0, 1),
        "extra removal rate of unlicensed STR units bought by mitigation spend at saturation",
        kSwept),
    &R::mitigation_enforcement_gain);
  r(dbl("mitigation.spend_half", "EUR/month", in(0, 1e9, "(]"),
        "mitigation spend that buys half of mitigation.enforcement_gain", kSwept),
    &R::mitigation_spend_half);
  r(dbl("talent.programme_gain", "intensity", in(0, 1),
        "retention-programme intensity added by agencies' talent spend at saturation (default 0: "
        "no evidence on effectiveness per EUR)",
        kSwept),
    &R::talent_programme_gain);
  r(dbl("talent.programme_spend_half", "EUR/month", in(0, 1e9, "(]"),
        "talent spend that buys half of talent.programme_gain", kSwept),
    &R::talent_spend_half);
  r(dbl("events.bid_budget", "EUR/year", in(0, 1e9),
        "ring-fenced bid line for new events, taken from budgets pro rata (effort.event_bid)",
        kLever),
    &R::event_bid_budget);
  r(dbl("networks.count", "memberships", in(0, 100),
        "city-network memberships (fees from budgets; effects: docs/GOVERNANCE.md)", kLever),
    &R::network_count);
  r(dbl("networks.cost_per_membership", "EUR/year", in(0, 1e7),
        "fee and staff time of one membership"),
    &R::network_cost);
  using Q = mechanisms::PromoterParams;
  add(k,
      dbl("promoters.promotion", "EUR/year", in(0, 1e9),
          "higher-tier and private promotion of the metro brand (identical across scenarios)"),
      &Scenario::promoters, &Q::promotion);
  add(k,
      dbl("promoters.lead_generation", "EUR/year", in(0, 1e9),
          "higher-tier and private lead generation for the metro (identical across scenarios)"),
      &Scenario::promoters, &Q::lead_generation);
  using I = mechanisms::IncentiveParams;
  add(k,
      dbl("investment.incentive_per_job", "EUR/job", in(0, 1e6),
          "base incentive offer per job created (0 = no municipality offers incentives)", kLever),
      &Scenario::incentives, &I::per_job);
  add(k,
      dbl("investment.incentive_cap_per_job", "EUR/job", in(0, 1e6),
          "statutory cap on incentives (local-tax rebates) per job"),
      &Scenario::incentives, &I::cap);
  add(k,
      dbl("investment.incentive_overbid", "EUR/job", in(0, 1e6),
          "a municipality's outbid over the best rival offer without the no-poaching pact"),
      &Scenario::incentives, &I::overbid);
}

void add_brand_keys(Keys& k) {
  using B = mechanisms::BrandParams;
  const auto b = [&](KeySpec spec, double B::*f) { add(k, std::move(spec), &Scenario::brand, f); };
  b(dbl("brand.reach_spend_ref", "EUR/month", in(1, 1e10),
        "S0: promotion spend scale of reach, (1 − exp(−σ S/S0))/σ"),
    &B::reach_spend_ref);
  b(dbl("brand.reach_saturation", "1", in(0, 20),
        "σ: saturation of reach in the spend aimed at one audience segment (0 = linear reach)"),
    &B::reach_saturation);
  b(dbl("brand.audience_segments", "segments", in(1, 50),
        "international audience segments a pooled campaign spreads over (uncoordinated "
        "campaigns aim at the prime one)"),
    &B::audience_segments);
  b(dbl("brand.awareness_decay", "per month", in(0, 1), "δ_A: forgetting of awareness"),
    &B::awareness_decay);
  b(dbl("brand.image_speed", "per month", in(0, 1), "κ_Q: image's adjustment to its target"),
    &B::image_speed);
  b(dbl("brand.image_job_weight", "image per unit yearly growth", in(0, 10),
        "image target per unit of yearly jobs growth"),
    &B::image_job_weight);
  b(dbl("brand.image_satisfaction_weight", "image per unit share", in(0, 10),
        "image target per unit change of resident satisfaction (1 − irritated share)"),
    &B::image_satisfaction_weight);
  b(dbl("brand.image_pressure_weight", "image per visitor per resident-day", in(0, 10),
        "image target lost per unit rise of tourism pressure"),
    &B::image_pressure_weight);
  b(dbl("brand.image_pollution_weight", "image per ug/m3", in(0, 10),
        "image target lost per µg/m³ rise of the NOx increment"),
    &B::image_pollution_weight);
  b(dbl("brand.backlash_rate", "per month", in(0, 1),
        "probability of an international media backlash at the first month's irritation "
        "(proportional to the irritated share)"),
    &B::backlash_rate);
  b(dbl("brand.backlash_size", "image", in(0, 1), "metro image lost in a backlash"),
    &B::backlash_size);
  b(dbl("brand.sharing", "share", in(0, 1),
        "s_i: how much a zone presents itself under the metro brand (per zone with @ZONE)", kLever,
        true),
    &B::sharing);
  b(dbl("brand.association_distance_km", "km", in(0, 500),
        "distance scale of the association with the metro brand, λ = exp(−d/D) + gain × joint"),
    &B::association_distance_km);
  b(dbl("brand.association_joint_gain", "1", in(0, 1),
        "rise of the association with the share of the zone's promotion run jointly"),
    &B::association_joint_gain);
  b(dbl("brand.own_awareness", "1", in(0, 1), "own-brand awareness at start (per zone with @ZONE)",
        kSwept, true),
    &B::own_awareness);
  k.back().dynamic = false;
  b(dbl("brand.own_image", "1", in(0, 1), "own-brand image at start (per zone with @ZONE)", kSwept,
        true),
    &B::own_image);
  k.back().dynamic = false;
}

}  // namespace

void add_governance_brand_keys(Keys& k) {
  add_governance_keys(k);
  add_politics_keys(k);
  add_ring_fenced_keys(k);
  add_brand_keys(k);
}

}  // namespace metrosim::io::key_binding
