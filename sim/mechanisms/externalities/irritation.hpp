// irritation.hpp — residents' irritation with tourism (MODEL.md §7.11): a per-household
// probability logistic in the zone's tourism pressure (visitors per resident-day: room-nights +
// w_d·day visits) and STR share of dwellings, lower for households working in tourism
// (social-exchange theory). Doxey's stages are a reading of the resulting shares, never
// thresholds in the code (docs/EXTERNALITIES.md §1).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/group_index.hpp"
#include "core/step_context.hpp"
#include "mechanisms/externalities/externality_params.hpp"

namespace metrosim::mechanisms {

/// Draw slot of the irritation draw in the household's kExternalities stream (one per month).
inline constexpr std::uint32_t kIrritationSlot = 0;

/// p = logistic(a + b·pressure + c·str_share − d·[tourism worker]).
double irritation_probability(const IrritationParams& p, double pressure, double str_share,
                              bool tourism_worker);

/// One household's keyed draw: irritated iff uniform(slot kIrritationSlot) < p. `s` must be the
/// household's stream for (kExternalities, its id, this step).
bool draw_irritated(const IrritationParams& p, core::Stream& s, double pressure, double str_share,
                    bool tourism_worker);

/// Per zone: share of residents irritated this month (realised keyed draws) and the expected
/// share (mean probability). Empty where a zone has no residents (NaN).
struct IrritationByZone {
  std::vector<double> irritated_share;  ///< 1, realised draws / residents
  std::vector<double> expected_share;   ///< 1, mean probability of residents
};

/// Draws every household of `by_zone` (ids in `id`, rows as in the index) with its zone's
/// pressure and STR share; `tourism_worker` per row (empty span: nobody works in tourism).
/// Deterministic for any thread count: draws are keyed by id, sums follow the group index.
IrritationByZone irritation_by_zone(const IrritationParams& p, const core::StepContext& ctx,
                                    std::span<const core::AgentId> id,
                                    const core::GroupIndex& by_zone,
                                    std::span<const std::uint8_t> tourism_worker,
                                    std::span<const double> pressure,
                                    std::span<const double> str_share);

}  // namespace metrosim::mechanisms
