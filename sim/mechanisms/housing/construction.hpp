// construction.hpp — housing supply (MODEL.md §7.9): private starts respond to Tobin's q = P/C
// with a low elasticity, starts = s·stock·min(q, q_max)^η; each month's starts spread over
// completion lags 24..36 months (uniform, largest-remainder integers); completions add to the
// owner and LTR stocks by a fixed split; the `housing.social_units_per_year` lever adds social
// units through the same pipeline. Works in integer agent units with per-zone carry-over, so no
// dwelling is lost to rounding. Deterministic, zone level; stock never shrinks.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "agents/zones.hpp"
#include "core/ids.hpp"
#include "mechanisms/housing/supply_params.hpp"

namespace metrosim::mechanisms {

/// Per-zone pipeline state; zone z owns slots [z·ring, (z + 1)·ring) of the `due_*` arrays.
struct ConstructionState {
  std::size_t ring = 0;  ///< slots per zone: lag_max + 1, indexed by completion month % ring
  std::vector<std::int64_t> due_private;  ///< private units (agent units) completing in a month
  std::vector<std::int64_t> due_social;   ///< social units completing in a month
  std::vector<std::int64_t> pipeline_private;  ///< private units under construction, by zone
  std::vector<std::int64_t> pipeline_social;   ///< social units under construction, by zone
  std::vector<double> cost0;                   ///< replacement cost C at step 0, EUR per dwelling
  std::vector<double> social_weight;           ///< allocation weight of social units (per-zone key)
  std::vector<double> carry_private;  ///< rounding carry of private starts, agent units in [0, 1)
  std::vector<double> carry_social;   ///< rounding carry of social starts
  std::vector<double> carry_ltr;      ///< carry of the LTR/owner split of completions
  std::size_t size() const { return cost0.size(); }
};

/// One month's supply flows by zone, in agent units.
struct ConstructionFlows {
  std::vector<std::int64_t> starts_private, starts_social;
  std::vector<std::int64_t> completions_owner, completions_ltr, completions_social;
  void reset(std::size_t n_zones);
};

/// Private starts in real dwellings per month for a zone with `private_stock` real owner + LTR
/// dwellings: monthly(start_rate)·stock·min(P/C, max_q)^η (0 where P ≤ 0 and η > 0).
double private_starts(const ConstructionParams& p, double private_stock, double price, double cost);

/// Converts a real flow (≥ 0, finite) into whole agent units: x = flow·scale + carry,
/// returns ⌊x⌋ and keeps x − ⌊x⌋ in `carry`, so cumulative units never fall 1 behind the real flow.
std::int64_t to_agent_units(double real_flow, double scale, double& carry);

/// Splits n whole units over `weights` by largest remainder (Hamilton): every part is the floor or
/// the ceiling of its quota and the parts sum to n. Equal remainders go first to index
/// `first_tie`, then first_tie + 1, ... (cyclic), so rotating it spreads the odd units over time.
void apportion(std::int64_t n, std::span<const double> weights, std::size_t first_tie,
               std::span<std::int64_t> out);

/// Weights of the completion lags: index k is the lag lag_min + k months (uniform).
std::vector<double> lag_weights(const ConstructionParams& p);

/// Replacement cost of zone z at step t: C0·(1 + cost_growth)^(t/12).
double construction_cost(const ConstructionParams& p, const ConstructionState& st, std::size_t z,
                         core::Step t);

/// Social starts in real dwellings per month by zone: social_units_per_year / 12 shared over
/// non-external zones in proportion to social_weight × dwellings (all uses).
std::vector<double> social_allocation(const ConstructionParams& p, const agents::Zones& zones,
                                      const ConstructionState& st);

/// Sizes the state, sets C0 = P0 / initial_q and social weights to the default (the caller may
/// overwrite `social_weight` with per-zone overrides) and, with prefill_pipeline, schedules the
/// private starts of the lag_max months before step 0 at q0 whose completion falls at step ≥ 0.
/// Throws std::invalid_argument on lags outside 1 ≤ lag_min ≤ lag_max or scale ≤ 0.
void init_construction(const ConstructionParams& p, double scale, std::span<const double> price,
                       const agents::Zones& zones, ConstructionState& st);

/// Month t: private and social starts of non-external zones enter the pipeline (from the
/// start-of-month stock and this month's price); then the completions due now are added to the
/// stock (private split into LTR and owner use by completion_ltr_share with a carry, social to
/// social use). Records flows; the stock never shrinks.
void step_construction(const ConstructionParams& p, core::Step t, double scale,
                       std::span<const double> price, agents::Zones& zones, ConstructionState& st,
                       ConstructionFlows& flows);

/// Throws std::logic_error when a pipeline differs from its scheduled units or is negative.
void check_construction(const ConstructionState& st);

}  // namespace metrosim::mechanisms
