// projects.cpp — see projects.hpp.
#include "mechanisms/investment/projects.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/thinning.hpp"
#include "mechanisms/labour/jobs_state.hpp"
#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

namespace {

using agents::Sector;

// Draw slots (Mechanism::kInvestment). Per candidate (its stream id, this month): acceptance,
// sector, size (normal, 2 slots), new vs expansion, HQ, assisted, expansion target,
// productivity (normal, 2 slots), then one Gumbel per zone from slot 16. Per firm: acquisition
// (slot 12, a slot no candidate uses). The candidate count uses the stream's own entity
// (core/thinning).
namespace slot {
constexpr std::uint32_t kAccept = 0, kSector = 1, kSize = 2, kNew = 4, kHq = 5, kAssisted = 6,
                        kTarget = 7, kProductivity = 8, kAcquisition = 12, kGumbel = 16;
}  // namespace slot

std::size_t labour_sector(Sector f) {
  return static_cast<std::size_t>(job_sector_of(f));
}

Sector draw_sector(double u) {
  double cum = 0.0;
  for (std::size_t f = 0; f < agents::kSectors; ++f) {
    cum += kProjectSectorShares[f];
    if (u < cum) return static_cast<Sector>(f);
  }
  return Sector::kKnowledgeTech;
}

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

}  // namespace

double lead_saturation(const InvestmentParams& p, double lead_generation) {
  const double e = std::max(0.0, lead_generation);
  return e / (e + p.lead_half_saturation);
}

double zone_utility(const InvestmentParams& p, const ZoneAttractors& a, std::size_t i, Sector f,
                    double jobs, double incentive_weight) {
  const double infra =
      f == Sector::kIndustryLogistics && a.infrastructure[i] ? p.beta_infrastructure : 0.0;
  return a.log_size[i] + p.beta_agglomeration * std::log1p(a.jobs[i][labour_sector(f)]) +
         p.beta_talent * a.talent[i] - p.beta_rent * std::log(std::max(a.rent_index[i], 1e-6)) +
         p.beta_visibility * std::log(std::max(a.visibility[i], 1e-6)) + p.beta_image * a.image[i] +
         infra + incentive_weight * p.beta_incentive * a.incentive_per_job[i] * jobs * 1e-6;
}

double metro_logsum(const InvestmentParams& p, const ZoneAttractors& a, Sector f) {
  // Log-sum-exp with the maximum factored out: exact in any order of magnitude.
  const std::size_t n = a.eligible.size();
  std::vector<double> u(n, -std::numeric_limits<double>::infinity());
  double top = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < n; ++i) {
    if (!a.eligible[i]) continue;
    u[i] = zone_utility(p, a, i, f, p.project_jobs_median, p.incentive_metro_weight);
    top = std::max(top, u[i]);
  }
  if (!std::isfinite(top)) return top;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i)
    if (a.eligible[i]) sum += std::exp(u[i] - top);
  return top + std::log(sum);
}

double acceptance_probability(const InvestmentParams& p, const ZoneAttractors& a, Sector f,
                              double logsum_ref) {
  const double iv = metro_logsum(p, a, f);
  if (!std::isfinite(iv)) return 0.0;
  const double base = std::clamp(p.acceptance_base, 1e-9, 1.0 - 1e-9);
  return logistic(std::log(base / (1.0 - base)) + p.logsum_weight * (iv - logsum_ref) +
                  p.lead_gain * lead_saturation(p, a.lead_generation));
}

