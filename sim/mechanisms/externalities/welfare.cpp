// welfare.cpp — see welfare.hpp.
#include "mechanisms/externalities/welfare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

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
  std::vector<double> b, k;          ///< per zone; b = kExcluded where the zone is not available
  std::vector<double> value, slope;  ///< logsum and d(logsum)/ds at the nodes
  double s0 = 0.0, h = 0.0;

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

  double interpolate(double s) const {
    if (value.size() == 1 || h <= 0.0) return value[0];
    const double pos = std::clamp((s - s0) / h, 0.0, static_cast<double>(value.size() - 1));
    const auto j = std::min(static_cast<std::size_t>(pos), value.size() - 2);
    const double t = pos - static_cast<double>(j), t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * value[j] + (t3 - 2 * t2 + t) * h * slope[j] +
           (-2 * t3 + 3 * t2) * value[j + 1] + (t3 - t2) * h * slope[j + 1];
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
  const std::size_t n = hh.size(), nz = zones.size();
  std::vector<double> out(n, kNaN);
  if (p.beta_burden <= 0.0) return out;
  const auto group = [&](std::size_t i) {
    return static_cast<std::size_t>(hh.zone[i]) * agents::kTenures +
           static_cast<std::size_t>(hh.tenure[i]);
  };
  const auto rows = static_cast<std::int64_t>(n);
  std::vector<double> log_income(n, kNaN);
#pragma omp parallel for schedule(static)
  for (std::int64_t r = 0; r < rows; ++r) {
    const auto i = static_cast<std::size_t>(r);
    if (hh.income[i] > 0.0) log_income[i] = std::log(hh.income[i]);
  }
  std::vector<LogsumTable> tables(nz * agents::kTenures);
  for (std::size_t i = 0; i < n; ++i) {
    if (hh.income[i] <= 0.0) continue;
    auto& g = tables[group(i)];
    const double s = log_income[i];
    g.used = true;
    g.smin = std::min(g.smin, s);
    g.smax = std::max(g.smax, s);
  }
  const auto n_tables = static_cast<std::int64_t>(tables.size());
  // Tables are independent of each other: built in parallel, each by the same serial steps.
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t gi = 0; gi < n_tables; ++gi) {
    auto& g = tables[static_cast<std::size_t>(gi)];
    if (!g.used) continue;
    const auto from = static_cast<std::size_t>(gi) / agents::kTenures;
    const auto t = static_cast<agents::Tenure>(static_cast<std::size_t>(gi) % agents::kTenures);
    fit_utilities(p, zones, from, t, g);
    const std::size_t nodes = g.smax > g.smin ? kNodes : 1;
    g.s0 = g.smin;
    g.h = nodes > 1 ? (g.smax - g.smin) / static_cast<double>(nodes - 1) : 0.0;
    g.value.resize(nodes);
    g.slope.resize(nodes);
    for (std::size_t j = 0; j < nodes; ++j)
      g.eval(g.s0 + g.h * static_cast<double>(j), g.value[j], g.slope[j]);
  }
  const double log_weight = std::log(weight);
#pragma omp parallel for schedule(static)
  for (std::int64_t r = 0; r < rows; ++r) {
    const auto i = static_cast<std::size_t>(r);
    if (hh.income[i] <= 0.0) continue;
    const auto& g = tables[group(i)];
    if (g.value[0] == -kInf) continue;  // no zone has a dwelling of this use
    out[i] = (log_weight + g.interpolate(log_income[i])) * hh.income[i] / p.beta_burden;
  }
  return out;
}

std::array<double, kQuintiles - 1> quintile_bounds(std::vector<double> v) {
  std::array<double, kQuintiles - 1> b;
  b.fill(kNaN);
  const std::size_t n = v.size();
  if (n == 0) return b;
  auto first = v.begin();
  for (std::size_t k = 1; k < kQuintiles; ++k) {
    // Rank ⌈k·n/5⌉ (1-based); later ranks search only to the right of the previous one.
    const std::size_t rank = (k * n + kQuintiles - 1) / kQuintiles;
    const auto nth = v.begin() + static_cast<std::ptrdiff_t>(rank - 1);
    std::nth_element(first, nth, v.end());
    b[k - 1] = *nth;
    first = nth;
  }
  return b;
}

std::size_t quintile_of(const std::array<double, kQuintiles - 1>& bounds, double value) {
  std::size_t q = 0;
  for (double b : bounds) q += value > b ? 1 : 0;
  return q;
}

WelfareSummary summarise_welfare(const agents::Zones& zones, const agents::Households& hh,
                                 std::span<const double> welfare) {
  WelfareSummary s;
  const std::size_t nz = zones.size();
  std::vector<double> incomes;
  incomes.reserve(hh.size());
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (!zones.is_external[static_cast<std::size_t>(hh.zone[i])]) incomes.push_back(hh.income[i]);
  s.quintile_bounds = quintile_bounds(std::move(incomes));

  std::vector<double> zsum(nz, 0.0), zn(nz, 0.0);
  std::array<double, kQuintiles> qsum{}, qn{};
  std::array<double, agents::kTenures> tsum{}, tn{};
  double msum = 0.0, mn = 0.0;
  for (std::size_t i = 0; i < hh.size(); ++i) {
    const double w = welfare[i];
    if (!std::isfinite(w)) continue;
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    zsum[z] += w;
    zn[z] += 1.0;
    if (zones.is_external[z]) continue;
    msum += w;
    mn += 1.0;
    const std::size_t q = quintile_of(s.quintile_bounds, hh.income[i]);
    qsum[q] += w;
    qn[q] += 1.0;
    const auto t = static_cast<std::size_t>(hh.tenure[i]);
    tsum[t] += w;
    tn[t] += 1.0;
  }
  const auto mean = [](double sum, double count) { return count > 0 ? sum / count : kNaN; };
  s.zone_mean.resize(nz);
  for (std::size_t z = 0; z < nz; ++z) s.zone_mean[z] = mean(zsum[z], zn[z]);
  s.metro_mean = mean(msum, mn);
  for (std::size_t q = 0; q < kQuintiles; ++q) s.quintile_mean[q] = mean(qsum[q], qn[q]);
  for (std::size_t t = 0; t < agents::kTenures; ++t) s.tenure_mean[t] = mean(tsum[t], tn[t]);
  return s;
}

}  // namespace metrosim::mechanisms
