// welfare.cpp — see welfare.hpp.
#include "mechanisms/externalities/welfare.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <omp.h>

#include "mechanisms/relocation/zone_choice.hpp"

namespace metrosim::mechanisms {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Size term of zone z for tenure t: its dwelling stock of that use (agent units).
std::int64_t size_of(const agents::Zones& zones, std::size_t z, agents::Tenure t) {
  return zones.stock[z][static_cast<std::size_t>(t)];
}
/// Nodes per table: cubic Hermite with exact derivatives errs by O(h⁴); 48 nodes over the
/// widest income range keep the error far below a cent (tested against the direct evaluation).
constexpr std::size_t kNodes = 48;

/// The logsum of one (zone of residence, tenure) group as a function of s = ln(income): each
/// available zone's utility is b_z + k_z·e^{−s}.
struct LogsumTable {
  bool used = false;
  double smin = kInf, smax = -kInf;
  std::vector<double> b, k;  ///< per zone; b = kExcluded where the zone is not available
  /// Per segment j, the Hermite cubic in t = (s − s_j)/h as c0 + c1·t + c2·t² + c3·t³.
  std::vector<std::array<double, 4>> cubic;
  double s0 = 0.0, inv_h = 0.0;
  bool available = false;  ///< some zone has a dwelling of the tenure's use

  void eval(double s, double& out_value, double& out_slope) const {
    const double x = std::exp(-s);
    double top = -kInf;
    for (std::size_t z = 0; z < b.size(); ++z)
      if (b[z] > kExcluded) top = std::max(top, b[z] + k[z] * x);
    if (top == -kInf) {
      out_value = -kInf;
      out_slope = 0.0;
      return;
    }
    double sum = 0.0, dsum = 0.0;
    for (std::size_t z = 0; z < b.size(); ++z) {
      if (b[z] <= kExcluded) continue;
      const double e = std::exp(b[z] + k[z] * x - top);
      sum += e;
      dsum += e * (-k[z] * x);
    }
    out_value = top + std::log(sum);
    out_slope = dsum / sum;
  }

  /// Nodes s_j = smin + j·h, values and exact slopes there, turned into per-segment cubics.
  void tabulate() {
    const std::size_t nodes = smax > smin ? kNodes : 1;
    const double h = nodes > 1 ? (smax - smin) / static_cast<double>(nodes - 1) : 0.0;
    s0 = smin;
    inv_h = h > 0.0 ? 1.0 / h : 0.0;
    std::vector<double> v(nodes), d(nodes);
    for (std::size_t j = 0; j < nodes; ++j) eval(s0 + h * static_cast<double>(j), v[j], d[j]);
    available = v[0] > -kInf;
    if (!available) return;
    if (nodes == 1) {
      cubic.assign(1, {v[0], 0.0, 0.0, 0.0});
      return;
    }
    cubic.resize(nodes - 1);
    for (std::size_t j = 0; j + 1 < nodes; ++j) {
      const double m0 = h * d[j], m1 = h * d[j + 1];
      cubic[j] = {v[j], m0, 3.0 * (v[j + 1] - v[j]) - 2.0 * m0 - m1,
                  2.0 * (v[j] - v[j + 1]) + m0 + m1};
    }
  }

