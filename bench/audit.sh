#!/usr/bin/env bash
# Times `exemplar audit` (summary, and summary plus HTML report) on a 10,000-document template run,
# generated once into output/bench-audit-10k. Prints wall and CPU seconds and peak memory per run.
set -euo pipefail
cd "$(dirname "$0")/.."
run="${1:-output/bench-audit-10k}"
if [ ! -f "$run/manifest.json" ]; then
  ./exemplar generate --mix mixes/default.yaml --docs 10000 --out "$run" --overwrite > /dev/null
fi
./exemplar --version > /dev/null   # builds the CLI first if needed, so the timings below exclude it
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
  /usr/bin/time -f "audit summary: %e s wall, %U s user, %S s sys, %M KB max RSS" ./exemplar audit "$run" > /dev/null
done
/usr/bin/time -f "audit --html --sample 30: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  ./exemplar audit "$run" --html "$run/report.html" > /dev/null
echo "report: $(du -k "$run/report.html" | cut -f1) KB"
