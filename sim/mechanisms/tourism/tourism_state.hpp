// tourism_state.hpp — what tourism reads from the world each month (TourismZones) and what it
// carries from one month to the next (TourismState: nightly prices, pressure, landlords'
// revenue expectations, rounding carries). Row z of every column is zone z.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "mechanisms/tourism/tourism_params.hpp"

namespace metrosim::mechanisms {

/// Accommodation types, the lower level of the nested logit (MODEL.md §7.8).
enum class Accommodation : std::size_t { kHotel = 0, kStrLicensed = 1, kStrUnlicensed = 2 };
inline constexpr std::size_t kAccommodations = 3;
inline constexpr std::array<const char*, kAccommodations> kAccommodationNames = {
    "hotel", "str_licensed", "str_unlicensed"};
using PerType = std::array<double, kAccommodations>;

/// Days in an average month, 365.25 / 12: landlords compare revenue per average month.
inline constexpr double kDaysPerAverageMonth = 365.25 / 12.0;

/// Per-zone inputs of the allocation, in real units.
struct TourismZones {
  std::vector<double> attraction;  ///< [0, 1], tourism.csv
  std::vector<std::uint8_t> is_core, is_external, cruise_terminal;
  std::vector<double> residents;   ///< persons living in the zone
  std::vector<double> hotel_beds;  ///< beds (hotels and guesthouses)
  std::vector<std::array<double, 2>>
      str_units;  ///< STR dwellings (licensed, unlicensed), real units

  std::size_t size() const { return attraction.size(); }
  void resize(std::size_t n) {
    attraction.resize(n, 0.0);
    is_core.resize(n, 0);
    is_external.resize(n, 0);
    cruise_terminal.resize(n, 0);
    residents.resize(n, 0.0);
    hotel_beds.resize(n, 0.0);
    str_units.resize(n, {0.0, 0.0});
  }
};

/// Conversion flows that carry a rounding remainder from month to month (str_conversion.hpp).
enum class StrFlow : std::size_t {
  kWithdrawn = 0,
  kLicensedExit,
  kRemoved,
  kUnlicensedExit,
  kToLicensed,
  kToUnlicensed,
  kCount
};
inline constexpr std::size_t kStrFlows = static_cast<std::size_t>(StrFlow::kCount);

struct TourismState {
  std::vector<PerType> price;    ///< EUR per visitor-night before tax, last month's clearing price
  std::vector<double> pressure;  ///< last month's pressure, visitors per resident-day
  /// Landlords' expected net STR revenue per unit (licensed, unlicensed), EUR per average
  /// month; NaN until the first month's market has been observed.
  std::vector<std::array<double, 2>> expected_revenue;
  std::vector<std::array<double, kStrFlows>> carry;  ///< rounding remainders in [0, 1), units

  std::size_t size() const { return price.size(); }
  /// Base prices, no pressure, no expectations yet, no carries.
  void init(std::size_t n_zones, const TourismParams& p) {
    price.assign(n_zones, {p.hotel_price_base, p.str_price_base, p.str_price_base});
    pressure.assign(n_zones, 0.0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    expected_revenue.assign(n_zones, {nan, nan});
    carry.assign(n_zones, {});
  }
};

}  // namespace metrosim::mechanisms
