// jobs_reader.cpp — the optional jobs table (region.jobs; empty = jobs derived from residents):
// jobs located in a zone by sector with a jobs_source marker; zones without a row are derived.
// Column rules: docs/LABOUR.md.
#include <algorithm>
#include <filesystem>

#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"
#include "io/region_reader.hpp"

namespace metrosim::io {

namespace fs = std::filesystem;
using namespace csv;

namespace {
const std::vector<Column> kJobsColumns = {
    {"zone_code", Cell::kCode, true},     {"name", Cell::kText, false},
    {"jobs_tourism", Cell::kCount, true}, {"jobs_tradable", Cell::kCount, true},
    {"jobs_local", Cell::kCount, true},   {"jobs_source", Cell::kText, true}};
const std::vector<std::string> kMarkers = {"data", "assumption"};
}  // namespace

void read_jobs_table(const model::Scenario& s, const fs::path& dir, agents::RegionInput& in,
                     std::vector<Diagnostic>& diags) {
  if (s.region.jobs.empty()) return;
  CsvTable t;
  const std::string path = (dir / s.region.jobs).string();
  in.jobs_file = path;
  if (!load_table(path, "region.jobs", t, in, diags)) return;
  check_table(
      t, kJobsColumns, {},
      [&](const CsvRow& row, const RowValues& v) {
        agents::JobsRow r;
        r.zone_code = v.at("zone_code").first;
        r.tourism = number(v, "jobs_tourism");
        r.tradable = number(v, "jobs_tradable");
        r.local = number(v, "jobs_local");
        r.line = row.line;
        const std::string& marker = v.at("jobs_source").first;
        if (marker != "data" && marker != "assumption") {
          diags.push_back({path, row.line, "jobs_source",
                           "unknown source marker '" + marker + "'" +
                               did_you_mean(marker, kMarkers) + "; expected data or assumption"});
          return;
        }
        r.from_data = marker == "data";
        in.jobs.push_back(std::move(r));
      },
      diags);
}

void check_jobs_zones(const agents::RegionInput& in, const std::vector<std::string>& zone_codes,
                      std::vector<Diagnostic>& diags) {
  for (const auto& r : in.jobs) {
    if (r.zone_code == "EXT")
      diags.push_back({in.jobs_file, r.line, "zone_code",
                       "the external zone has no modelled jobs; leave out its row"});
    else if (std::find(zone_codes.begin(), zone_codes.end(), r.zone_code) == zone_codes.end())
      diags.push_back({in.jobs_file, r.line, "zone_code",
                       "unknown zone code '" + r.zone_code + "'" +
                           did_you_mean(r.zone_code, zone_codes) +
                           "; expected a zone code of the region"});
  }
}

}  // namespace metrosim::io
