#!/usr/bin/env bash
# End-to-end default run with template output scored `static` (the default) against `tiered` (the
# default before), alternating in one script, ROUNDS rounds (issue 16). Prints in-run time, CPU,
# peak RSS and rejections of each.
#   bench/embedding_policy_e2e.sh OUT_DIR [DOCS] [ROUNDS]
set -euo pipefail
out="$1"; docs="${2:-5000}"; rounds="${3:-2}"
mkdir -p "$out"
./exemplar --version >/dev/null   # build once, outside the timings
for r in $(seq 1 "$rounds"); do
  for policy in static tiered; do
    rm -rf "$out/$policy"
    /usr/bin/time -f "$policy round $r: %e s wall, %U s user, %S s sys, %M KB max RSS" \
      ./exemplar generate --mix mixes/default.yaml --docs "$docs" --out "$out/$policy" \
        --set filters.embeddings.template="$policy" 2>&1 | grep -E "^Wrote|^Rejected|round"
  done
done
