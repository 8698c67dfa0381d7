// cli.hpp — the command line: `metrosim <command> [options]`. Subcommands are thin: they parse
// options with Boost.Program_options, call io/ and model/, and turn errors into exit codes
// (2 for bad input or a refused output, 1 for internal errors).
#pragma once

namespace metrosim::cli {

int main(int argc, char** argv);

}  // namespace metrosim::cli