  double interpolate(double s) const {
    const double last = static_cast<double>(cubic.size());
    const double pos = std::clamp((s - s0) * inv_h, 0.0, last);
    const auto j = std::min(static_cast<std::size_t>(pos), cubic.size() - 1);
    const double t = pos - static_cast<double>(j);
    const auto& c = cubic[j];
    return c[0] + t * (c[1] + t * (c[2] + t * c[3]));
  }
};

/// Recovers b_z and k_z from the shared utility at two incomes, and checks a third: the table
/// is only valid while zone_utility stays linear in 1/income.
void fit_utilities(const RelocationParams& p, const agents::Zones& zones, std::size_t from,
                   agents::Tenure t, LogsumTable& g) {
  const std::size_t nz = zones.size();
  g.b.assign(nz, kExcluded);
  g.k.assign(nz, 0.0);
  const double y1 = std::exp(g.smin), y2 = std::max(std::exp(g.smax), 2.0 * y1), y3 = 1.5 * y1;
  const auto f = static_cast<core::ZoneIndex>(from);
  for (std::size_t z = 0; z < nz; ++z) {
    const std::int64_t vac = size_of(zones, z, t);
    const double v1 = zone_utility(p, zones, t, y1, f, z, vac);
    if (v1 <= kExcluded) continue;
    const double v2 = zone_utility(p, zones, t, y2, f, z, vac);
    g.k[z] = (v1 - v2) / (1.0 / y1 - 1.0 / y2);
    g.b[z] = v1 - g.k[z] / y1;
    const double v3 = zone_utility(p, zones, t, y3, f, z, vac);
    const double fit = g.b[z] + g.k[z] / y3;
    if (std::abs(v3 - fit) > 1e-9 * (1.0 + std::abs(v3) + std::abs(g.k[z] / y3)))
      throw std::logic_error("welfare: the relocation utility of zone " + zones.code[z] +
                             " is not linear in 1/income; the logsum table needs revisiting");
  }
}

/// Order statistics by a radix pre-selection on the bit patterns of non-negative doubles (which
/// sort like the values): count values per bucket of their top 20 bits, find each wanted rank's
/// bucket, then select exactly within it. Two passes over the values instead of four
/// nth_element calls on a copy of a million incomes; the result depends on the values only.
template <class Value, class Include>
std::array<double, kQuintiles - 1> quintile_bounds_if(std::size_t n, Value value_of,
                                                      Include include) {
  std::array<double, kQuintiles - 1> b;
  b.fill(kNaN);
  constexpr int kShift = 44;  // keeps sign (0), 11 exponent bits and 8 mantissa bits
  const auto key = [](double v) {
    return static_cast<std::size_t>(std::bit_cast<std::uint64_t>(v) >> kShift);
  };
  std::vector<std::uint32_t> count(std::size_t{1} << (64 - kShift), 0);
  std::size_t m = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!include(i)) continue;
    const double v = value_of(i);
    if (!(v >= 0.0)) throw std::invalid_argument("quintile_bounds: a value is negative or NaN");
    ++count[key(v)];
    ++m;
  }
  if (m == 0) return b;
  // Rank ⌈k·m/5⌉ (1-based) of each bound: its bucket and its rank inside the bucket.
  std::array<std::size_t, kQuintiles - 1> bucket{}, inner{};
  std::size_t below = 0, k = 0;
  for (std::size_t c = 0; c < count.size() && k < bucket.size(); ++c) {
    const auto rank = [&](std::size_t j) { return ((j + 1) * m + kQuintiles - 1) / kQuintiles; };
    while (k < bucket.size() && rank(k) <= below + count[c]) {
      bucket[k] = c;
      inner[k] = rank(k) - 1 - below;
      ++k;
    }
    below += count[c];
  }
  std::array<std::vector<double>, kQuintiles - 1> in_bucket;
  for (std::size_t i = 0; i < n; ++i) {
    if (!include(i)) continue;
    const double v = value_of(i);
    const std::size_t c = key(v);
    for (std::size_t j = 0; j < bucket.size(); ++j)
      if (bucket[j] == c) {
        in_bucket[j].push_back(v);
        break;  // bounds sharing a bucket read the same values
      }
  }
  for (std::size_t j = 0; j < bucket.size(); ++j) {
    std::size_t src = j;
    while (src > 0 && bucket[src - 1] == bucket[j]) --src;  // the first bound with this bucket
    auto& v = in_bucket[src];
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(inner[j]), v.end());
    b[j] = v[inner[j]];
  }
  return b;
}

}  // namespace

double logsum(std::span<const double> u) {
  double top = -kInf;
  for (double v : u)
    if (v > kExcluded) top = std::max(top, v);
  if (top == -kInf) return -kInf;
  double sum = 0.0;
  for (double v : u)
    if (v > kExcluded) sum += std::exp(v - top);
  return top + std::log(sum);
}

double household_welfare_exact(const RelocationParams& p, const agents::Zones& zones,
                               const agents::Households& hh, std::size_t i, double weight) {
  if (p.beta_burden <= 0.0 || hh.income[i] <= 0.0) return kNaN;
  std::vector<double> u(zones.size());
  for (std::size_t z = 0; z < zones.size(); ++z)
    u[z] = zone_utility(p, zones, hh, i, hh.zone[i], z, size_of(zones, z, hh.tenure[i]));
  const double ls = logsum(u);
  if (ls == -kInf) return kNaN;
  return (std::log(weight) + ls) * hh.income[i] / p.beta_burden;
}

