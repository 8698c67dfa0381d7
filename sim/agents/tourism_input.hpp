// tourism_input.hpp — one row of the region's tourism table (tourism.csv), as read, before any
// modelling choice: accommodation stocks, attraction and transport flags of a zone, each with
// whether its value comes from data or from a documented assumption (docs/TOURISM.md).
#pragma once
#include <cstdint>
#include <string>

namespace metrosim::agents {

struct TourismRow {
  std::string zone_code;             ///< a zone code of the region (district, INE code or EXT)
  double hotel_beds = 0.0;           ///< bed places in hotels and guesthouses
  double licensed_str_units = 0.0;   ///< licensed tourist flats (dwellings)
  double attraction = 0.0;           ///< attraction score in [0, 1]
  std::uint8_t port = 0;             ///< 1: the zone has a commercial port
  std::uint8_t airport = 0;          ///< 1: the zone has an airport
  std::uint8_t cruise_terminal = 0;  ///< 1: cruise ships call here
  // 1: the value is data; 0: a documented assumption (the `<column>_source` markers).
  std::uint8_t hotel_beds_from_data = 0;
  std::uint8_t licensed_str_units_from_data = 0;
  std::uint8_t attraction_from_data = 0;
  std::uint8_t port_from_data = 0;
  std::uint8_t airport_from_data = 0;
  std::uint8_t cruise_terminal_from_data = 0;
  int line = 0;  ///< CSV line, for messages
};

}  // namespace metrosim::agents
