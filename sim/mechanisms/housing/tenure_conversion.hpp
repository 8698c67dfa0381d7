// tenure_conversion.hpp — vacant dwellings change use between owner-occupation and long-term
// rental (homes vacated by departing owners sold to landlords, lets sold to owner-occupiers), in
// proportion to how far each use's vacancy exceeds its natural rate. Without it, exits of owners
// and arrivals of renters would pile vacancies in one use and shortages in the other.
#pragma once
#include "agents/zones.hpp"
#include "mechanisms/housing/housing_params.hpp"

namespace metrosim::mechanisms {

/// Moves vacant units between the owner and LTR stocks of every non-external zone: the use whose
/// vacancy rate exceeds its natural rate by more releases rate × (its excess vacant units),
/// capped by the other use's shortfall. Conserves each zone's dwellings; returns units moved
/// owner→LTR minus LTR→owner, per zone (agent units).
std::vector<std::int64_t> convert_vacant_tenure(const HousingParams& p, agents::Zones& zones);

}  // namespace metrosim::mechanisms
