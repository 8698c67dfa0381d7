// region_reader.hpp — reads the region tables (municipalities, optional districts of the core
// city) strictly into agents::RegionInput, with the SHA-256 of each file for provenance.
// Column rules: docs/SCENARIO_FORMAT.md ("Region CSV files").
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "agents/region_input.hpp"
#include "io/diagnostics.hpp"
#include "model/scenario.hpp"

namespace metrosim::io {

/// Resolves the region directory: scenario.region.dir if non-empty, else default_region_dir.
/// Reads the municipalities CSV and (if scenario.region.districts is non-empty) the districts CSV
/// strictly, computes SHA-256 of each file's bytes into RegionInput::sha256 (key = file name).
/// Throws InputError with all problems.
agents::RegionInput read_region(const model::Scenario& s, const std::string& default_region_dir);
/// Checks references between tables once zones exist: agency jurisdictions ("metro",
/// "periphery" or a municipality code) and event venues (zone codes). Throws InputError.
void validate_region_references(const agents::RegionInput& in,
                                const std::vector<std::string>& zone_codes);
/// Reads the optional agencies and events tables of `dir` into `in`, appending problems to
/// `diags` (used by read_region; in calendar_tables.cpp).
void read_calendar_tables(const model::Scenario& s, const std::filesystem::path& dir,
                          agents::RegionInput& in, std::vector<Diagnostic>& diags);
/// Reads the optional jobs table (scenario.region.jobs; empty = none) into `in` (jobs_reader.cpp).
void read_jobs_table(const model::Scenario& s, const std::filesystem::path& dir,
                     agents::RegionInput& in, std::vector<Diagnostic>& diags);
/// Appends a problem for every jobs row whose zone is unknown or the external zone.
void check_jobs_zones(const agents::RegionInput& in, const std::vector<std::string>& zone_codes,
                      std::vector<Diagnostic>& diags);

/// Reads the optional travel-time matrix (region.travel_times) into `in`, appending problems.
void read_travel_times(const model::Scenario& s, const std::filesystem::path& dir,
                       agents::RegionInput& in, std::vector<Diagnostic>& diags);
/// Checks the matrix's zone codes against the region's.
void check_travel_time_zones(const agents::RegionInput& in,
                             const std::vector<std::string>& zone_codes,
                             std::vector<Diagnostic>& diags);
std::string resolve_region_dir(const model::Scenario& s, const std::string& default_region_dir);

}  // namespace metrosim::io
