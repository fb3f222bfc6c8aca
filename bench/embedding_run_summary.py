"""One line about a finished `exemplar generate` run: accepted documents per second in-run (the
manifest's seconds_this_session), the share rejected, and which embedding tier scored the
accepted documents (scores.embed_tier). Used by bench/embedding_tiers.sh."""
import collections
import glob
import json
import sys


def find(o, key):
    if isinstance(o, dict):
        if key in o:
            return o[key]
        for v in o.values():
            r = find(v, key)
            if r is not None:
                return r
    return None


run = sys.argv[1]
secs = find(json.load(open(f"{run}/manifest.json")), "seconds_this_session")
tiers = collections.Counter()
kept = 0
for f in glob.glob(f"{run}/data/*.jsonl"):
    for line in open(f):
        kept += 1
        tiers[json.loads(line).get("scores", {}).get("embed_tier")] += 1
rejected = sum(1 for _ in open(f"{run}/rejected.jsonl"))
print(f"  in-run: {kept:,} accepted in {secs:.1f} s = {kept / secs:,.0f} accepted docs/s; rejected {rejected} "
      f"({100 * rejected / (kept + rejected):.2f}%); embed_tier of accepted: {dict(tiers)}")
