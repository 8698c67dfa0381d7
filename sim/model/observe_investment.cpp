// observe_investment.cpp — firm and project indicators (MODEL.md §7.4–7.5, §9). Firms are real
// units (not sampled with agents.scale): counts and persons need no weight. Sums run serially in
// row order (a fixed order), so values are bit-identical for any thread count.
#include "mechanisms/firms/demography.hpp"
#include "model/observe.hpp"

namespace metrosim::model {

void observe_firms(const World& w, core::Step t, Recorder& rec) {
  const std::size_t n = w.zones.size();
  const auto& f = w.firms;
  std::vector<double> count(n, 0.0), foreign(n, 0.0);
  double exporters = 0.0, hqs = 0.0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto z = static_cast<std::size_t>(f.zone[i]);
    count[z] += 1.0;
    foreign[z] += f.foreign_owned[i];
    exporters += f.exporter[i];
    hqs += f.foreign_owned[i] && f.international_hq[i];
  }
  const auto jobs = mechanisms::persons_by_firm_sector(f, n);
  double m_count = 0.0, m_foreign = 0.0;
  const ZoneInd by_sector[agents::kSectors] = {
      ZoneInd::kJobsKnowledgeTech, ZoneInd::kJobsIndustryLogistics,
      ZoneInd::kJobsTourismHospitality, ZoneInd::kJobsCreativeCulture, ZoneInd::kJobsOtherServices};
  for (std::size_t z = 0; z < n; ++z) {
    rec.z(ZoneInd::kFirms, t, z) = count[z];
    rec.z(ZoneInd::kFirmsForeign, t, z) = foreign[z];
    for (std::size_t s = 0; s < agents::kSectors; ++s) rec.z(by_sector[s], t, z) = jobs[z][s];
    m_count += count[z];
    m_foreign += foreign[z];
  }
  rec.m(t, MetroInd::kFirms) = m_count;
  rec.m(t, MetroInd::kFirmsForeign) = m_foreign;
  rec.m(t, MetroInd::kExporters) = exporters;
  rec.m(t, MetroInd::kInternationalHqs) = hqs;
}

void record_investment_flows(const World& w, core::Step t, Recorder& rec) {
  const auto& p = w.investment.flows;
  const auto& f = w.firms_state.flows;
  const auto d = [](std::int64_t v) { return static_cast<double>(v); };
  double births = 0, exits = 0, entries = 0, acquisitions = 0, projects = 0, projects_new = 0,
         hq = 0, assisted = 0, jobs = 0, cost = 0, outside = 0, outside_jobs = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    rec.z(ZoneInd::kProjects, t, z) = d(p.projects[z]);
    rec.z(ZoneInd::kProjectJobs, t, z) = p.jobs[z];
    rec.z(ZoneInd::kIncentiveCost, t, z) = p.incentive_cost[z];
    births += d(f.births[z]);
    exits += d(f.exits[z]);
    entries += d(f.export_entries[z]);
    acquisitions += d(p.acquisitions[z]);
    projects += d(p.projects[z]);
    projects_new += d(p.projects_new[z]);
    hq += d(p.hq[z]);
    assisted += d(p.assisted[z]);
    jobs += p.jobs[z];
    cost += p.incentive_cost[z];
    if (!w.zones.is_core[z]) {
      outside += d(p.projects[z]);
      outside_jobs += p.jobs[z];
    }
  }
  rec.m(t, MetroInd::kFirmBirths) = births;
  rec.m(t, MetroInd::kFirmExits) = exits;
  rec.m(t, MetroInd::kExportEntries) = entries;
  rec.m(t, MetroInd::kAcquisitions) = acquisitions;
  rec.m(t, MetroInd::kProjectCandidates) = d(p.candidates);
  rec.m(t, MetroInd::kProjects) = projects;
  rec.m(t, MetroInd::kProjectsNew) = projects_new;
  rec.m(t, MetroInd::kProjectsExpansion) = projects - projects_new;
  rec.m(t, MetroInd::kProjectsHq) = hq;
  rec.m(t, MetroInd::kProjectsAssisted) = assisted;
  rec.m(t, MetroInd::kProjectJobs) = jobs;
  rec.m(t, MetroInd::kIncentiveCost) = cost;
  rec.m(t, MetroInd::kProjectsOutsideCoreShare) = ratio(outside, projects);
  rec.m(t, MetroInd::kProjectJobsOutsideCoreShare) = ratio(outside_jobs, jobs);
}

}  // namespace metrosim::model
