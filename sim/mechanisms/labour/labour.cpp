// labour.cpp — see labour.hpp.
#include "mechanisms/labour/labour.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

#include "agents/zones_init.hpp"
#include "mechanisms/labour/gravity_fill.hpp"
#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

namespace {
using agents::Employment;
using agents::kJobSectors;
constexpr std::size_t kTourism = 0, kTradable = 1, kLocal = 2;
constexpr double kPi = 3.14159265358979323846;
}  // namespace

void LabourFlows::reset(std::size_t n_zones) {
  hires_workplace.assign(n_zones, 0);
  hires_residence.assign(n_zones, 0);
  separations.assign(n_zones, 0);
  layoffs.assign(n_zones, 0);
  retirements.assign(n_zones, 0);
}

void set_tourism_demand(JobsState& jobs, const std::vector<double>& index) {
  if (index.size() != jobs.zones())
    throw std::invalid_argument("tourism demand index: one value per zone expected");
  for (double x : index)
    if (!(x >= 0.0) || !std::isfinite(x))
      throw std::invalid_argument("tourism demand index: values must be finite and >= 0");
  jobs.tourism_demand = index;
}

std::vector<double> commute_matrix(const LabourParams& p, const agents::Zones& zones) {
  const std::size_t n = zones.size();
  std::vector<double> km(n * n);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i < n; ++i)
      km[j * n + i] = zones.distance_km(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i));
  for (std::size_t z = 0; z < n; ++z)
    km[z * n + z] = zones.is_external[z] ? p.external_intrazonal_km
                                         : 2.0 / 3.0 * std::sqrt(zones.area_km2[z] / kPi);
  return km;
}

std::vector<double> gravity_cost_matrix(const LabourParams& p, const agents::Zones& zones,
                                        const std::vector<double>& km) {
  std::vector<double> cost = km;
  const auto n = static_cast<Eigen::Index>(zones.size());
  if (zones.travel_minutes.rows() != n) return cost;
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) {
      const double minutes = zones.travel_minutes(j, i);
      if (!std::isnan(minutes))
        cost[static_cast<std::size_t>(j * n + i)] = minutes * p.commute_speed_kmh / 60.0;
    }
  return cost;
}

std::vector<std::array<double, kJobSectors>> derived_jobs(const LabourParams& p,
                                                          const agents::Zones& zones,
                                                          const std::vector<double>& employed) {
  std::vector<std::array<double, kJobSectors>> out(zones.size(), {0.0, 0.0, 0.0});
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones.is_external[z]) continue;  // jobs outside the metro are not modelled
    const bool core = zones.is_core[z];
    const double total = employed[z] * (core ? p.core_jobs_ratio : 1.0);
    double tour = core ? p.tourism_share_core : p.tourism_share_periphery;
    double trad = core ? p.tradable_share_core : p.tradable_share_periphery;
    if (tour + trad > 1.0) {  // shares beyond 1 are scaled down, leaving no local jobs
      const double f = 1.0 / (tour + trad);
      tour *= f;
      trad *= f;
    }
    out[z] = {total * tour, total * trad, total * std::max(0.0, 1.0 - tour - trad)};
  }
  return out;
}

std::vector<SectorCounts> count_filled(const agents::Households& hh, std::size_t n_zones) {
  std::vector<SectorCounts> out(n_zones, SectorCounts{});
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (hh.employment[i] == Employment::kEmployed)
      ++out[static_cast<std::size_t>(hh.workplace[i])][hh.sector[i]];
  return out;
}

std::vector<std::array<double, kJobSectors>> held_by_residence(const agents::Households& hh,
                                                               std::size_t n_zones) {
  // Integer-valued counts: a serial pass is exact and independent of order.
  std::vector<std::array<double, kJobSectors>> out(n_zones, {0.0, 0.0, 0.0});
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (hh.employment[i] == Employment::kEmployed)
      out[static_cast<std::size_t>(hh.zone[i])][hh.sector[i]] += 1.0;
  return out;
}

