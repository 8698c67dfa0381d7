// tourism_reader.hpp — reads the region's tourism table (tourism.csv: hotel beds, licensed STR
// units, attraction, port/airport/cruise-terminal flags, each with a `<column>_source` marker
// "data" or "assumption") strictly, and checks that it has exactly one row per zone of the
// region. Column rules and the table's construction: docs/TOURISM.md.
#pragma once
#include <string>
#include <vector>

#include "agents/region_input.hpp"
#include "agents/tourism_input.hpp"
#include "io/diagnostics.hpp"

namespace metrosim::io {

/// Reads `path` (recording its SHA-256 in `in_for_sha.sha256` under the file name); appends
/// every problem to `diags` as file:line: column: what is wrong, what is allowed. Rows with a
/// problem are left out of the result.
std::vector<agents::TourismRow> read_tourism_table(const std::string& path,
                                                   agents::RegionInput& in_for_sha,
                                                   std::vector<Diagnostic>& diags);

/// Checks the rows against the region's zone codes: an unknown code is reported at its row's
/// line, a zone without a row at line 1 (the header), both under the column zone_code. Returns
/// the rows in the order of `zone_codes` (a default row, all zeros, where one is missing).
std::vector<agents::TourismRow> check_tourism_zones(const std::vector<agents::TourismRow>& rows,
                                                    const std::string& path,
                                                    const std::vector<std::string>& zone_codes,
                                                    std::vector<Diagnostic>& diags);

}  // namespace metrosim::io
