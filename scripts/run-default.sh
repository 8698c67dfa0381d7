#!/usr/bin/env bash
# Installs what is missing, builds the release preset, runs the built-in default scenario (the
# Barcelona AMB baseline, 240 months at full scale) and writes its plots.
# Extra arguments go to `metrosim run`, e.g. scripts/run-default.sh --steps 24 --set agents.scale=0.05
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target metrosim
out=results/baseline.h5
build/release/sim/metrosim run -o "$out" --overwrite "$@"
PYTHONPATH=analysis /usr/bin/python3 -m metrosim_analysis plot "$out" -o results/plots
