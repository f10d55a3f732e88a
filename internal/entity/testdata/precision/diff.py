#!/usr/bin/env python3
"""Draw a seeded sample of the actor mentions that changed between two
`sitrep analyze --format jsonl` runs over the same pages, split by
eval.HeldOut(pageID, 3) as in sample.py.

usage: diff.py BEFORE.jsonl AFTER.jsonl SEED N heldout|dev removed|changed [--context]
removed: actor mentions (type not "place") of BEFORE with no mention of the
same span in AFTER; changed: same span, another type or actor id. Rows show
the BEFORE mention (removed) or the AFTER one (changed, with the BEFORE
type|actor id in the antecedent column's place after " was ").
A removed mention judged "no actor mention" is a precision gain; a changed
one is judged as in sample.py.
"""
import json, os, random, sys

def fnv1a32(s):
    h = 0x811c9dc5
    for b in s.encode():
        h ^= b
        h = (h * 0x01000193) & 0xffffffff
    return h

def load(path, part):
    out = {}
    for line in open(path):
        l = json.loads(line)
        page = os.path.basename(l["source"]).split(".")[0]
        if (fnv1a32(page) % 3 == 0) != (part == "heldout"):
            continue
        for i, m in enumerate(l.get("mentions") or []):
            out[(page, m["span"]["start"], m["span"]["end"])] = (l, i)
    return out

def row(page, l, i, ctx, note=None):
    m = l["mentions"][i]
    a = m["actor"]
    ant = "-"
    if m.get("antecedent", -1) >= 0:
        ant = l["mentions"][m["antecedent"]]["span"]["text"]
    if note:
        ant += " was " + note
    r = [page[:12], str(m["span"]["start"]), m["span"]["text"], m["type"],
         "%s|%s|%s|%s|%s" % (a["id"], a.get("country") or "", a.get("sector") or "", a.get("kind") or "", a.get("code") or ""),
         m["resolution"], ant]
    if ctx:
        b = l["text"].encode()
        s, e = m["span"]["start"], m["span"]["end"]
        se = next((x for x in l["sentences"] if x["span"]["start"] <= s < x["span"]["end"]), None)
        lo, hi = (se["span"]["start"], se["span"]["end"]) if se else (max(0, s - 150), s + 150)
        r.append((b[lo:s] + b"[[" + b[s:e] + b"]]" + b[e:hi]).decode("utf-8", "replace").replace("\n", " ").replace("\t", " "))
    return r

def main():
    bp, ap, seed, n, part, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
    ctx = "--context" in sys.argv[7:]
    b, a = load(bp, part), load(ap, part)
    items = []
    for k in sorted(b):
        l, i = b[k]
        m = l["mentions"][i]
        if m["type"] == "place":
            continue
        if kind == "removed" and k not in a:
            items.append(row(k[0], l, i, ctx))
        elif kind == "changed" and k in a:
            l2, i2 = a[k]
            m2 = l2["mentions"][i2]
            if m2["type"] != "place" and (m2["type"], m2["actor"]["id"]) != (m["type"], m["actor"]["id"]):
                items.append(row(k[0], l2, i2, ctx, "%s|%s" % (m["type"], m["actor"]["id"])))
    rnd = random.Random(seed)
    pick = sorted(rnd.sample(range(len(items)), min(n, len(items))))
    print("# %d %s actor mentions in %s pages; sampled %d with seed %d" % (len(items), kind, part, len(pick), seed), file=sys.stderr)
    for k in pick:
        print("\t".join(items[k]))

main()
