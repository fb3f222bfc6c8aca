#!/usr/bin/env bash
# The control arm against its treatment twin (issue 18): generates a treatment run and a control
# run of the same mix and seed, reruns the control to check it is byte-identical, and prints the
# comparison (plan cells, tokens per archetype x format cell, mean adherence, filter pass rates).
#
# usage: bench/arms.sh [DOCS] [MIX]     (default: 10000 documents of mixes/default.yaml)
# Runs land in output/bench-arms-{treatment,control,control-again}; the figures go to stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${1:-10000}"
mix="${2:-$root/mixes/default.yaml}"
out="$root/output/bench-arms"
cd "$root"
for arm in treatment control; do
  start=$(date +%s)
  ./exemplar generate --mix "$mix" --docs "$docs" --arm "$arm" --out "$out-$arm" --overwrite | head -2
  echo "$arm: $(( $(date +%s) - start )) s"
done
./exemplar generate --mix "$mix" --docs "$docs" --arm control --out "$out-control-again" --overwrite >/dev/null
if cmp -s <(cat "$out-control"/data/*.jsonl "$out-control"/rejected.jsonl) \
          <(cat "$out-control-again"/data/*.jsonl "$out-control-again"/rejected.jsonl); then
  echo "control rerun: byte-identical"
else
  echo "control rerun: DIFFERS"
fi
python3 bench/arms_compare.py "$out-treatment" "$out-control"
