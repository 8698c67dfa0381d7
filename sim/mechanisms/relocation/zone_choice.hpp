// zone_choice.hpp — size-corrected logit over zones (MODEL.md §7.10; McFadden 1978): utility
// ln(vacant dwellings of the mover's tenure) − β_burden·cost/income − β_distance·km + amenity.
// Ranked choices come from Gumbel-max over one fixed draw per zone, so the top-k ranking is the
// logit's sequential choice without replacement and the draws never depend on other movers.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "agents/households.hpp"
#include "core/step_context.hpp"
#include "mechanisms/relocation/relocation_params.hpp"

namespace metrosim::mechanisms {

inline constexpr double kExcluded = -1e300;  ///< utility of a zone with no vacancy

/// Systematic utility of zone z for a household of tenure `tenure` and income `income`
/// (EUR/month) given vacancies `vacant` of its tenure; `from` is the zone whose distance counts
/// (kNoZone: none, for migrants from outside). Shared by the choice and the welfare logsum
/// (mechanisms/externalities/welfare), so both value zones alike.
double zone_utility(const RelocationParams& p, const agents::Zones& zones, agents::Tenure tenure,
                    double income, core::ZoneIndex from, std::size_t z, std::int64_t vacant);

/// The same for household row i (its tenure and income).
double zone_utility(const RelocationParams& p, const agents::Zones& zones,
                    const agents::Households& hh, std::size_t i, core::ZoneIndex from,
                    std::size_t z, std::int64_t vacant);

/// Logit probabilities of the non-excluded utilities (numerically stable softmax).
std::vector<double> logit_probabilities(std::span<const double> utilities);

/// Writes the indices of the k best zones under Gumbel-perturbed utilities into `out`
/// (kNoZone where fewer than k zones are available). Draw slot z belongs to zone z.
void rank_choices(core::Stream& s, std::span<const double> utilities,
                  std::span<core::ZoneIndex> out);

/// Ranked choices of every mover: row m of `choices` (m × k, row-major) belongs to movers[m],
/// whose distances count from from_zone[m]. Vacancies are the zone store's at call time.
void choose_zones(const RelocationParams& p, const core::StepContext& ctx,
                  const agents::Households& hh, const agents::Zones& zones,
                  std::span<const std::uint32_t> movers, std::span<const core::ZoneIndex> from_zone,
                  std::vector<core::ZoneIndex>& choices);

}  // namespace metrosim::mechanisms
