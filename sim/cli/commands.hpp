// commands.hpp — one function per subcommand; argv excludes the program and command names.
#pragma once
#include <string>
#include <vector>

namespace metrosim::cli {

using Args = std::vector<std::string>;

int cmd_run(const Args& args, const std::string& command_line);
int cmd_sweep(const Args& args, const std::string& command_line);
int cmd_validate(const Args& args);
int cmd_info(const Args& args);
int cmd_compare(const Args& args);
int cmd_keys(const Args& args);
int cmd_indicators(const Args& args);

/// Directory of the built-in default region: $METROSIM_DATA_DIR if set, else the source tree's
/// scenarios/barcelona-amb.
std::string default_region_dir();

}  // namespace metrosim::cli
