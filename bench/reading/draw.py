#!/usr/bin/env python3
"""Draw N documents at random from a run for a blind read: bench/reading/draw.py RUN OUT SEED [N].
Records in index order (one line per record over data/*.jsonl), random.Random(SEED).sample."""
import glob, json, os, random, sys
run, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
recs = [json.loads(l) for f in sorted(glob.glob(os.path.join(run, "data", "*.jsonl"))) for l in open(f, encoding="utf-8") if l.strip()]
recs.sort(key=lambda r: r["index"])
picks = random.Random(seed).sample(range(len(recs)), n)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "ids.txt"), "w") as ids:
    for k, i in enumerate(picks, 1):
        r = recs[i]
        name = f"doc{k:02d}.txt"
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(f"Archetype: {r['archetype']}\nFormat: {r['format']}\n\n{r['text']}\n")
        ids.write(f"{name}\t{r['id']}\t{r['archetype']}\t{r['format']}\n")
print(f"drew {n} of {len(recs)} into {out}")
