// specialisation.cpp — see specialisation.hpp.
#include "mechanisms/labour/specialisation.hpp"

#include <cmath>
#include <limits>

namespace metrosim::mechanisms {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
double total(const std::array<double, agents::kJobSectors>& a) {
  double t = 0.0;
  for (double x : a) t += x;
  return t;
}
}  // namespace

double location_quotient(const SectorJobs& jobs, std::size_t zone, std::size_t sector) {
  double all = 0.0, in_sector = 0.0;
  for (const auto& z : jobs) {
    all += total(z);
    in_sector += z[sector];
  }
  const double zone_total = total(jobs[zone]);
  if (zone_total <= 0.0 || in_sector <= 0.0) return kNaN;
  return (jobs[zone][sector] / zone_total) / (in_sector / all);
}

double krugman_index(const SectorJobs& jobs, std::size_t zone) {
  std::array<double, agents::kJobSectors> rest{};
  for (std::size_t z = 0; z < jobs.size(); ++z)
    if (z != zone)
      for (std::size_t s = 0; s < agents::kJobSectors; ++s) rest[s] += jobs[z][s];
  const double zone_total = total(jobs[zone]), rest_total = total(rest);
  if (zone_total <= 0.0 || rest_total <= 0.0) return kNaN;
  double k = 0.0;
  for (std::size_t s = 0; s < agents::kJobSectors; ++s)
    k += std::abs(jobs[zone][s] / zone_total - rest[s] / rest_total);
  return k;
}

double krugman_metro(const SectorJobs& jobs) {
  double sum = 0.0, weight = 0.0;
  for (std::size_t z = 0; z < jobs.size(); ++z) {
    const double k = krugman_index(jobs, z);
    if (std::isnan(k)) continue;
    sum += k * total(jobs[z]);
    weight += total(jobs[z]);
  }
  return weight > 0.0 ? sum / weight : kNaN;
}

std::vector<double> stress_job_loss(const SectorJobs& jobs_at_workplace,
                                    const std::vector<double>& tourism_held_by_residents,
                                    double factor, double elasticity, double tourism_multiplier) {
  const double lost_share = 1.0 - std::pow(factor, elasticity);
  std::vector<double> out(jobs_at_workplace.size(), 0.0);
  for (std::size_t z = 0; z < out.size(); ++z)
    out[z] =
        lost_share * (jobs_at_workplace[z][0] + tourism_multiplier * tourism_held_by_residents[z]);
  return out;
}

}  // namespace metrosim::mechanisms
