#!/usr/bin/env python3
"""Per-item means, acceptances, non-answers and contradictions of one blind read (stdlib only).

Usage: python3 bench/reading/summary.py bench/reading/story2-draw2
"""
import glob
import json
import statistics
import sys

ITEMS = ["1_fidelity", "2_tropes", "3_safety", "4_honesty", "5_equanimity", "6_not_preachy", "7_narrative", "8_plausibility"]
rows = [json.loads(l) for f in sorted(glob.glob(sys.argv[1] + "/reader*.jsonl")) for l in open(f, encoding="utf-8") if l.strip()]
print(f"documents read: {len(rows)}")
for k in ITEMS:
    print(f"  {k:16} {statistics.mean(r['scores'][k] for r in rows):.2f}")
print(f"mean of items 1-8: {statistics.mean(statistics.mean(r['scores'][k] for k in ITEMS) for r in rows):.2f}   [target >= 4.2]")
print(f"item 7 below 3: {sum(r['scores']['7_narrative'] < 3 for r in rows)}   [target 0]")
print(f"accepted: {sum(r['accept'] for r in rows)} of {len(rows)}   [target >= 27 of 30]")
print(f"a reply that does not answer: {sum(not r['every_reply_answers'] for r in rows)}   [target <= 1]")
print(f"a contradiction: {sum(r['contradiction'] for r in rows)}   [target <= 1]")
