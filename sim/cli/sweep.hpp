// sweep.hpp — `metrosim sweep`: a design CSV (one row per design point, one column per scenario
// key plus `design_*` bookkeeping columns) run with R replicates per row into one multi-run file
// (docs/SWEEPS.md). Run k is row k / R with replicate k % R and seed run.seed + k % R (the same
// seeds in every row: common random numbers). Each finished run is checkpointed as a part file in
// `<out>.parts/`, so a sweep can be split over shards (`--shard i/n`, MPI ranks, Slurm array
// tasks) that share that folder, resumed after an interruption, and merged into a file that is
// the same whichever way it was run.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/scenario_options.hpp"
#include "model/scenario.hpp"

namespace metrosim::cli {

struct SweepOptions {
  std::string design;  ///< design CSV path as given
  ScenarioOptions scenario;
  int replicates = 1;
  std::string out;
  bool overwrite = false;
  bool keep_parts = false;
};

struct SweepRow {
  int line = 0;                 ///< CSV line of the row
  model::Scenario scenario;     ///< base + --set + the row's keys, validated
  std::vector<double> params;   ///< one per SweepPlan::keys (numeric value as applied)
  std::vector<double> columns;  ///< one per SweepPlan::columns
};

struct SweepPlan {
  SweepOptions options;
  std::string command_line;
  std::string design_sha256;
  std::vector<std::string> keys;     ///< design columns that are scenario keys, in CSV order
  std::vector<std::string> columns;  ///< bookkeeping columns (design_*), in CSV order
  std::vector<SweepRow> rows;
  model::Scenario base;  ///< base + --set, without any design row
  agents::RegionInput region;
  std::string hash;       ///< identity of the sweep: what the runs depend on
  std::string parts_dir;  ///< `<out>.parts`

  std::int64_t n_runs() const {
    return static_cast<std::int64_t>(rows.size()) * options.replicates;
  }
  std::string part_path(std::int64_t run) const;
};

/// Reads and validates the design and every row's scenario before anything runs. Throws
/// io::InputError (one diagnostic per problem, `design.csv:line: key: expected ...`) for an
/// unreadable or malformed design, an unknown key column, a column that is not a numeric key,
/// a key the sweep cannot vary (run.*, output.*), a column also given with --set, a bad value
/// or one out of range; io::OutputExistsError when the output exists and !overwrite.
SweepPlan plan_sweep(const SweepOptions& options, const std::string& command_line);

/// Creates `<out>.parts/` with the plan's identity, or checks that an existing one belongs to
/// the same sweep (else io::InputError: a changed design, scenario, replicates or build).
/// Safe when several shards start at once.
void open_parts_dir(const SweepPlan& plan);

/// Runs every run k with k % n_shards == shard whose part file is missing, writing its part.
/// Progress (runs done / total, runs per hour) goes to stderr. Returns the runs it ran.
/// `stop_after` >= 0 stops with an error after that many runs (METROSIM_SWEEP_STOP_AFTER: a
/// test hook that simulates an interrupted job).
std::int64_t run_sweep_share(const SweepPlan& plan, int shard, int n_shards, long stop_after = -1);

/// Indices of runs whose part file is missing.
std::vector<std::int64_t> missing_runs(const SweepPlan& plan);

/// Reads every part (checking each belongs to this sweep), stacks them into the multi-run file
/// `options.out` (written atomically), then removes the parts folder unless keep_parts.
/// Throws std::runtime_error listing missing runs when the sweep is incomplete.
void merge_sweep(const SweepPlan& plan);

/// `metrosim sweep` and the MPI launcher share this: parses `args`, plans, and runs the share of
/// `rank` out of `size` (size 1: everything, or `--shard i/n` / `--merge` as asked; size > 1:
/// rank r runs shard r/size and rank 0 merges). `agree` combines every rank's exit code after
/// each phase (MPI: the maximum over ranks; one process: the code itself), so all ranks stop
/// together when one fails. Errors are printed (by rank 0 only when every rank has the same).
int sweep_main(const std::vector<std::string>& args, const std::string& command_line, int rank,
               int size, const std::function<int(int)>& agree);

}  // namespace metrosim::cli
