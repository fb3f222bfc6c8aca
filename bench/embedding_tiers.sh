#!/usr/bin/env bash
# The two embedding tiers side by side, in one run (issue 16): the static model's build and load,
# embedding and filter speed, filter quality against MiniLM, and semantic dedup at scale with
# planted paraphrases. Prints every figure; results are recorded in docs/BENCHMARKS.md.
#
#   bench/embedding_tiers.sh [WORKDIR]            (default /tmp/exemplar-tiers-bench)
#   STEPS="e2e quality dedup" E2E_DOCS=5000 N=1000000 MINILM_DOCS=2000 bench/embedding_tiers.sh
#
# Steps (default: all but build):
#   e2e      ./exemplar generate --mix mixes/default.yaml --docs E2E_DOCS (default 5000) with the
#            default filters (template documents at the static tier) and with
#            filters.embeddings=minilm, one after the other, caches warm; accepted docs/s in-run,
#            CPU, rejections and the tier of each accepted document (bench/embedding_run_summary.py)
#   build    exemplar embeddings build, twice, and compares the two files (byte-identical rebuild)
#   speed    bench/EmbeddingTierBench.java on 10,000 template documents: load time, embedding
#            speed of each tier, the filters with each tier, documents sent to MiniLM
#   quality  bench/EmbeddingTierEval.java: ROC AUC of MiniLM, static and tiered trope scoring on the
#            persona halves (dev only unless HALVES=dev,held-out), classics-dev, narrative-v1
#            (NARRATIVE=dev by default; test is held out, count the look), written-v2 (only with
#            WRITTEN=true: never tuned on, look once per change), and trope and adherence
#            decisions against MiniLM's on a template run of QUALITY_DOCS (default 10,000) documents
#   dedup    semantic dedup of N documents (template output, 5% of the first 0.952 N given a planted
#            paraphrase, bench/dedup/plant_paraphrases.py): the static tier on all of them, MiniLM
#            on the first MINILM_DOCS (what it would take for all N is extrapolated and printed);
#            recall on the planted paraphrases and other removals for each
# Generating the corpus (template output, every filter and dedup off) takes a few minutes on an
# idle 2-core machine for a million documents; it is reused from WORKDIR when present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/exemplar-tiers-bench}"
steps="${STEPS:-e2e speed quality dedup}"
n="${N:-1000000}"
minilm_docs="${MINILM_DOCS:-2000}"
e2e_docs="${E2E_DOCS:-5000}"
quality_docs="${QUALITY_DOCS:-10000}"
mkdir -p "$work"
cd "$root"
./exemplar --version >/dev/null  # builds the jar when sources changed
# A private copy of the jar: a rebuild during a long run must not pull classes from under it.
rm -rf "$work/jar" && mkdir -p "$work/jar" && cp -r generator/target/exemplar.jar generator/target/lib "$work/jar/"
cp="$work/jar/exemplar.jar:$work/jar/lib/*"
java_opts=(-XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy)
java_run() { java "${java_opts[@]}" "$@"; }
exemplar() { java_run -cp "$cp" dev.exemplar.cli.Main "$@"; }
# What `timed` runs must be a program, not a shell function.
exemplar_cmd=(java "${java_opts[@]}" -cp "$cp" dev.exemplar.cli.Main)
timed() { /usr/bin/time -f "  whole process: wall %e s, user %U s, sys %S s, max RSS %M KiB" "$@"; }

templates() {  # templates NAME DOCS: a template run with every filter and dedup off
  [ -f "$work/$1/manifest.json" ] && return
  exemplar generate --mix mixes/default.yaml --docs "$2" --out "$work/$1" --overwrite \
    --set filters.tropes=false --set filters.adherence=false --set filters.quality=false \
    --set filters.repetition=false --set filters.slop=false --set filters.language=false \
    --set filters.slop_scan=false --set filters.placeholders=false --set filters.length=false \
    --set dedup.exact=false --set dedup.near=false >/dev/null
}

