#!/usr/bin/env bash
# LLM client throughput against a loopback endpoint: bench/llm-throughput.sh [requests] [concurrency] [latency_ms]
# Defaults: 2000 requests at concurrency 32, server answers after 200 ms (ideal 160 req/s).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/mvnw" -q -B -f "$root/generator/pom.xml" test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/generator/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
cp="$root/generator/target/test-classes:$root/generator/target/classes:$(cat "$root/generator/target/bench.classpath")"
exec java -cp "$cp" dev.exemplar.bench.LlmThroughputBench "$@"
