// cli.hpp — the command line: `metrosim <command> [options]`. Subcommands are thin: they parse
// options with Boost.Program_options, call io/ and model/, and turn errors into exit codes
// (2 for bad input or a refused output, 1 for internal errors).
#pragma once
#include <functional>

namespace metrosim::cli {

int main(int argc, char** argv);

/// Runs `body` and maps its exceptions to exit codes as `metrosim` does (io::InputError and a
/// refused output: 2, printing each diagnostic; anything else: 1), printing only when `print`.
int guarded(const std::function<int()>& body, bool print = true);

}  // namespace metrosim::cli
