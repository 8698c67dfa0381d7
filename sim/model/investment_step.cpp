// investment_step.cpp — see investment_step.hpp.
#include "model/investment_step.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "mechanisms/firms/demography.hpp"

namespace metrosim::model {

namespace {
constexpr std::size_t kTourism = 0, kTradable = 1, kLocal = 2;

bool has_local_firm(const agents::Firms& f, std::size_t z) {
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.sector[i] == agents::Sector::kOtherServices && static_cast<std::size_t>(f.zone[i]) == z)
      return true;
  return false;
}

/// Firm persons by zone and labour sector in agent-unit jobs, for labour's targets.
void hand_firm_jobs_to_labour(World& w) {
  const double ppj = persons_per_job(w);
  const auto persons = mechanisms::persons_by_job_sector(w.firms, w.zones.size());
  w.jobs.firm_jobs.assign(w.zones.size(), {0.0, 0.0, 0.0});
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    for (std::size_t s = 0; s < agents::kJobSectors; ++s)
      w.jobs.firm_jobs[z][s] = persons[z][s] / ppj;
  w.jobs.firms_drive = w.scenario.firms.drive_jobs;
}
}  // namespace

double persons_per_job(const World& w) {
  return w.weight * w.scenario.labour.workers_per_employed_household;
}

mechanisms::ZoneAttractors zone_attractors(const World& w) {
  const std::size_t n = w.zones.size();
  const auto& zones = w.zones;
  mechanisms::ZoneAttractors a;
  a.eligible.assign(n, 0);
  a.is_core = zones.is_core;
  a.log_size.assign(n, 0.0);
  a.jobs.assign(n, {0.0, 0.0, 0.0});
  a.talent.assign(n, 1.0);
  a.rent_index.assign(n, 1.0);
  a.infrastructure.assign(n, 0);
  // Talent: researchers and skilled workers among residents (deterministic per-zone sums).
  const auto& hh = w.households;
  const auto talent = core::group_sum(w.by_zone, [&](std::uint32_t i) {
    return hh.origin[i] == agents::Origin::kResearcher || hh.origin[i] == agents::Origin::kSkilled
               ? 1.0
               : 0.0;
  });
  const auto residents = core::group_sum(w.by_zone, [](std::uint32_t) { return 1.0; });
  double talent_sum = 0.0, resident_sum = 0.0, rent_sum = 0.0, eligible = 0.0;
  const double ppj = persons_per_job(w);
  for (std::size_t z = 0; z < n; ++z) {
    if (zones.is_external[z] || !(zones.area_km2[z] > 0.0)) continue;
    a.eligible[z] = 1;
    double located = 0.0;
    for (std::size_t s = 0; s < agents::kJobSectors; ++s) {
      a.jobs[z][s] = static_cast<double>(w.jobs.jobs[z][s]) * ppj;
      located += a.jobs[z][s];
    }
    // Size term: jobs located as the proxy of non-residential floorspace (no floorspace data).
    a.log_size[z] = std::log(std::max(located, 1.0));
    talent_sum += talent[z];
    resident_sum += residents[z];
    rent_sum += zones.rent_market[z];
    eligible += 1.0;
    if (z < w.tourism.port.size()) a.infrastructure[z] = w.tourism.port[z] || w.tourism.airport[z];
  }
  const double metro_talent = resident_sum > 0 ? talent_sum / resident_sum : 0.0;
  const double metro_rent = eligible > 0 ? rent_sum / eligible : 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    if (!a.eligible[z]) continue;
    if (metro_talent > 0 && residents[z] > 0) a.talent[z] = talent[z] / residents[z] / metro_talent;
    if (metro_rent > 0 && zones.rent_market[z] > 0)
      a.rent_index[z] = zones.rent_market[z] / metro_rent;
  }
  a.visibility = w.brands.visibility;
  a.image = w.brands.image;
  a.incentive_per_job = w.effort.incentive_per_job;
  a.referral_weight = w.effort.referral_weight;
  a.lead_generation = w.effort.lead_generation;
  return a;
}

void init_firms_world(World& w) {
  const std::size_t n = w.zones.size();
  const double ppj = persons_per_job(w);
  mechanisms::JobSectorPersons persons(n, {0.0, 0.0, 0.0});
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t s = 0; s < agents::kJobSectors; ++s)
      persons[z][s] = static_cast<double>(w.jobs.jobs[z][s]) * ppj;
  mechanisms::init_firms(w.scenario.firms, w.rng_key, persons, w.zones.is_core, w.brands.visibility,
                         w.firms, w.firms_state);
  hand_firm_jobs_to_labour(w);
  const auto a = zone_attractors(w);
  for (std::size_t f = 0; f < agents::kSectors; ++f)
    w.investment.logsum_ref[f] =
        mechanisms::metro_logsum(w.scenario.investment, a, static_cast<agents::Sector>(f));
  w.investment.flows.reset(n);
}

void step_investment(World& w, const core::StepContext& ctx) {
  mechanisms::investment_step(w.scenario.investment, ctx, zone_attractors(w),
                              w.scenario.firms.productivity_log_sd, w.investment, w.firms);
}

void step_firms(World& w, const core::StepContext& ctx) {
  const Scenario& s = w.scenario;
  mechanisms::FirmDemand d;
  d.tourism.resize(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    d.tourism[z] = s.labour.tourism_demand_index * w.jobs.tourism_demand[z];
  d.tourism_elasticity = s.labour.tourism_demand_elasticity;
  d.export_index = s.firms.export_demand_index;
  d.visibility = w.brands.visibility;
  d.promotion = mechanisms::lead_saturation(s.investment, w.effort.lead_generation);
  mechanisms::firms_step(s.firms, ctx, d, w.firms, w.firms_state);
  hand_firm_jobs_to_labour(w);
}

void sync_local_firms(World& w) {
  if (!w.jobs.firms_drive) return;
  const double ppj = persons_per_job(w);
  std::vector<double> target(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    target[z] = static_cast<double>(w.jobs.jobs[z][kLocal]) * ppj;
  mechanisms::rescale_local_firms(target, w.firms);
}

void check_firm_jobs(const World& w) {
  if (!w.jobs.firms_drive) return;
  const double ppj = persons_per_job(w);
  const auto persons = mechanisms::persons_by_job_sector(w.firms, w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    for (std::size_t s : {kTourism, kTradable})
      if (std::llround(persons[z][s] / ppj) != w.jobs.jobs[z][s])
        throw std::logic_error("zone " + w.zones.code[z] + ", " + agents::kJobSectorNames[s] +
                               ": " + std::to_string(w.jobs.jobs[z][s]) +
                               " job slots but firms employ " + std::to_string(persons[z][s]) +
                               " persons");
    const double local = static_cast<double>(w.jobs.jobs[z][kLocal]) * ppj;
    // Zones without local firms (none at start: no jobs at all) are exempt.
    if (std::abs(persons[z][kLocal] - local) > 1e-6 * std::max(1.0, local) &&
        has_local_firm(w.firms, z))
      throw std::logic_error("zone " + w.zones.code[z] + ": local firms employ " +
                             std::to_string(persons[z][kLocal]) + " persons for " +
                             std::to_string(local) + " in local job slots");
  }
}

}  // namespace metrosim::model
