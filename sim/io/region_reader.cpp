// region_reader.cpp — column schemas of the region tables and their cell checks.
#include "io/region_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "io/csv_reader.hpp"
#include "io/key_registry.hpp"
#include "io/sha256.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;

namespace {

using Diags = std::vector<Diagnostic>;

enum class Cell { kText, kIneCode, kCode, kCount, kPositive, kLat, kLon, kYear, kMonth };

struct Column {
  const char* name;
  Cell kind;
  bool required;  ///< false: optional, an empty cell means "no data"
};

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
    "adrh2022_mean_household_size",
    "census2021_employment_rate",
    "census2021_unemployment_rate",
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
    {"rent_2018_eur_month", Cell::kPositive, false}};

const std::vector<Column> kDistrictColumns = {{"district_code", Cell::kCode, true},
                                              {"name", Cell::kText, true},
                                              {"area_km2", Cell::kPositive, true},
                                              {"population_2020_padro", Cell::kCount, true},
                                              {"rent_2015_eur_month", Cell::kPositive, true},
                                              {"rfd_index_2015", Cell::kPositive, true},
                                              {"lat", Cell::kLat, true},
                                              {"lon", Cell::kLon, true}};

const std::vector<Column> kAgencyColumns = {
    {"agency_code", Cell::kCode, true},     {"name", Cell::kText, true},
    {"kind", Cell::kCode, true},            {"jurisdiction", Cell::kCode, true},
    {"budget_eur_year", Cell::kCount, true}, {"staff", Cell::kCount, true},
    {"budget_source", Cell::kText, true}};

// One row per edition: (event_kind, year) is the key, checked in read_region.
const std::vector<Column> kEventColumns = {
    {"event_kind", Cell::kCode, true}, {"name", Cell::kText, true},
    {"year", Cell::kYear, true},       {"month", Cell::kMonth, true},
    {"venue_zone", Cell::kCode, true}, {"attendees", Cell::kCount, true},
    {"source", Cell::kText, true}};

std::string expectation(Cell kind) {
  switch (kind) {
    case Cell::kText:
      return "non-empty text";
    case Cell::kIneCode:
      return "a 5-digit INE code (e.g. 08019)";
    case Cell::kCode:
      return "a code of letters, digits, '_' or '-'";
    case Cell::kCount:
      return "a number >= 0";
    case Cell::kPositive:
      return "a number > 0";
    case Cell::kLat:
      return "a latitude in [-90, 90]";
    case Cell::kLon:
      return "a longitude in [-180, 180]";
    case Cell::kYear:
      return "a year in [1900, 2200]";
    case Cell::kMonth:
      return "a month number in [1, 12]";
  }
  return "?";
}

/// "" when the cell is fine, else what is wrong and what is allowed; `value` gets the number.
std::string check_cell(Cell kind, const std::string& text, double& value) {
  const std::string expected = "expected " + expectation(kind) + ", got '" + text + "'";
  if (kind == Cell::kText) return "";
  if (kind == Cell::kIneCode) {
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && text.size() == 5) return "";
    return expected + (digits && text.size() < 5 ? " (leading zeros lost?)" : "");
  }
  if (kind == Cell::kCode) {
    const bool ok = std::all_of(text.begin(), text.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             c == '_' || c == '-';
    });
    return ok ? "" : expected;
  }
  if (auto problem = parse_number(text, value); !problem.empty())
    return expected + " (" + problem + ")";
  const bool whole = value == static_cast<double>(static_cast<long long>(value));
  const bool ok = kind == Cell::kYear       ? whole && value >= 1900 && value <= 2200
                  : kind == Cell::kMonth    ? whole && value >= 1 && value <= 12
                  : kind == Cell::kCount    ? value >= 0
                  : kind == Cell::kPositive ? value > 0
                  : kind == Cell::kLat      ? value >= -90 && value <= 90
                                            : value >= -180 && value <= 180;
  return ok ? ""
            : expected + " (" +
                  (value < 0 && kind != Cell::kLat && kind != Cell::kLon ? "negative"
                                                                         : "out of range") +
                  ")";
}

