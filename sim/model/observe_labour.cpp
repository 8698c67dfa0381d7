// observe_labour.cpp — labour indicators (MODEL.md §7.6, §7.11): jobs by sector by workplace,
// employment by residence, hires by workplace and by residence, commuting, specialisation and
// the stress-year counterfactual. Jobs and employed are persons: household jobs × weight ×
// labour.workers_per_employed_household (docs/LABOUR.md). Counts and distances are summed in one
// serial pass in row order, a fixed order, so values are bit-identical for any thread count.
#include <limits>

#include "mechanisms/labour/labour.hpp"
#include "mechanisms/labour/specialisation.hpp"
#include "model/observe.hpp"

namespace metrosim::model {

void observe_labour(const World& w, core::Step t, Recorder& rec) {
  using agents::Employment;
  const auto& p = w.scenario.labour;
  const auto& hh = w.households;
  const auto& jobs = w.jobs;
  const std::size_t n = w.zones.size();
  const double persons = w.weight * p.workers_per_employed_household;

  // Active, unemployed, jobs held by sector and one-way commute km, by zone of residence, in one
  // serial pass in row order (a fixed order: the same sums for any thread count).
  std::vector<double> active(n, 0.0), unemployed(n, 0.0), km(n, 0.0);
  mechanisms::SectorJobs held(n, {0.0, 0.0, 0.0});
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (hh.employment[i] == Employment::kInactive) continue;
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    active[z] += 1.0;
    if (hh.employment[i] == Employment::kUnemployed)
      unemployed[z] += 1.0;
    else {
      held[z][hh.sector[i]] += 1.0;
      km[z] += jobs.km(z, static_cast<std::size_t>(hh.workplace[i]));
    }
  }

  mechanisms::SectorJobs located(n);
  std::vector<double> tourism_held(n);
  for (std::size_t z = 0; z < n; ++z) {
    for (std::size_t s = 0; s < agents::kJobSectors; ++s)
      located[z][s] = static_cast<double>(jobs.jobs[z][s]);
    tourism_held[z] = held[z][0];
  }
  const auto stress =
      mechanisms::stress_job_loss(located, tourism_held, p.stress_tourism_factor,
                                  p.tourism_demand_elasticity, p.tourism_multiplier);

  double m_jobs[agents::kJobSectors] = {0, 0, 0}, m_vacant = 0, m_employed = 0, m_active = 0,
         m_unemployed = 0, m_km = 0, m_workers = 0, m_stress = 0, m_demand = 0;
  for (std::size_t z = 0; z < n; ++z) {
    double zone_jobs = 0, zone_filled = 0;
    for (std::size_t s = 0; s < agents::kJobSectors; ++s) {
      zone_jobs += located[z][s];
      zone_filled += static_cast<double>(jobs.filled[z][s]);
      m_jobs[s] += located[z][s];
    }
    const double employed_res = held[z][0] + held[z][1] + held[z][2];
    rec.z(ZoneInd::kJobsTourism, t, z) = located[z][0] * persons;
    rec.z(ZoneInd::kJobsTradable, t, z) = located[z][1] * persons;
    rec.z(ZoneInd::kJobsLocal, t, z) = located[z][2] * persons;
    rec.z(ZoneInd::kJobsVacant, t, z) = (zone_jobs - zone_filled) * persons;
    rec.z(ZoneInd::kEmployedResidents, t, z) = employed_res * persons;
    rec.z(ZoneInd::kUnemploymentRate, t, z) = ratio(unemployed[z], active[z]);
    rec.z(ZoneInd::kCommuteKmMean, t, z) = ratio(km[z], employed_res);
    rec.z(ZoneInd::kTourismJobsShare, t, z) = ratio(located[z][0], zone_jobs);
    rec.z(ZoneInd::kLqTourism, t, z) = mechanisms::location_quotient(located, z, 0);
    rec.z(ZoneInd::kKrugmanIndex, t, z) = mechanisms::krugman_index(located, z);
    rec.z(ZoneInd::kStressJobsLost, t, z) = stress[z] * persons;
    rec.z(ZoneInd::kTourismDemand, t, z) = jobs.tourism_demand[z];
    m_vacant += zone_jobs - zone_filled;
    m_stress += stress[z];
    m_demand += located[z][0] * p.tourism_demand_index * jobs.tourism_demand[z];
    m_km += km[z];  // every worker, external residents included, holds a metro job
    m_workers += employed_res;
    if (w.zones.is_external[z]) continue;  // employment by residence counts metro residents
    m_employed += employed_res;
    m_active += active[z];
    m_unemployed += unemployed[z];
  }
  const double m_total = m_jobs[0] + m_jobs[1] + m_jobs[2];
  rec.m(t, MetroInd::kJobs) = m_total * persons;
  rec.m(t, MetroInd::kJobsTourism) = m_jobs[0] * persons;
  rec.m(t, MetroInd::kJobsTradable) = m_jobs[1] * persons;
  rec.m(t, MetroInd::kJobsLocal) = m_jobs[2] * persons;
  rec.m(t, MetroInd::kJobsVacant) = m_vacant * persons;
  rec.m(t, MetroInd::kEmployed) = m_employed * persons;
  rec.m(t, MetroInd::kUnemploymentRate) = ratio(m_unemployed, m_active);
  rec.m(t, MetroInd::kCommuteKmMean) = ratio(m_km, m_workers);
  rec.m(t, MetroInd::kCommuteKm) = m_km * 2.0 * p.workdays_per_month * persons;
  rec.m(t, MetroInd::kTourismJobsShare) = ratio(m_jobs[0], m_total);
  rec.m(t, MetroInd::kKrugmanIndex) = mechanisms::krugman_metro(located);
  rec.m(t, MetroInd::kStressJobsLost) = m_stress * persons;
  rec.m(t, MetroInd::kStressJobsLostShare) = ratio(m_stress, m_total);
  rec.m(t, MetroInd::kTourismDemandIndex) = ratio(m_demand, m_jobs[0]);
}

void record_labour_flows(const World& w, core::Step t, Recorder& rec) {
  const auto& f = w.jobs.flows;
  const double persons = w.weight * w.scenario.labour.workers_per_employed_household;
  double hires = 0, separations = 0, layoffs = 0, retirements = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    rec.z(ZoneInd::kHiresWorkplace, t, z) = d(f.hires_workplace[z]) * persons;
    rec.z(ZoneInd::kHiresResidence, t, z) = d(f.hires_residence[z]) * persons;
    hires += d(f.hires_workplace[z]);
    separations += d(f.separations[z]);
    layoffs += d(f.layoffs[z]);
    if (!w.zones.is_external[z]) retirements += d(f.retirements[z]);
  }
  rec.m(t, MetroInd::kHires) = hires * persons;
  rec.m(t, MetroInd::kSeparations) = separations * persons;
  rec.m(t, MetroInd::kLayoffs) = layoffs * persons;
  rec.m(t, MetroInd::kRetirements) = retirements * w.weight;
}

}  // namespace metrosim::model
