// travel_time_reader.cpp — the optional travel-time matrix (region.travel_times; empty = commuting
// cost from great-circle distances): one row per ordered pair of zones with door-to-door minutes.
// Pairs without a row keep their distance. Column rules: docs/LABOUR.md ("Travel times").
#include <algorithm>
#include <filesystem>
#include <map>

#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"
#include "io/region_reader.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;
using namespace csv;

namespace {
const std::vector<Column> kTravelColumns = {{"origin_zone", Cell::kCode, true},
                                            {"destination_zone", Cell::kCode, true},
                                            {"minutes", Cell::kPositive, true},
                                            {"source", Cell::kText, false}};
}  // namespace

void read_travel_times(const model::Scenario& s, const fs::path& dir, agents::RegionInput& in,
                       std::vector<Diagnostic>& diags) {
  if (s.region.travel_times.empty()) return;
  CsvTable t;
  const std::string path = (dir / s.region.travel_times).string();
  in.travel_times_file = path;
  if (!load_table(path, "region.travel_times", t, in, diags)) return;
  std::map<std::pair<std::string, std::string>, int> first_line;
  check_table(
      t, kTravelColumns, {},
      [&](const CsvRow& row, const RowValues& v) {
        agents::TravelTimeRow r;
        r.origin = v.at("origin_zone").first;
        r.destination = v.at("destination_zone").first;
        r.minutes = number(v, "minutes");
        r.line = row.line;
        const auto [it, fresh] = first_line.emplace(std::pair{r.origin, r.destination}, row.line);
        if (!fresh) {
          diags.push_back({path, row.line, "destination_zone",
                           "duplicate pair " + r.origin + " -> " + r.destination +
                               " (first on line " + std::to_string(it->second) +
                               "); one row per ordered pair"});
          return;
        }
        in.travel_times.push_back(std::move(r));
      },
      diags, /*unique_first_column=*/false);
}

void check_travel_time_zones(const agents::RegionInput& in,
                             const std::vector<std::string>& zone_codes,
                             std::vector<Diagnostic>& diags) {
  for (const auto& r : in.travel_times)
    for (const auto* col : {"origin_zone", "destination_zone"}) {
      const std::string& code = std::string(col) == "origin_zone" ? r.origin : r.destination;
      if (std::find(zone_codes.begin(), zone_codes.end(), code) == zone_codes.end())
        diags.push_back({in.travel_times_file, r.line, col,
                         "unknown zone code '" + code + "'" + did_you_mean(code, zone_codes) +
                             "; expected a zone code of the region"});
    }
}

}  // namespace metrosim::io
