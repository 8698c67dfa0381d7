// cmd_sweep.cpp — `metrosim sweep`: options, then plan / run a share / merge (cli/sweep.hpp).
#include <omp.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/sweep.hpp"

namespace po = boost::program_options;

namespace metrosim::cli {

namespace {

/// "i/n" with 0 <= i < n; false when malformed.
bool parse_shard(const std::string& text, int& i, int& n) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t a = 0, b = 0;
    i = std::stoi(text.substr(0, slash), &a);
    n = std::stoi(text.substr(slash + 1), &b);
    return a == slash && b == text.size() - slash - 1 && n >= 1 && i >= 0 && i < n;
  } catch (const std::exception&) {
    return false;
  }
}

long stop_after_from_env() {
  const char* v = std::getenv("METROSIM_SWEEP_STOP_AFTER");
  return v && *v ? std::strtol(v, nullptr, 10) : -1;
}

}  // namespace

int sweep_main(const std::vector<std::string>& args, const std::string& command_line, int rank,
               int size, const std::function<int(int)>& agree) {
  SweepOptions o;
  std::string shard_text;
  bool merge_only = false;
  bool check_only = false;
  int threads = 0;
  po::options_description desc(
      "usage: metrosim sweep DESIGN.csv [SCENARIO.ini] --out OUT.h5 [--replicates R]\n"
      "                      [--set key=value ...] [--seed N] [--steps N] [--threads N]\n"
      "                      [--shard I/N | --merge | --check] [--overwrite] [--keep-parts]\n\n"
      "Runs every row of a design CSV (header: scenario keys such as tourism.tax_per_night or\n"
      "brand.sharing@08101, plus design_* bookkeeping columns copied to /runs) R times with seeds\n"
      "run.seed + r (common random numbers across rows) into one multi-run file (file_kind\n"
      "\"sweep\", docs/OUTPUT.md). Finished runs are kept in OUT.h5.parts/ so the same command\n"
      "resumes an interrupted sweep, and shards sharing that folder split the work\n"
      "(docs/SWEEPS.md).\n"
      "Options");
  desc.add_options()("help,h", "show this help")("out,o", po::value(&o.out)->value_name("OUT.h5"),
                                                 "the sweep file (required)")(
      "replicates", po::value(&o.replicates)->value_name("R"),
      "replicates per design row (default 1)")(
      "shard", po::value(&shard_text)->value_name("I/N"),
      "run only runs k with k % N == I (0 <= I < N) into OUT.h5.parts/ and do not merge")(
      "merge", po::bool_switch(&merge_only),
      "run nothing: stack the finished runs of OUT.h5.parts/ into OUT.h5")(
      "overwrite", po::bool_switch(&o.overwrite), "replace an existing OUT.h5")(
      "keep-parts", po::bool_switch(&o.keep_parts), "keep OUT.h5.parts/ after the merge")(
      "check", po::bool_switch(&check_only),
      "validate the design and scenario, print the plan and run nothing")(
      "threads", po::value(&threads)->value_name("N"),
      "OpenMP threads per run (default: all cores); results do not depend on it");
  add_scenario_options(desc, o.scenario);
  po::options_description hidden;
  hidden.add_options()("design", po::value(&o.design))("scenario", po::value(&o.scenario.file));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("design", 1).add("scenario", 1);
  const bool lead = rank == 0;
  po::variables_map vm;
  auto usage_error = [&](const std::string& what) {
    if (lead) std::cerr << "metrosim sweep: " << what << "\n";
    return agree(2);
  };
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    if (lead) std::cerr << desc;
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    if (lead) std::cout << desc;
    return agree(0);
  }
  if (o.design.empty()) return usage_error("give a design CSV (see --help)");
  if (o.out.empty()) return usage_error("give the output file with --out OUT.h5");
  if (o.replicates < 1 || o.replicates > 10000)
    return usage_error("--replicates must be in [1, 10000]");
  if (threads < 0) return usage_error("--threads must be >= 1");
  int shard = rank, shards = size;
  if (!shard_text.empty()) {
    if (size > 1) return usage_error("--shard is not for the MPI launcher: ranks are the shards");
    if (merge_only) return usage_error("give --shard or --merge, not both");
    if (!parse_shard(shard_text, shard, shards))
      return usage_error("--shard " + shard_text + ": expected I/N with 0 <= I < N");
  }
  if (merge_only && size > 1) return usage_error("--merge is not for the MPI launcher");
  if (threads > 0) omp_set_num_threads(threads);

  SweepPlan plan;
  // Every rank validates the same inputs: only rank 0 prints what they all find.
  int rc = agree(guarded(
      [&] {
        plan = plan_sweep(o, command_line);
        return 0;
      },
      lead));
  if (rc) return rc;
  if (check_only) {
    if (lead)
      std::printf(
          "%s: %zu design rows x %d replicates = %lld runs; %zu varied keys, %zu "
          "bookkeeping columns; %lld runs already done in %s\n",
          o.design.c_str(), plan.rows.size(), o.replicates, static_cast<long long>(plan.n_runs()),
          plan.keys.size(), plan.columns.size(),
          static_cast<long long>(plan.n_runs()) - static_cast<long long>(missing_runs(plan).size()),
          plan.parts_dir.c_str());
    return agree(0);
  }
  if (merge_only) {
    rc = guarded([&] {
      merge_sweep(plan);
      return 0;
    });
  } else {
    // Rank 0 creates the parts folder before the others check it.
    if (lead)
      rc = guarded([&] {
        open_parts_dir(plan);
        return 0;
      });
    if ((rc = agree(rc))) return rc;
    if (!lead)
      rc = guarded([&] {
        open_parts_dir(plan);
        return 0;
      });
    if ((rc = agree(rc))) return rc;
    rc = agree(guarded([&] {
      run_sweep_share(plan, shard, shards, stop_after_from_env());
      return 0;
    }));
    if (rc) return rc;
    if (!shard_text.empty()) {
      const auto left = missing_runs(plan).size();
      std::cerr << "metrosim sweep: shard " << shard << "/" << shards << " done; " << left << " of "
                << plan.n_runs() << " runs still missing"
                << (left ? "" : "; merge with the same command and --merge instead of --shard")
                << "\n";
      return 0;
    }
    if (lead)
      rc = guarded([&] {
        merge_sweep(plan);
        return 0;
      });
  }
  rc = agree(rc);
  if (rc == 0 && lead)
    std::printf(
        "wrote %s: %zu design rows x %d replicates = %lld runs\n  inspect: metrosim info %s\n",
        o.out.c_str(), plan.rows.size(), o.replicates, static_cast<long long>(plan.n_runs()),
        o.out.c_str());
  return rc;
}

int cmd_sweep(const Args& args, const std::string& command_line) {
  return sweep_main(args, command_line, 0, 1, [](int rc) { return rc; });
}

}  // namespace metrosim::cli
