#!/usr/bin/env python3
"""Scores a dedup run against the planted duplicates of a make_corpus.py corpus.

  python3 evaluate.py --corpus c100k_s.jsonl --removed OUT/removed.jsonl [--threshold 0.8]

Recall: a planted pair (dup_of, id) counts as found when the run linked the two documents
(union of the reported (id, duplicate_of) pairs), whichever copy came first. Near-duplicate
recall is reported by the pair's true Jaccard similarity (word 5-gram sets of normalised text,
computed here independently of the tool): >= threshold, and the bands below it.
Precision: the share of reported pairs whose true Jaccard is >= threshold (exact copies have 1.0).
Prints one JSON object.
"""
import argparse
import json
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+")


def normalize(text):
    s = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("\u2019", "")
    return " ".join(_NON_WORD.sub(" ", s).split())


def shingles(text, n=5):
    w = normalize(text).split(" ")
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


class Links:
    """Union-find over document ids: two documents are linked when a chain of reported pairs joins them."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        p = self.parent
        while p.get(x, x) != x:
            p[x] = p.get(p[x], p[x])
            x = p[x]
        return x

    def link(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--removed", required=True)
    ap.add_argument("--threshold", type=float, default=0.8)
    a = ap.parse_args()
    text, planted = {}, []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text[str(r["id"])] = r["text"]
            if r["dup_of"] is not None:
                planted.append((str(r["dup_of"]), str(r["id"]), r["dup_kind"]))
    links = Links()
    find = links.find

    reported = []
    with open(a.removed, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            i, d = str(r["id"]), str(r["duplicate_of"])
            reported.append((d, i))
            links.link(i, d)
    cache = {}

    def sh(i):
        if i not in cache:
            cache[i] = shingles(text[i])
        return cache[i]

    t = a.threshold
    lo1, lo2 = round(t - 0.1, 2), round(t - 0.2, 2)
    bands = [(t, 1.01, f">={t}"), (lo1, t, f"{lo1}-{t}"), (lo2, lo1, f"{lo2}-{lo1}"), (0.0, lo2, f"<{lo2}")]
    stats = {b[2]: [0, 0] for b in bands}
    exact = [0, 0]
    for src, dup, kind in planted:
        found = find(src) == find(dup)
        if kind == "exact":
            exact[0] += found
            exact[1] += 1
            continue
        j = jaccard(sh(src), sh(dup))
        for lo, hi, name in bands:
            if lo <= j < hi:
                stats[name][0] += found
                stats[name][1] += 1
    near_found = sum(v[0] for v in stats.values())
    near_total = sum(v[1] for v in stats.values())
    good = sum(1 for d, i in reported if jaccard(sh(d), sh(i)) >= t)
    planted_set = {(s, d) for s, d, _ in planted} | {(d, s) for s, d, _ in planted}
    out = {
        "threshold": t,
        "reported_pairs": len(reported),
        "precision_true_jaccard": round(good / len(reported), 4) if reported else None,
        "reported_pairs_planted": round(sum(1 for p in reported if p in planted_set) / len(reported), 4) if reported else None,
        "exact_recall": round(exact[0] / exact[1], 4) if exact[1] else None,
        "exact_pairs": exact[1],
        "near_recall_all": round(near_found / near_total, 4) if near_total else None,
        "near_pairs": near_total,
        "near_recall_by_true_jaccard": {k: {"recall": round(v[0] / v[1], 4) if v[1] else None, "pairs": v[1]}
                                        for k, v in stats.items()},
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
