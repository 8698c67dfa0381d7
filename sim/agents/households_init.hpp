// households_init.hpp — the initial household population (MODEL.md §5): one agent per
// 1/scale households, placed by zone and tenure from the zone store's initial occupancy.
#pragma once
#include "agents/households.hpp"
#include "agents/zones.hpp"
#include "core/rng.hpp"

namespace metrosim::agents {

struct HouseholdInitParams {
  double income_log_sd = 0.55;        ///< sd of log income within a zone and tenure
  double renter_income_ratio = 0.75;  ///< renters' mean income / owners'
  int lease_term_months = 36;         ///< lease vintages are spread uniformly over one term
};

/// Creates zones.occupied[z][u] households of tenure u in zone z, with ids 0..N-1 in zone-major
/// order. Incomes are log-normal with a tenure-conditional mean that preserves the zone mean;
/// LTR renters pay the zone's market rent and their lease started uniformly over the last term,
/// so renewals are staggered. Draws are keyed by household id at step -1.
Households init_households(const Zones& zones, const HouseholdInitParams& p,
                           const core::RngKey& key);

}  // namespace metrosim::agents
