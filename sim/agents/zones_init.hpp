// zones_init.hpp — builds the zone store from region tables: the core city split into its
// districts, the other municipalities, and the external zone; fills data gaps by the documented
// assumptions of RegionParams (docs/DATA.md) and converts stocks to agent units.
#pragma once
#include <string>
#include <vector>

#include "agents/region_input.hpp"
#include "agents/zones.hpp"

namespace metrosim::agents {

/// Region assumptions needed to build zones (a subset of model::RegionParams and
/// model::ExternalZoneParams, copied by the model so that agents/ does not depend on model/).
struct ZoneBuildParams {
  std::string core_municipality = "08019";
  double social_share_of_rented = 0.05;
  double default_household_size = 2.5;  ///< persons, where the region lacks the column
  double ltr_vacant_share_of_nonprincipal = 0.10;
  double owner_vacant_share_of_nonprincipal = 0.05;
  double social_vacancy = 0.01;
  double income_backcast = 0.88;
  double renter_income_ratio = 0.75;
  double rent_income_elasticity = 1.0;
  double reference_rent = 735.0;
  double external_rent = 600.0;
  double external_vacant = 20000.0;
  double external_lat = 41.56;
  double external_lon = 2.03;
  double scale = 1.0;  ///< agents per real household
};

inline constexpr const char* kExternalZoneCode = "EXT";

/// Zone code of district `district` (as written in the districts file) of municipality `core`:
/// the INE municipality code followed by the two-digit district number, e.g. "0801901".
std::string district_zone_code(const std::string& core, const std::string& district);

/// Builds every zone with its data, initial market rent and stocks in agent units. Occupied
/// counts are set to the initial households (agent units) by tenure; stock = occupied + vacant.
/// Households per zone and tenure in agent units are apportioned from round(total × scale) by
/// largest remainders, so the metro total is exact after rounding.
Zones build_zones(const RegionInput& in, const ZoneBuildParams& p);

/// Largest-remainder apportionment of `total` units in proportion to `weights`.
std::vector<std::int64_t> apportion(const std::vector<double>& weights, std::int64_t total);

/// Great-circle distance in km between two WGS84 points (haversine, mean Earth radius).
double haversine_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace metrosim::agents
