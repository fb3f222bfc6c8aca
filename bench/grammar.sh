#!/usr/bin/env bash
# The grammar figures of a run beside Pride and Prejudice, with LanguageTool's precise rules
# (exemplar audit --grammar, 512 MiB heap). Usage: bench/grammar.sh RUN_DIR
# Prints, for each: words checked, agreement and verb-form matches per 1,000 words, and dates
# with the wrong weekday. Needs ../shared/corpora/pride-and-prejudice.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
run="${1:?usage: bench/grammar.sh RUN_DIR}"
novel_txt=../shared/corpora/pride-and-prejudice.txt
[ -f "$novel_txt" ] || { echo "needs $novel_txt" >&2; exit 2; }
novel="$(mktemp -d)"
trap 'rm -rf "$novel"' EXIT
mkdir -p "$novel/data"
# The novel as documents of about 400 words (whole paragraphs), like a run's shard.
python3 - "$novel_txt" "$novel/data/part-00000.jsonl" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p.replace("\n", " ").strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) > 20]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    buf, n, k = [], 0, 0
    for p in paras:
        buf.append(p); n += len(p.split())
        if n >= 400:
            out.write(json.dumps({"id": "pp%04d" % k, "text": "\n\n".join(buf)}) + "\n")
            buf, n, k = [], 0, k + 1
PY
for target in "$run" "$novel"; do
  label=$([ "$target" = "$novel" ] && echo "Pride and Prejudice" || echo "$run")
  start=$(date +%s)
  EXEMPLAR_JAVA_OPTS="-Xmx512m" ./exemplar audit "$target" --grammar --json > "$novel/out.json"
  secs=$(( $(date +%s) - start ))
  python3 - "$novel/out.json" "$label" "$secs" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))["grammar"]
print(f"{sys.argv[2]}: {g['docs']} documents, {g['words']} words, {sys.argv[3]} s")
print(f"  agreement and verb-form rules: {g['agreementPer1000']:.3f} per 1,000 words; wrong weekdays: {g['wrongWeekdays']}")
for r in g["rules"]:
    print(f"  {r['rule']:<42} {r['matches']:>6}  {r['per1000Words']:.3f} per 1,000 words")
    for e in r["examples"][:2]:
        print(f"      ...{e['context']}...")
PY
done
