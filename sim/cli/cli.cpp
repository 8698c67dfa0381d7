// cli.cpp — dispatch to subcommands and map exceptions to exit codes.
#include "cli/cli.hpp"

#include <iostream>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "io/diagnostics.hpp"
#include "io/h5_writer.hpp"

namespace metrosim::cli {

namespace {

constexpr const char* kUsage =
    R"(metrosim — agent-based simulator of metropolitan internationalisation policy

usage: metrosim <command> [options]

commands:
  run [SCENARIO.ini]   run a scenario (default: the built-in Barcelona AMB baseline)
  sweep DESIGN.csv     run every row of a design CSV with replicates into one multi-run file
  validate [FILE.ini]  check a scenario and its region data; print the resolved scenario
  info OUT.h5          describe an output file
  compare BASE.h5 OTHER.h5 [...]
                       paired headline differences of what-ifs against a baseline
  keys                 list every scenario key (--markdown for docs)
  indicators           list every output indicator (--markdown for docs)

`metrosim <command> --help` describes each command's options.
)";

}  // namespace

std::string default_region_dir() {
  if (const char* env = std::getenv("METROSIM_DATA_DIR")) return env;
  return std::string(METROSIM_SOURCE_DIR) + "/scenarios/barcelona-amb";
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string cmd = argv[1];
  Args args(argv + 2, argv + argc);
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  return guarded([&] {
    if (cmd == "run") return cmd_run(args, command_line);
    if (cmd == "sweep") return cmd_sweep(args, command_line);
    if (cmd == "validate") return cmd_validate(args);
    if (cmd == "info") return cmd_info(args);
    if (cmd == "compare") return cmd_compare(args);
    if (cmd == "keys") return cmd_keys(args);
    if (cmd == "indicators") return cmd_indicators(args);
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (cmd == "--version") {
      std::cout << "metrosim " << core::kVersion << "\n";
      return 0;
    }
    std::cerr << "metrosim: unknown command '" << cmd << "'\n\n" << kUsage;
    return 2;
  });
}

int guarded(const std::function<int()>& body, bool print) {
  try {
    return body();
  } catch (const io::InputError& e) {
    if (print)
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    return 2;
  } catch (const io::OutputExistsError& e) {
    if (print) std::cerr << "metrosim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    if (print) std::cerr << "metrosim: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace metrosim::cli
