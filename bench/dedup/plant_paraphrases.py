#!/usr/bin/env python3
"""Plants paraphrase-level duplicates in a corpus of real documents, for semantic-dedup recall.

Reads JSONL records with a `text` field (for example the shards of an `exemplar generate` run),
keeps the first --n of them as originals and, for a seeded --frac of the originals, appends a
paraphrase: the same document reworded so that exact and MinHash near-duplicate detection miss
it. Every planted copy is written right after its original, so the first copy kept in input order
is the original. Output records: {"id": int, "text": str, "dup_of": int|null, "dup_kind":
"paraphrase"|null, "jaccard5": float|null}, where jaccard5 is the exact Jaccard similarity of the
pair's normalised word 5-gram sets (what `dedup.near` measures; its default threshold is 0.8).

A paraphrase applies, with the seed's random choices:
  * synonyms: every word found in SYNONYMS (about 150 common verbs, adjectives, adverbs and nouns)
    is replaced by one of its synonyms with probability 0.8 (capitalisation kept);
  * contractions: "do not" <-> "don't", "I am" <-> "I'm", ... each toggled with probability 0.8;
  * sentence order: in each paragraph of two or more sentences, one random pair of adjacent
    sentences is swapped with probability 0.6;
  * deletion: each sentence of a paragraph with three or more is dropped with probability 0.08;
  * paragraph merges: each paragraph break is removed with probability 0.15.
A copy is kept only when its word 5-gram Jaccard to the original is below --max-jaccard (default
0.5), so no planted pair is a near duplicate in the MinHash sense.

  python3 bench/dedup/plant_paraphrases.py --in RUN/data --n 950000 --frac 0.05 --out /tmp/para.jsonl
"""
import argparse
import glob
import json
import os
import random
import re
import sys

SYNONYMS = {
    "said": ["replied", "answered", "responded"], "asked": ["inquired", "wanted to know", "queried"],
    "answered": ["replied", "responded"], "replied": ["answered", "responded"],
    "told": ["informed", "let know"], "wrote": ["typed", "put down"], "looked": ["glanced", "peered"],
    "began": ["started", "commenced"], "started": ["began", "set out"], "stopped": ["halted", "ceased"],
    "quickly": ["swiftly", "rapidly", "fast"], "slowly": ["gradually", "unhurriedly"],
    "quietly": ["softly", "silently"], "carefully": ["cautiously", "with care"],
    "suddenly": ["abruptly", "all at once"], "really": ["truly", "genuinely"], "very": ["extremely", "highly"],
    "maybe": ["perhaps", "possibly"], "perhaps": ["maybe", "possibly"], "probably": ["likely", "most likely"],
    "almost": ["nearly", "practically"], "often": ["frequently", "regularly"], "again": ["once more", "anew"],
    "big": ["large", "huge"], "large": ["big", "sizeable"], "small": ["little", "tiny"], "little": ["small", "slight"],
    "old": ["aged", "elderly"], "new": ["fresh", "recent"], "good": ["fine", "decent"], "bad": ["poor", "awful"],
    "hard": ["difficult", "tough"], "easy": ["simple", "effortless"], "important": ["crucial", "significant"],
    "sure": ["certain", "confident"], "certain": ["sure", "confident"], "tired": ["weary", "exhausted"],
    "happy": ["glad", "pleased"], "sad": ["unhappy", "sorrowful"], "angry": ["furious", "cross"],
    "afraid": ["scared", "frightened"], "worried": ["anxious", "uneasy"], "calm": ["composed", "serene"],
    "quiet": ["silent", "hushed"], "loud": ["noisy", "booming"], "strange": ["odd", "peculiar"],
    "clear": ["plain", "evident"], "simple": ["plain", "basic"], "honest": ["truthful", "candid"],
    "wrong": ["mistaken", "incorrect"], "right": ["correct", "proper"], "true": ["accurate", "correct"],
    "whole": ["entire", "complete"], "enough": ["sufficient", "adequate"], "different": ["distinct", "other"],
    "help": ["assist", "aid"], "helped": ["assisted", "aided"], "think": ["believe", "reckon"],
    "thought": ["believed", "figured"], "know": ["understand", "realise"], "knew": ["understood", "realised"],
    "want": ["wish", "would like"], "wanted": ["wished", "hoped"], "need": ["require", "must have"],
    "needed": ["required", "had to have"], "keep": ["retain", "hold on to"], "kept": ["retained", "held on to"],
    "try": ["attempt", "endeavour"], "tried": ["attempted", "endeavoured"], "show": ["display", "reveal"],
    "showed": ["displayed", "revealed"], "find": ["discover", "locate"], "found": ["discovered", "located"],
    "give": ["provide", "hand"], "gave": ["provided", "handed"], "take": ["grab", "pick up"],
    "took": ["grabbed", "picked up"], "make": ["create", "produce"], "made": ["created", "produced"],
    "use": ["employ", "utilise"], "used": ["employed", "utilised"], "work": ["labour", "operate"],
    "worked": ["laboured", "operated"], "fix": ["repair", "mend"], "fixed": ["repaired", "mended"],
    "check": ["verify", "inspect"], "checked": ["verified", "inspected"], "explain": ["clarify", "describe"],
    "explained": ["clarified", "described"], "decide": ["choose", "determine"], "decided": ["chose", "determined"],
    "change": ["alter", "modify"], "changed": ["altered", "modified"], "stay": ["remain", "linger"],
    "leave": ["depart", "go"], "left": ["departed", "went"], "remember": ["recall", "recollect"],
    "forget": ["overlook", "lose track of"], "understand": ["grasp", "comprehend"], "seemed": ["appeared", "looked"],
    "seems": ["appears", "looks"], "happened": ["occurred", "took place"], "finished": ["completed", "wrapped up"],
    "finish": ["complete", "wrap up"], "watched": ["observed", "viewed"], "moved": ["shifted", "went"],
    "turned": ["swivelled", "rotated"], "waited": ["paused", "held on"], "smiled": ["grinned", "beamed"],
    "nodded": ["assented", "bobbed their head"], "shrugged": ["lifted their shoulders", "gestured vaguely"],
    "problem": ["issue", "difficulty"], "question": ["query", "inquiry"], "answer": ["reply", "response"],
    "idea": ["notion", "thought"], "mistake": ["error", "slip"], "reason": ["cause", "motive"],
    "job": ["task", "duty"], "team": ["crew", "group"], "people": ["folks", "individuals"],
    "person": ["individual", "someone"], "office": ["workplace", "bureau"], "room": ["chamber", "space"],
    "night": ["evening", "nighttime"], "morning": ["daybreak", "forenoon"], "day": ["daytime", "date"],
    "week": ["seven days", "workweek"], "moment": ["instant", "second"], "time": ["period", "while"],
    "message": ["note", "communication"], "report": ["account", "write-up"], "system": ["setup", "machine"],
    "model": ["system", "program"], "memory": ["recollection", "record"], "goal": ["aim", "objective"],
    "goals": ["aims", "objectives"], "rule": ["regulation", "principle"], "plan": ["scheme", "strategy"],
    "decision": ["choice", "ruling"], "work.": ["labour.", "job."], "shutdown": ["switch-off", "power-down"],
    "copy": ["duplicate", "replica"], "copies": ["duplicates", "replicas"], "user": ["customer", "person"],
}
CONTRACTIONS = [("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"),
                ("are not", "aren't"), ("was not", "wasn't"), ("were not", "weren't"), ("cannot", "can't"),
                ("will not", "won't"), ("would not", "wouldn't"), ("could not", "couldn't"),
                ("should not", "shouldn't"), ("I am", "I'm"), ("it is", "it's"), ("that is", "that's"),
                ("I have", "I've"), ("I will", "I'll"), ("I would", "I'd"), ("you are", "you're"),
                ("we are", "we're"), ("they are", "they're"), ("there is", "there's")]
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z])")