void init_labour(const LabourParams& p, const core::RngKey& key, double weight,
                 const agents::Zones& zones,
                 const std::vector<std::optional<std::array<double, kJobSectors>>>& table,
                 agents::Households& hh, JobsState& jobs) {
  const std::size_t n = zones.size();
  // The metro's activity rate (census: employed / (1 − unemployment) per adult), household
  // weighted, so that zones differ around the age bands' shares without moving the metro total.
  std::vector<double> activity(n, 0.0);
  double act_sum = 0.0, act_weight = 0.0;
  for (std::size_t z = 0; z < n; ++z) {
    activity[z] = zones.employment_rate[z] / std::max(1e-9, 1.0 - zones.unemployment_rate[z]);
    if (zones.is_external[z]) continue;
    act_sum += activity[z] * zones.households_data[z];
    act_weight += zones.households_data[z];
  }
  const double act_metro = act_weight > 0 ? act_sum / act_weight : 1.0;
  // Households to be employed are the seekers of the initial fill; the unemployed wait aside.
  std::vector<std::uint8_t> unemployed(hh.size(), 0);
  const auto nh = static_cast<std::int64_t>(hh.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < nh; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    const auto z = static_cast<std::size_t>(hh.zone[i]);
    hh.workplace[i] = core::kNoZone;
    hh.sector[i] = agents::kNoJobSector;
    hh.employment[i] = Employment::kInactive;
    if (hh.origin[i] == agents::Origin::kStudent) continue;
    auto s = key.stream(core::Mechanism::kLabour, hh.id[i], -1);
    const double base =
        hh.age_band[i] == agents::AgeBand::k65plus ? p.active_share_65plus : p.active_share_under65;
    if (s.uniform(labour_slot::kInitActive) >= std::min(1.0, base * activity[z] / act_metro))
      continue;
    if (s.uniform(labour_slot::kInitUnemployed) < zones.unemployment_rate[z])
      unemployed[i] = 1;
    else
      hh.employment[i] = Employment::kUnemployed;
  }
  // Employed persons by zone of residence (agent units × weight × workers per household).
  std::vector<double> employed(n, 0.0);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (hh.employment[i] == Employment::kUnemployed) {
      employed[static_cast<std::size_t>(hh.zone[i])] += weight * p.workers_per_employed_household;
      ++total;
    }
  const auto derived = derived_jobs(p, zones, employed);
  std::vector<double> cell;
  jobs.jobs_from_data.assign(n, 0);
  for (std::size_t z = 0; z < n; ++z) {
    const bool given = z < table.size() && table[z].has_value() && !zones.is_external[z];
    jobs.jobs_from_data[z] = given;
    for (std::size_t s = 0; s < kJobSectors; ++s)
      cell.push_back(given ? (*table[z])[s] : derived[z][s]);
  }
  const auto slots = agents::apportion(cell, total);
  jobs.jobs.assign(n, SectorCounts{});
  jobs.filled.assign(n, SectorCounts{});
  jobs.base.assign(n, {0.0, 0.0, 0.0});
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t s = 0; s < kJobSectors; ++s) {
      jobs.jobs[z][s] = slots[z * kJobSectors + s];
      jobs.base[z][s] = static_cast<double>(slots[z * kJobSectors + s]);
    }
  jobs.path_level = {1.0, 1.0, 1.0};
  jobs.tourism_demand.assign(n, 1.0);
  jobs.commute_km = commute_matrix(p, zones);
  jobs.gravity_cost = gravity_cost_matrix(p, zones, jobs.commute_km);
  jobs.flows.reset(n);
  fill_vacancies(p.gamma_per_km, key, -1, hh, jobs);
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (unemployed[i]) hh.employment[i] = Employment::kUnemployed;
  jobs.flows.reset(n);  // the initial placement is not a month's hiring
  const auto held = held_by_residence(hh, n);
  jobs.tradable_res0.assign(n, 0.0);
  jobs.tourism_res0.assign(n, 0.0);
  for (std::size_t z = 0; z < n; ++z) {
    jobs.tradable_res0[z] = held[z][kTradable];
    jobs.tourism_res0[z] = held[z][kTourism];
  }
}

