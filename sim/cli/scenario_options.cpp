// scenario_options.cpp — see scenario_options.hpp.
#include "cli/scenario_options.hpp"

#include <optional>
#include <utility>

#include "agents/zones_init.hpp"
#include "cli/commands.hpp"
#include "io/region_reader.hpp"
#include "io/shocks_reader.hpp"
#include "model/world.hpp"

namespace po = boost::program_options;

namespace metrosim::cli {

void add_scenario_options(po::options_description& desc, ScenarioOptions& o) {
  desc.add_options()("set", po::value(&o.sets)->composing()->value_name("KEY=VALUE"),
                     "override a scenario key, e.g. --set investors.term_before_2019_months=60 or "
                     "--set relocation.amenity@0801902=0.5 (repeatable; later wins)")(
      "seed", po::value(&o.seed)->value_name("N"), "alias of --set run.seed=N (applied last)")(
      "steps", po::value(&o.steps)->value_name("N"), "alias of --set run.steps=N (applied last)");
}

LoadedInputs load_inputs(const ScenarioOptions& o, const agents::RegionInput* region) {
  std::vector<std::string> sets = o.sets;
  // --seed and --steps are applied last, as run.seed / run.steps; their problems name the option.
  std::vector<std::pair<int, std::string>> aliases;  // 1-based --set index -> option name
  if (!o.seed.empty()) {
    sets.push_back("run.seed=" + o.seed);
    aliases.emplace_back(static_cast<int>(sets.size()), "--seed");
  }
  if (!o.steps.empty()) {
    sets.push_back("run.steps=" + o.steps);
    aliases.emplace_back(static_cast<int>(sets.size()), "--steps");
  }
  std::optional<io::LoadedScenario> loaded;
  try {
    loaded = io::load_scenario(o.file, sets);
  } catch (const io::InputError& e) {
    std::vector<io::Diagnostic> diags = e.diagnostics();
    for (auto& d : diags)
      for (const auto& [index, option] : aliases)
        if (d.file == "--set" && d.line == index) {
          d.file = option;
          d.line = 1;
        }
    throw io::InputError(std::move(diags));
  }
  LoadedInputs in{std::move(*loaded), {}};
  in.region = region ? *region : io::read_region(in.scenario.scenario, default_region_dir());
  // Cross-references need the zones; report the problems of both checks together.
  const auto codes = model::zone_codes(in.scenario.scenario, in.region);
  std::vector<io::Diagnostic> diags;
  try {
    std::vector<std::string> agency_codes;
    for (const auto& r : in.region.agencies) agency_codes.push_back(r.code);
    io::validate_zone_overrides(in.scenario.scenario, codes, agency_codes);
  } catch (const io::InputError& e) {
    diags = e.diagnostics();
  }
  try {
    io::validate_region_references(in.region, codes);
  } catch (const io::InputError& e) {
    diags.insert(diags.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  try {
    in.scenario.scenario.shock_entries = io::read_shocks(
        in.scenario, io::resolve_region_dir(in.scenario.scenario, default_region_dir()), codes,
        in.region.sha256);
  } catch (const io::InputError& e) {
    diags.insert(diags.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  if (!diags.empty()) throw io::InputError(std::move(diags));
  in.warnings = io::shock_warnings(in.scenario, in.scenario.scenario.shock_entries);
  return in;
}

}  // namespace metrosim::cli
