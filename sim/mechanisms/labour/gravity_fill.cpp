// gravity_fill.cpp — see gravity_fill.hpp.
#include "mechanisms/labour/gravity_fill.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace metrosim::mechanisms {

namespace {

struct Seeker {
  double priority;
  core::AgentId id;
  std::uint32_t row;
};
// std heaps are max-heaps: "a after b" puts the smallest (priority, id) on top.
bool later(const Seeker& a, const Seeker& b) {
  return std::tie(a.priority, a.id) > std::tie(b.priority, b.id);
}

struct Vacancy {
  double priority;
  core::AgentId id;
  std::uint32_t zone;
  std::uint8_t sector;
};

}  // namespace

std::vector<double> gravity_kernel(const JobsState& jobs, double gamma_per_km) {
  // The cost is km-equivalent (travel minutes at the commuting speed where a matrix is given).
  const std::vector<double>& cost = jobs.gravity_cost.empty() ? jobs.commute_km : jobs.gravity_cost;
  std::vector<double> k(cost.size());
  for (std::size_t x = 0; x < k.size(); ++x) k[x] = std::exp(-gamma_per_km * cost[x]);
  return k;
}

std::int64_t fill_vacancies(double gamma_per_km, const core::RngKey& key, core::Step step,
                            agents::Households& hh, JobsState& jobs) {
  const std::size_t n = jobs.zones();
  // Seekers by zone of residence, each zone a heap on keyed priority.
  std::vector<std::vector<Seeker>> seekers(n);
  for (std::size_t i = 0; i < hh.size(); ++i)
    if (hh.employment[i] == agents::Employment::kUnemployed)
      seekers[static_cast<std::size_t>(hh.zone[i])].push_back(
          {0.0, hh.id[i], static_cast<std::uint32_t>(i)});
  std::vector<Vacancy> vacancies;
  for (std::size_t z = 0; z < n; ++z)
    for (std::size_t s = 0; s < agents::kJobSectors; ++s)
      for (std::int64_t k = 0; k < jobs.jobs[z][s] - jobs.filled[z][s]; ++k) {
        const core::AgentId id = vacancy_id(z, s, static_cast<std::uint64_t>(k));
        vacancies.push_back({0.0, id, static_cast<std::uint32_t>(z), static_cast<std::uint8_t>(s)});
      }
  const auto nv = static_cast<std::int64_t>(vacancies.size());
#pragma omp parallel for schedule(static)
  for (std::int64_t v = 0; v < nv; ++v) {
    auto& x = vacancies[static_cast<std::size_t>(v)];
    x.priority =
        key.stream(core::Mechanism::kLabour, x.id, step).uniform(labour_slot::kVacancyPriority);
  }
  std::sort(vacancies.begin(), vacancies.end(), [](const Vacancy& a, const Vacancy& b) {
    return std::tie(a.priority, a.id) < std::tie(b.priority, b.id);
  });

  // Each zone hands out its seekers best priority first: sorted once when most will be placed
  // (the initial placement), a heap when few will (a month's hiring). Both give the same order.
  std::size_t total_seekers = 0;
  for (const auto& list : seekers) total_seekers += list.size();
  const bool sorted = vacancies.size() * 4 >= total_seekers;
  std::vector<double> remaining(n, 0.0);
  std::vector<std::size_t> next(n, 0);
  const auto nz = static_cast<std::int64_t>(n);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::int64_t z = 0; z < nz; ++z) {
    auto& list = seekers[static_cast<std::size_t>(z)];
    for (auto& s : list)
      s.priority =
          key.stream(core::Mechanism::kLabour, s.id, step).uniform(labour_slot::kSeekerPriority);
    if (sorted)
      std::sort(list.begin(), list.end(),
                [](const Seeker& a, const Seeker& b) { return later(b, a); });
    else
      std::make_heap(list.begin(), list.end(), later);
    remaining[static_cast<std::size_t>(z)] = static_cast<double>(list.size());
  }

  const std::vector<double> kernel = gravity_kernel(jobs, gamma_per_km);
  std::vector<double> weight(n);
  std::int64_t hires = 0;
  for (const Vacancy& v : vacancies) {
    double total = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      weight[j] = remaining[j] * kernel[j * n + v.zone];
      total += weight[j];
    }
    if (total <= 0.0) break;  // no seeker left anywhere
    const double target =
        key.stream(core::Mechanism::kLabour, v.id, step).uniform(labour_slot::kVacancyOrigin) *
        total;
    std::size_t from = n;
    double cum = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (weight[j] <= 0.0) continue;
      from = j;  // the last zone with weight catches rounding at the top
      cum += weight[j];
      if (target < cum) break;
    }
    auto& list = seekers[from];
    std::uint32_t row = 0;
    if (sorted) {
      row = list[next[from]++].row;
    } else {
      std::pop_heap(list.begin(), list.end(), later);
      row = list.back().row;
      list.pop_back();
    }
    remaining[from] -= 1.0;
    hh.employment[row] = agents::Employment::kEmployed;
    hh.workplace[row] = static_cast<core::ZoneIndex>(v.zone);
    hh.sector[row] = v.sector;
    ++jobs.filled[v.zone][v.sector];
    if (!jobs.flows.hires_workplace.empty()) {
      ++jobs.flows.hires_workplace[v.zone];
      ++jobs.flows.hires_residence[from];
    }
    ++hires;
  }
  return hires;
}

}  // namespace metrosim::mechanisms
