// ewa.hpp — the January review of an agency's strategy (MODEL.md §7.12; docs/EVENTS_LEARNING.md
// §2): attributable KPIs turned into payoffs per EUR, an optional externality penalty from the
// belief matrix, the experience-weighted attraction update (Camerer & Ho 1999; with δ = 0 and
// ρ = 0 it reduces to cumulative reinforcement, Erev & Roth 1998) and a softmax with floors that
// reallocates only the discretionary pool. Pure functions on small arrays.
#pragma once
#include <array>
#include <cstddef>

#include "mechanisms/evaluation/evaluation_params.hpp"
#include "mechanisms/governance/instruments.hpp"

namespace metrosim::mechanisms {

/// Attributable KPIs of a period, real units. Assisted projects come from the investment
/// mechanism (0 until it is wired); events won from the bids; programme participants are the
/// international-talent households that arrived.
struct StrategyKpis {
  double assisted_projects = 0.0;       ///< projects
  double events_won = 0.0;              ///< congresses
  double programme_participants = 0.0;  ///< households
};

using InstrumentArray = std::array<double, kInstruments>;

/// True for the instruments the review may move: all but city networks (a membership count,
/// governance's `networks.count`) and decentralised cooperation (ring-fenced). Mitigation's
/// ring-fenced base sits outside the allocation, so only its discretionary top-up moves.
bool is_reallocated(Instrument k);

/// Payoff per EUR of each instrument: each KPI's value (EUR per unit) is credited to the
/// instruments that produce it (projects: lead generation and incentives; events: event bidding;
/// participants: talent), divided by the metro's spend on those instruments over the same period
/// (so every EUR of them earns the same). No spend, no payoff.
InstrumentArray kpi_payoffs(const EvaluationParams& p, const StrategyKpis& kpi,
                            const InstrumentArray& metro_spend);

/// Σ_e belief[k][e]·relative[e]: what an agency that counts externalities subtracts from each
/// instrument's payoff; `relative` = externality levels relative to the first review's.
InstrumentArray externality_penalty(const EvaluationParams& p,
                                    const std::array<double, kExternalities>& relative);

struct EwaState {
  InstrumentArray attraction{};  ///< A_k, payoff units
  double experience = 1.0;       ///< N, EWA's experience weight
};

/// One EWA step: N' = ρN + 1; A_k' = (φ·N·A_k + (δ + (1 − δ)·x_k)·π_k) / N', with x_k the
/// instrument's share of the reallocated pool (how much it was "played").
void ewa_update(const EvaluationParams& p, const InstrumentArray& payoff,
                const InstrumentArray& played_share, EwaState& s);

/// New allocation row: instruments not reallocated keep their shares; the pool of the others
/// (its total unchanged) is split as floor + (1 − n·floor)·softmax(A/τ). A row whose pool is 0
/// is returned unchanged.
InstrumentArray reallocate(const EvaluationParams& p, const EwaState& s,
                           const InstrumentArray& allocation);

/// Shares of the reallocated pool in an allocation row (0 where the pool is empty).
InstrumentArray pool_shares(const InstrumentArray& allocation);

}  // namespace metrosim::mechanisms
