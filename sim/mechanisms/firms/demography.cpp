// demography.cpp — see demography.hpp.
#include "mechanisms/firms/demography.hpp"

#include <algorithm>
#include <cmath>

#include "mechanisms/labour/jobs_state.hpp"
#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

namespace {

using agents::Sector;
constexpr double kTiny = 1e-3;  // demand floor: ratios stay finite through a closure

// Draw slots (Mechanism::kFirms). Per firm and month: exit, growth (normal, 2 slots), export.
// Per firm at creation (step −1 or its birth month): size (normal, 2 slots), productivity
// (normal, 2 slots), foreign, HQ, exporter, age. Per (zone, sector) cell: birth count (2 slots).
namespace slot {
constexpr std::uint32_t kExit = 0, kGrowth = 1, kExport = 3;
constexpr std::uint32_t kSize = 8, kProductivity = 10, kForeign = 12, kHq = 13, kExporter = 14,
                        kAge = 15;
constexpr std::uint32_t kBirths = 0;
}  // namespace slot

constexpr std::uint64_t kCellBit = std::uint64_t{1} << 60;

double lognormal(double median, double log_sd, double z) {
  return median * std::exp(log_sd * z);
}

/// Yearly exit hazard of a firm of `size` persons aged `age` months.
double exit_hazard_year(const FirmsParams& p, double size, double age) {
  return std::min(1.0, p.exit_base *
                           std::pow(std::max(size, 0.01) / 10.0, -p.exit_size_elasticity) *
                           (age < p.exit_young_months ? p.exit_young_factor : 1.0));
}

std::uint64_t cell_of(std::size_t zone, std::size_t sector) {
  return static_cast<std::uint64_t>(zone * agents::kSectors + sector);
}

}  // namespace

std::size_t job_sector_index(Sector s) {
  return static_cast<std::size_t>(job_sector_of(s));
}

bool is_tradable(Sector s) {
  return s == Sector::kKnowledgeTech || s == Sector::kIndustryLogistics ||
         s == Sector::kCreativeCulture;
}

double export_entry_hazard(const FirmsParams& p, double productivity, double promotion,
                           double visibility) {
  return std::min(1.0, p.export_entry_base *
                           std::pow(productivity, p.export_productivity_elasticity) *
                           (1.0 + p.export_promotion_gain * promotion) *
                           std::pow(std::max(visibility, kTiny), p.export_visibility_elasticity));
}

double birth_rate_month(const FirmsParams& p, double pool, double demand) {
  return p.birth_rate / 12.0 * pool * std::pow(std::max(demand, 0.0), p.birth_demand_elasticity);
}

std::int64_t poisson_inverse(double mean, double u, double u2) {
  if (!(mean > 0.0)) return 0;
  if (mean > 500.0) {
    const double z = std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * u2);
    return std::max<std::int64_t>(0, std::llround(mean + std::sqrt(mean) * z));
  }
  double q = std::exp(-mean), cdf = q;
  std::int64_t k = 0;
  while (u > cdf && k < 100000) {
    ++k;
    q *= mean / static_cast<double>(k);
    cdf += q;
  }
  return k;
}