for step in $steps; do
  case "$step" in
    e2e)
      for tier in static minilm; do
        set_tier=(); [ "$tier" = minilm ] && set_tier=(--set filters.embeddings=minilm)
        exemplar generate --mix mixes/default.yaml --docs 10 --out "$work/e2e-warm" --overwrite "${set_tier[@]}" >/dev/null 2>&1
        echo "== end to end, template run, $e2e_docs documents, filters.embeddings: $tier (default: template documents static); load: $(cut -d' ' -f1-3 /proc/loadavg)"
        timed "${exemplar_cmd[@]}" generate --mix mixes/default.yaml --docs "$e2e_docs" --out "$work/e2e-$tier" --overwrite "${set_tier[@]}" 2>&1 \
          | grep -E '^(Wrote|Rejected|  whole)'
        python3 bench/embedding_run_summary.py "$work/e2e-$tier"
      done
      # The MiniLM run is also the quality step's reference when it has as many documents.
      [ -e "$work/minilm-$e2e_docs" ] || ln -s "$work/e2e-minilm" "$work/minilm-$e2e_docs" ;;
    build)
      echo "== static model: build twice, compare; load: $(cut -d' ' -f1-3 /proc/loadavg)"
      timed "${exemplar_cmd[@]}" embeddings build --out "$work/static-a.bin"
      timed "${exemplar_cmd[@]}" embeddings build --out "$work/static-b.bin"
      cmp "$work/static-a.bin" "$work/static-b.bin" && echo "  rebuild: byte-identical" ;;
    speed)
      echo "== embedding and filter speed by tier, 10,000 template documents; load: $(cut -d' ' -f1-3 /proc/loadavg)"
      [ -f "$work/minilm-$quality_docs/manifest.json" ] || exemplar generate --mix mixes/default.yaml --docs "$quality_docs" \
        --out "$work/minilm-$quality_docs" --overwrite --set filters.embeddings=minilm >/dev/null
      java_run -cp "$cp" bench/EmbeddingTierBench.java "$work/minilm-$quality_docs" 1000 ;;
    quality)
      echo "== filter quality by tier; load: $(cut -d' ' -f1-3 /proc/loadavg)"
      [ -f "$work/minilm-$quality_docs/manifest.json" ] || exemplar generate --mix mixes/default.yaml --docs "$quality_docs" \
        --out "$work/minilm-$quality_docs" --overwrite --set filters.embeddings=minilm >/dev/null
      java_run -Dhalves="${HALVES:-dev}" -Dnarrative="${NARRATIVE:-dev}" -Dwritten="${WRITTEN:-false}" \
        -Dtemplate="$work/minilm-$quality_docs" -cp "$cp" bench/EmbeddingTierEval.java ;;
    dedup)
      templates t1m "$n"
      planted="$work/planted-$n.jsonl"
      originals=$(( n * 952 / 1000 ))
      [ -f "$planted" ] || python3 bench/dedup/plant_paraphrases.py --in "$work/t1m/data" --n "$originals" \
        --frac 0.05 --out "$planted"
      total=$(wc -l < "$planted")
      echo "== semantic dedup, static tier, $total documents, 2 threads; load: $(cut -d' ' -f1-3 /proc/loadavg)"
      timed java "${java_opts[@]}" -Xmx3g -cp "$cp" dev.exemplar.cli.Main dedup --in "$planted" --out "$work/dedup-static" --overwrite \
        --semantic --semantic-embeddings static --threads 2 2>&1 | grep -v '^dedup: '
      python3 bench/dedup/evaluate_paraphrases.py --corpus "$planted" --removed "$work/dedup-static/removed.jsonl"
      head -n "$minilm_docs" "$planted" > "$work/planted-head.jsonl"
      for tier in static minilm; do
        echo "== semantic dedup, $tier tier, the first $minilm_docs documents, 2 threads; load: $(cut -d' ' -f1-3 /proc/loadavg)"
        timed "${exemplar_cmd[@]}" dedup --in "$work/planted-head.jsonl" --out "$work/dedup-head-$tier" --overwrite \
          --semantic --semantic-embeddings "$tier" --threads 2 2>&1 | grep -v '^dedup: '
        python3 bench/dedup/evaluate_paraphrases.py --corpus "$work/planted-head.jsonl" --removed "$work/dedup-head-$tier/removed.jsonl"
      done
      python3 - "$work/dedup-head-minilm/summary.json" "$total" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
secs = s.get("wall_seconds") or s.get("seconds")
docs = s.get("documents") or s.get("read")
if secs and docs:
    print(f"  minilm tier at this rate: {int(sys.argv[2]) * secs / docs / 3600:.1f} hours for all {int(sys.argv[2]):,} documents")
EOF
      ;;
  esac
done
