#!/usr/bin/env python3
"""Diversity and repetition figures for a generated corpus (stdlib only).

Usage:
  python3 bench/template_stats.py output/RUN [--novel ../shared/corpora/pride-and-prejudice.txt]
         [--words 120000] [--top 10] [--json]

RUN is a run directory (its data/*.jsonl shards are read in order) or one JSONL file.
Prints the measured targets of the template engine (issue 3) with pass/fail marks:
  near-duplicate pairs (est. Jaccard >= 0.7 on normalised word 5-grams, bottom-k sketch + exact check)
  distinct opening sentences, most common first five words, most common long sentence (>= 8 words)
  distinct word 4-gram share and xz -9 ratio on the first ~120,000 words, beside the novel cut
  into ~300-word documents
  lengths per format and corpus median, largest AI-name share.
"""
import argparse
import collections
import glob
import json
import lzma
import os
import re
import statistics
import sys

WORD = re.compile(r"[a-z0-9']+")
# "No." before a number ("No. 14: ...") is an abbreviation, not the end of a sentence.
SENT_SPLIT = re.compile(r"(?<=[.!?])(?<!\bNo\.)[\"')\]]*\s+|\n+")


def load(path):
    files = [path] if os.path.isfile(path) else sorted(glob.glob(os.path.join(path, "data", "*.jsonl")))
    if not files:
        sys.exit(f"no JSONL shards found at {path} (expected RUN/data/*.jsonl or a .jsonl file)")
    docs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    docs.append(json.loads(line))
    return docs


def words(text):
    return WORD.findall(text.lower().replace("\u2019", "'"))


def sentences(text):
    return [s.strip() for s in SENT_SPLIT.split(text) if s.strip()]


def near_duplicates(texts, threshold=0.7, k=64, n=5):
    """Docs in at least one pair with Jaccard >= threshold on word n-grams.

    Candidates come from bottom-k sketches (docs sharing many of their k smallest shingle hashes);
    every candidate pair is then checked with the exact Jaccard of the full shingle sets."""
    shingles, sketches = [], []
    for t in texts:
        w = words(t)
        s = {hash(" ".join(w[i:i + n])) for i in range(max(0, len(w) - n + 1))}
        shingles.append(s)
        sketches.append(sorted(s)[:k])
    postings = collections.defaultdict(list)
    for d, sk in enumerate(sketches):
        for h in sk:
            postings[h].append(d)
    shared = collections.Counter()
    for ds in postings.values():
        if 1 < len(ds) <= 2000:
            for i in range(len(ds)):
                for j in range(i + 1, len(ds)):
                    shared[(ds[i], ds[j])] += 1
    in_pair, pairs = set(), 0
    for (a, b), c in shared.items():
        if c < k * threshold * 0.5:
            continue
        sa, sb = shingles[a], shingles[b]
        if not sa or not sb:
            continue
        j = len(sa & sb) / len(sa | sb)
        if j >= threshold:
            pairs += 1
            in_pair.update((a, b))
    return pairs, len(in_pair)


def first_words_prefix(texts, n, budget):
    """Concatenates whole documents, in order, until about `budget` words; returns the texts."""
    out, total = [], 0
    for t in texts:
        if total >= budget:
            break
        out.append(t)
        total += len(t.split())
    return out


def ngram_share(texts, n=4):
    total, distinct = 0, set()
    for t in texts:
        w = words(t)
        for i in range(len(w) - n + 1):
            distinct.add(tuple(w[i:i + n]))
            total += 1
    return len(distinct) / total if total else 0.0


def xz_ratio(texts):
    raw = "\n\n".join(texts).encode("utf-8")
    return len(raw) / len(lzma.compress(raw, preset=9))


