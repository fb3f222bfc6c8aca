#!/usr/bin/env bash
# Spark benchmarks (issue 17): local[1] vs local[2] scaling of dedup and generate on 100,000
# documents, the same answers as the single-machine commands, and 1,000,000-document dedup in
# local[2] within a 2 GiB heap. Prints every figure; see docs/BENCHMARKS.md ("Apache Spark").
#
#   bench/spark/run.sh [WORKDIR]                 # all steps
#   STEPS="dedup generate" bench/spark/run.sh    # some: dedup generate memory
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/exemplar-spark-bench}"
steps="${STEPS:-dedup generate memory}"
mkdir -p "$work"
cd "$root"
./mvnw -q -B -pl spark -am -DskipTests package
corpus() { # n file
  [ -f "$2" ] || python3 ../shared/bench/make_corpus.py --n "$1" --edit-mode spans --out "$2" >/dev/null
}
timed() { # label command...
  local t0 t1
  echo "load average before $1: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(date +%s.%N)
  /usr/bin/time -f "$1: wall %e s, user %U s, sys %S s, max RSS %M KiB" "${@:2}" > "$work/$1.out" 2> "$work/$1.err" || { cat "$work/$1.err"; exit 1; }
  t1=$(date +%s.%N)
  tail -1 "$work/$1.err"
  grep -E "documents|kept|Wrote" "$work/$1.out" | head -3 || true
  echo "$1 seconds: $(echo "$t1 - $t0" | bc)"
}
spark=(env EXEMPLAR_SPARK_JAVA_OPTS=-Xmx2g ./exemplar-spark)

if [[ " $steps " == *" dedup "* ]]; then
  corpus 100000 "$work/c100k.jsonl"
  rm -rf "$work"/d-one "$work"/d-l1 "$work"/d-l2
  timed dedup-single ./exemplar dedup --in "$work/c100k.jsonl" --out "$work/d-one" --threads 2
  timed dedup-local1 "${spark[@]}" dedup --in "$work/c100k.jsonl" --out "$work/d-l1" --master 'local[1]'
  timed dedup-local2 "${spark[@]}" dedup --in "$work/c100k.jsonl" --out "$work/d-l2" --master 'local[2]'
  for m in l1 l2; do
    if cmp -s "$work/d-one/kept.jsonl" <(cat "$work/d-$m/kept.jsonl"/part-*.jsonl); then echo "dedup $m: kept records identical to exemplar dedup"
    else echo "dedup $m: kept records DIFFER from exemplar dedup"; fi
  done
  python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
s1 = json.load(open(f"{w}/d-l1/summary.json")); s2 = json.load(open(f"{w}/d-l2/summary.json"))
print(f"dedup local[1] {s1['seconds']:.1f} s ({s1['documents']/s1['seconds']:.0f} docs/s per core), "
      f"local[2] {s2['seconds']:.1f} s ({s2['documents']/s2['seconds']/2:.0f} docs/s per core); "
      f"speed-up {s1['seconds']/s2['seconds']:.2f}x (target 1.6x)")
PY
fi

if [[ " $steps " == *" generate "* ]]; then
  mix=mixes/default.yaml
  fast=(--set filters.tropes.embeddings=false --set filters.adherence=false)
  rm -rf "$work"/g-one "$work"/g-l1 "$work"/g-l2
  timed generate-single ./exemplar generate --mix $mix --docs 100000 --out "$work/g-one" --threads 2 "${fast[@]}"
  timed generate-local1 "${spark[@]}" generate --mix $mix --docs 100000 --out "$work/g-l1" --master 'local[1]' "${fast[@]}"
  timed generate-local2 "${spark[@]}" generate --mix $mix --docs 100000 --out "$work/g-l2" --master 'local[2]' "${fast[@]}"
  python3 - "$work" <<'PY'
import glob, json, sys
w = sys.argv[1]
def recs(d):
    out = {}
    for f in sorted(glob.glob(f"{d}/data/part-*.jsonl")):
        for line in open(f):
            r = json.loads(line); out[r["index"]] = r
    return out
a, b = recs(f"{w}/g-one"), recs(f"{w}/g-l2")
print(f"generate: {len(a)} single-machine records, {len(b)} Spark records, identical after sorting by index: {a == b}")
PY
fi

if [[ " $steps " == *" memory "* ]]; then
  corpus 1000000 "$work/c1m.jsonl"
  rm -rf "$work"/m-l2
  timed dedup-1m-local2 "${spark[@]}" dedup --in "$work/c1m.jsonl" --out "$work/m-l2" --master 'local[2]' --conf spark.local.dir="$work/spark-tmp"
  python3 -c "import json,sys; s=json.load(open('$work/m-l2/summary.json')); print('1M dedup local[2], -Xmx2g:', s['seconds'], 's; kept', s['kept'], '; heap max', s['max_heap_mib'], 'MiB')"
fi