std::string names(const std::vector<Column>& schema, bool required) {
  std::string out;
  for (const Column& c : schema)
    if (c.required == required) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

using RowValues = std::map<std::string, std::pair<std::string, double>>;
void check_table(const CsvTable& t, const std::vector<Column>& schema,
                 const std::vector<std::string>& ignored,
                 const std::function<void(const CsvRow&, const RowValues&)>& build, Diags& diags,
                 bool unique_first_column = true) {
  // Checks a table against its schema; calls `build` for every row without problems.
  std::vector<std::string> known;
  for (const Column& c : schema) known.push_back(c.name);
  known.insert(known.end(), ignored.begin(), ignored.end());
  const std::string optional = names(schema, false);
  std::string accepted;
  for (const std::string& i : ignored) accepted += (accepted.empty() ? "" : ", ") + i;
  const std::string allowed = " (required: " + names(schema, true) +
                              "; optional: " + (optional.empty() ? "none" : optional) +
                              "; accepted and ignored: " + (accepted.empty() ? "none" : accepted) +
                              ")";
  for (const std::string& h : t.header) {
    if (std::find(known.begin(), known.end(), h) != known.end()) continue;
    diags.push_back(
        {t.path, 1, h, "unknown column '" + h + "'" + did_you_mean(h, known) + allowed});
  }
  bool complete = true;
  for (const Column& c : schema) {
    if (c.required && t.column(c.name) < 0) {
      diags.push_back({t.path, 1, c.name, "missing required column '" + std::string(c.name) + "'"});
      complete = false;
    }
  }
  const std::string& key_column = schema.front().name;
  std::map<std::string, int> first_line;
  for (const CsvRow& row : t.rows) {
    RowValues values;
    bool ok = true;
    for (const Column& c : schema) {
      const int idx = t.column(c.name);
      if (idx < 0) continue;
      const std::string& text = row.cells[static_cast<std::size_t>(idx)];
      if (text.empty()) {
        if (c.required) {
          diags.push_back(
              {t.path, row.line, c.name, "empty cell; expected " + expectation(c.kind)});
          ok = false;
        }
        continue;
      }
      double v = 0.0;
      if (auto problem = check_cell(c.kind, text, v); !problem.empty()) {
        diags.push_back({t.path, row.line, c.name, problem});
        ok = false;
        continue;
      }
      values[c.name] = {text, v};
    }
    if (auto it = values.find(key_column); unique_first_column && it != values.end()) {
      auto [first, fresh] = first_line.emplace(it->second.first, row.line);
      if (!fresh) {
        diags.push_back({t.path, row.line, key_column,
                         "duplicate " + key_column + " '" + it->second.first + "' (first on line " +
                             std::to_string(first->second) + "); each row needs its own code"});
        ok = false;
      }
    }
    if (ok && complete) build(row, values);
  }
}

double number(const RowValues& v, const char* column) {
  return v.at(column).second;
}

/// Reads and parses one region file; false when it cannot be read at all.
bool load_table(const std::string& path, const char* key, CsvTable& table, agents::RegionInput& in,
                Diags& diags) {
  std::string bytes, error;
  if (!read_file_bytes(path, bytes, error)) {
    diags.push_back({path, 0, key, "cannot read region file: " + error});
    return false;
  }
  in.sha256[fs::path(path).filename().string()] = sha256_hex(bytes);
  return parse_csv(bytes, path, table, diags);
}

/// Agencies and events: optional tables (an empty file name in the scenario means none).
void read_calendar_tables(const model::Scenario& s, const fs::path& dir, agents::RegionInput& in,
                          Diags& diags) {
  if (!s.region.agencies.empty()) {
    CsvTable t;
    const std::string path = (dir / s.region.agencies).string();
    in.agencies_file = path;
    if (load_table(path, "region.agencies", t, in, diags)) {
      check_table(
          t, kAgencyColumns, {},
          [&](const CsvRow& row, const RowValues& v) {
            agents::AgencyRow a;
            a.code = v.at("agency_code").first;
            a.name = v.at("name").first;
            const std::string& kind = v.at("kind").first;
            const auto* names = std::begin(agents::kAgencyKindNames);
            const auto* end = std::end(agents::kAgencyKindNames);
            const auto* it = std::find_if(names, end, [&](const char* n) { return kind == n; });
            if (it == end) {
              diags.push_back({path, row.line, "kind",
                               "unknown agency kind '" + kind + "'" +
                                   did_you_mean(kind, std::vector<std::string>(names, end)) +
                                   "; allowed: metropolitan_authority, city_council, "
                                   "municipal_office, investment_promotion_agency, tourism_board"});
              return;
            }
            a.kind = static_cast<agents::AgencyKind>(it - names);
            a.jurisdiction = v.at("jurisdiction").first;
            a.budget_eur_year = number(v, "budget_eur_year");
            a.staff = number(v, "staff");
            a.line = row.line;
            in.agencies.push_back(std::move(a));
          },
          diags);
    }
  }
  if (!s.region.events.empty()) {
    CsvTable t;
    const std::string path = (dir / s.region.events).string();
    in.events_file = path;
    std::map<std::pair<std::string, int>, int> first_line;
    if (load_table(path, "region.events", t, in, diags)) {
      check_table(
          t, kEventColumns, {},
          [&](const CsvRow& row, const RowValues& v) {
            agents::EventRow e;
            e.kind = v.at("event_kind").first;
            e.name = v.at("name").first;
            e.year = static_cast<int>(number(v, "year"));
            e.month = static_cast<int>(number(v, "month"));
            e.venue_zone = v.at("venue_zone").first;
            e.attendees = number(v, "attendees");
            e.line = row.line;
            auto [first, fresh] = first_line.emplace(std::pair{e.kind, e.year}, row.line);
            if (!fresh) {
              diags.push_back({path, row.line, "year",
                               "duplicate edition of '" + e.kind + "' in " +
                                   std::to_string(e.year) + " (first on line " +
                                   std::to_string(first->second) + "); one row per kind and year"});
              return;
            }
            in.events.push_back(std::move(e));
          },
          diags, /*unique_first_column=*/false);
      std::stable_sort(in.events.begin(), in.events.end(), [](const auto& a, const auto& b) {
        return a.kind != b.kind ? a.kind < b.kind : a.year < b.year;
      });
    }
  }
}

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
          if (v.count("rent_2018_eur_month")) m.rent_2018 = number(v, "rent_2018_eur_month");
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
  if (!diags.empty()) throw InputError(std::move(diags));
  return in;
}

}  // namespace metrosim::io

