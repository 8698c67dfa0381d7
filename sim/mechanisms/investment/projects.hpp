// projects.hpp — mobile investment projects (MODEL.md §7.4): a scenario-independent candidate
// stream thinned by a metro acceptance probability rising in the metro logsum and in lead
// generation; a within-metro location logit with a size term; new establishment or expansion of
// a foreign firm; HQs; incentives booked as fiscal transfers; acquisitions of domestic firms.
// docs/INVESTMENT.md states the forms and the draw slots.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "agents/firms.hpp"
#include "core/step_context.hpp"
#include "mechanisms/investment/investment_params.hpp"
#include "mechanisms/investment/investment_state.hpp"

namespace metrosim::mechanisms {

/// What projects see of each zone this month (built by model/investment_step from the world).
struct ZoneAttractors {
  std::vector<std::uint8_t> eligible;  ///< 1: a metro zone with land (not the external zone)
  std::vector<std::uint8_t> is_core;
  /// ln(jobs located, persons): the size term, jobs as the proxy of non-residential floorspace
  std::vector<double> log_size;
  std::vector<std::array<double, 3>> jobs;  ///< persons by labour sector (tourism, tradable, local)
  std::vector<double> talent;      ///< talent share of residents / the metro's (1 = average)
  std::vector<double> rent_index;  ///< office rent proxy: market rent / metro mean (> 0)
  std::vector<double> visibility;  ///< V_i
  std::vector<double> image;       ///< Q_i
  std::vector<std::uint8_t> infrastructure;  ///< port or airport
  std::vector<double> incentive_per_job;     ///< EUR per job (effort, after cap and pact)
  std::vector<double> referral_weight;       ///< lead routing weight (1 = neutral)
  double lead_generation = 0.0;              ///< EUR/month
};

/// Project sectors and their shares (fDi-type mobile projects: no local services), fixed.
inline constexpr std::array<double, agents::kSectors> kProjectSectorShares = {0.45, 0.30, 0.10,
                                                                              0.15, 0.0};

/// Saturating lead-generation effort L = E / (E + half) in [0, 1).
double lead_saturation(const InvestmentParams& p, double lead_generation);

/// Systematic utility of zone i for a project of sector f with `jobs` persons, without the
/// Gumbel term and the referral routing: size + agglomeration + talent − rent + visibility +
/// image + infrastructure + `incentive_weight` × β_I × incentive (EUR million).
double zone_utility(const InvestmentParams& p, const ZoneAttractors& a, std::size_t i,
                    agents::Sector f, double jobs, double incentive_weight);

/// Metro logsum IV = ln Σ_i exp(U_i) over eligible zones for sector f, at the median project
/// size, the incentive weighted by p.incentive_metro_weight.
double metro_logsum(const InvestmentParams& p, const ZoneAttractors& a, agents::Sector f);

/// Acceptance probability of a candidate of sector f: logistic(logit(acceptance_base) +
/// logsum_weight·(IV − IV_ref) + lead_gain·L).
double acceptance_probability(const InvestmentParams& p, const ZoneAttractors& a, agents::Sector f,
                              double logsum_ref);

/// The month's projects (Mechanism::kInvestment): candidates, acceptance, location, new firm or
/// expansion, HQ, incentives; then acquisitions of domestic firms. `productivity_log_sd` draws
/// the productivity of new establishments. Appends to / changes `firms`; fills state.flows.
void investment_step(const InvestmentParams& p, const core::StepContext& ctx,
                     const ZoneAttractors& a, double productivity_log_sd, InvestmentState& state,
                     agents::Firms& firms);

}  // namespace metrosim::mechanisms
