// cmd_misc.cpp — `validate`, `info`, `keys` and `indicators`.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"
#include "io/h5_info.hpp"
#include "io/region_reader.hpp"
#include "model/indicators.hpp"

namespace po = boost::program_options;

namespace metrosim::cli {

namespace {

/// Parses `args` into `vm`; returns -1 to continue, or an exit code (help printed, or error).
int parse(const Args& args, const po::options_description& desc, const po::options_description& all,
          const po::positional_options_description& pos, po::variables_map& vm, const char* name) {
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "metrosim " << name << ": " << e.what() << "\n" << desc;
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  return -1;
}

int table_command(const Args& args, const char* name, const char* what,
                  const std::string& markdown) {
  bool md = false;
  po::options_description desc(std::string("usage: metrosim ") + name + " [--markdown]\n\n" + what +
                               "\nOptions");
  desc.add_options()("help,h", "show this help")("markdown", po::bool_switch(&md),
                                                 "print a Markdown table (for docs/)");
  po::variables_map vm;
  if (int rc = parse(args, desc, desc, {}, vm, name); rc >= 0) return rc;
  std::cout << markdown;  // the Markdown table is also the plain listing: readable either way
  return 0;
}

}  // namespace

int cmd_validate(const Args& args) {
  ScenarioOptions so;
  bool quiet = false;
  po::options_description desc(
      "usage: metrosim validate [SCENARIO.ini] [--set key=value ...] [--quiet]\n\n"
      "Checks a scenario and its region data. Prints every problem as file:line: key: message\n"
      "and exits with 2, or prints the resolved scenario (canonical INI) and exits with 0.\n"
      "Options");
  desc.add_options()("help,h", "show this help")("quiet,q", po::bool_switch(&quiet),
                                                 "print nothing when valid");
  add_scenario_options(desc, so);
  po::options_description all;
  all.add(desc).add_options()("scenario", po::value(&so.file));
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (int rc = parse(args, desc, all, pos, vm, "validate"); rc >= 0) return rc;
  const LoadedInputs in = load_inputs(so);
  for (const std::string& w : in.warnings) std::cerr << "metrosim: warning: " << w << "\n";
  if (quiet) return 0;
  std::cout << io::canonical_ini(in.scenario.scenario);
  // The data the scenario resolves to (comment lines: loading this text back ignores them).
  std::cout << "\n# data_sha256 (region."
            << "dir = " << io::resolve_region_dir(in.scenario.scenario, default_region_dir())
            << ")\n";
  for (const auto& [name, hex] : in.region.sha256) std::cout << "# " << hex << "  " << name << "\n";
  return 0;
}

int cmd_info(const Args& args) {
  std::string path;
  bool full = false;
  po::options_description desc(
      "usage: metrosim info OUT.h5 [--full]\n\nDescribes a metrosim output file: provenance, "
      "groups, dimensions, variables with units.\nOptions");
  desc.add_options()("help,h", "show this help")("full", po::bool_switch(&full),
                                                 "print the whole resolved scenario");
  po::options_description all;
  all.add(desc).add_options()("file", po::value(&path));
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (int rc = parse(args, desc, all, pos, vm, "info"); rc >= 0) return rc;
  if (path.empty()) {
    std::cerr << "metrosim info: missing OUT.h5\n" << desc;
    return 2;
  }
  if (!std::filesystem::is_regular_file(path)) {
    std::cerr << "metrosim info: " << path << ": no such file\n";
    return 2;
  }
  try {
    std::cout << io::describe_h5(path, full);
  } catch (const std::runtime_error& e) {  // not HDF5, or not a metrosim file: bad input
    std::cerr << "metrosim info: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

int cmd_keys(const Args& args) {
  return table_command(args, "keys",
                       "Lists every scenario key with type, unit, default, range and source.",
                       io::keys_markdown());
}

int cmd_indicators(const Args& args) {
  return table_command(args, "indicators", "Lists every output indicator with its units.",
                       model::indicators_markdown());
}

}  // namespace metrosim::cli