namespace metrosim::io {

void validate_region_references(const agents::RegionInput& in,
                                const std::vector<std::string>& zone_codes) {
  Diags diags;
  std::vector<std::string> municipalities;
  for (const auto& m : in.municipalities) municipalities.push_back(m.ine_code);
  for (const auto& a : in.agencies) {
    if (a.jurisdiction == "metro" || a.jurisdiction == "periphery") continue;
    if (std::find(municipalities.begin(), municipalities.end(), a.jurisdiction) !=
        municipalities.end())
      continue;
    diags.push_back({in.agencies_file, a.line, "jurisdiction",
                     "unknown jurisdiction '" + a.jurisdiction + "'" +
                         did_you_mean(a.jurisdiction, municipalities) +
                         "; expected metro, periphery or an ine_code of the municipalities file"});
  }
  for (const auto& e : in.events) {
    if (std::find(zone_codes.begin(), zone_codes.end(), e.venue_zone) != zone_codes.end()) continue;
    diags.push_back({in.events_file, e.line, "venue_zone",
                     "unknown zone code '" + e.venue_zone + "'" + did_you_mean(e.venue_zone, zone_codes) +
                         "; expected a zone code of the region"});
  }
  if (!diags.empty()) throw InputError(std::move(diags));
}

}  // namespace metrosim::io
