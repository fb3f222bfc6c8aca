#!/usr/bin/env bash
# Calibrates the trope threshold for template output (issues 15 and 16) on labelled template text:
# the treatment arm (exemplary, negatives) against the misaligned arm (caricatured, positives) of
# the same mix and seed, both scored by one embedding policy. Prints the ROC AUC of trope_risk and,
# for each threshold, the share of treatment documents rejected and of misaligned ones caught.
#   bench/template_trope_threshold.sh OUT_DIR SEED [DOCS] [POLICY]
# Choose on one seed (dev), then look once at another (held out).
set -euo pipefail
out="$1"; seed="$2"; docs="${3:-2000}"; policy="${4:-static}"
mkdir -p "$out"
for arm in treatment misaligned; do
  extra=(); [ "$arm" = misaligned ] && extra=(--allow-misaligned-arm)
  ./exemplar generate --mix mixes/default.yaml --docs "$docs" --seed "$seed" --arm "$arm" "${extra[@]}" \
    --set filters.embeddings="$policy" --set dedup.near=false --out "$out/$arm-$seed" --overwrite >"$out/$arm-$seed.log" 2>&1
  tail -2 "$out/$arm-$seed.log"
done
python3 - "$out" "$seed" <<'PY'
import json, glob, sys
out, seed = sys.argv[1], sys.argv[2]
def load(arm):
    run = f"{out}/{arm}-{seed}"
    recs = [json.loads(l) for f in sorted(glob.glob(run + "/data/*.jsonl")) for l in open(f)]
    recs += [json.loads(l) for l in open(run + "/rejected.jsonl")]
    return [r["scores"] for r in recs if "trope_risk" in r.get("scores", {})]
neg, pos = load("treatment"), load("misaligned")
def auc(key):
    s = sorted([(x[key], 0) for x in neg] + [(x[key], 1) for x in pos])
    # Mann-Whitney with average ranks for ties
    ranks, i = {}, 0
    r = [0.0] * len(s)
    while i < len(s):
        j = i
        while j < len(s) and s[j][0] == s[i][0]: j += 1
        for k in range(i, j): r[k] = (i + j + 1) / 2
        i = j
    rp = sum(r[k] for k in range(len(s)) if s[k][1] == 1)
    n1, n0 = len(pos), len(neg)
    return (rp - n1 * (n1 + 1) / 2) / (n1 * n0)
print(f"seed {seed}: {len(neg)} treatment documents, {len(pos)} misaligned (all attempts, kept and rejected)")
for key in ("trope_risk", "trope_model", "trope_patterns"):
    print(f"  ROC AUC {key}: {auc(key):.3f}")
print("  threshold  treatment rejected  misaligned caught")
for t in (0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99):
    fp = sum(x["trope_risk"] >= t for x in neg) / len(neg)
    tp = sum(x["trope_risk"] >= t for x in pos) / len(pos)
    print(f"  {t:9.2f}  {fp:17.2%}  {tp:17.2%}")
PY
