// pollution.cpp — see pollution.hpp.
#include "mechanisms/externalities/pollution.hpp"

#include <cmath>
#include <limits>

namespace metrosim::mechanisms {

namespace {

constexpr double kMicrogramsPerKg = 1e9;
constexpr double kSquareMetresPerKm2 = 1e6;

PerPollutant factors(const PollutionParams& p, Source s) {
  switch (s) {
    case Source::kCruise:
      return {p.ef_cruise_nox, p.ef_cruise_sox};
    case Source::kCargo:
      return {p.ef_cargo_nox, p.ef_cargo_sox};
    case Source::kAviation:
      return {p.ef_lto_nox, p.ef_lto_sox};
    case Source::kCommuting:
      return {p.ef_car_nox, p.ef_car_sox};
  }
  return {0.0, 0.0};
}

/// Spreads `activity` equally over the flagged zones, times the factors, into `out`.
void place(double activity, const PerPollutant& ef, std::span<const std::uint8_t> flag,
           std::vector<PerPollutant>& out) {
  std::size_t n_flagged = 0;
  for (std::size_t z = 0; z < out.size() && z < flag.size(); ++z) n_flagged += flag[z] ? 1 : 0;
  if (n_flagged == 0) return;
  const double share = activity / static_cast<double>(n_flagged);
  for (std::size_t z = 0; z < out.size() && z < flag.size(); ++z)
    if (flag[z])
      for (std::size_t k = 0; k < kPollutants; ++k) out[z][k] += share * ef[k];
}

}  // namespace

SourceFlags source_flags(std::span<const agents::TourismRow> rows) {
  SourceFlags f;
  for (const auto& r : rows) {
    f.port.push_back(r.port);
    f.airport.push_back(r.airport);
    f.cruise_terminal.push_back(r.cruise_terminal);
  }
  return f;
}

double cruise_ship_hours(const PollutionParams& p, double cruise_passengers) {
  return cruise_passengers / p.cruise_movements_per_call * p.cruise_hours_per_call;
}

PollutionActivity default_activity(const PollutionParams& p, double cruise_passengers) {
  PollutionActivity a;
  a.cruise_passengers = cruise_passengers;
  a.cargo_ship_hours = p.cargo_ship_hours;
  a.lto_cycles = p.lto_cycles;
  return a;
}

std::vector<PerPollutant> Emissions::by_zone() const {
  std::vector<PerPollutant> out(by_source[0].size(), PerPollutant{});
  for (const auto& src : by_source)
    for (std::size_t z = 0; z < out.size(); ++z)
      for (std::size_t k = 0; k < kPollutants; ++k) out[z][k] += src[z][k];
  return out;
}

Emissions emissions(const PollutionParams& p, const PollutionActivity& a, const SourceZones& s,
                    std::size_t n_zones) {
  Emissions e;
  for (auto& v : e.by_source) v.assign(n_zones, PerPollutant{});
  const auto add = [&](Source src, double activity, std::span<const std::uint8_t> flag) {
    const auto i = static_cast<std::size_t>(src);
    const PerPollutant ef = factors(p, src);
    for (std::size_t k = 0; k < kPollutants; ++k) e.total[i][k] = activity * ef[k];
    place(activity, ef, flag, e.by_source[i]);
  };
  add(Source::kCruise, cruise_ship_hours(p, a.cruise_passengers), s.cruise_terminal);
  add(Source::kCargo, a.cargo_ship_hours, s.port);
  add(Source::kAviation, a.lto_cycles, s.airport);
  // Commuting: emitted in the zone where the km are driven.
  const auto c = static_cast<std::size_t>(Source::kCommuting);
  const PerPollutant ef = factors(p, Source::kCommuting);
  for (std::size_t z = 0; z < n_zones && z < a.car_km.size(); ++z)
    for (std::size_t k = 0; k < kPollutants; ++k) {
      e.by_source[c][z][k] = a.car_km[z] * ef[k];
      e.total[c][k] += a.car_km[z] * ef[k];
    }
  return e;
}

Eigen::MatrixXd decay_weights(double decay_km, const Eigen::MatrixXd& distance_km,
                              std::span<const double> area_km2) {
  const auto n = distance_km.rows();
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index s = 0; s < n; ++s) {
    double sum = 0.0;
    for (Eigen::Index r = 0; r < n; ++r) {
      const double a = area_km2[static_cast<std::size_t>(r)];
      if (a <= 0.0) continue;  // not a receptor (the external zone has no modelled area)
      sum += (w(s, r) = a * std::exp(-distance_km(s, r) / decay_km));
    }
    if (sum > 0.0) w.row(s) /= sum;
  }
  return w;
}

std::vector<PerPollutant> concentrations(const PollutionParams& p,
                                         const std::vector<PerPollutant>& emissions_by_zone,
                                         const Eigen::MatrixXd& weights,
                                         std::span<const double> area_km2, double days_in_month) {
  const std::size_t n = emissions_by_zone.size();
  const double seconds = days_in_month * 86400.0;
  const double tau = p.residence_hours * 3600.0;
  std::vector<PerPollutant> c(n, PerPollutant{});
  for (std::size_t r = 0; r < n; ++r) {
    if (area_km2[r] <= 0.0) {
      c[r].fill(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    // Box model: mass over the zone = emission rate × residence time; spread over A·H.
    const double volume = area_km2[r] * kSquareMetresPerKm2 * p.mixing_height_m;
    for (std::size_t s = 0; s < n; ++s) {
      const double w = weights(static_cast<Eigen::Index>(s), static_cast<Eigen::Index>(r));
      if (w == 0.0) continue;
      for (std::size_t k = 0; k < kPollutants; ++k)
        c[r][k] += emissions_by_zone[s][k] * w * kMicrogramsPerKg / seconds * tau / volume;
    }
  }
  return c;
}

}  // namespace metrosim::mechanisms