std::vector<double> household_welfare(const RelocationParams& p, const agents::Zones& zones,
                                      const agents::Households& hh, double weight) {
  const std::size_t n = hh.size(), nz = zones.size(), n_groups = nz * agents::kTenures;
  std::vector<double> out(n, kNaN);
  if (p.beta_burden <= 0.0) return out;
  const auto group = [&](std::size_t i) {
    return static_cast<std::size_t>(hh.zone[i]) * agents::kTenures +
           static_cast<std::size_t>(hh.tenure[i]);
  };
  const auto rows = static_cast<std::int64_t>(n);
  // Income range of each group: per-thread minima and maxima, merged afterwards (exact
  // operations, so the result does not depend on the threads).
  std::vector<std::vector<double>> lo, hi;
#pragma omp parallel
  {
#pragma omp single
    {
      lo.assign(static_cast<std::size_t>(omp_get_num_threads()), std::vector(n_groups, kInf));
      hi.assign(lo.size(), std::vector(n_groups, -kInf));
    }
    auto& my_lo = lo[static_cast<std::size_t>(omp_get_thread_num())];
    auto& my_hi = hi[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(static)
    for (std::int64_t r = 0; r < rows; ++r) {
      const auto i = static_cast<std::size_t>(r);
      const double y = hh.income[i];
      if (y <= 0.0) continue;
      const std::size_t g = group(i);
      my_lo[g] = std::min(my_lo[g], y);
      my_hi[g] = std::max(my_hi[g], y);
    }
  }
  std::vector<LogsumTable> tables(n_groups);
  for (std::size_t g = 0; g < n_groups; ++g) {
    double y_lo = kInf, y_hi = -kInf;
    for (std::size_t k = 0; k < lo.size(); ++k) {
      y_lo = std::min(y_lo, lo[k][g]);
      y_hi = std::max(y_hi, hi[k][g]);
    }
    if (y_lo > y_hi) continue;
    tables[g].used = true;
    tables[g].smin = std::log(y_lo);
    tables[g].smax = std::log(y_hi);
  }
  const auto n_tables = static_cast<std::int64_t>(n_groups);
  // Tables are independent of each other: built in parallel, each by the same serial steps.
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t gi = 0; gi < n_tables; ++gi) {
    auto& g = tables[static_cast<std::size_t>(gi)];
    if (!g.used) continue;
    const auto from = static_cast<std::size_t>(gi) / agents::kTenures;
    const auto t = static_cast<agents::Tenure>(static_cast<std::size_t>(gi) % agents::kTenures);
    fit_utilities(p, zones, from, t, g);
    g.tabulate();
  }
  const double log_weight = std::log(weight);
#pragma omp parallel for schedule(static)
  for (std::int64_t r = 0; r < rows; ++r) {
    const auto i = static_cast<std::size_t>(r);
    const double y = hh.income[i];
    if (y <= 0.0) continue;
    const auto& g = tables[group(i)];
    if (!g.available) continue;  // no zone has a dwelling of this use
    out[i] = (log_weight + g.interpolate(std::log(y))) * y / p.beta_burden;
  }
  return out;
}

std::array<double, kQuintiles - 1> quintile_bounds(std::span<const double> values) {
  return quintile_bounds_if(
      values.size(), [&](std::size_t i) { return values[i]; }, [](std::size_t) { return true; });
}

std::size_t quintile_of(const std::array<double, kQuintiles - 1>& bounds, double value) {
  std::size_t q = 0;
  for (double b : bounds) q += value > b ? 1 : 0;
  return q;
}

WelfareSummary summarise_welfare(const agents::Zones& zones, const agents::Households& hh,
                                 const core::GroupIndex& by_zone, std::span<const double> welfare) {
  WelfareSummary s;
  const std::size_t nz = zones.size();
  s.quintile_bounds = quintile_bounds_if(
      hh.size(), [&](std::size_t i) { return hh.income[i]; },
      [&](std::size_t i) { return !zones.is_external[static_cast<std::size_t>(hh.zone[i])]; });

  // Per zone, members in the index's fixed order: sums by quintile and tenure (zones in
  // parallel, each alone), then the metro over zones in zone order.
  struct Sums {
    double sum = 0.0, n = 0.0;
    std::array<double, kQuintiles> q{}, qn{};
    std::array<double, agents::kTenures> t{}, tn{};
  };
  std::vector<Sums> zs(nz);
  const auto n_zones = static_cast<std::int64_t>(nz);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t zi = 0; zi < n_zones; ++zi) {
    auto& a = zs[static_cast<std::size_t>(zi)];
    for (std::uint32_t i : by_zone.members(static_cast<std::size_t>(zi))) {
      const double w = welfare[i];
      if (!std::isfinite(w)) continue;
      a.sum += w;
      a.n += 1.0;
      const std::size_t q = quintile_of(s.quintile_bounds, hh.income[i]);
      a.q[q] += w;
      a.qn[q] += 1.0;
      const auto t = static_cast<std::size_t>(hh.tenure[i]);
      a.t[t] += w;
      a.tn[t] += 1.0;
    }
  }
  const auto mean = [](double sum, double count) { return count > 0 ? sum / count : kNaN; };
  Sums m;
  s.zone_mean.resize(nz);
  for (std::size_t z = 0; z < nz; ++z) {
    const auto& a = zs[z];
    s.zone_mean[z] = mean(a.sum, a.n);
    if (zones.is_external[z]) continue;  // the external zone's households are not metro residents
    m.sum += a.sum;
    m.n += a.n;
    for (std::size_t q = 0; q < kQuintiles; ++q) {
      m.q[q] += a.q[q];
      m.qn[q] += a.qn[q];
    }
    for (std::size_t t = 0; t < agents::kTenures; ++t) {
      m.t[t] += a.t[t];
      m.tn[t] += a.tn[t];
    }
  }
  s.metro_mean = mean(m.sum, m.n);
  for (std::size_t q = 0; q < kQuintiles; ++q) s.quintile_mean[q] = mean(m.q[q], m.qn[q]);
  for (std::size_t t = 0; t < agents::kTenures; ++t) s.tenure_mean[t] = mean(m.t[t], m.tn[t]);
  return s;
}

}  // namespace metrosim::mechanisms
