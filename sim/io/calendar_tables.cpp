// calendar_tables.cpp — the agencies and events tables (optional; an empty file name in the
// scenario means none) and their cross-references once zones exist.
#include <algorithm>
#include <filesystem>

#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"
#include "io/region_reader.hpp"
#include "io/tourism_reader.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;
using namespace csv;

namespace {

const std::vector<Column> kAgencyColumns = {{"agency_code", Cell::kCode, true},
                                            {"name", Cell::kText, true},
                                            {"kind", Cell::kCode, true},
                                            {"jurisdiction", Cell::kCode, true},
                                            {"budget_eur_year", Cell::kCount, true},
                                            {"staff", Cell::kCount, true},
                                            {"budget_source", Cell::kText, true}};

// One row per edition: (event_kind, year) is the key, checked in read_region.
const std::vector<Column> kEventColumns = {
    {"event_kind", Cell::kCode, true}, {"name", Cell::kText, true},
    {"year", Cell::kYear, true},       {"month", Cell::kMonth, true},
    {"venue_zone", Cell::kCode, true}, {"attendees", Cell::kCount, true},
    {"source", Cell::kText, true}};

}  // namespace

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
                     "unknown zone code '" + e.venue_zone + "'" +
                         did_you_mean(e.venue_zone, zone_codes) +
                         "; expected a zone code of the region"});
  }
  if (!in.tourism_file.empty()) check_tourism_zones(in.tourism, in.tourism_file, zone_codes, diags);
  check_jobs_zones(in, zone_codes, diags);
  check_travel_time_zones(in, zone_codes, diags);
  if (!diags.empty()) throw InputError(std::move(diags));
}

}  // namespace metrosim::io