std::vector<std::array<double, kJobSectors>> job_targets(const LabourParams& p,
                                                         const agents::Zones& zones,
                                                         const JobsState& jobs,
                                                         const std::vector<double>& tradable_res,
                                                         const std::vector<double>& tourism_res) {
  std::vector<std::array<double, kJobSectors>> t(jobs.zones(), {0.0, 0.0, 0.0});
  for (std::size_t z = 0; z < jobs.zones(); ++z) {
    if (zones.is_external[z]) continue;
    const double demand = p.tourism_demand_index * jobs.tourism_demand[z];
    if (jobs.firms_drive) {
      // Jobs are sums over firms (MODEL.md §7.5): tourism demand already acted on the firms.
      t[z][kTourism] = jobs.firm_jobs[z][kTourism];
      t[z][kTradable] = jobs.firm_jobs[z][kTradable];
    } else {
      t[z][kTourism] = jobs.base[z][kTourism] * jobs.path_level[kTourism] *
                       std::pow(demand, p.tourism_demand_elasticity);
      t[z][kTradable] = jobs.base[z][kTradable] * jobs.path_level[kTradable];
    }
    // Local multiplier: non-tradable jobs follow the export jobs held by the zone's residents
    // (they spend where they live), counted as the change since the start.
    t[z][kLocal] =
        std::max(0.0, jobs.base[z][kLocal] * jobs.path_level[kLocal] +
                          p.multiplier * (tradable_res[z] - jobs.tradable_res0[z]) +
                          p.tourism_multiplier * (tourism_res[z] - jobs.tourism_res0[z]));
  }
  return t;
}

namespace {

/// Cuts filled jobs of (zone, sector) cells that exceed their targets: the workers with the
/// lowest keyed priority lose their job.
void lay_off(const core::StepContext& ctx, const std::vector<SectorCounts>& excess,
             agents::Households& hh, JobsState& jobs) {
  const std::size_t n = jobs.zones();
  struct Worker {
    double priority;
    core::AgentId id;
    std::uint32_t row;
  };
  std::vector<std::vector<Worker>> cells(n * kJobSectors);
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (hh.employment[i] != Employment::kEmployed) continue;
    const auto z = static_cast<std::size_t>(hh.workplace[i]);
    if (excess[z][hh.sector[i]] > 0)
      cells[z * kJobSectors + hh.sector[i]].push_back(
          {ctx.stream(core::Mechanism::kLabour, hh.id[i]).uniform(labour_slot::kLayoff), hh.id[i],
           static_cast<std::uint32_t>(i)});
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    auto& list = cells[c];
    const auto cut = static_cast<std::size_t>(std::min<std::int64_t>(
        excess[c / kJobSectors][c % kJobSectors], static_cast<std::int64_t>(list.size())));
    if (cut == 0) continue;
    std::nth_element(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(cut - 1), list.end(),
                     [](const Worker& a, const Worker& b) {
                       return std::tie(a.priority, a.id) < std::tie(b.priority, b.id);
                     });
    for (std::size_t k = 0; k < cut; ++k) {
      const std::uint32_t r = list[k].row;
      hh.employment[r] = Employment::kUnemployed;
      hh.workplace[r] = core::kNoZone;
      hh.sector[r] = agents::kNoJobSector;
      --jobs.filled[c / kJobSectors][c % kJobSectors];
      ++jobs.flows.layoffs[c / kJobSectors];
    }
  }
}

}  // namespace

