#!/usr/bin/env bash
# Times `exemplar audit` (summary, and summary plus HTML report) on a 10,000-document template run,
# generated once into output/bench-audit-10k. Prints wall and CPU seconds and peak memory per run.
#
#   bench/audit.sh [RUN_DIR]
#   RT=1 bench/audit.sh   # as root on a shared, busy machine: run under SCHED_FIFO (chrt -f 10) so
#                         # other tenants' load does not inflate the wall time; approximates an idle machine
set -euo pipefail
cd "$(dirname "$0")/.."
run="${1:-output/bench-audit-10k}"
if [ ! -f "$run/manifest.json" ]; then
  ./exemplar generate --mix mixes/default.yaml --docs 10000 --out "$run" --overwrite > /dev/null
fi
./exemplar --version > /dev/null   # builds the CLI first if needed, so the timings below exclude it
prefix=()
if [ "${RT:-0}" = 1 ]; then prefix=(chrt -f 10); fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)${prefix:+, under ${prefix[*]}}"
for i in 1 2 3; do
  "${prefix[@]}" /usr/bin/time -f "audit summary: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    ./exemplar audit "$run" > /dev/null
done
"${prefix[@]}" /usr/bin/time -f "audit --json: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  ./exemplar audit "$run" --json > /dev/null
"${prefix[@]}" /usr/bin/time -f "audit --html (sample 30 + 30 rejected): %e s wall, %U s user, %S s sys, %M KB max RSS" \
  ./exemplar audit "$run" --html "$run/report.html" > /dev/null
echo "report: $(du -k "$run/report.html" | cut -f1) KB"
