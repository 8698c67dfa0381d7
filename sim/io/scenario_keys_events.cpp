// scenario_keys_events.cpp — keys of the [events], [evaluation], [networks] and [funding]
// sections (MODEL.md §7.3, §7.12, §7.13; docs/EVENTS_LEARNING.md), bound to
// model::Scenario::{events, evaluation, networks, funding}. The bid budget (`events.bid_budget`)
// and the membership count (`networks.count`) belong to governance.
#include <string>

#include "io/key_binding.hpp"
#include "mechanisms/evaluation/ewa.hpp"

namespace metrosim::io::key_binding {

namespace {

using E = mechanisms::EventsParams;
using V = mechanisms::EvaluationParams;
using N = mechanisms::NetworksParams;
using F = mechanisms::FundingParams;

KeySpec boolean(const char* name, const char* doc, const char* source) {
  return {.name = name, .type = KeyType::kBool, .source = source, .doc = doc};
}

void add_belief_keys(Keys& k) {
  for (std::size_t i = 0; i < mechanisms::kInstruments; ++i) {
    if (!mechanisms::is_reallocated(static_cast<mechanisms::Instrument>(i))) continue;
    for (std::size_t e = 0; e < mechanisms::kExternalities; ++e) {
      const std::string inst = mechanisms::kInstrumentNames[i];
      const std::string ext = mechanisms::kExternalityNames[e];
      KeySpec spec{.name = "evaluation.belief_" + inst + "_" + ext,
                   .type = KeyType::kDouble,
                   .unit = "payoff per unit relative externality",
                   .range = in(-100, 100),
                   .source = kSwept,
                   .doc = "belief matrix: payoff agencies subtract from " + inst + " per unit of " +
                          ext + " relative to its level at the first review (negative: " + inst +
                          " is believed to reduce it); used with evaluation.include_externalities"};
      spec.get = [i, e](const Scenario& s) { return KeyValue(s.evaluation.belief[i][e]); };
      spec.set = [i, e](Scenario& s, const KeyValue& v) {
        s.evaluation.belief[i][e] = std::get<double>(v);
      };
      k.push_back(std::move(spec));
    }
  }
}

}  // namespace

void add_events_keys(Keys& k) {
  const auto ev = [&](KeySpec spec, double E::*f) {
    add(k, std::move(spec), &Scenario::events, f);
  };
  ev(dbl("events.bids_per_year", "opportunities/year", in(0, 100),
         "mean number of bid opportunities for new congresses a year (Poisson, drawn in January "
         "from a scenario-independent stream)"),
     &E::bids_per_year);
  ev(dbl("events.attendees_median", "persons", in(1, 1e6),
         "median attendees of a bid opportunity (lognormal)"),
     &E::attendees_median);
  ev(dbl("events.attendees_log_sd", "log persons", in(0, 3),
         "sd of log attendees of a bid opportunity"),
     &E::attendees_log_sd);
  ev(dbl("events.win_max", "probability", in(0, 1),
         "win probability of a bid with unlimited budget and full metro awareness"),
     &E::win_max);
  ev(dbl("events.win_awareness_elasticity", "1", in(0, 10),
         "η in p = win_max·A^η·(1 − exp(−b/b_half)): how much metro awareness raises wins"),
     &E::win_awareness_elasticity);
  ev(dbl("events.bid_budget_scale", "EUR per bid", in(0, 1e8, "(]"),
         "b_half: bid budget per bid at which the budget term reaches 1 − 1/e (saturating)"),
     &E::bid_budget_scale);
  ev(dbl("events.lead_time_months", "months", in(0, 120),
         "months from the January bid to the first month a won event can be held (then spread "
         "over 12 months)"),
     &E::lead_time_months);
  ev(dbl("events.spend_per_attendee", "EUR per attendee", in(0, 1e5),
         "spending in the metro per congress attendee and event (nominal)"),
     &E::spend_per_attendee);
  ev(dbl("events.awareness_boost_per_100k", "1 per 100,000 attendees", in(0, 10),
         "κ in boost = (1 − A)·(1 − exp(−κ·attendees/1e5)): awareness gap closed by congresses"),
     &E::awareness_boost_per_100k);

  add(k,
      boolean("evaluation.adaptive",
              "agencies reallocate their discretionary budgets each January by EWA (false: "
              "allocations stay as set; keep false for policy comparisons)",
              "policy setting (MODEL.md §7.12)"),
      &Scenario::evaluation, &V::adaptive);
  add(k,
      boolean("evaluation.include_externalities",
              "agencies subtract believed externalities (evaluation.belief_*) from payoffs",
              "policy setting (MODEL.md §7.12)"),
      &Scenario::evaluation, &V::include_externalities);
  const auto va = [&](KeySpec spec, double V::*f) {
    add(k, std::move(spec), &Scenario::evaluation, f);
  };
  va(dbl("evaluation.lag_months", "months", in(0, 24),
         "months between the end of the observed KPI window and the January review"),
     &V::lag_months);
  va(dbl("evaluation.noise_sd", "log units", in(0, 3),
         "sd of the log-normal noise on each agency's observed yearly KPI"),
     &V::noise_sd);
  va(dbl("evaluation.smoothing", "1", in(0, 1, "(]"),
         "weight of the newest observation in the smoothed KPI"),
     &V::smoothing);
  va(dbl("evaluation.temperature", "EUR/EUR", in(0, 100, "(]"),
         "softmax temperature over attractions (payoff per EUR)"),
     &V::temperature);
  va(dbl("evaluation.floor", "1", in(0, 1.0 / 6.0),
         "minimum share of the discretionary pool kept by each reallocated instrument"),
     &V::floor);
  va(dbl("evaluation.phi", "1", in(0, 1), "EWA φ: decay of past attractions",
         "assumption (swept): Camerer & Ho (1999) estimates ~0.9"),
     &V::phi);
  va(dbl("evaluation.delta", "1", in(0, 1),
         "EWA δ: weight of foregone payoffs of instruments little used"),
     &V::delta);
  va(dbl("evaluation.rho", "1", in(0, 1), "EWA ρ: decay of the experience weight"), &V::rho);
  va(dbl("evaluation.value_project", "EUR per project", in(0, 1e9),
         "agencies' value of one assisted investment project (credited to lead generation and "
         "incentives)"),
     &V::value_project);
  va(dbl("evaluation.value_event", "EUR per event", in(0, 1e9),
         "agencies' value of one congress won (credited to event bidding)"),
     &V::value_event);
  va(dbl("evaluation.value_talent", "EUR per household", in(0, 1e7),
         "agencies' value of one talent programme participant (credited to talent programmes)"),
     &V::value_talent);
  add_belief_keys(k);

  add(k,
      dbl("networks.effectiveness_per_membership", "1 per membership", in(0, 1),
          "e: effective promotion and lead generation × (1 + e·memberships); no study measures "
          "it, so the default is no effect"),
      &Scenario::networks, &N::effectiveness_per_membership);

  const auto fu = [&](KeySpec spec, double F::*f) {
    add(k, std::move(spec), &Scenario::funding, f);
  };
  add(k,
      {.name = "funding.applications_per_year",
       .type = KeyType::kInt,
       .unit = "applications/year",
       .range = in(0, 100),
       .source = kSwept,
       .doc = "applications to international/EU funding calls each January"},
      &Scenario::funding, &F::applications_per_year);
  fu(dbl("funding.success_intercept", "log-odds", in(-20, 20),
         "log-odds of an application's success with no staff and no network memberships"),
     &F::success_intercept);
  fu(dbl("funding.success_per_100_staff", "log-odds per 100 persons", in(0, 20),
         "rise of the success log-odds per 100 staff of active agencies"),
     &F::success_per_100_staff);
  fu(dbl("funding.success_per_membership", "log-odds per membership", in(0, 5),
         "rise of the success log-odds per city-network membership"),
     &F::success_per_membership);
  fu(dbl("funding.award_median", "EUR", in(0, 1e9), "median award of a successful application"),
     &F::award_median);
  fu(dbl("funding.award_log_sd", "log EUR", in(0, 3), "sd of the log award"), &F::award_log_sd);
}

}  // namespace metrosim::io::key_binding