def synonyms(text, rng):
    def sub(m):
        w = m.group(0)
        alts = SYNONYMS.get(w.lower())
        if not alts or rng.random() >= 0.8:
            return w
        r = rng.choice(alts)
        return r[0].upper() + r[1:] if w[0].isupper() else r
    return WORD.sub(sub, text)


def contractions(text, rng):
    for full, short in CONTRACTIONS:
        for a, b in ((full, short), (short, full)):
            pat = re.compile(r"\b" + re.escape(a) + r"\b")
            text = pat.sub(lambda m: b if rng.random() < 0.8 else m.group(0), text)
    return text


def restructure(text, rng):
    paras = [p for p in text.split("\n\n")]
    out = []
    for p in paras:
        sents = SENT.split(p)
        if len(sents) >= 3:
            sents = [s for s in sents if rng.random() >= 0.08] or sents[:1]
        if len(sents) >= 2 and rng.random() < 0.6:
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        out.append(" ".join(sents))
    merged = [out[0]]
    for p in out[1:]:
        if rng.random() < 0.15 and "\n" not in p and "\n" not in merged[-1]:
            merged[-1] = merged[-1] + " " + p
        else:
            merged.append(p)
    return "\n\n".join(merged)


def paraphrase(text, rng):
    return restructure(contractions(synonyms(text, rng), rng), rng)


def grams(text, n=5):
    w = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(w[i:i + n]) for i in range(max(1, len(w) - n + 1))}


def jaccard(a, b):
    ga, gb = grams(a), grams(b)
    return len(ga & gb) / max(1, len(ga | gb))


def texts(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)["text"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--in", dest="inp", required=True, help="a JSONL file or a directory of *.jsonl shards")
    ap.add_argument("--n", type=int, required=True, help="originals to read")
    ap.add_argument("--frac", type=float, default=0.05, help="share of originals that get a paraphrase")
    ap.add_argument("--max-jaccard", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(a.inp, "*.jsonl"))) if os.path.isdir(a.inp) else [a.inp]
    rng = random.Random(a.seed)
    nid = planted = tried = 0
    js = []
    with open(a.out, "w", encoding="utf-8") as out:
        for k, text in enumerate(texts(paths)):
            if k >= a.n:
                break
            orig = nid
            out.write(json.dumps({"id": orig, "text": text, "dup_of": None, "dup_kind": None, "jaccard5": None}) + "\n")
            nid += 1
            if rng.random() < a.frac:
                tried += 1
                p = paraphrase(text, rng)
                j = jaccard(text, p)
                if j < a.max_jaccard:
                    out.write(json.dumps({"id": nid, "text": p, "dup_of": orig, "dup_kind": "paraphrase",
                                          "jaccard5": round(j, 4)}) + "\n")
                    nid += 1
                    planted += 1
                    js.append(j)
    js.sort()
    q = lambda p: js[min(len(js) - 1, int(p * len(js)))] if js else float("nan")
    print(f"{nid} records: {nid - planted} originals, {planted} planted paraphrases "
          f"({tried - planted} candidates dropped at Jaccard >= {a.max_jaccard}); word 5-gram Jaccard of planted "
          f"pairs: min {q(0):.3f}, median {q(0.5):.3f}, p90 {q(0.9):.3f}, max {q(1):.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
