#!/usr/bin/env python3
"""Score judged samples: usage score.py FILE.tsv ...

Each line of a judged file: page, trigger, type, source, target,
asserted_by/how, then the verdicts type_ok, source_ok, target_ok,
assertion_ok (y, n, or - when the type is wrong: no event to have roles),
and a reason. A "-" counts as wrong in the precisions over all events."""
import sys

for path in sys.argv[1:]:
    rows = [l.rstrip("\n").split("\t") for l in open(path) if not l.startswith("#")]
    n = len(rows)
    c = [sum(r[6 + k] == "y" for r in rows) for k in range(4)]
    full = sum(all(r[6 + k] == "y" for k in range(4)) for r in rows)
    t = max(c[0], 1)
    print("%-20s n=%d type %.3f source %.3f target %.3f assertion %.3f fully %.3f"
          " | of the %d right-typed: source %.2f target %.2f assertion %.2f"
          % (path, n, c[0] / n, c[1] / n, c[2] / n, c[3] / n, full / n, c[0], c[1] / t, c[2] / t, c[3] / t))
