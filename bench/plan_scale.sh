#!/usr/bin/env bash
# How long and how much memory `exemplar plan` takes for the largest targets (lazy plans, issue 20).
# Usage: bench/plan_scale.sh   (builds the CLI jar first if needed; prints wall time and peak RSS per command)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./exemplar --version >/dev/null
run() {
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %U s user, peak RSS %M KiB" ./exemplar "$@" >/dev/null
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "plan --docs 1000          " plan --mix mixes/default.yaml --docs 1000
run "plan --docs 1000000000    " plan --mix mixes/default.yaml --docs 1000000000
run "plan tokens 1e12          " plan --mix mixes/default.yaml --set 'target={tokens: 1000000000000}'
run "plan openai --docs 1e9    " plan --mix mixes/openai.yaml --docs 1000000000
