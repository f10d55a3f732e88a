#!/usr/bin/env python3
"""Score judged samples of actor mentions: usage score.py FILE.tsv ...

Each line of a judged file: page, start, mention, type, actor
(id|country|sector|kind|code), resolution, antecedent, then the verdicts
is_actor, span_ok, actor_ok, antecedent_ok (y, n, or - when the mention is
no actor mention, or has no antecedent), and a reason. A "-" counts as
wrong in the precisions over all mentions; the antecedent precision is over
the mentions with an antecedent that are actor mentions. A changed-*.tsv
(diff.py) has after_right and before_right instead."""
import sys

for path in sys.argv[1:]:
    head = open(path).readline()
    rows = [l.rstrip("\n").split("\t") for l in open(path) if not l.startswith("#")]
    n = len(rows)
    if "after_right" in head:
        # a changed-*.tsv of diff.py: is the mention right after, and was it before?
        a = sum(r[7] == "y" for r in rows)
        b = sum(r[8] == "y" for r in rows)
        print("%-22s n=%d right after %.3f, right before %.3f" % (path, n, a / n, b / n))
        continue
    act = sum(r[7] == "y" for r in rows)
    span = sum(r[7] == "y" and r[8] == "y" for r in rows)
    full = sum(r[7] == "y" and r[8] == "y" and r[9] == "y" for r in rows)
    ants = [r for r in rows if r[7] == "y" and r[6] != "-"]
    antok = sum(r[10] == "y" for r in ants)
    print("%-22s n=%d actor-mention %.3f span %.3f actor-right %.3f | antecedents right %d/%d"
          % (path, n, act / n, span / n, full / n, antok, len(ants)))
