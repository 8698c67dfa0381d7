// region_input.hpp — region tables as read from CSV (one row per municipality or district),
// before any modelling choice. io/region_reader fills them; agents/zones_init turns them into zones.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace metrosim::agents {

struct MunicipalityRow {
  std::string ine_code;  ///< 5-digit INE code, the zone code of an unsplit municipality
  std::string name;
  double area_km2 = 0.0;
  double lat = 0.0, lon = 0.0;  ///< WGS84 degrees
  double households = 0.0;      ///< census 2021 principal dwellings (= households)
  double dwellings_nonprincipal = 0.0;
  double dwellings_owned = 0.0;
  double dwellings_rented = 0.0;
  double dwellings_other_tenure = 0.0;
  double income_per_household = 0.0;  ///< ADRH 2022 net income, EUR per year
  std::optional<double> rent_2018;    ///< EUR/month, new contracts (partial data)
  int line = 0;                       ///< CSV line, for messages
};

struct DistrictRow {
  std::string code;  ///< district number as written in the file ("1".."10")
  std::string name;
  double area_km2 = 0.0;
  double population = 0.0;  ///< municipal register 2020
  double rent_2015 = 0.0;   ///< EUR/month, new contracts
  double income_index = 100.0;  ///< family disposable income index (core city = 100)
  double lat = 0.0, lon = 0.0;
  int line = 0;
};

struct RegionInput {
  std::vector<MunicipalityRow> municipalities;
  std::vector<DistrictRow> districts;           ///< empty: the core city is one zone
  std::map<std::string, std::string> sha256;    ///< file name -> hex digest of its bytes
};

}  // namespace metrosim::agents
