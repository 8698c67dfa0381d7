// tourism_step.hpp — the tourism market and landlords' LTR ↔ STR conversions in the running
// model (MODEL.md §7.8; the integration plan of docs/TOURISM.md §6). The mechanisms live in
// mechanisms/tourism; this file holds the world's tourism state and the two monthly steps that
// connect them to zones, households and the events calendar.
#pragma once
#include <cstdint>
#include <vector>

#include "agents/region_input.hpp"
#include "agents/zones.hpp"
#include "core/calendar.hpp"
#include "mechanisms/tourism/allocation.hpp"
#include "mechanisms/tourism/str_conversion.hpp"
#include "model/scenario.hpp"

namespace metrosim::model {

/// Tourism state of a world. STR dwellings are carved from the census non-principal dwellings
/// the zone store does not model, so no existing stock changes at start; afterwards units move
/// between vacant LTR and STR only through conversions. Stocks in agent units.
struct TourismWorld {
  bool active = false;  ///< false: the region has no tourism table (region.tourism empty)
  mechanisms::TourismZones zones;  ///< allocation inputs (attraction, beds, residents, STR units)
  mechanisms::TourismState state;  ///< prices, pressure, expectations, carries
  std::vector<std::uint8_t> port, airport;         ///< static flags from the table
  std::vector<std::uint8_t> table_from_data;       ///< 1: every tourism column of the zone is data
  std::vector<std::int64_t> licensed, unlicensed;  ///< STR dwellings, agent units
  std::vector<std::int64_t> licensed_initial;      ///< the licence register at start
  std::vector<double> cap_share;  ///< tourism.str_licence_cap per zone (key@ZONE overrides)
  /// LTR dwellings vacated this month by a non-renewal for conversion (kept off the market).
  std::vector<std::int64_t> freed_for_str;
  /// P(a renewing lease ends for conversion) per zone, from last month's landlords' view.
  std::vector<double> nonrenewal_probability;
  mechanisms::TourismMonth month;    ///< this month's market (for indicators)
  mechanisms::StrFlows flows;        ///< this month's conversions (for indicators)
  mechanisms::TourismDemand demand;  ///< this month's demand (for indicators)
};

/// Builds the tourism state from the region's table (rows matched to zones by code; a region
/// without a table gets an inactive state that changes nothing).
TourismWorld init_tourism(const Scenario& s, const agents::RegionInput& region,
                          const agents::Zones& zones);

/// Resolves tourism.str_licence_cap and its key@ZONE overrides into tw.cap_share.
void resolve_tourism_zone_parameters(const Scenario& s, const agents::Zones& zones,
                                     TourismWorld& tw);

/// Step 9: demand (season, brand, price, congresses, cruises, day trips), allocation over zones
/// and accommodation types, clearing prices and pressure. `congress_attendees` = persons this
/// month from the events calendar; `awareness`, `image` = the metro brand.
void step_tourism_market(const Scenario& s, const core::Calendar& calendar, core::Step t,
                         double congress_attendees, double awareness, double image, double weight,
                         const agents::Zones& zones, TourismWorld& tw);

/// Step 10: landlords' conversions between vacant LTR dwellings (and those freed by non-renewal
/// this month) and STR use, licence withdrawals above the cap and enforcement; updates the LTR
/// stock and sets next month's non-renewal probability. Conserves LTR + STR dwellings per zone.
void step_str_conversions(const Scenario& s, agents::Zones& zones, TourismWorld& tw);

/// Throws std::logic_error when a stock is negative or nights exceed capacity.
void check_tourism(const TourismWorld& tw);

}  // namespace metrosim::model
