// construction.cpp — see construction.hpp.
#include "mechanisms/housing/construction.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "mechanisms/relocation/move_events.hpp"  // monthly_probability

namespace metrosim::mechanisms {

namespace {

constexpr auto kOwner = static_cast<std::size_t>(agents::Tenure::kOwner);
constexpr auto kLtr = static_cast<std::size_t>(agents::Tenure::kLtr);
constexpr auto kSocial = static_cast<std::size_t>(agents::Tenure::kSocial);

std::size_t positive_mod(std::int64_t a, std::size_t m) {
  const auto mm = static_cast<std::int64_t>(m);
  return static_cast<std::size_t>(((a % mm) + mm) % mm);
}

double as_double(std::int64_t v) {
  return static_cast<double>(v);
}

/// Splits n starts of month `start` over the completion lags and adds the parts whose completion
/// month is ≥ 0 to the zone's schedule; returns the units scheduled.
std::int64_t schedule(const ConstructionParams& p, std::span<const double> lags, std::size_t z,
                      core::Step start, std::int64_t n, ConstructionState& st,
                      std::vector<std::int64_t>& due) {
  if (n <= 0) return 0;
  std::vector<std::int64_t> parts(lags.size());
  // The odd units rotate over lags with the month and the zone, so no lag is favoured.
  apportion(
      n, lags,
      positive_mod(static_cast<std::int64_t>(start) + static_cast<std::int64_t>(z), lags.size()),
      parts);
  std::int64_t scheduled = 0;
  for (std::size_t k = 0; k < lags.size(); ++k) {
    const std::int64_t month =
        static_cast<std::int64_t>(start) + p.lag_min_months + static_cast<std::int64_t>(k);
    if (month < 0 || parts[k] == 0) continue;  // prefill: completed before step 0 (in the data)
    due[z * st.ring + positive_mod(month, st.ring)] += parts[k];
    scheduled += parts[k];
  }
  return scheduled;
}

double private_stock_real(const agents::Zones& zones, std::size_t z, double scale) {
  return as_double(zones.stock[z][kOwner] + zones.stock[z][kLtr]) / scale;
}

}  // namespace

void ConstructionFlows::reset(std::size_t n_zones) {
  for (auto* v :
       {&starts_private, &starts_social, &completions_owner, &completions_ltr, &completions_social})
    v->assign(n_zones, 0);
}

double private_starts(const ConstructionParams& p, double private_stock, double price,
                      double cost) {
  double q = cost > 0.0 ? price / cost : p.max_q;
  q = std::clamp(q, 0.0, p.max_q);
  if (!(q >= 0.0)) q = 0.0;  // a NaN price starts nothing
  return monthly_probability(p.start_rate) * private_stock * std::pow(q, p.price_elasticity);
}

std::int64_t to_agent_units(double real_flow, double scale, double& carry) {
  if (!(real_flow >= 0.0) || !std::isfinite(real_flow) || !(scale > 0.0))
    throw std::logic_error("to_agent_units: flow " + std::to_string(real_flow) + " at scale " +
                           std::to_string(scale) + " (need a finite flow >= 0 and scale > 0)");
  const double x = real_flow * scale + carry;
  const double whole = std::floor(x);
  carry = x - whole;
  return static_cast<std::int64_t>(whole);
}

void apportion(std::int64_t n, std::span<const double> weights, std::size_t first_tie,
               std::span<std::int64_t> out) {
  const std::size_t k = weights.size();
  if (out.size() != k) throw std::logic_error("apportion: output size differs from weights");
  std::fill(out.begin(), out.end(), 0);
  if (n <= 0 || k == 0) return;
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (!(total > 0.0)) throw std::logic_error("apportion: weights must have a positive sum");
  std::vector<double> rem(k);
  std::int64_t given = 0;
  for (std::size_t j = 0; j < k; ++j) {
    const double quota = as_double(n) * (weights[j] / total);
    out[j] = static_cast<std::int64_t>(std::floor(quota));
    rem[j] = quota - std::floor(quota);
    given += out[j];
  }
  // Largest remainders first; equal remainders in cyclic order from first_tie (a total order).
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto rank = [&](std::size_t j) { return (j + k - first_tie % k) % k; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rem[a] != rem[b] ? rem[a] > rem[b] : rank(a) < rank(b);
  });
  for (std::size_t r = 0; given < n; r = (r + 1) % k, ++given) ++out[order[r]];
  // Rounding can only overshoot by floating error in the quotas: take back from the smallest.
  for (std::size_t r = k; given > n; --given) {
    do r = (r + k - 1) % k;
    while (out[order[r]] == 0);
    --out[order[r]];
  }
}

std::vector<double> lag_weights(const ConstructionParams& p) {
  return std::vector<double>(static_cast<std::size_t>(p.lag_max_months - p.lag_min_months + 1),
                             1.0);
}

double construction_cost(const ConstructionParams& p, const ConstructionState& st, std::size_t z,
                         core::Step t) {
  return st.cost0[z] * std::pow(1.0 + p.cost_growth, static_cast<double>(t) / 12.0);
}

std::vector<double> social_allocation(const ConstructionParams& p, const agents::Zones& zones,
                                      const ConstructionState& st) {
  std::vector<double> w(zones.size(), 0.0);
  double total = 0.0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones.is_external[z]) continue;
    const std::int64_t dwellings =
        zones.stock[z][kOwner] + zones.stock[z][kLtr] + zones.stock[z][kSocial];
    w[z] = std::max(0.0, st.social_weight[z]) * as_double(dwellings);
    total += w[z];
  }
  const double per_month = p.social_units_per_year / 12.0;
  for (double& x : w) x = total > 0.0 ? per_month * (x / total) : 0.0;
  return w;
}

