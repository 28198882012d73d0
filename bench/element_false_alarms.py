"""How noisy are the element and 行文规则 rules on published documents?  (The corpus is treated as clean.)

Every document of gov-documents.jsonl goes through the recogniser, then the rules of the packs core,
elements and xingwen (F2xx–F4xx, P1xx–P2xx) run over it.  Prints error-level findings per 50 documents,
the hit count of every rule by severity, and with `--show` every hit of some rules with its context.

    python bench/element_false_alarms.py
    python bench/element_false_alarms.py --show F246 --show P108
    python bench/element_false_alarms.py --errors          # every error-level finding, to judge it

Target (issue 4): error-level findings ≤ 1 per 50 documents (≤ 6 in 328).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from govdocs import GOV_DOCUMENTS, in_context, load_packs, read_documents

from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.structure.recognize import recognize

PACKS = ("core", "elements", "xingwen")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=GOV_DOCUMENTS)
    ap.add_argument("--show", action="append", default=[], help="print every hit of this rule id")
    ap.add_argument("--errors", action="store_true", help="print every error-level finding")
    ap.add_argument("--limit", type=int, default=60, help="at most this many hits shown per rule")
    args = ap.parse_args(argv)

    rules = load_packs(PACKS, keep=lambda r: r.id[0] in "FP")
    docs = read_documents(args.corpus)
    hits: Counter = Counter()
    shown: Counter = Counter()
    errors = 0
    started = time.perf_counter()
    for n, doc in enumerate(docs):
        draft = recognize(from_text(doc["text"], "<corpus>"))
        for f in runner.run(draft, rules):
            hits[(f.rule, f.severity)] += 1
            errors += f.severity == "error"
            if (f.rule in args.show or (args.errors and f.severity == "error")) and shown[f.rule] < args.limit:
                shown[f.rule] += 1
                print(f"{f.rule} {f.severity} doc{n} [{draft.doctype}] {doc['title'][:30]} "
                      f"{f.location.part}:{f.location.block} {in_context(draft, f.location)!r}\n    {f.message}")
    elapsed = time.perf_counter() - started

    per50 = errors / len(docs) * 50 if docs else 0.0
    print(f"\n{len(docs)} documents, {len(rules)} rules, {elapsed:.1f} s")
    print(f"error-level findings: {errors} = {per50:.2f} per 50 documents (target ≤ 1)")
    print("\nrule  severity  hits  name")
    for rule in rules:
        for severity in ("error", "warning", "info"):
            count = hits.get((rule.id, severity), 0)
            if count or severity == rule.severity:
                print(f"{rule.id}  {severity:8} {count:5}  {rule.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
