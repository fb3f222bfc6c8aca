#!/usr/bin/env python3
"""Where the repeated word 4-grams of a template corpus come from (stdlib only).

Usage:
  python3 bench/template_ngram_sources.py CORPUS.jsonl|RUN_DIR [--words 120000] [--top 40]
         [--archetype ID] [--format ID]

Takes the same sample as bench/template_stats.py (whole documents, in order, up to ~120,000 words)
and prints its distinct 4-gram share, then the "excess" per format and per archetype: the share
of a document's 4-grams that repeat elsewhere in the sample (an occurrence of a 4-gram seen c
times counts (c-1)/c). The target share of 0.80 means an excess of about 0.20. Then the most
repeated 4-grams, optionally only those occurring in documents of one archetype or format, which
points at the phrase that needs more alternatives.
"""
import argparse
import collections
import glob
import json
import os
import re

WORD = re.compile(r"[a-z0-9']+")


def load(path):
    files = [path] if os.path.isfile(path) else sorted(glob.glob(os.path.join(path, "data", "*.jsonl")))
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--words", type=int, default=120_000)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--archetype")
    ap.add_argument("--format")
    a = ap.parse_args()

    sample, total = [], 0
    for d in load(a.corpus):
        if total >= a.words:
            break
        sample.append(d)
        total += len(d["text"].split())
    grams = []
    counts = collections.Counter()
    for d in sample:
        w = WORD.findall(d["text"].lower().replace("\u2019", "'"))
        g = [tuple(w[i:i + 4]) for i in range(len(w) - 3)]
        grams.append((d, g))
        counts.update(g)
    n = sum(counts.values())
    print(f"{len(sample)} documents, {total} words: distinct 4-gram share {len(counts) / n:.3f} (excess {1 - len(counts) / n:.3f})")
    for key in ("format", "archetype"):
        size, excess = collections.Counter(), collections.Counter()
        for d, g in grams:
            size[d[key]] += len(g)
            excess[d[key]] += sum((counts[x] - 1) / counts[x] for x in g)
        print(f"\nexcess by {key}:")
        for k in sorted(size, key=lambda k: -excess[k] / size[k]):
            print(f"  {k:32s} {excess[k] / size[k]:.2f}  ({size[k]} 4-grams)")
    focus = collections.Counter()
    for d, g in grams:
        if (a.archetype and d["archetype"] != a.archetype) or (a.format and d["format"] != a.format):
            continue
        focus.update(g)
    where = " in " + (a.archetype or a.format) if (a.archetype or a.format) else ""
    print(f"\nmost repeated 4-grams{where} (count there, count in the whole sample):")
    for g, c in sorted(focus.items(), key=lambda kv: (-kv[1], -counts[kv[0]]))[: a.top]:
        print(f"  {c:4d} {counts[g]:4d}  {' '.join(g)}")


if __name__ == "__main__":
    main()