void labour_step(const LabourParams& p, const core::StepContext& ctx, const agents::Zones& zones,
                 agents::Households& hh, JobsState& jobs) {
  const std::size_t n = jobs.zones();
  jobs.flows.reset(n);
  jobs.commute_km = commute_matrix(p, zones);  // keys may change mid-run (shocks calendar)
  jobs.gravity_cost = gravity_cost_matrix(p, zones, jobs.commute_km);
  // The multiplier reads the jobs residents held at the end of last month: this month's
  // separations are refilled below and do not cut local jobs in between.
  const auto held = held_by_residence(hh, n);

  // 1. Retirement (heads 65+) and separations into unemployment: keyed draws, applied serially.
  const double retire = monthly_probability(p.retirement_rate);
  const double separate = monthly_probability(p.separation_rate);
  std::vector<std::uint8_t> change(hh.size(), 0);
  const auto nh = static_cast<std::int64_t>(hh.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < nh; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    if (hh.employment[i] == Employment::kInactive) continue;
    auto s = ctx.stream(core::Mechanism::kLabour, hh.id[i]);
    if (hh.age_band[i] == agents::AgeBand::k65plus && s.uniform(labour_slot::kRetire) < retire)
      change[i] = 1;
    else if (hh.employment[i] == Employment::kEmployed &&
             s.uniform(labour_slot::kSeparate) < separate)
      change[i] = 2;
  }
  for (std::size_t i = 0; i < hh.size(); ++i) {
    if (change[i] == 0) continue;
    if (hh.employment[i] == Employment::kEmployed) {
      const auto w = static_cast<std::size_t>(hh.workplace[i]);
      --jobs.filled[w][hh.sector[i]];
      if (change[i] == 2) ++jobs.flows.separations[w];
    }
    if (change[i] == 1) ++jobs.flows.retirements[static_cast<std::size_t>(hh.zone[i])];
    hh.employment[i] = change[i] == 1 ? Employment::kInactive : Employment::kUnemployed;
    hh.workplace[i] = core::kNoZone;
    hh.sector[i] = agents::kNoJobSector;
  }

  // 2. The jobs path moves one month; slots follow the targets.
  const double growth[kJobSectors] = {p.growth_tourism, p.growth_tradable, p.growth_local};
  for (std::size_t s = 0; s < kJobSectors; ++s)
    jobs.path_level[s] *= std::pow(1.0 + growth[s], 1.0 / 12.0);
  std::vector<double> tradable_res(n), tourism_res(n);
  for (std::size_t z = 0; z < n; ++z) {
    tradable_res[z] = held[z][kTradable];
    tourism_res[z] = held[z][kTourism];
  }
  const auto target = job_targets(p, zones, jobs, tradable_res, tourism_res);
  std::vector<SectorCounts> excess(n, SectorCounts{});
  bool any_excess = false;
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t s = 0; s < kJobSectors; ++s) {
      const auto want = static_cast<std::int64_t>(std::llround(target[z][s]));
      auto& slots = jobs.jobs[z][s];
      if (want >= slots) {
        slots = want;
        continue;
      }
      const std::int64_t vacant = slots - jobs.filled[z][s];
      const std::int64_t cut = std::min(vacant, slots - want);  // vacant slots go first
      slots -= cut;
      excess[z][s] = slots - want;
      any_excess = any_excess || excess[z][s] > 0;
    }
  if (any_excess) {
    lay_off(ctx, excess, hh, jobs);
    for (std::size_t z = 0; z < n; ++z)
      for (std::size_t s = 0; s < kJobSectors; ++s) jobs.jobs[z][s] -= excess[z][s];
  }

  // 3. Vacancies filled by commuting gravity.
  fill_vacancies(p.gamma_per_km, ctx.rng_key, ctx.step, hh, jobs);
}

std::int64_t place_arrivals(const LabourParams& p, const core::StepContext& ctx, std::size_t first,
                            agents::Households& hh, JobsState& jobs) {
  const std::size_t n = jobs.zones();
  struct Arrival {
    double priority;
    core::AgentId id;
    std::uint32_t row;
  };
  std::vector<Arrival> arrivals;
  for (std::size_t i = first; i < hh.size(); ++i)
    if ((hh.origin[i] == agents::Origin::kResearcher || hh.origin[i] == agents::Origin::kSkilled) &&
        hh.employment[i] == Employment::kUnemployed)
      arrivals.push_back(
          {ctx.stream(core::Mechanism::kLabour, hh.id[i]).uniform(labour_slot::kSeekerPriority),
           hh.id[i], static_cast<std::uint32_t>(i)});
  std::sort(arrivals.begin(), arrivals.end(), [](const Arrival& a, const Arrival& b) {
    return std::tie(a.priority, a.id) < std::tie(b.priority, b.id);
  });
  const auto kernel = gravity_kernel(jobs, p.gamma_per_km);
  std::vector<double> w(n);
  std::int64_t hires = 0;
  for (const Arrival& a : arrivals) {
    const auto home = static_cast<std::size_t>(hh.zone[a.row]);
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      w[i] = static_cast<double>(jobs.jobs[i][kTradable] - jobs.filled[i][kTradable]) *
             kernel[home * n + i];
      total += w[i];
    }
    if (total <= 0.0) break;  // no tradable vacancy left
    const double target =
        ctx.stream(core::Mechanism::kLabour, a.id).uniform(labour_slot::kArrivalWorkplace) * total;
    std::size_t to = n;
    double cum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (w[i] <= 0.0) continue;
      to = i;
      cum += w[i];
      if (target < cum) break;
    }
    hh.employment[a.row] = Employment::kEmployed;
    hh.workplace[a.row] = static_cast<core::ZoneIndex>(to);
    hh.sector[a.row] = static_cast<std::uint8_t>(kTradable);
    ++jobs.filled[to][kTradable];
    ++jobs.flows.hires_workplace[to];
    ++jobs.flows.hires_residence[home];
    ++hires;
  }
  return hires;
}

}  // namespace metrosim::mechanisms
