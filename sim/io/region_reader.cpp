// region_reader.cpp — the municipalities and districts tables: schemas and row building.
#include "io/region_reader.hpp"
#include "io/tourism_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "io/csv_reader.hpp"
#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"
#include "io/sha256.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;

namespace {

using namespace csv;

// Columns present in the shipped file that the model does not use: accepted and not read.
const std::vector<std::string> kIgnoredMunicipalityColumns = {
    "idescat_code",
    "comarca",
    "population_2023",
    "census2021_population",
    "census2021_dwellings_total",
    "census2021_dwellings_principal",
    "adrh2022_net_income_per_person_eur",
    "adrh2022_median_income_per_consumption_unit_eur",
    "rent_2024q1_eur_month"};
const std::vector<std::string> kIgnoredDistrictColumns = {"population_2018_ine", "hut_count_2022"};

const std::vector<Column> kMunicipalityColumns = {
    {"ine_code", Cell::kIneCode, true},
    {"name", Cell::kText, true},
    {"area_km2", Cell::kPositive, true},
    {"lat", Cell::kLat, true},
    {"lon", Cell::kLon, true},
    {"census2021_households", Cell::kCount, true},
    {"census2021_dwellings_nonprincipal", Cell::kCount, true},
    {"census2021_dwellings_owned", Cell::kCount, true},
    {"census2021_dwellings_rented", Cell::kCount, true},
    {"census2021_dwellings_other_tenure", Cell::kCount, true},
    {"adrh2022_net_income_per_household_eur", Cell::kPositive, true},
    {"adrh2022_mean_household_size", Cell::kPositive, false},
    {"rent_2018_eur_month", Cell::kPositive, false},
    {"census2021_employment_rate", Cell::kShare, false},
    {"census2021_unemployment_rate", Cell::kShare, false}};

const std::vector<Column> kDistrictColumns = {{"district_code", Cell::kCode, true},
                                              {"name", Cell::kText, true},
                                              {"area_km2", Cell::kPositive, true},
                                              {"population_2020_padro", Cell::kCount, true},
                                              {"rent_2015_eur_month", Cell::kPositive, true},
                                              {"rfd_index_2015", Cell::kPositive, true},
                                              {"lat", Cell::kLat, true},
                                              {"lon", Cell::kLon, true}};

}  // namespace

std::string resolve_region_dir(const model::Scenario& s, const std::string& default_region_dir) {
  return s.region.dir.empty() ? default_region_dir : s.region.dir;
}

agents::RegionInput read_region(const model::Scenario& s, const std::string& default_region_dir) {
  Diags diags;
  agents::RegionInput in;
  const fs::path dir = resolve_region_dir(s, default_region_dir);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.push_back({dir.string(), 0, "region.dir",
                     "region directory not found; expected a folder holding " +
                         s.region.municipalities +
                         (s.region.districts.empty() ? "" : " and " + s.region.districts)});
    throw InputError(std::move(diags));
  }

  const std::string muni_path = (dir / s.region.municipalities).string();
  CsvTable table;
  const std::size_t before = diags.size();
  if (load_table(muni_path, "region.municipalities", table, in, diags)) {
    check_table(
        table, kMunicipalityColumns, kIgnoredMunicipalityColumns,
        [&](const CsvRow& row, const RowValues& v) {
          agents::MunicipalityRow m;
          m.ine_code = v.at("ine_code").first;
          m.name = v.at("name").first;
          m.area_km2 = number(v, "area_km2");
          m.lat = number(v, "lat");
          m.lon = number(v, "lon");
          m.households = number(v, "census2021_households");
          m.dwellings_nonprincipal = number(v, "census2021_dwellings_nonprincipal");
          m.dwellings_owned = number(v, "census2021_dwellings_owned");
          m.dwellings_rented = number(v, "census2021_dwellings_rented");
          m.dwellings_other_tenure = number(v, "census2021_dwellings_other_tenure");
          m.income_per_household = number(v, "adrh2022_net_income_per_household_eur");
          if (v.count("adrh2022_mean_household_size"))
            m.household_size = number(v, "adrh2022_mean_household_size");
          if (v.count("rent_2018_eur_month")) m.rent_2018 = number(v, "rent_2018_eur_month");
          if (v.count("census2021_employment_rate"))
            m.employment_rate = number(v, "census2021_employment_rate");
          if (v.count("census2021_unemployment_rate"))
            m.unemployment_rate = number(v, "census2021_unemployment_rate");
          m.line = row.line;
          in.municipalities.push_back(std::move(m));
        },
        diags);
  }
  const bool muni_ok = diags.size() == before;  // else the core may be in a rejected row

  if (!s.region.districts.empty()) {
    const std::string dist_path = (dir / s.region.districts).string();
    CsvTable dtable;
    if (load_table(dist_path, "region.districts", dtable, in, diags)) {
      check_table(
          dtable, kDistrictColumns, kIgnoredDistrictColumns,
          [&](const CsvRow& row, const RowValues& v) {
            agents::DistrictRow d;
            d.code = v.at("district_code").first;
            d.name = v.at("name").first;
            d.area_km2 = number(v, "area_km2");
            d.population = number(v, "population_2020_padro");
            d.rent_2015 = number(v, "rent_2015_eur_month");
            d.income_index = number(v, "rfd_index_2015");
            d.lat = number(v, "lat");
            d.lon = number(v, "lon");
            d.line = row.line;
            in.districts.push_back(std::move(d));
          },
          diags);
    }
    // The districts split the core city: it must be a row of the municipalities file.
    const int code_col = table.column("ine_code");
    if (muni_ok && code_col >= 0) {
      std::vector<std::string> codes;
      for (const CsvRow& row : table.rows)
        codes.push_back(row.cells[static_cast<std::size_t>(code_col)]);
      const std::string& core = s.region.core_municipality;
      if (std::find(codes.begin(), codes.end(), core) == codes.end())
        diags.push_back({muni_path, 0, "region.core_municipality",
                         "core municipality '" + core + "' is not in " + s.region.municipalities +
                             did_you_mean(core, codes) +
                             "; districts split the core city, so it must be one of the "
                             "file's ine_code values (or set region.districts empty)"});
    }
  }
  read_calendar_tables(s, dir, in, diags);
  if (!s.region.tourism.empty()) {
    in.tourism_file = (dir / s.region.tourism).string();
    in.tourism = read_tourism_table(in.tourism_file, in, diags);
  }
  read_jobs_table(s, dir, in, diags);
  read_travel_times(s, dir, in, diags);
  if (!diags.empty()) throw InputError(std::move(diags));
  return in;
}

}  // namespace metrosim::io
