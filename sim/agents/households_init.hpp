// households_init.hpp — the initial household population (MODEL.md §5): one agent per
// 1/scale households, placed by zone and tenure from the zone store's initial occupancy.
#pragma once
#include <array>

#include "agents/households.hpp"
#include "agents/zones.hpp"
#include "core/rng.hpp"

namespace metrosim::agents {

struct HouseholdInitParams {
  double income_log_sd = 0.55;        ///< sd of log income within a zone and tenure
  double renter_income_ratio = 0.75;  ///< renters' mean income / owners'
  int lease_term_months = 36;         ///< lease vintages are spread uniformly over one term
  std::array<double, kAgeBands> age_shares{0.20, 0.55, 0.25};  ///< heads <35, 35–64, 65+
  /// Initial talent: probability that an LTR household is a student, researcher or skilled
  /// worker (the model sets it to the segments' steady-state stocks, docs/MODEL.md).
  std::array<double, 3> talent_share{0.0, 0.0, 0.0};
  std::array<double, 3> talent_income_ratio{0.45, 1.10, 1.60};  ///< / metro mean income
  double metro_mean_income = 0.0;                               ///< EUR/month (talent incomes)
};

/// Creates zones.occupied[z][u] households of tenure u in zone z, with ids 0..N-1 in zone-major
/// order. Incomes are log-normal with a tenure-conditional mean that preserves the zone mean;
/// LTR renters pay the zone's market rent and their lease started uniformly over the last term,
/// so renewals are staggered. Heads' age bands follow age_shares; LTR households are talent
/// with probability talent_share (incomes then follow the segment). Draws are keyed by
/// household id at step -1 (slots 0–1 income, 2 lease, 3 age band, 4 origin).
Households init_households(const Zones& zones, const HouseholdInitParams& p,
                           const core::RngKey& key);

}  // namespace metrosim::agents
