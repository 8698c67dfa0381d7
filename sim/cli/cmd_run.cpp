// cmd_run.cpp — `metrosim run`: load, simulate, write the HDF5 file atomically, summarise.
#include <omp.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_options.hpp"
#include "io/h5_writer.hpp"
#include "io/multi_run.hpp"
#include "io/run_assembly.hpp"
#include "model/schedule.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace metrosim::cli {

namespace {

void print_summary(const model::World& w, const model::Recorder& rec, const std::string& path,
                   double seconds) {
  using model::MetroInd;
  const auto last = static_cast<core::Step>(rec.steps - 1);
  auto m = [&](core::Step t, MetroInd k) {
    return rec
        .metro[static_cast<std::size_t>(t) * model::kMetroCount + static_cast<std::size_t>(k)];
  };
  // Headline values as the engine computed them (model/headline.hpp), never recomputed here.
  auto h = [&](model::HeadlineInd k) {
    return rec.headline[static_cast<std::size_t>(last) * model::kHeadlineCount +
                        static_cast<std::size_t>(k)];
  };
  const double displaced = h(model::HeadlineInd::kDisplacedCumulative);
  const double exits = h(model::HeadlineInd::kExitsExternalCumulative);
  const double r0 = m(0, MetroInd::kRentMarketMean), r1 = m(last, MetroInd::kRentMarketMean);
  std::printf("wrote %s\n", path.c_str());
  std::printf(
      "  scenario %s, seed %llu, %lld months from %s, %zu household agents (scale %g), %.1f s\n",
      w.scenario.run.name.c_str(), static_cast<unsigned long long>(w.scenario.run.seed),
      static_cast<long long>(w.scenario.run.steps), w.scenario.run.start.c_str(),
      w.households.size(), w.scenario.agents.scale, seconds);
  std::printf("  metro households        %12.0f -> %12.0f\n", m(0, MetroInd::kHouseholds),
              m(last, MetroInd::kHouseholds));
  std::printf("  market rent (EUR/month) %12.1f -> %12.1f  (%+.1f %%)\n", r0, r1,
              h(model::HeadlineInd::kRentMarketChangePct));
  std::printf("  displaced households    %12.0f  (renewal increases and evictions, all months)\n",
              displaced);
  std::printf("  exits to external zone  %12.0f\n", exits);
  std::printf("  inspect: metrosim info %s\n", path.c_str());
}

}  // namespace

int cmd_run(const Args& args, const std::string& command_line) {
  ScenarioOptions so;
  std::string output;
  bool overwrite = false;
  int threads = 0;
  int replicates = 1;
  po::options_description desc(
      "usage: metrosim run [SCENARIO.ini] [-o OUT.h5] [--overwrite] [--seed N] [--steps N]\n"
      "                    [--threads N] [--set key=value ...]\n\n"
      "Runs a scenario (default: the built-in Barcelona AMB baseline) and writes one HDF5 file.\n"
      "Options");
  desc.add_options()("help,h", "show this help")(
      "output,o", po::value(&output)->value_name("OUT.h5"),
      "output file (default: results/<run.name>.h5); refused if it exists unless --overwrite")(
      "overwrite", po::bool_switch(&overwrite), "replace an existing output file")(
      "threads", po::value(&threads)->value_name("N"),
      "OpenMP threads (default: all cores); results do not depend on it")(
      "replicates", po::value(&replicates)->value_name("N"),
      "run N replicates (seeds run.seed, run.seed+1, ...) into one multi-run file with a `run` "
      "dimension and a /runs table; replicate r uses the same seed in every scenario (common "
      "random numbers)");
  add_scenario_options(desc, so);
  po::options_description hidden;
  hidden.add_options()("scenario", po::value(&so.file));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "metrosim run: " << e.what() << "\n" << desc;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  if (threads < 0) {
    std::cerr << "metrosim run: --threads must be >= 1\n";
    return 2;
  }
  if (replicates < 1 || replicates > 10000) {
    std::cerr << "metrosim run: --replicates must be in [1, 10000]\n";
    return 2;
  }
  LoadedInputs in = load_inputs(so);
  for (const std::string& w : in.warnings) std::cerr << "metrosim: warning: " << w << "\n";
  const auto& s = in.scenario.scenario;
  if (output.empty()) output = "results/" + s.run.name + ".h5";
  // Refuse early what would only fail after a long run.
  if (fs::is_directory(output) || output.back() == '/') {
    std::cerr << "metrosim run: -o " << output << " is a directory; give a file name, e.g. "
              << (fs::path(output) / (s.run.name + ".h5")).string() << "\n";
    return 2;
  }
  io::check_indicator_patterns(s.output.indicators, io::available_indicators());
  if (const auto parent = fs::path(output).parent_path(); !parent.empty() && !fs::exists(output))
    fs::create_directories(parent);
  io::check_output_path(output, overwrite);
  if (threads > 0) omp_set_num_threads(threads);

  const auto t0 = std::chrono::steady_clock::now();
  std::vector<io::RunOutput> outputs;
  io::RunsTable table;
  std::optional<model::World> first_world;
  std::optional<model::Recorder> first_rec;
  for (int r = 0; r < replicates; ++r) {
    // Replicate r is the single run with seed run.seed + r: `metrosim run --seed <seed>` with the
    // resolved scenario reproduces it bit for bit, and every scenario's replicate r shares seeds.
    model::Scenario sr = s;
    sr.run.seed = s.run.seed + static_cast<std::uint64_t>(r);
    model::World world = model::build_world(sr, in.region, 0);
    if (r == 0)
      for (std::size_t z = 0; z < world.zones.size(); ++z)
        if (world.loop_gain[z] >= 0.25)
          std::cerr << "metrosim: warning: rent loop gain " << world.loop_gain[z] << " in zone "
                    << world.zones.code[z] << " is >= 0.25: rents may oscillate\n";
    Progress progress(
        "metrosim run " + s.run.name +
        (replicates > 1 ? " replicate " + std::to_string(r + 1) + "/" + std::to_string(replicates)
                        : std::string()));
    model::Recorder rec = model::simulate(
        world, [&](core::Step done, core::Step total) { progress.update(done, total); });
    progress.finish();
    io::Provenance prov{io::canonical_ini(sr), in.region.sha256, command_line,
                        static_cast<std::uint32_t>(r), omp_get_max_threads()};
    outputs.push_back(io::assemble_run(world, rec, prov));
    table.replicate.push_back(r);
    table.seed.push_back(static_cast<std::int64_t>(sr.run.seed));
    table.status.push_back("ok");
    if (r == 0) {
      first_world.emplace(std::move(world));
      first_rec.emplace(std::move(rec));
    }
  }
  if (replicates == 1) {
    io::write_run_h5(outputs[0], output, s.output, overwrite);
  } else {
    // The file's resolved scenario is the base one (run.seed = the first replicate's seed).
    outputs[0].attrs_text["scenario_resolved"] = io::canonical_ini(s);
    io::write_multi_run_h5(outputs, table, output, s.output, overwrite);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  print_summary(*first_world, *first_rec, output, secs);
  if (replicates > 1)
    std::printf(
        "  %d replicates (seeds %llu..%llu) in one file; the summary shows the first\n", replicates,
        static_cast<unsigned long long>(s.run.seed),
        static_cast<unsigned long long>(s.run.seed + static_cast<std::uint64_t>(replicates - 1)));
  return 0;
}

}  // namespace metrosim::cli