void init_firms(const FirmsParams& p, const core::RngKey& key, const JobSectorPersons& persons,
                const std::vector<std::uint8_t>& is_core, const std::vector<double>& visibility,
                agents::Firms& firms, FirmsState& state) {
  const std::size_t n = persons.size();
  firms.resize(0);
  state.pool.assign(n, {});
  state.tourism_demand_prev.assign(n, 1.0);
  state.export_demand_prev = 1.0;
  state.flows.reset(n);
  core::AgentId next = 0;
  for (std::size_t z = 0; z < n; ++z) {
    const bool core = is_core[z] != 0;
    double trad[3] = {core ? p.knowledge_share_core : p.knowledge_share_periphery,
                      core ? p.industry_share_core : p.industry_share_periphery,
                      core ? p.creative_share_core : p.creative_share_periphery};
    const double sum = trad[0] + trad[1] + trad[2];
    for (double& x : trad) x = sum > 0 ? x / sum : 1.0 / 3.0;
    const double cell_persons[agents::kSectors] = {persons[z][1] * trad[0], persons[z][1] * trad[1],
                                                   persons[z][0], persons[z][1] * trad[2],
                                                   persons[z][2]};
    for (std::size_t f = 0; f < agents::kSectors; ++f) {
      double left = cell_persons[f];
      // Every zone with jobs keeps one local firm, even an empty one, for the multiplier's
      // local jobs to land in (rescale_local_firms).
      const bool empty_local =
          f == agents::kSectors - 1 && left <= 0.0 && persons[z][0] + persons[z][1] > 0.0;
      while (left > 0.0 || empty_local) {
        auto s = key.stream(core::Mechanism::kFirms, next, -1);
        double size = lognormal(p.size_median, p.size_log_sd, s.normal(slot::kSize));
        if (left - size < 0.5) size = left;  // the cell's last firm takes the remainder
        const auto sector = static_cast<Sector>(f);
        const bool foreign =
            sector != Sector::kOtherServices &&
            s.uniform(slot::kForeign) < std::min(0.9, p.foreign_base * std::sqrt(size));
        const double phi = std::exp(p.productivity_log_sd * s.normal(slot::kProductivity));
        bool exporter = false;
        if (is_tradable(sector)) {
          // Steady state of entry against export exit and firm exit (exits are replaced by
          // non-exporting entrants), so the exporter share does not drift from the start.
          const double in = export_entry_hazard(p, phi, 0.0, visibility[z]);
          const double out = p.export_exit + exit_hazard_year(p, size, 1e9);
          exporter = in + out > 0 && s.uniform(slot::kExporter) < in / (in + out);
        }
        firms.id.push_back(next);
        firms.zone.push_back(static_cast<core::ZoneIndex>(z));
        firms.sector.push_back(sector);
        firms.employees.push_back(size);
        firms.foreign_owned.push_back(foreign);
        firms.international_hq.push_back(foreign && s.uniform(slot::kHq) < p.hq_share_initial);
        firms.exporter.push_back(exporter);
        firms.founded.push_back(-static_cast<core::Step>(
            std::floor(-std::log(s.uniform(slot::kAge)) * p.initial_age_mean)));
        firms.productivity.push_back(phi);
        state.pool[z][f] += 1.0;
        ++next;
        left -= size;
        if (empty_local) break;
      }
    }
  }
}