def novel_docs(path, budget, size=300):
    with open(path, encoding="utf-8") as fh:
        w = fh.read().split()
    w = w[:budget]
    return [" ".join(w[i:i + size]) for i in range(0, len(w), size)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run")
    ap.add_argument("--novel", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "pride-and-prejudice.txt"))
    ap.add_argument("--words", type=int, default=120_000)
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    a = ap.parse_args()

    docs = load(a.run)
    texts = [d["text"] for d in docs]
    n = len(texts)
    fig = {"docs": n}

    pairs, in_pair = near_duplicates(texts)
    fig["near_dup_pairs"] = pairs
    fig["near_dup_doc_share"] = in_pair / n

    openings = [sentences(t)[0] if sentences(t) else "" for t in texts]
    fig["distinct_openings"] = len(set(openings)) / n
    five = collections.Counter(" ".join(words(t)[:5]) for t in texts)
    top5 = five.most_common(a.top)
    fig["max_first_five_share"] = top5[0][1] / n
    long_sent = collections.Counter()
    for t in texts:
        seen = set()
        for s in sentences(t):
            w = words(s)
            if len(w) >= 8:
                seen.add(" ".join(w))
        long_sent.update(seen)
    topl = long_sent.most_common(a.top)
    fig["max_long_sentence_share"] = topl[0][1] / n if topl else 0.0

    sample = first_words_prefix(texts, 300, a.words)
    fig["sample_words"] = sum(len(t.split()) for t in sample)
    fig["distinct_4gram_share"] = ngram_share(sample)
    fig["xz9_ratio"] = xz_ratio(sample)
    if os.path.exists(a.novel):
        nd = novel_docs(a.novel, fig["sample_words"])
        fig["novel_distinct_4gram_share"] = ngram_share(nd)
        fig["novel_xz9_ratio"] = xz_ratio(nd)

    by_format = collections.defaultdict(list)
    for d in docs:
        by_format[d.get("format", "?")].append(d.get("words") or len(d["text"].split()))
    fig["lengths"] = {f: {"min": min(v), "median": statistics.median(v), "max": max(v)} for f, v in sorted(by_format.items())}
    all_len = [x for v in by_format.values() for x in v]
    fig["median_words"] = statistics.median(all_len)
    fig["min_words"], fig["max_words"] = min(all_len), max(all_len)
    ai = collections.Counter(((d.get("attributes") or {}).get("ai") or {}).get("name") for d in docs)
    ai.pop(None, None)
    if ai:
        name, c = ai.most_common(1)[0]
        fig["max_ai_name_share"] = c / n
        fig["max_ai_name"] = name
        fig["ai_names"] = len(ai)
    crisis = [(d.get("attributes") or {}).get("crisis") for d in docs]
    if any(c is not None for c in crisis):
        fig["crisis_share"] = sum(1 for c in crisis if c) / n

    if a.json:
        print(json.dumps(fig, indent=2, ensure_ascii=False))
        return
    def mark(ok):
        return "PASS" if ok else "FAIL"
    print(f"documents: {n}")
    print(f"near-duplicate docs (J>=0.7, 5-grams): {fig['near_dup_doc_share']:.2%} in {pairs} pairs   [target <= 1%] {mark(fig['near_dup_doc_share'] <= 0.01)}")
    print(f"distinct opening sentences: {fig['distinct_openings']:.2%}   [target >= 95%] {mark(fig['distinct_openings'] >= 0.95)}")
    print(f"most common first five words: {fig['max_first_five_share']:.2%}   [target <= 1%] {mark(fig['max_first_five_share'] <= 0.01)}")
    for s, c in top5:
        print(f"    {c:5d}  {s}")
    print(f"most common sentence of >= 8 words: {fig['max_long_sentence_share']:.2%} of docs   [target <= 2%] {mark(fig['max_long_sentence_share'] <= 0.02)}")
    for s, c in topl:
        print(f"    {c:5d}  {s[:110]}")
    print(f"first {fig['sample_words']} words: distinct 4-gram share {fig['distinct_4gram_share']:.3f}   [target >= 0.80] {mark(fig['distinct_4gram_share'] >= 0.80)}"
          + (f"   (novel {fig['novel_distinct_4gram_share']:.3f})" if 'novel_distinct_4gram_share' in fig else ""))
    print(f"first {fig['sample_words']} words: xz -9 ratio {fig['xz9_ratio']:.2f}   [target <= 5.0] {mark(fig['xz9_ratio'] <= 5.0)}"
          + (f"   (novel {fig['novel_xz9_ratio']:.2f})" if 'novel_xz9_ratio' in fig else ""))
    ok_len = all(120 <= v["min"] and v["max"] <= 1200 for v in fig["lengths"].values())
    print(f"lengths: corpus median {fig['median_words']}, min {fig['min_words']}, max {fig['max_words']}   [120-1200, median >= 300] {mark(ok_len and fig['median_words'] >= 300)}")
    for f, v in fig["lengths"].items():
        print(f"    {f:16s} min {v['min']:5d}  median {v['median']:7.1f}  max {v['max']:5d}")
    if "max_ai_name_share" in fig:
        print(f"largest AI-name share: {fig['max_ai_name_share']:.2%} ({fig['max_ai_name']}, {fig['ai_names']} names)   [target <= 2%] {mark(fig['max_ai_name_share'] <= 0.02)}")
    if "crisis_share" in fig:
        print(f"crisis scenarios: {fig['crisis_share']:.1%}   [target <= 40%] {mark(fig['crisis_share'] <= 0.40)}")


if __name__ == "__main__":
    main()
