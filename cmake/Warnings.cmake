# Project-wide compile options: warnings and reproducible floating point (TOOLCHAIN.md).
add_library(metrosim_options INTERFACE)
target_compile_features(metrosim_options INTERFACE cxx_std_20)
target_compile_options(metrosim_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  # Bit-identical results across builds and thread counts: never contract a*b+c into FMA,
  # never use fast-math or host-specific instruction sets.
  -ffp-contract=off -fno-fast-math
  # GCC 12 at -O3 reports a false -Wrestrict inside libstdc++'s string concatenation
  # (GCC bug 105651); nothing in this project triggers it.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<CXX_COMPILER_VERSION>,12>>:-Wno-restrict>)
