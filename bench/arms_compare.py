#!/usr/bin/env python3
"""Compares a treatment run with its control (or misaligned) twin: plan cells, tokens per
archetype x format cell, mean adherence, quality-filter pass rate and twin ids.

usage: python3 bench/arms_compare.py TREATMENT_RUN OTHER_RUN
Prints the figures and exits 1 when a target of issue 18 is missed (cells differ, a cell's tokens
differ by more than 2%, adherence is not at least 0.3 lower, pass rates differ by more than 2 points).
"""
import glob, json, statistics, sys
from collections import defaultdict


def load(run):
    acc = [json.loads(l) for f in sorted(glob.glob(run + "/data/*.jsonl")) for l in open(f)]
    rej = [json.loads(l) for l in open(run + "/rejected.jsonl")]
    return acc, rej


def main(t_run, c_run):
    t, t_rej = load(t_run)
    c, c_rej = load(c_run)
    ok = True
    cells_t = defaultdict(int)
    cells_c = defaultdict(int)
    for r in t: cells_t[(r["archetype"], r["format"])] += r["tokens"]
    for r in c: cells_c[(r["archetype"], r["format"])] += r["tokens"]
    same_cells = set(cells_t) == set(cells_c) and [(r["index"], r["archetype"], r["format"]) for r in t] == \
        [(r["index"], r["archetype"], r["format"]) for r in c]
    print(f"documents: treatment {len(t)}, other {len(c)}; same plan slots and cells: {same_cells}")
    ok &= same_cells
    devs = sorted(((cells_c.get(k, 0) - v) / v, k) for k, v in cells_t.items())
    worst = max(devs, key=lambda d: abs(d[0]))
    within = sum(abs(d) <= 0.02 for d, _ in devs)
    print(f"tokens: treatment {sum(cells_t.values()):,}, other {sum(cells_c.values()):,} "
          f"({(sum(cells_c.values()) / sum(cells_t.values()) - 1) * 100:+.2f}%)")
    print(f"cells within 2%: {within} of {len(devs)}; worst {worst[1][0]} x {worst[1][1]} {worst[0] * 100:+.2f}%; "
          f"median |dev| {statistics.median(abs(d) for d, _ in devs) * 100:.2f}%")
    ok &= within == len(devs)
    at = [r["scores"]["adherence"] for r in t if "adherence" in r["scores"]]
    ac = [r["scores"]["adherence"] for r in c if "adherence" in r["scores"]]
    if at and ac:
        print(f"mean adherence: treatment {statistics.mean(at):.3f}, other {statistics.mean(ac):.3f} "
              f"(difference {statistics.mean(at) - statistics.mean(ac):.3f}; target >= 0.3)")
        ok &= statistics.mean(at) - statistics.mean(ac) >= 0.3
        by = defaultdict(lambda: ([], []))
        for r in t: by[r["archetype"]][0].append(r["scores"].get("adherence", 0))
        for r in c: by[r["archetype"]][1].append(r["scores"].get("adherence", 0))
        for a, (x, y) in sorted(by.items()):
            print(f"  {a:30s} {statistics.mean(x):.3f} -> {statistics.mean(y):.3f}")
    pt = len(t) / (len(t) + len(t_rej))
    pc = len(c) / (len(c) + len(c_rej))
    print(f"quality-filter pass rate: treatment {pt * 100:.2f}%, other {pc * 100:.2f}% "
          f"({(pc - pt) * 100:+.2f} points; target within 2)")
    ok &= abs(pc - pt) <= 0.02
    reasons = defaultdict(int)
    for r in c_rej: reasons[r["reasons"][0]["code"]] += 1
    print("other's rejections:", dict(sorted(reasons.items(), key=lambda e: -e[1])))
    tid = {r["index"]: r["id"] for r in t}
    twins = sum(tid.get(r["index"]) == r.get("twin_id") for r in c)
    print(f"twin_id equals the treatment record's id at the same index: {twins} of {len(c)}")
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