void investment_step(const InvestmentParams& p, const core::StepContext& ctx,
                     const ZoneAttractors& a, double productivity_log_sd, InvestmentState& state,
                     agents::Firms& firms) {
  const std::size_t n = a.eligible.size();
  state.flows.reset(n);
  state.assisted_month = 0;
  std::array<double, agents::kSectors> accept{};
  for (std::size_t f = 0; f < agents::kSectors; ++f)
    accept[f] = kProjectSectorShares[f] > 0.0
                    ? acceptance_probability(p, a, static_cast<Sector>(f), state.logsum_ref[f])
                    : 0.0;
  const double lead = lead_saturation(p, a.lead_generation);
  const core::CandidateStream cs{core::Mechanism::kInvestment, p.max_candidates_per_year / 12.0, 0};
  const std::uint64_t candidates = core::candidate_count(ctx.rng_key, cs, ctx.step);
  state.flows.candidates = static_cast<std::int64_t>(candidates);

  for (std::uint64_t k = 0; k < candidates; ++k) {
    const core::AgentId id = core::candidate_id(cs, ctx.step, k);
    auto s = ctx.stream(core::Mechanism::kInvestment, id);
    const Sector f = draw_sector(s.uniform(slot::kSector));
    if (s.uniform(slot::kAccept) >= accept[static_cast<std::size_t>(f)]) continue;
    const double jobs =
        p.project_jobs_median * std::exp(p.project_jobs_log_sd * s.normal(slot::kSize));
    const bool assisted = s.uniform(slot::kAssisted) < lead;
    // Location: Gumbel-max over metro zones; leads referred by the agencies carry the routing.
    std::size_t best = n;
    double best_u = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
      if (!a.eligible[i]) continue;
      double u = zone_utility(p, a, i, f, jobs, 1.0) +
                 s.gumbel(slot::kGumbel + static_cast<std::uint32_t>(i));
      if (assisted) u += std::log(std::max(a.referral_weight[i], 1e-12));
      if (u > best_u) {
        best_u = u;
        best = i;
      }
    }
    if (best == n) continue;  // no metro zone to locate in
    const bool hq = s.uniform(slot::kHq) < p.hq_share;
    // Expansion: a foreign firm of the zone and sector (else of the zone), chosen by keyed draw
    // among them in id order; without one the project is a new establishment.
    std::size_t target = firms.size();
    if (s.uniform(slot::kNew) >= p.p_new) {
      std::vector<std::pair<core::AgentId, std::size_t>> same, any;
      for (std::size_t r = 0; r < firms.size(); ++r) {
        if (!firms.foreign_owned[r] || static_cast<std::size_t>(firms.zone[r]) != best) continue;
        any.emplace_back(firms.id[r], r);
        if (firms.sector[r] == f) same.emplace_back(firms.id[r], r);
      }
      auto& pick = same.empty() ? any : same;
      if (!pick.empty()) {
        std::sort(pick.begin(), pick.end());
        const auto j = std::min(
            pick.size() - 1,
            static_cast<std::size_t>(s.uniform(slot::kTarget) * static_cast<double>(pick.size())));
        target = pick[j].second;
      }
    }
    if (target < firms.size()) {
      firms.employees[target] += jobs;
      if (hq) firms.international_hq[target] = 1;
    } else {
      firms.id.push_back(id);
      firms.zone.push_back(static_cast<core::ZoneIndex>(best));
      firms.sector.push_back(f);
      firms.employees.push_back(jobs);
      firms.foreign_owned.push_back(1);
      firms.international_hq.push_back(hq);
      // Firms that invest abroad are the most productive (Helpman, Melitz and Yeaple 2004):
      // affiliates in tradable sectors export from the start.
      firms.exporter.push_back(f != Sector::kTourismHospitality);
      firms.founded.push_back(ctx.step);
      firms.productivity.push_back(std::exp(productivity_log_sd * s.normal(slot::kProductivity)));
      ++state.flows.projects_new[best];
    }
    ++state.flows.projects[best];
    state.flows.hq[best] += hq;
    state.flows.assisted[best] += assisted;
    state.assisted_month += assisted;
    state.flows.jobs[best] += jobs;
    state.flows.incentive_cost[best] += jobs * a.incentive_per_job[best];
  }
  state.assisted_total += state.assisted_month;

  // Acquisitions: domestic tradable and tourism firms become foreign-owned at a keyed hazard.
  const double acquire = monthly_probability(p.acquisition_rate);
  for (std::size_t r = 0; r < firms.size(); ++r) {
    if (firms.foreign_owned[r] || firms.sector[r] == Sector::kOtherServices) continue;
    if (ctx.stream(core::Mechanism::kInvestment, firms.id[r]).uniform(slot::kAcquisition) <
        acquire) {
      firms.foreign_owned[r] = 1;
      ++state.flows.acquisitions[static_cast<std::size_t>(firms.zone[r])];
    }
  }
}

}  // namespace metrosim::mechanisms
