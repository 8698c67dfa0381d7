// run_assembly.hpp — turns a finished run (world + recorded indicators) and its provenance into
// the in-memory RunOutput that the HDF5 writer stores (docs/OUTPUT.md layout).
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "io/run_output.hpp"
#include "model/schedule.hpp"

namespace metrosim::io {

struct Provenance {
  std::string scenario_resolved;                   ///< canonical INI
  std::map<std::string, std::string> data_sha256;  ///< file name -> hex digest
  std::string command_line;
  std::uint32_t replicate = 0;
  int threads = 1;
};

RunOutput assemble_run(const model::World& w, const model::Recorder& rec, const Provenance& p);

/// Every indicator a run writes, as "group/name" (for checking output.indicators early).
std::vector<std::string> available_indicators();

/// "hex  name" lines (the sha256sum format, so `sha256sum -c` can check a region folder).
std::string format_sha256_lines(const std::map<std::string, std::string>& digests);

}  // namespace metrosim::io
