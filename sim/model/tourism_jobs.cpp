// tourism_jobs.cpp — see tourism_jobs.hpp.
#include "model/tourism_jobs.hpp"

#include "model/world.hpp"

namespace metrosim::model {

Scenario without_tourism_levers(const Scenario& s) {
  Scenario r = s;
  const mechanisms::TourismParams defaults;
  r.tourism.tax_per_night = defaults.tax_per_night;
  r.tourism.tax_evasion_unlicensed = defaults.tax_evasion_unlicensed;
  r.tourism.dispersal = defaults.dispersal;
  r.tourism.dispersal_gain = defaults.dispersal_gain;
  r.tourism.cruise_cap = defaults.cruise_cap;
  return r;
}

namespace {

double zone_nights(const mechanisms::TourismMonth& m, std::size_t z) {
  double v = 0.0;
  for (double x : m.nights[z]) v += x;
  return v;
}

}  // namespace

std::vector<std::vector<double>> tourism_reference_nights(const World& w) {
  if (!w.tourism.active) return {};
  const std::size_t n = w.zones.size();
  const Scenario ref = without_tourism_levers(w.resolved);
  TourismWorld tw = w.tourism;  // a copy: the reference year leaves the run's market untouched
  std::vector<std::vector<double>> nights(12, std::vector<double>(n, 0.0));
  for (core::Step t = 0; t < 12; ++t) {
    const core::YearMonth ym = w.calendar.at(t);
    double attendees = 0.0;
    for (std::size_t k = 0; k < w.events_calendar.kinds().size(); ++k)
      attendees += w.events_calendar.attendees(k, ym.year, ym.month);
    step_tourism_market(ref, w.calendar, t, attendees, w.weight, w.zones, tw);
    auto& row = nights[static_cast<std::size_t>(ym.month) - 1];
    for (std::size_t z = 0; z < n; ++z) row[z] = zone_nights(tw.month, z);
  }
  return nights;
}

std::vector<double> tourism_demand_from_market(const World& w, core::Step t) {
  const std::size_t n = w.zones.size();
  std::vector<double> index(n, 1.0);
  const TourismWorld& tw = w.tourism;
  if (t == 0 || !tw.active || w.tourism_reference_nights.size() != 12 ||
      tw.month.nights.size() != n)
    return index;
  const core::YearMonth last = w.calendar.at(t - 1);
  const auto& ref = w.tourism_reference_nights[static_cast<std::size_t>(last.month) - 1];
  for (std::size_t z = 0; z < n; ++z)
    if (ref[z] > 0.0) index[z] = zone_nights(tw.month, z) / ref[z];
  return index;
}

}  // namespace metrosim::model
