// zones.hpp — the zone store (structure of arrays): identity, geography, initial data, dwelling
// stocks and occupancy by use, and market rents. Row z of every column is zone z.
#pragma once
#include <Eigen/Dense>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace metrosim::agents {

/// Tenure of a household = use of the dwelling it occupies.
enum class Tenure : std::uint8_t { kOwner = 0, kLtr = 1, kSocial = 2 };
inline constexpr std::size_t kTenures = 3;
inline constexpr std::array<const char*, kTenures> kTenureNames = {"owner", "ltr", "social"};

struct Zones {
  // identity and geography
  std::vector<std::string> code;  ///< INE municipality code, district code or "EXT"
  std::vector<std::string> name;
  std::vector<std::string> municipality;  ///< INE code of the municipality the zone belongs to
  std::vector<std::uint8_t> is_core;      ///< a district (or the whole) of the core city
  std::vector<std::uint8_t> is_external;  ///< the external zone, rest of the metropolitan region
  std::vector<double> lat, lon, area_km2;
  Eigen::MatrixXd distance_km;  ///< great-circle distance between zone points, km
  /// Door-to-door minutes from the region's travel-time matrix; NaN where it has no row (or none
  /// is given). Sized n × n when a matrix is given, empty otherwise.
  Eigen::MatrixXd travel_minutes;

  // initial data in real units (census 2021; incomes back-cast to the start year)
  std::vector<double> households_data;                     ///< households
  std::vector<std::array<double, kTenures>> tenure_share;  ///< shares of households by tenure
  std::vector<double> income_mean;           ///< mean net household income at start, EUR/month
  std::vector<double> household_size;        ///< persons per household (ADRH 2022)
  std::vector<std::uint8_t> rent_from_data;  ///< 1: initial rent from data; 0: assumption
  /// <column>_source markers (1 = the zone's own data row, 0 = derived by an assumption of
  /// docs/DATA.md: a district split, a gap fill or the external zone).
  std::vector<std::uint8_t> households_from_data, tenure_from_data, income_from_data;
  std::vector<double> nonprincipal;  ///< non-principal dwellings (census 2021)
  /// Residents' census 2021 employment rate (employed / population 16+) and unemployment rate
  /// (unemployed / active); labour_from_data as the other markers (districts take the city's).
  std::vector<double> employment_rate, unemployment_rate;
  std::vector<std::uint8_t> labour_from_data;

  // state, in agent units (one agent = 1/scale households)
  std::vector<std::array<std::int64_t, kTenures>> stock;     ///< dwellings by use
  std::vector<std::array<std::int64_t, kTenures>> occupied;  ///< occupied dwellings by use
  std::vector<double> rent_market;                           ///< EUR/month, new LTR contracts

  // per-zone parameters (resolved from scenario defaults and key@zone overrides)
  std::vector<double> natural_vacancy;
  std::vector<double> amenity;

  std::size_t size() const { return code.size(); }
  void resize(std::size_t n);
  std::int64_t vacant(std::size_t z, Tenure t) const {
    return stock[z][static_cast<std::size_t>(t)] - occupied[z][static_cast<std::size_t>(t)];
  }
  /// Throws std::logic_error naming the zone when occupied > stock or a value is not finite.
  void check_invariants() const;
};

}  // namespace metrosim::agents
