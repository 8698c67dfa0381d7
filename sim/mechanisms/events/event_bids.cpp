// event_bids.cpp — see event_bids.hpp.
#include "mechanisms/events/event_bids.hpp"

#include <algorithm>
#include <cmath>

namespace metrosim::mechanisms {

std::int64_t poisson_count(double mean, double u) {
  if (!(mean > 0.0)) return 0;
  // Sequential search; the cap only bounds the loop far beyond any plausible mean (≤ 100).
  double p = std::exp(-mean), cdf = p;
  std::int64_t k = 0;
  while (u > cdf && k < 10000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
    if (p == 0.0 && cdf < u) break;  // underflow: the remaining mass is below u's resolution
  }
  return k;
}

double win_probability(const EventsParams& p, double awareness, double budget_per_bid) {
  if (!(budget_per_bid > 0.0)) return 0.0;
  const double a = std::clamp(awareness, 0.0, 1.0);
  return p.win_max * std::pow(a, p.win_awareness_elasticity) *
         (1.0 - std::exp(-budget_per_bid / p.bid_budget_scale));
}

BidRound bid_round(const EventsParams& p, const core::StepContext& ctx, double awareness,
                   double bid_budget_year) {
  BidRound r;
  const std::int64_t n =
      poisson_count(p.bids_per_year, ctx.stream(core::Mechanism::kEvents, 0).uniform(0));
  const double per_bid = n > 0 && bid_budget_year > 0.0 ? bid_budget_year / double(n) : 0.0;
  const double prob = win_probability(p, awareness, per_bid);
  const auto lead = static_cast<core::Step>(std::lround(p.lead_time_months));
  r.opportunities.resize(static_cast<std::size_t>(n));
  for (std::int64_t k = 0; k < n; ++k) {
    auto s = ctx.stream(core::Mechanism::kEvents, static_cast<core::AgentId>(k + 1));
    BidOpportunity& o = r.opportunities[static_cast<std::size_t>(k)];
    o.attendees = p.attendees_median * std::exp(p.attendees_log_sd * s.normal(2));
    o.held = ctx.step + lead + std::min<core::Step>(11, static_cast<core::Step>(s.uniform(1) * 12));
    o.win_probability = prob;
    o.won = s.uniform(0) < prob;
    if (per_bid > 0.0) ++r.bids;
    if (o.won) {
      ++r.won;
      r.attendees_won += o.attendees;
    }
  }
  return r;
}

double awareness_boost(const EventsParams& p, double awareness, double attendees) {
  const double a = std::clamp(awareness, 0.0, 1.0);
  return (1.0 - a) * (1.0 - std::exp(-p.awareness_boost_per_100k * std::max(0.0, attendees) / 1e5));
}

}  // namespace metrosim::mechanisms
