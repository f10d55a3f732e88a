#!/usr/bin/env python3
"""Draw a seeded sample of actor mentions from `sitrep analyze --format jsonl`
output over the article-extraction-benchmark pages, split by
eval.HeldOut(pageID, 3) (FNV-1a 32 of the page id, the 64-hex file stem,
mod 3 == 0).

usage: sample.py JSONL SEED N heldout|dev [--context] > sample.tsv
Actor mentions are all mentions whose type is not "place". They are ordered
by (page id, span start) before sampling, so the draw depends only on the
analysis output and the seed. With --context a last column carries the
mention's sentence with the mention in [[ ]] (for judging; the committed
files leave it out).
"""
import json, os, random, sys

def fnv1a32(s):
    h = 0x811c9dc5
    for b in s.encode():
        h ^= b
        h = (h * 0x01000193) & 0xffffffff
    return h

def held_out(page):
    return fnv1a32(page) % 3 == 0

def main():
    path, seed, n, part = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    ctx = "--context" in sys.argv[5:]
    ms = []
    for line in open(path):
        l = json.loads(line)
        page = os.path.basename(l["source"]).split(".")[0]
        if held_out(page) != (part == "heldout"):
            continue
        for i, m in enumerate(l.get("mentions") or []):
            if m["type"] == "place":
                continue
            ms.append((page, m["span"]["start"], l, i))
    ms.sort(key=lambda x: (x[0], x[1]))
    rnd = random.Random(seed)
    pick = sorted(rnd.sample(range(len(ms)), min(n, len(ms))))
    print("# %d actor mentions in %s pages; sampled %d with seed %d" % (len(ms), part, len(pick), seed), file=sys.stderr)
    for k in pick:
        page, start, l, i = ms[k]
        m = l["mentions"][i]
        a = m["actor"]
        ant = "-"
        if m.get("antecedent", -1) >= 0:
            am = l["mentions"][m["antecedent"]]
            ant = am["span"]["text"]
        row = [page[:12], str(start), m["span"]["text"], m["type"],
               "%s|%s|%s|%s|%s" % (a["id"], a.get("country") or "", a.get("sector") or "", a.get("kind") or "", a.get("code") or ""),
               m["resolution"], ant]
        if ctx:
            b = l["text"].encode()
            s = next((s for s in l["sentences"] if s["span"]["start"] <= start < s["span"]["end"]), None)
            lo, hi = (s["span"]["start"], s["span"]["end"]) if s else (max(0, start - 150), start + 150)
            e = m["span"]["end"]
            t = (b[lo:start] + b"[[" + b[start:e] + b"]]" + b[e:hi]).decode("utf-8", "replace")
            row.append(t.replace("\n", " ").replace("\t", " "))
        print("\t".join(row))

main()
