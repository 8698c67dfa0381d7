// tourism_reader.cpp — see tourism_reader.hpp.
#include "io/tourism_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "io/csv_schema.hpp"
#include "io/key_registry.hpp"

namespace metrosim::io {

namespace {

using namespace csv;

// Every data column has a required `<column>_source` marker ("data" or "assumption").
const std::vector<Column> kTourismColumns = {{"zone_code", Cell::kCode, true},
                                             {"name", Cell::kText, false},
                                             {"hotel_beds", Cell::kCount, true},
                                             {"hotel_beds_source", Cell::kText, true},
                                             {"licensed_str_units", Cell::kCount, true},
                                             {"licensed_str_units_source", Cell::kText, true},
                                             {"attraction", Cell::kCount, true},
                                             {"attraction_source", Cell::kText, true},
                                             {"port", Cell::kCount, true},
                                             {"port_source", Cell::kText, true},
                                             {"airport", Cell::kCount, true},
                                             {"airport_source", Cell::kText, true},
                                             {"cruise_terminal", Cell::kCount, true},
                                             {"cruise_terminal_source", Cell::kText, true}};
const std::vector<std::string> kMarkers = {"data", "assumption"};

}  // namespace

std::vector<agents::TourismRow> read_tourism_table(const std::string& path,
                                                   agents::RegionInput& in_for_sha,
                                                   std::vector<Diagnostic>& diags) {
  std::vector<agents::TourismRow> rows;
  CsvTable t;
  if (!load_table(path, "region.tourism", t, in_for_sha, diags)) return rows;
  check_table(
      t, kTourismColumns, {},
      [&](const CsvRow& row, const RowValues& v) {
        agents::TourismRow r;
        r.zone_code = v.at("zone_code").first;
        r.line = row.line;
        bool ok = true;
        // Source markers: "data" or "assumption".
        const auto marker = [&](const std::string& column, std::uint8_t& from_data) {
          const std::string& text = v.at(column).first;
          if (text == "data" || text == "assumption") {
            from_data = text == "data" ? 1 : 0;
            return;
          }
          diags.push_back({path, row.line, column,
                           "unknown source marker '" + text + "'" + did_you_mean(text, kMarkers) +
                               "; expected data or assumption"});
          ok = false;
        };
        const auto flag = [&](const char* column, std::uint8_t& out) {
          const double x = number(v, column);
          if (x == 0.0 || x == 1.0) {
            out = static_cast<std::uint8_t>(x);
            return;
          }
          diags.push_back(
              {path, row.line, column, "expected a flag 0 or 1, got '" + v.at(column).first + "'"});
          ok = false;
        };
        r.hotel_beds = number(v, "hotel_beds");
        r.licensed_str_units = number(v, "licensed_str_units");
        r.attraction = number(v, "attraction");
        if (r.attraction > 1.0) {
          diags.push_back({path, row.line, "attraction",
                           "expected a score in [0, 1], got '" + v.at("attraction").first + "'"});
          ok = false;
        }
        flag("port", r.port);
        flag("airport", r.airport);
        flag("cruise_terminal", r.cruise_terminal);
        marker("hotel_beds_source", r.hotel_beds_from_data);
        marker("licensed_str_units_source", r.licensed_str_units_from_data);
        marker("attraction_source", r.attraction_from_data);
        marker("port_source", r.port_from_data);
        marker("airport_source", r.airport_from_data);
        marker("cruise_terminal_source", r.cruise_terminal_from_data);
        if (ok) rows.push_back(std::move(r));
      },
      diags);
  return rows;
}

std::vector<agents::TourismRow> check_tourism_zones(const std::vector<agents::TourismRow>& rows,
                                                    const std::string& path,
                                                    const std::vector<std::string>& zone_codes,
                                                    std::vector<Diagnostic>& diags) {
  std::map<std::string, const agents::TourismRow*> by_code;
  for (const auto& r : rows) {
    if (std::find(zone_codes.begin(), zone_codes.end(), r.zone_code) == zone_codes.end()) {
      diags.push_back({path, r.line, "zone_code",
                       "unknown zone code '" + r.zone_code + "'" +
                           did_you_mean(r.zone_code, zone_codes) +
                           "; expected a zone code of the region"});
      continue;
    }
    by_code.emplace(r.zone_code, &r);
  }
  std::vector<agents::TourismRow> aligned(zone_codes.size());
  for (std::size_t z = 0; z < zone_codes.size(); ++z) {
    const auto it = by_code.find(zone_codes[z]);
    if (it != by_code.end()) {
      aligned[z] = *it->second;
      continue;
    }
    aligned[z].zone_code = zone_codes[z];
    diags.push_back(
        {path, 1, "zone_code",
         "no row for zone '" + zone_codes[z] + "'; every zone of the region needs one"});
  }
  return aligned;
}

}  // namespace metrosim::io
