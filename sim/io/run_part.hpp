// run_part.hpp — a sweep's checkpoint of one finished run: the run's RunOutput exactly as
// assembled (float64, before output selection or aggregation), so that stacking parts read back
// gives the same file as stacking the runs straight from memory. A small binary format private to
// this build: magic, format number, the sweep's identity hash and run index, the RunOutput, then
// the SHA-256 of everything before it (a torn or foreign file is detected, never half-read).
#pragma once
#include <cstdint>
#include <string>

#include "io/run_output.hpp"

namespace metrosim::io {

struct RunPart {
  std::string sweep_hash;  ///< identity of the sweep the run belongs to (SweepPlan::hash)
  std::int64_t run = 0;    ///< run index in the sweep (row * replicates + replicate)
  RunOutput output;
};

/// Serialises `part` (doubles as their exact bytes) and writes it atomically (temp file, fsync,
/// rename): an interrupted write leaves no file under `path`. Replaces an existing file.
void write_run_part(const RunPart& part, const std::string& path);

/// Reads a part written by write_run_part. Throws std::runtime_error naming the path when the
/// file is unreadable, truncated, from another format number or fails its checksum.
RunPart read_run_part(const std::string& path);

/// The bytes write_run_part stores (exposed for tests).
std::string serialize_run_part(const RunPart& part);
RunPart deserialize_run_part(const std::string& bytes, const std::string& what);

}  // namespace metrosim::io
