#!/usr/bin/env python3
"""Pure-Python (+ numpy) MinHash-LSH dedup peer, modelled line by line on datasketch 1.x.

PyPI is not reachable here, so datasketch itself cannot be installed; this file re-implements
the parts a typical datasketch dedup script uses, with datasketch's algorithm and constants:

  * MinHash: sha1_hash32 of each shingle (first 4 bytes of SHA-1, little endian), 128
    permutations h(x) = ((a*x + b) mod (2^61 - 1)) & (2^32 - 1) with a, b drawn by
    numpy.random.RandomState(1) exactly as datasketch draws them, min over shingles
    (MinHash.update_batch).
  * MinHashLSH(threshold, num_perm): bands x rows from datasketch's _optimal_param (weights
    0.5/0.5, its own step integration), which for t=0.8, 128 perms gives 9 bands x 13 rows;
    band keys are the byte-swapped band slices, as in MinHashLSH._H.
  * Dedup loop: query; any candidate means duplicate (datasketch has no verification), else insert.

Shingles are the same as Exemplar's: word 5-grams of text normalised the same way (NFKC,
case-folded, apostrophes dropped, other punctuation to spaces). Output has the same shape as
`exemplar dedup` (kept.jsonl, removed.jsonl with duplicate_of, summary.json) so evaluate.py scores
both. --procs N computes signatures in N processes (like a multiprocessing datasketch script);
the LSH index stays in the main process, in input order.

  python3 minhash_peer.py --in corpus.jsonl --out DIR [--threshold 0.8] [--num-perm 128] [--procs 1]
"""
import argparse
import hashlib
import json
import os
import re
import resource
import struct
import sys
import time
import unicodedata
from collections import defaultdict

import numpy as np

_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_NON_WORD = re.compile(r"[\W_]+")


def sha1_hash32(data):
    """datasketch.hashfunc.sha1_hash32."""
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


def normalize(text):
    s = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("\u2019", "")
    return " ".join(_NON_WORD.sub(" ", s).split())


def shingles(text, n=5):
    w = normalize(text).split(" ")
    if w == [""]:
        return set()
    if len(w) < n:
        return {" ".join(w).encode("utf-8")}
    return {" ".join(w[i:i + n]).encode("utf-8") for i in range(len(w) - n + 1)}


class MinHash:
    """datasketch.MinHash: init and update_batch, numpy-vectorised as datasketch does."""

    _perm_cache = {}

    def __init__(self, num_perm=128, seed=1):
        self.hashvalues = np.ones(num_perm, dtype=np.uint64) * _MAX_HASH
        key = (num_perm, seed)
        if key not in MinHash._perm_cache:
            gen = np.random.RandomState(seed)
            MinHash._perm_cache[key] = np.array([
                (gen.randint(1, _MERSENNE_PRIME, dtype=np.uint64), gen.randint(0, _MERSENNE_PRIME, dtype=np.uint64))
                for _ in range(num_perm)], dtype=np.uint64).T
        self.permutations = MinHash._perm_cache[key]

    def update_batch(self, b):
        hv = np.array([sha1_hash32(x) for x in b], dtype=np.uint64, ndmin=2).T
        a, bb = self.permutations
        with np.errstate(over="ignore"):
            phv = (hv * a + bb) % _MERSENNE_PRIME & _MAX_HASH
        self.hashvalues = np.vstack([phv, self.hashvalues]).min(axis=0)


def _integration(f, a, b):
    """datasketch.lsh._integration: midpoint rule with step 0.001."""
    p = 0.001
    area = 0.0
    x = a
    while x < b:
        area += f(x + 0.5 * p) * p
        x += p
    return area


def optimal_param(threshold, num_perm, fp_weight=0.5, fn_weight=0.5):
    """datasketch.lsh._optimal_param."""
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _integration(lambda s: 1 - (1 - s ** float(r)) ** float(b), 0.0, threshold)
            fn = _integration(lambda s: 1 - (1 - (1 - s ** float(r)) ** float(b)), threshold, 1.0)
            err = fp * fp_weight + fn * fn_weight
            if err < best:
                best, opt = err, (b, r)
    return opt


class MinHashLSH:
    """datasketch.MinHashLSH with in-memory storage: insert and query."""

    def __init__(self, threshold=0.8, num_perm=128):
        self.b, self.r = optimal_param(threshold, num_perm)
        self.ranges = [(i * self.r, (i + 1) * self.r) for i in range(self.b)]
        self.tables = [defaultdict(list) for _ in range(self.b)]

    @staticmethod
    def _H(hs):
        return bytes(hs.byteswap().data)

    def insert(self, key, m):
        for (s, e), t in zip(self.ranges, self.tables):
            t[self._H(m.hashvalues[s:e])].append(key)

    def query(self, m):
        out = set()
        for (s, e), t in zip(self.ranges, self.tables):
            out.update(t.get(self._H(m.hashvalues[s:e]), ()))
        return out


def signature(args):
    text, num_perm = args
    m = MinHash(num_perm)
    sh = shingles(text)
    if sh:
        m.update_batch(sh)
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--in", dest="inp", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--procs", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    lsh = MinHashLSH(a.threshold, a.num_perm)  # parameter search: not timed, done once per run
    t0 = time.time()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peer: datasketch-style LSH t={a.threshold}, {a.num_perm} perms -> {lsh.b} bands x {lsh.r} rows",
          file=sys.stderr)
    pool = None
    if a.procs > 1:
        import multiprocessing as mp
        pool = mp.Pool(a.procs)
    n = kept = removed = 0
    with open(a.inp, encoding="utf-8") as fin, \
            open(os.path.join(a.out, "kept.jsonl"), "w", encoding="utf-8") as fk, \
            open(os.path.join(a.out, "removed.jsonl"), "w", encoding="utf-8") as fr:
        def records():
            for line in fin:
                if line.strip():
                    yield line, json.loads(line)
        recs = records()
        chunk = 2000
        while True:
            batch = []
            for _ in range(chunk):
                try:
                    batch.append(next(recs))
                except StopIteration:
                    break
            if not batch:
                break
            args = [(r["text"], a.num_perm) for _, r in batch]
            sigs = pool.map(signature, args, chunksize=100) if pool else [signature(x) for x in args]
            for (line, rec), m in zip(batch, sigs):
                n += 1
                key = rec.get("id", n - 1)
                cands = lsh.query(m)
                if cands:
                    rec["duplicate_of"] = min(cands, key=lambda k: order[k])
                    rec["stage"] = "near"
                    fr.write(json.dumps(rec) + "\n")
                    removed += 1
                else:
                    order[key] = n
                    lsh.insert(key, m)
                    fk.write(line if line.endswith("\n") else line + "\n")
                    kept += 1
    if pool:
        pool.close()
    secs = time.time() - t0
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = cpu.ru_utime + cpu.ru_stime + child.ru_utime + child.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    summary = {"documents": n, "kept": kept, "removed": removed, "bands": lsh.b, "rows": lsh.r,
               "seconds": round(secs, 3), "docsPerSecond": round(n / secs), "procs": a.procs,
               "cpuSeconds": round(cpu_s, 2), "docsPerCpuSecond": round(n / cpu_s),
               "peakRssMiB": cpu.ru_maxrss // 1024}
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary))


order = {}

if __name__ == "__main__":
    main()