void init_construction(const ConstructionParams& p, double scale, std::span<const double> price,
                       const agents::Zones& zones, ConstructionState& st) {
  if (p.lag_min_months < 1 || p.lag_max_months < p.lag_min_months)
    throw std::invalid_argument("construction lags need 1 <= lag_min_months <= lag_max_months");
  if (!(scale > 0.0)) throw std::invalid_argument("construction: agents.scale must be > 0");
  if (!(p.initial_q > 0.0)) throw std::invalid_argument("construction: initial_q must be > 0");
  const std::size_t n = zones.size();
  if (price.size() != n) throw std::invalid_argument("construction: one price per zone needed");
  st.ring = static_cast<std::size_t>(p.lag_max_months) + 1;
  st.due_private.assign(n * st.ring, 0);
  st.due_social.assign(n * st.ring, 0);
  st.pipeline_private.assign(n, 0);
  st.pipeline_social.assign(n, 0);
  st.cost0.assign(n, 0.0);
  st.social_weight.assign(n, p.social_weight);
  st.carry_private.assign(n, 0.0);
  st.carry_social.assign(n, 0.0);
  st.carry_ltr.assign(n, 0.0);
  for (std::size_t z = 0; z < n; ++z) st.cost0[z] = price[z] / p.initial_q;
  if (!p.prefill_pipeline) return;
  // Steady state at q0: the starts of each of the lag_max months before step 0. Social units are
  // not prefilled: the lever starts at step 0 and bites after the lag.
  const auto lags = lag_weights(p);
  for (core::Step m = -p.lag_max_months; m < 0; ++m)
    for (std::size_t z = 0; z < n; ++z) {
      if (zones.is_external[z]) continue;
      const double real =
          private_starts(p, private_stock_real(zones, z, scale), price[z], st.cost0[z]);
      const std::int64_t units = to_agent_units(real, scale, st.carry_private[z]);
      st.pipeline_private[z] += schedule(p, lags, z, m, units, st, st.due_private);
    }
}

void step_construction(const ConstructionParams& p, core::Step t, double scale,
                       std::span<const double> price, agents::Zones& zones, ConstructionState& st,
                       ConstructionFlows& flows) {
  const std::size_t n = zones.size();
  if (st.size() != n || price.size() != n || st.ring == 0)
    throw std::logic_error("step_construction: state not initialised for these zones");
  flows.reset(n);
  const auto lags = lag_weights(p);
  const auto social = social_allocation(p, zones, st);  // from the start-of-month stock
  const std::size_t slot = positive_mod(t, st.ring);
  for (std::size_t z = 0; z < n; ++z) {
    // Starts from the start-of-month stock (the zone's size before this month's completions).
    if (!zones.is_external[z]) {
      const double real = private_starts(p, private_stock_real(zones, z, scale), price[z],
                                         construction_cost(p, st, z, t));
      const std::int64_t units = to_agent_units(real, scale, st.carry_private[z]);
      flows.starts_private[z] = units;
      st.pipeline_private[z] += schedule(p, lags, z, t, units, st, st.due_private);

      const std::int64_t su = to_agent_units(social[z], scale, st.carry_social[z]);
      flows.starts_social[z] = su;
      if (p.social_through_pipeline)
        st.pipeline_social[z] += schedule(p, lags, z, t, su, st, st.due_social);
      else
        flows.completions_social[z] += su;
    }
    // Completions due this month (lags ≥ 1, so never the slot just scheduled).
    const std::size_t i = z * st.ring + slot;
    const std::int64_t done = st.due_private[i];
    const std::int64_t done_social = st.due_social[i];
    st.due_private[i] = st.due_social[i] = 0;
    st.pipeline_private[z] -= done;
    st.pipeline_social[z] -= done_social;
    double x = as_double(done) * p.completion_ltr_share + st.carry_ltr[z];
    const auto ltr = std::clamp(static_cast<std::int64_t>(std::floor(x)), std::int64_t{0}, done);
    st.carry_ltr[z] = std::clamp(x - as_double(ltr), 0.0, 1.0);
    flows.completions_ltr[z] = ltr;
    flows.completions_owner[z] = done - ltr;
    flows.completions_social[z] += done_social;
    zones.stock[z][kLtr] += ltr;
    zones.stock[z][kOwner] += done - ltr;
    zones.stock[z][kSocial] += flows.completions_social[z];
  }
}

void check_construction(const ConstructionState& st) {
  for (std::size_t z = 0; z < st.size(); ++z) {
    std::int64_t sp = 0, ss = 0;
    for (std::size_t k = 0; k < st.ring; ++k) {
      const std::int64_t a = st.due_private[z * st.ring + k], b = st.due_social[z * st.ring + k];
      if (a < 0 || b < 0)
        throw std::logic_error("construction: negative units due in zone " + std::to_string(z));
      sp += a;
      ss += b;
    }
    if (sp != st.pipeline_private[z] || ss != st.pipeline_social[z])
      throw std::logic_error("construction: pipeline of zone " + std::to_string(z) +
                             " differs from its scheduled completions");
  }
}

}  // namespace metrosim::mechanisms
