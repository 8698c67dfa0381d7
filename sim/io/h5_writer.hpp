// h5_writer.hpp — writes a run's RunOutput as one HDF5 file (file_kind "run") readable by h5py,
// xarray (h5netcdf and netCDF4 engines), HDFView, R and MATLAB. The layout, attributes, time
// convention, aggregation and precision rules are the contract in docs/OUTPUT.md.
#pragma once
#include <string>
#include <vector>

#include "io/atomic_file.hpp"  // OutputExistsError
#include "io/run_output.hpp"
#include "model/scenario.hpp"

namespace metrosim::io {

/// Version of the layout written by this build (root attribute `format_version`).
inline constexpr const char* kFormatVersion = "1.1";

// Writes one run file (file_kind "run") per docs/OUTPUT.md. Refuses an existing `path` unless
// overwrite (throws OutputExistsError, a std::runtime_error subclass, message names the path and
// says "use --overwrite"). Applies OutputParams: precision (float32 stores variables as float;
// coordinates unchanged), every=12 (aggregates the time axis to years: Aggregation::kFlow sums,
// kStock takes the first month of each year (stocks are stamped on a month's first day), kStatic
// untouched; the time coordinate and month_index keep the first month of each period; a trailing
// partial year is kept with what it has), indicators (names or fnmatch globs; throws InputError
// {file "", line 0, key "output.indicators", message "unknown indicator 'x'; did you mean 'y'?"}
// for a pattern that matches nothing; coordinates are always written). Writes to a temp file in the
// same directory, flushes, closes, fsyncs and renames into place: no partial file is ever visible
// under `path`, and no temp file remains after an exception.
//
// A malformed RunOutput (data size not matching its dims, a dim without a coordinate, a variable
// without units or long_name) throws std::invalid_argument before anything is written; an HDF5
// failure throws std::runtime_error naming the path and the object being written.
void write_run_h5(const RunOutput& out, const std::string& path, const model::OutputParams& params,
                  bool overwrite);

/// Writes a RunOutput to which apply_output_params was already applied (by the caller, e.g. per
/// run of a multi-run file): stores it with `params.precision` and records `params.every`;
/// indicator selection and aggregation are not applied again. Atomic like write_run_h5.
void write_prepared_h5(const RunOutput& stored, const std::string& path,
                       const model::OutputParams& params, bool overwrite);

/// The RunOutput that write_run_h5 would store after applying `params` (indicator selection and
/// time aggregation; precision is applied when storing). Exposed for tests and for writers of
/// other layouts (sweeps) so every file aggregates the same way. Throws like write_run_h5.
RunOutput apply_output_params(const RunOutput& out, const model::OutputParams& params);

/// Throws InputError {"", 0, "output.indicators", "unknown indicator 'x'; did you mean 'y'?"}, one
/// diagnostic per pattern of `patterns` (OutputParams::indicators) that matches none of
/// `available` ("group/name", e.g. "zones/rent_market"), with the same matching rules as
/// write_run_h5. Lets the CLI reject a typo before a long run; write_run_h5 checks again.
void check_indicator_patterns(const std::vector<std::string>& patterns,
                              const std::vector<std::string>& available);

}  // namespace metrosim::io
