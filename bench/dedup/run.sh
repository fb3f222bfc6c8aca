#!/usr/bin/env bash
# Dedup benchmarks: speed, recall and precision against planted duplicates, memory at 1M documents,
# the pure-Python datasketch-style peer, and semantic-stage overhead. Prints every figure; results
# recorded in docs/BENCHMARKS.md. Takes 20-40 minutes on 2 cores.
#
#   bench/dedup/run.sh [WORKDIR]         (default /tmp/exemplar-dedup-bench)
#   STEPS="speed recall peer memory semantic" bench/dedup/run.sh   (choose steps)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/exemplar-dedup-bench}"
steps="${STEPS:-speed warm recall peer memory semantic}"
mk="$root/../shared/bench/make_corpus.py"
here="$root/bench/dedup"
mkdir -p "$work"
[ -f "$root/generator/target/exemplar.jar" ] || "$root/mvnw" -q -B -f "$root/pom.xml" -DskipTests package
cp="$root/generator/target/exemplar.jar:$root/generator/target/lib/*"
# Through the launcher, so the figures include its JVM flags (ParallelGC) and the JVM start.
dedup() { EXEMPLAR_JAVA_OPTS="-Xmx1g" "$root/exemplar" dedup --overwrite "$@"; }
timed_dedup() {
  EXEMPLAR_JAVA_OPTS="-Xmx1g" /usr/bin/time -f "  whole process: wall %e s, user %U s, sys %S s, max RSS %M KiB (JVM start included)" \
    "$root/exemplar" dedup --overwrite "$@" 2>&1 | grep -v '^dedup: '
}
corpus() {  # corpus NAME N MODE
  [ -f "$work/$1.jsonl" ] || python3 "$mk" --n "$2" --edit-mode "$3" --out "$work/$1.jsonl"
}
corpus c100k_spans 100000 spans
corpus c100k_scattered 100000 scattered

for step in $steps; do
  case "$step" in
    speed)
      for t in 1 2; do
        echo "== exemplar dedup, 100k documents, $t thread(s), -Xmx1g; load: $(cut -d' ' -f1-3 /proc/loadavg)"
        timed_dedup --in "$work/c100k_spans.jsonl" --out "$work/speed_t$t" --threads "$t"
      done
      cmp "$work/speed_t1/kept.jsonl" "$work/speed_t2/kept.jsonl" && cmp "$work/speed_t1/removed.jsonl" "$work/speed_t2/removed.jsonl" \
        && echo "  --threads 1 and 2: byte-identical output" ;;
    warm)
      echo "== single-thread CPU cost, cold and warm"
      java -Xmx1g -XX:+UseParallelGC -cp "$cp" "$here/WarmBench.java" "$work/c100k_spans.jsonl" ;;
    recall)
      for mode in spans scattered; do
        for th in 0.8 0.7 0.5; do
          echo "== recall/precision, $mode edits, threshold $th"
          dedup --in "$work/c100k_$mode.jsonl" --out "$work/recall_${mode}_$th" --threshold "$th" >/dev/null
          python3 "$here/evaluate.py" --corpus "$work/c100k_$mode.jsonl" --removed "$work/recall_${mode}_$th/removed.jsonl" --threshold "$th"
        done
      done ;;
    peer)
      for mode in spans scattered; do
        for p in 1 2; do
          [ "$mode" = scattered ] && [ "$p" = 2 ] && continue
          echo "== python MinHash-LSH peer (datasketch algorithm), $mode edits, $p process(es)"
          python3 "$here/minhash_peer.py" --in "$work/c100k_$mode.jsonl" --out "$work/peer_${mode}_p$p" --procs "$p"
          python3 "$here/evaluate.py" --corpus "$work/c100k_$mode.jsonl" --removed "$work/peer_${mode}_p$p/removed.jsonl"
        done
      done ;;
    memory)
      corpus c1m_spans 1000000 spans
      echo "== 1,000,000 documents within -Xmx1g"
      timed_dedup --in "$work/c1m_spans.jsonl" --out "$work/mem_1m" --threads 2 ;;
    semantic)
      echo "== semantic stage vs bare embedding, 2,000 documents"
      java -Xmx2g -cp "$cp" "$here/SemanticBench.java" "$work/c100k_spans.jsonl" 2000 ;;
  esac
done
