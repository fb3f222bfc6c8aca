#!/usr/bin/env python3
"""Scores a dedup run against the paraphrases planted by plant_paraphrases.py.

  python3 evaluate_paraphrases.py --corpus planted.jsonl --removed OUT/removed.jsonl [--limit N]

Recall: a planted pair (dup_of, id) counts as found when the run linked the two documents (union
of the reported (id, duplicate_of) pairs). Other removals: removed records that are not planted
copies, i.e. two original documents judged duplicates of each other (the originals are distinct
template documents, so these are false positives unless the generator repeated itself; read a few
in removed.jsonl). --limit scores only the first N records of the corpus (for a run on a prefix).
Prints one JSON object.
"""
import argparse
import json

from evaluate import Links


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--removed", required=True)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    planted = []
    n = 0
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if a.limit and n >= a.limit:
                break
            n += 1
            r = json.loads(line)
            if r.get("dup_kind") == "paraphrase":
                planted.append((str(r["dup_of"]), str(r["id"])))
    links = Links()

    copies = {dup for _, dup in planted}
    by_stage, other = {}, 0
    with open(a.removed, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            i, d = str(r["id"]), str(r["duplicate_of"])
            links.link(i, d)
            # removed.jsonl names the stage either at the top level or in its first reason's code
            stage = r.get("stage") or (r.get("reasons") or [{}])[0].get("code", "?")
            by_stage[stage] = by_stage.get(stage, 0) + 1
            if i not in copies:
                other += 1
    found = sum(1 for src, dup in planted if links.find(src) == links.find(dup))
    print(json.dumps({
        "records": n,
        "planted_paraphrases": len(planted),
        "found": found,
        "recall": round(found / len(planted), 4) if planted else None,
        "removed_by_stage": by_stage,
        "other_removals": other,
        "other_removal_share": round(other / max(1, n - len(planted)), 5),
    }))


if __name__ == "__main__":
    main()
