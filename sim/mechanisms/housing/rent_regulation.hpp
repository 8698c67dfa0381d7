// rent_regulation.hpp — the rent-cap lever at lease renewal (MODEL.md §7.9, lever
// `housing.rent_cap`): the renewed contract rent is the landlord's reset toward the market rent,
//   r' = r + reset·(r^m − r),
// capped at r·(1 + cap)^years where a cap applies. A cap never raises a rent; it lowers renewal
// increases and thereby the renewal move hazard (MODEL.md §7.10), never the move rule itself.
#pragma once
#include "mechanisms/housing/supply_params.hpp"

namespace metrosim::mechanisms {

/// True when `cap` means "no cap" (any negative value, kNoRentCap by convention).
inline bool is_no_cap(double cap) {
  return cap < 0.0;
}

/// The yearly cap that applies to a landlord type: rent_cap_large for large holders where it is
/// set (non-negative), otherwise rent_cap; negative = no cap.
double cap_for(const RentCap& cap, LandlordType type);

/// Contract rent after renewal. `old_rent`: the contract rent before renewal (EUR/month);
/// `market_rent`: the zone's market rent for new contracts; `reset_share` ∈ [0, 1]: share of the
/// gap closed by the landlord; `years_since_last_reset` ≥ 0 (negative counts as 0): years over
/// which the yearly cap compounds. Without a cap, returns the uncapped reset rent exactly.
double regulated_renewal_rent(double old_rent, double market_rent, double reset_share,
                              double years_since_last_reset, const RentCap& cap, LandlordType type);

}  // namespace metrosim::mechanisms
