#!/usr/bin/env bash
# Installs what is missing, builds the ci preset (-O2 -g, assertions on) and runs every test:
# Catch2 unit/determinism tests and the pytest suite (through ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)"
ctest --preset ci -j"$(nproc)"
