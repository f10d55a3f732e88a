#!/usr/bin/env python3
"""Draw a seeded sample of events from `sitrep analyze --format jsonl` output
over the article-extraction-benchmark pages, split by eval.HeldOut(pageID, 3)
(FNV-1a 32 of the page id, the 64-hex file stem, mod 3 == 0).

usage: sample.py JSONL SEED N heldout|dev  > sample.tsv
Events are ordered by (page id, trigger start) before sampling, so the draw
depends only on the analysis output and the seed.
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

def actor(l, i):
    if i is None or i < 0:
        return "-"
    m = l["mentions"][i]
    return "%s [%s]" % (m["span"]["text"], m["actor"]["id"])

def main():
    path, seed, n, part = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    evs = []
    for line in open(path):
        l = json.loads(line)
        page = os.path.basename(l["source"]).split(".")[0]
        if held_out(page) != (part == "heldout"):
            continue
        for e in l.get("events") or []:
            evs.append((page, e["trigger"]["start"], l, e))
    evs.sort(key=lambda x: (x[0], x[1]))
    rnd = random.Random(seed)
    pick = sorted(rnd.sample(range(len(evs)), min(n, len(evs))))
    print("# %d events in %s pages; sampled %d with seed %d" % (len(evs), part, len(pick), seed), file=sys.stderr)
    for k in pick:
        page, _, l, e = evs[k]
        a = e["assertion"]
        by = a["by"]["name"] or a["by"]["id"]
        mode = e.get("mode") or ""
        print("\t".join([
            page[:12], e["trigger"]["text"], e["type"] + ("/" + mode if mode else ""),
            actor(l, e["source"]), actor(l, e["target"]),
            "%s/%s" % (by, a["how"]),
            e["evidence"]["text"].replace("\n", " ").replace("\t", " "),
        ]))

main()
