#!/usr/bin/env bash
# Template generation alone, on every core: prints documents per second.
# Usage: bench/template_throughput.sh [DOCS]   (default 50000; builds the CLI jar first if needed)
# Warms up on the first 20,000 documents (printed as its own line: the cold rate), then times all DOCS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f generator/target/exemplar.jar ] && [ -z "$(find generator/src/main -newer generator/target/exemplar.jar -print -quit)" ] \
  || ./mvnw -q -B -DskipTests package
exec java -cp "generator/target/exemplar.jar:generator/target/lib/*" dev.exemplar.generate.template.TemplateBenchmark "${1:-50000}"
