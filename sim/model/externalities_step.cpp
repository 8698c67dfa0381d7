// externalities_step.cpp — see externalities_step.hpp.
#include "model/externalities_step.hpp"

#include "model/world.hpp"

namespace metrosim::model {

std::vector<double> commuting_car_km(const World& w) {
  const auto& hh = w.households;
  const auto& lp = w.scenario.labour;
  const std::size_t n = w.zones.size();
  std::vector<double> km(n, 0.0);
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (hh.employment[i] != agents::Employment::kEmployed) continue;
    const auto home = static_cast<std::size_t>(hh.zone[i]);
    const auto work = static_cast<std::size_t>(hh.workplace[i]);
    const double half = 0.5 * w.jobs.km(home, work);
    km[home] += half;
    km[work] += half;
  }
  const double scale = 2.0 * lp.workdays_per_month * lp.workers_per_employed_household * w.weight *
                       w.scenario.externalities.pollution.commute_car_share;
  for (double& v : km) v *= scale;
  return km;
}

std::vector<double> str_share(const World& w) {
  const std::size_t n = w.zones.size();
  std::vector<double> share(n, 0.0);
  const auto& tw = w.tourism;
  if (tw.licensed.size() != n) return share;
  for (std::size_t z = 0; z < n; ++z) {
    const auto& st = w.zones.stock[z];
    const double str = static_cast<double>(tw.licensed[z] + tw.unlicensed[z]);
    const double all = static_cast<double>(st[0] + st[1] + st[2]) + str;
    share[z] = all > 0.0 ? str / all : 0.0;
  }
  return share;
}

std::vector<std::uint8_t> tourism_workers(const World& w) {
  const auto& hh = w.households;
  std::vector<std::uint8_t> flag(hh.size(), 0);
  constexpr auto kTourism = static_cast<std::uint8_t>(agents::JobSector::kTourism);
  for (std::size_t i = 0; i < hh.size(); ++i)
    flag[i] = hh.employment[i] == agents::Employment::kEmployed && hh.sector[i] == kTourism;
  return flag;
}

void step_externalities(World& w, const core::StepContext& ctx, core::Step t) {
  const auto& ep = w.scenario.externalities;
  const std::size_t n = w.zones.size();
  const TourismWorld& tw = w.tourism;
  const bool market = tw.active && tw.month.pressure.size() == n;
  // Irritation: this month's pressure (step 9) and the STR share after this month's conversions.
  const std::vector<double> pressure = market ? tw.month.pressure : std::vector<double>(n, 0.0);
  const auto share = str_share(w);
  const auto workers = tourism_workers(w);
  w.externalities.irritation = mechanisms::irritation_by_zone(ep.irritation, ctx, w.households.id,
                                                              w.by_zone, workers, pressure, share);

  // Pollution: the capped cruise movements of step 9, commuting car-km, flags of the tourism
  // table (none without one). Weights are re-derived monthly so a shock to decay_km acts at once.
  const std::vector<std::uint8_t> none(n, 0);
  const auto flags = [&](const std::vector<std::uint8_t>& v) {
    return std::span<const std::uint8_t>(v.size() == n ? v : none);
  };
  const mechanisms::SourceZones where{flags(tw.port), flags(tw.airport),
                                      flags(tw.zones.cruise_terminal)};
  const double cruise = market ? tw.demand.cruise_passengers : 0.0;
  auto activity = mechanisms::default_activity(ep.pollution, cruise);
  const auto car_km = commuting_car_km(w);
  activity.car_km = car_km;
  w.externalities.emissions = mechanisms::emissions(ep.pollution, activity, where, n);
  const auto weights =
      mechanisms::decay_weights(ep.pollution.decay_km, w.zones.distance_km, w.zones.area_km2);
  const double days = static_cast<double>(w.calendar.day_offset(t + 1) - w.calendar.day_offset(t));
  w.externalities.pollution = mechanisms::concentrations(
      ep.pollution, w.externalities.emissions.by_zone(), weights, w.zones.area_km2, days);
}

}  // namespace metrosim::model
