// matching.hpp — capacity-constrained matching of movers to vacant dwellings (MODEL.md §7.10).
// Movers are ordered by a keyed random priority (ties by id), then served in rounds: in round r
// every still-unmatched mover tries their r-th choice, in priority order, while vacancies last.
// The result depends only on keyed draws and state, never on thread count or array order.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "agents/households.hpp"
#include "core/step_context.hpp"
#include "mechanisms/relocation/move_events.hpp"

namespace metrosim::mechanisms {

/// Per-zone flows of one month's relocation, in agent units.
struct MoveFlows {
  std::vector<std::int64_t> moves_in, moves_out;                            ///< by zone
  std::vector<std::int64_t> displaced_renewal_out, displaced_eviction_out;  ///< by origin zone
  /// Evicted for conversion to a short-term rental (also in displaced_eviction_out), by origin.
  std::vector<std::int64_t> displaced_str_out;
  /// LTR dwellings vacated by such evictions, kept for conversion: by zone.
  std::vector<std::int64_t> freed_for_str;
  std::vector<std::int64_t> exits_external;         ///< moves from the zone to the external zone
  std::vector<std::int64_t> entries_from_external;  ///< moves from the external zone into the zone
  std::vector<std::int64_t> life_course_moves;      ///< by origin zone
  std::vector<std::int64_t> renewals;               ///< leases renewed (household stays), by zone
  std::vector<std::int64_t> unmatched;              ///< movers who found no vacancy, by zone
  std::vector<std::int64_t> arrivals_in;            ///< arriving households housed in the zone
  std::int64_t arrivals_unhoused = 0;  ///< arrivals that found no vacancy (they do not come)
  void reset(std::size_t n_zones);
};

/// Destination of each mover (kNoZone = unmatched), for movers in `movers` order.
/// `vacant` is the vacancy table [zone][tenure] at the start of matching; it is consumed.
std::vector<core::ZoneIndex> match_movers(const core::StepContext& ctx,
                                          const agents::Households& hh,
                                          std::span<const std::uint32_t> movers,
                                          std::span<const core::ZoneIndex> choices, int k,
                                          std::vector<std::array<std::int64_t, 3>>& vacant);

/// LTR dwellings vacant at the start of matching, by zone: all of them and those of large holders.
/// A new LTR lease in a zone draws its landlord type from them and uses one up.
struct LtrVacancies {
  std::vector<std::int64_t> all;    ///< vacant LTR dwellings
  std::vector<std::int64_t> large;  ///< of which owned by large holders (≤ all)
};

/// Relocates households: arrivals (cause kArrival) that are matched occupy their dwelling, the
/// others keep zone kNoZone for the caller to remove; matched movers move and sign a new lease at
/// the destination's market rent; unmatched evicted households leave for the external zone while it
/// has vacancies; other unmatched movers stay (renewal movers at their renewed rent); renewals of
/// stayers apply. Updates occupancy and records flows. Displacement = a move caused by a renewal
/// increase or an eviction (MODEL.md §7.10). `vacant` is the table left by match_movers: the
/// external-zone fallback of evicted households consumes it too, so no zone and use is ever
/// overfilled. A household signing a new LTR lease in zone z gets a large landlord with
/// probability large_z / all_z of `ltr_vacant` (keyed uniform: core::Mechanism::kLandlord,
/// household id, step, slot 1), which is then decremented in mover order; without `ltr_vacant`
/// every new lease is with a small landlord. An evicted household that stays signs its new lease
/// with the same landlord.
void apply_moves(const core::StepContext& ctx, const MoveEvents& ev,
                 std::span<const core::ZoneIndex> destination,
                 std::vector<std::array<std::int64_t, 3>>& vacant, agents::Households& hh,
                 agents::Zones& zones, MoveFlows& flows, LtrVacancies* ltr_vacant = nullptr);

}  // namespace metrosim::mechanisms
