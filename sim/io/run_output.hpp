// run_output.hpp — what a run hands to the HDF5 writer: root attributes and groups of coordinate
// datasets and variables, all in memory (a run's indicators are small: steps × zones × indicators).
// The layout follows docs/OUTPUT.md; the writer adds dimension scales, chunking and compression.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace metrosim::io {

/// How a variable aggregates when `[output] every = 12`: flows are summed over the period,
/// stocks keep the period's first value (observed on its first day), means are averaged,
/// cumulative values (as of a month's end) keep the period's last value; static variables have no
/// time dimension.
enum class Aggregation { kFlow, kStock, kMean, kStatic, kCumulative };

struct Coordinate {
  std::string name;  ///< also the dimension name (xarray: dataset link name = dimension name)
  std::variant<std::vector<std::int32_t>, std::vector<double>, std::vector<std::string>,
               std::vector<std::uint8_t>, std::vector<std::int64_t>>
      values;
  std::map<std::string, std::string> attrs;  ///< e.g. units, long_name, calendar
  /// Empty: a dimension coordinate (its own dimension, made an HDF5 dimension scale: time, zone).
  /// Else the dimension this auxiliary coordinate lies along: month_index -> "time",
  /// zone_code / zone_municipality / is_core -> "zone". Auxiliary coordinates along time keep
  /// the first month of each period when `every = 12`.
  std::string dim;
};

struct Variable {
  std::string name;
  std::string units;
  std::string long_name;
  std::vector<std::string> dims;  ///< coordinate names in this group, e.g. {"time", "zone"}
  std::vector<double> data;       ///< row-major over dims
  Aggregation aggregation = Aggregation::kStock;
  /// Further text attributes (e.g. `better` = "higher" | "lower" on headline indicators).
  std::map<std::string, std::string> attrs = {};
};

struct Group {
  std::string name;  ///< "metro", "zones", "agencies", "events"
  std::vector<Coordinate> coords;
  std::vector<Variable> vars;
};

struct RunOutput {
  std::string file_kind = "run";  ///< "run" (one run) or "sweep" (several runs along `run`)
  std::map<std::string, std::string> attrs_text;  ///< root attributes written as strings
  std::map<std::string, std::int64_t> attrs_int;  ///< root attributes written as int64
  std::vector<Group> groups;
};

}  // namespace metrosim::io
