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

void update_tourism_demand(World& w, core::Step t) {
  const std::size_t n = w.zones.size();
  std::vector<double> index(n, 1.0);
  TourismWorld& ref = w.tourism_reference;
  if (t > 0 && w.tourism.active && ref.active && w.tourism.month.nights.size() == n) {
    const core::Step last = t - 1;
    const core::YearMonth ym = w.calendar.at(last);
    double attendees = 0.0;
    for (std::size_t k = 0; k < w.events_calendar.kinds().size(); ++k)
      attendees += w.events_calendar.attendees(k, ym.year, ym.month);
    // The reference market keeps the metro brand at its initial awareness and image: tourism
    // jobs follow what the brand (and the levers) change in demand.
    const Scenario ref_scenario = without_tourism_levers(w.resolved);
    step_tourism_market(ref_scenario, w.calendar, last, attendees,
                        ref_scenario.migration.metro_awareness, ref_scenario.migration.metro_image,
                        w.weight, w.zones, ref);
    for (std::size_t z = 0; z < n; ++z) {
      const double r = zone_nights(ref.month, z);
      if (r > 0.0) index[z] = zone_nights(w.tourism.month, z) / r;
    }
  }
  mechanisms::set_tourism_demand(w.jobs, index);
}

}  // namespace metrosim::model
