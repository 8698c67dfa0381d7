#!/usr/bin/env bash
# submit-sweep.sh — queue a metrosim sweep on Slurm: an array of SHARDS shard tasks, then a merge
# job that starts only when every shard succeeded (docs/SWEEPS.md).
#   scripts/slurm/submit-sweep.sh SHARDS DESIGN.csv OUT.h5 [metrosim sweep options ...]
# Extra sbatch options (partition, account, time) go in SBATCH_OPTS, e.g.
#   SBATCH_OPTS="--partition=compute --time=02:00:00" scripts/slurm/submit-sweep.sh 16 d.csv o.h5
set -euo pipefail
export METROSIM=${METROSIM:-metrosim}
if (($# < 3)); then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
shards=$1 design=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
# Validate the design on the login node first: a typo is reported at once, not by every task.
"$METROSIM" sweep "$design" --out "$out" "$@" --check
# shellcheck disable=SC2086
jid=$(sbatch --parsable ${SBATCH_OPTS:-} --array=0-$((shards - 1)) \
  --export=ALL,METROSIM_SHARDS="$shards" "$here/sweep.sbatch" \
  "$design" "$out" "$@")
# shellcheck disable=SC2086
mid=$(sbatch --parsable ${SBATCH_OPTS:-} --cpus-per-task=1 --dependency=afterok:"$jid" \
  --job-name=metrosim-sweep-merge "$here/sweep.sbatch" --merge "$design" "$out" "$@")
echo "shards: job $jid (array 0-$((shards - 1))); merge: job $mid (after all shards succeed)"
