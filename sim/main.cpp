// main.cpp — the metrosim executable: everything happens in cli/.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return metrosim::cli::main(argc, argv); }
