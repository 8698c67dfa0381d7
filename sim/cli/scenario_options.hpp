// scenario_options.hpp — options shared by `run` and `validate`: the scenario file, --set,
// --seed and --steps (aliases of run.seed and run.steps, applied last), and the loading of
// scenario and region data with every problem reported at once.
#pragma once
#include <boost/program_options.hpp>

#include <string>
#include <vector>

#include "agents/region_input.hpp"
#include "io/scenario_loader.hpp"

namespace metrosim::cli {

struct ScenarioOptions {
  std::string file;               ///< empty = built-in default
  std::vector<std::string> sets;  ///< key=value
  std::string seed, steps;        ///< as typed; validated by the loader
};

void add_scenario_options(boost::program_options::options_description& desc, ScenarioOptions& o);

struct LoadedInputs {
  io::LoadedScenario scenario;
  agents::RegionInput region;
  std::vector<std::string> warnings;  ///< printed on stderr by run and validate
};

/// Loads the scenario (precedence defaults < base < file < --set < --seed/--steps), the region
/// tables, checks per-zone overrides against the region's zone codes, and reads the shocks
/// calendar into scenario.shock_entries (its files' SHA-256 join region.sha256). Throws
/// io::InputError with every problem. With `region` given, its tables are used as they are
/// instead of being read again (the sweep resolves many rows that share the base's region data;
/// the caller makes sure no row changes a key that selects region files).
LoadedInputs load_inputs(const ScenarioOptions& o, const agents::RegionInput* region = nullptr);

}  // namespace metrosim::cli
