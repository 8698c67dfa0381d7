// h5_info.hpp — the text `metrosim info OUT.h5` prints: what a metrosim output file holds
// (provenance attributes, groups, dimensions, variables with units) without Python or HDFView.
#pragma once
#include <string>

namespace metrosim::io {

// Human-readable summary for `metrosim info OUT.h5`: root attributes (scenario_resolved shortened
// to its first lines unless full=true), each group with dims and sizes, each variable with dims,
// units and long_name, and for /metro variables the first and last value. Throws std::runtime_error
// with a clear message if the file is not an HDF5 file or lacks format_version / file_kind.
std::string describe_h5(const std::string& path, bool full);

}  // namespace metrosim::io
