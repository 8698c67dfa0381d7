// multi_run.hpp — several runs of one scenario (replicates, later sweep points) stacked along a
// leading `run` dimension in one file (file_kind "sweep"; docs/OUTPUT.md "Several runs"), with a
// /runs table: run, replicate, seed, status and one variable per varied parameter.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "io/run_output.hpp"
#include "model/scenario.hpp"

namespace metrosim::io {

struct RunsTable {
  std::vector<std::int32_t> replicate;
  std::vector<std::int64_t> seed;   ///< the seed that reproduces the run with `metrosim run --seed`
  std::vector<std::string> status;  ///< "ok"
  /// Varied parameters: scenario key (e.g. "investors.term_before_2019_months") and its value per
  /// run.
  std::vector<std::pair<std::string, std::vector<double>>> parameters;
  /// Sweeps only (empty otherwise): the design row of each run, written as the int32 auxiliary
  /// coordinate `point`, and the design's bookkeeping columns (`design_*`), written as float64
  /// variables under their own names (docs/ANALYSIS.md "Designs for the sweep tooling").
  std::vector<std::int32_t> point;
  std::vector<std::pair<std::string, std::vector<double>>> columns;
};

/// Stacks runs (all from the same region: identical coordinates) into one RunOutput with a
/// `run` dimension after applying `params` to each run. Variables with a time dimension get
/// dims (run, ...); static variables stay without `run` when identical in every run, else get it.
/// Root attributes are the first run's, minus per-run ones (seed, replicate, created_utc kept),
/// plus n_runs. Throws std::invalid_argument when the runs' coordinates differ.
RunOutput stack_runs(const std::vector<RunOutput>& runs, const RunsTable& table,
                     const model::OutputParams& params);

/// stack_runs, then an atomic write (refuses an existing path unless overwrite).
void write_multi_run_h5(const std::vector<RunOutput>& runs, const RunsTable& table,
                        const std::string& path, const model::OutputParams& params, bool overwrite);

}  // namespace metrosim::io