void firms_step(const FirmsParams& p, const core::StepContext& ctx, const FirmDemand& demand,
                agents::Firms& firms, FirmsState& state) {
  const std::size_t n = state.pool.size();
  state.flows.reset(n);
  const double sd_month = p.growth_sd / std::sqrt(12.0);
  const double export_exit = monthly_probability(p.export_exit);
  std::vector<double> tourism_ratio(n, 1.0);
  for (std::size_t z = 0; z < n; ++z)
    tourism_ratio[z] =
        std::pow(std::max(demand.tourism[z], kTiny) / std::max(state.tourism_demand_prev[z], kTiny),
                 demand.tourism_elasticity);
  const double export_ratio =
      std::max(demand.export_index, kTiny) / std::max(state.export_demand_prev, kTiny);

  // 1. Every firm: exit, growth, export status (keyed by firm id: independent of threads).
  std::vector<std::uint8_t> event(firms.size(), 0);  // 1 exit, 2 export entry, 3 export exit
  const auto nf = static_cast<std::int64_t>(firms.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t ii = 0; ii < nf; ++ii) {
    const auto i = static_cast<std::size_t>(ii);
    const Sector sector = firms.sector[i];
    if (sector == Sector::kOtherServices) continue;  // follows the multiplier
    auto s = ctx.stream(core::Mechanism::kFirms, firms.id[i]);
    const double size = std::max(firms.employees[i], 0.01);
    const double age = static_cast<double>(ctx.step - firms.founded[i]);
    const double exit_year = exit_hazard_year(p, size, age);
    if (s.uniform(slot::kExit) < monthly_probability(exit_year)) {
      event[i] = 1;
      continue;
    }
    const double drift = (p.growth_drift - p.growth_size_reversion * std::log(size / 10.0)) / 12.0;
    const auto z = static_cast<std::size_t>(firms.zone[i]);
    const double ratio = sector == Sector::kTourismHospitality ? tourism_ratio[z] : export_ratio;
    firms.employees[i] = size * std::exp(drift + sd_month * s.normal(slot::kGrowth)) * ratio;
    if (!is_tradable(sector)) continue;
    const double u = s.uniform(slot::kExport);
    if (firms.exporter[i]) {
      if (u < export_exit) event[i] = 3;
    } else if (u < monthly_probability(export_entry_hazard(
                       p, firms.productivity[i], demand.promotion, demand.visibility[z]))) {
      event[i] = 2;
    }
  }
  std::vector<std::uint8_t> keep(firms.size(), 1);
  for (std::size_t i = 0; i < firms.size(); ++i) {
    const auto z = static_cast<std::size_t>(firms.zone[i]);
    if (event[i] == 1) {
      keep[i] = 0;
      ++state.flows.exits[z];
    } else if (event[i] == 2) {
      firms.exporter[i] = 1;
      ++state.flows.export_entries[z];
    } else if (event[i] == 3) {
      firms.exporter[i] = 0;
      ++state.flows.export_exits[z];
    }
  }
  firms.compact(keep);

  // 2. Births by zone and sector, in cell order; a birth's id is fixed by (step, cell, k).
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t f = 0; f < agents::kSectors; ++f) {
      const auto sector = static_cast<Sector>(f);
      if (sector == Sector::kOtherServices || state.pool[z][f] <= 0.0) continue;
      const double d =
          sector == Sector::kTourismHospitality ? demand.tourism[z] : demand.export_index;
      auto cs = ctx.stream(core::Mechanism::kFirms, kCellBit | cell_of(z, f));
      const std::int64_t births = std::min<std::int64_t>(
          4095, poisson_inverse(birth_rate_month(p, state.pool[z][f], d), cs.uniform(slot::kBirths),
                                cs.uniform(slot::kBirths + 1)));
      for (std::int64_t k = 0; k < births; ++k) {
        const core::AgentId id = kFirmBirthBit |
                                 ((static_cast<std::uint64_t>(ctx.step) & 0xFFFFF) << 24) |
                                 (cell_of(z, f) << 12) | static_cast<std::uint64_t>(k);
        auto s = ctx.stream(core::Mechanism::kFirms, id);
        firms.id.push_back(id);
        firms.zone.push_back(static_cast<core::ZoneIndex>(z));
        firms.sector.push_back(sector);
        firms.employees.push_back(
            lognormal(p.entrant_size_median, p.entrant_size_log_sd, s.normal(slot::kSize)));
        firms.foreign_owned.push_back(0);
        firms.international_hq.push_back(0);
        firms.exporter.push_back(0);
        firms.founded.push_back(ctx.step);
        firms.productivity.push_back(
            std::exp(p.productivity_log_sd * s.normal(slot::kProductivity)));
      }
      state.flows.births[z] += births;
    }
  state.tourism_demand_prev = demand.tourism;
  state.export_demand_prev = demand.export_index;
}

JobSectorPersons persons_by_job_sector(const agents::Firms& firms, std::size_t n_zones) {
  JobSectorPersons out(n_zones, {0.0, 0.0, 0.0});
  for (std::size_t i = 0; i < firms.size(); ++i)
    out[static_cast<std::size_t>(firms.zone[i])][job_sector_index(firms.sector[i])] +=
        firms.employees[i];
  return out;
}

FirmSectorJobs persons_by_firm_sector(const agents::Firms& firms, std::size_t n_zones) {
  FirmSectorJobs out(n_zones, std::array<double, agents::kSectors>{});
  for (std::size_t i = 0; i < firms.size(); ++i)
    out[static_cast<std::size_t>(firms.zone[i])][static_cast<std::size_t>(firms.sector[i])] +=
        firms.employees[i];
  return out;
}

void rescale_local_firms(const std::vector<double>& target, agents::Firms& firms) {
  const std::size_t n = target.size();
  std::vector<double> now(n, 0.0), count(n, 0.0);
  for (std::size_t i = 0; i < firms.size(); ++i)
    if (firms.sector[i] == Sector::kOtherServices) {
      now[static_cast<std::size_t>(firms.zone[i])] += firms.employees[i];
      count[static_cast<std::size_t>(firms.zone[i])] += 1.0;
    }
  for (std::size_t i = 0; i < firms.size(); ++i) {
    if (firms.sector[i] != Sector::kOtherServices) continue;
    const auto z = static_cast<std::size_t>(firms.zone[i]);
    // Proportional scaling keeps the size distribution; empty firms share the jobs equally.
    firms.employees[i] =
        now[z] > 0.0 ? firms.employees[i] * target[z] / now[z] : target[z] / count[z];
  }
}

}  // namespace metrosim::mechanisms
