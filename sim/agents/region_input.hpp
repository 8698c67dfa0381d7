// region_input.hpp — region tables as read from CSV (one row per municipality or district),
// before any modelling choice. io/region_reader fills them; agents/zones_init turns them into
// zones.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agents/tourism_input.hpp"

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
  double income_per_household = 0.0;        ///< ADRH 2022 net income, EUR per year
  double household_size = 0.0;              ///< ADRH 2022 mean persons per household
  std::optional<double> rent_2018;          ///< EUR/month, new contracts (partial data)
  std::optional<double> employment_rate;    ///< census 2021: employed / residents 16+
  std::optional<double> unemployment_rate;  ///< census 2021: unemployed / active residents
  int line = 0;                             ///< CSV line, for messages
};

struct DistrictRow {
  std::string code;  ///< district number as written in the file ("1".."10")
  std::string name;
  double area_km2 = 0.0;
  double population = 0.0;      ///< municipal register 2020
  double rent_2015 = 0.0;       ///< EUR/month, new contracts
  double income_index = 100.0;  ///< family disposable income index (core city = 100)
  double lat = 0.0, lon = 0.0;
  int line = 0;
};

/// Kinds of agency (MODEL.md §2); the same list in every governance mode.
enum class AgencyKind : std::uint8_t {
  kMetropolitanAuthority,
  kCityCouncil,
  kMunicipalOffice,
  kInvestmentPromotionAgency,
  kTourismBoard
};
inline constexpr const char* kAgencyKindNames[] = {"metropolitan_authority", "city_council",
                                                   "municipal_office",
                                                   "investment_promotion_agency", "tourism_board"};

struct AgencyRow {
  std::string code;  ///< agency code (unique)
  std::string name;
  AgencyKind kind = AgencyKind::kMetropolitanAuthority;
  std::string jurisdiction;      ///< "metro", "periphery" or an INE municipality code
  double budget_eur_year = 0.0;  ///< international-action budget, EUR per year (nominal)
  double staff = 0.0;            ///< persons
  int line = 0;
};

struct EventRow {
  std::string kind;  ///< event kind (e.g. mobile_congress); several rows per kind
  std::string name;
  int year = 0, month = 0;  ///< edition's month
  std::string venue_zone;   ///< zone code
  double attendees = 0.0;   ///< persons (an input, never a calibration target)
  int line = 0;
};

/// One row of the optional jobs table (jobs located in a zone by sector, persons): the model
/// uses its structure across zones and sectors (docs/LABOUR.md).
struct JobsRow {
  std::string zone_code;
  double tourism = 0.0, tradable = 0.0, local = 0.0;
  std::uint8_t from_data = 0;  ///< the jobs_source marker: 1 data, 0 assumption
  int line = 0;
};

/// One ordered pair of the travel-time matrix (region.travel_times).
struct TravelTimeRow {
  std::string origin, destination;  ///< zone codes: residence and workplace
  double minutes = 0.0;             ///< door-to-door travel time
  int line = 0;
};

struct RegionInput {
  std::vector<MunicipalityRow> municipalities;
  std::vector<DistrictRow> districts;  ///< empty: the core city is one zone
  std::vector<AgencyRow> agencies;
  std::vector<EventRow> events;  ///< sorted by (kind, year)
  /// Tourism table rows as read (empty: no tourism market); io::check_tourism_zones aligns
  /// them with the zones (one per zone, zone order) when the region is validated.
  std::vector<TourismRow> tourism;
  std::vector<JobsRow> jobs;                             ///< empty: jobs derived from residents
  std::vector<TravelTimeRow> travel_times;  ///< empty: commuting cost from distances
  std::string travel_times_file;            ///< path as read, for messages
  std::string jobs_file;                                 ///< path as read, for messages
  std::string agencies_file, events_file, tourism_file;  ///< paths as read, for messages
  std::map<std::string, std::string> sha256;             ///< file name -> hex digest of its bytes
};

}  // namespace metrosim::agents
