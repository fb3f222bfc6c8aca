#!/usr/bin/env bash
# Template output must pass the filters (issue 15: at most 2% of a 10,000-document template run rejected).
# Writes DOCS template documents with every filter off, then runs `exemplar filter` (all default filters,
# embeddings included) on them, and prints the share rejected, the counts by reason and every rejection's
# reasons, one line per document. Re-run it after changing templates or the filters.
# Usage: bench/template_rejections.sh [DOCS] [MIX]     (default 10000 mixes/default.yaml; work in $TMPDIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
docs="${1:-10000}"
mix="${2:-mixes/default.yaml}"
work="$(mktemp -d "${TMPDIR:-/tmp}/template-rejections.XXXXXX")"
off=()
for f in length placeholders quality repetition language slop tropes adherence slop_scan; do off+=(--set "filters.$f=false"); done
./exemplar generate --mix "$mix" --docs "$docs" --out "$work/raw" --overwrite "${off[@]}" >"$work/generate.log"
./exemplar filter --in "$work/raw/data" --out "$work/filtered" --mix "$mix" >"$work/filter.log"
python3 - "$work/filtered" <<'PY'
import json, sys, collections, pathlib
d = pathlib.Path(sys.argv[1])
kept = sum(1 for _ in open(d / "kept.jsonl"))
rej = [json.loads(l) for l in open(d / "rejected.jsonl")]
total = kept + len(rej)
print(f"documents {total}, rejected {len(rej)} ({100 * len(rej) / max(1, total):.2f}%; target at most 2%)")
by = collections.Counter(r["code"] for x in rej for r in x["reasons"])
for code, n in by.most_common():
    print(f"  {code}: {n}")
print("every rejection (id, archetype, format, reasons):")
for x in rej:
    why = "; ".join(f'{r["code"]}: {r["detail"]}' for r in x["reasons"])
    print(f'  {x.get("id")} {x.get("archetype")} {x.get("format")} | {why}')
PY
echo "work directory: $work"
