"""How noisy are the 文字关 rules on published documents?  (The corpus is treated as clean text.)

Runs every rule of the given packs over every document of the corpus (gov-documents.jsonl, field
`text`) and prints the error-level findings per 10,000 characters and the hit count of every rule.
`--show W101` prints each hit of a rule with its context, to judge whether it is a false alarm.

    python bench/wording_false_alarms.py                      # packs punctuation and numbers
    python bench/wording_false_alarms.py punctuation words    # any packs under rules/
    python bench/wording_false_alarms.py --show W105 --limit 40

Target (DESIGN.md, "quiet on good drafts"): error-level findings ≤ 1 per 10,000 characters.
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
from officekit.structure.model import Draft, ElementSpan

DEFAULT_PACKS = ("punctuation", "numbers")


def make_draft(text: str, use_recognizer: bool) -> Draft:
    document = from_text(text, "<corpus>")
    if use_recognizer:
        try:
            from officekit.structure.recognize import recognize

            return recognize(document)
        except ImportError:
            pass
    # without the recogniser every non-empty line is 正文
    spans = [ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in document.body if b.text]
    return Draft(document=document, spans=spans)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("packs", nargs="*", default=list(DEFAULT_PACKS))
    ap.add_argument("--corpus", type=Path, default=GOV_DOCUMENTS)
    ap.add_argument("--show", action="append", default=[], help="print every hit of this rule id")
    ap.add_argument("--limit", type=int, default=60, help="at most this many hits shown per rule")
    ap.add_argument("--plain", action="store_true", help="tag every line 正文 instead of running the recogniser")
    args = ap.parse_args(argv)

    rules = load_packs(args.packs)
    docs = read_documents(args.corpus)
    hits: Counter = Counter()
    errors = 0
    chars = 0
    shown: Counter = Counter()
    started = time.perf_counter()
    for n, doc in enumerate(docs):
        text = doc["text"]
        chars += len(text)
        draft = make_draft(text, not args.plain)
        for f in runner.run(draft, rules):
            hits[(f.rule, f.severity)] += 1
            if f.severity == "error":
                errors += 1
            if f.rule in args.show and shown[f.rule] < args.limit:
                shown[f.rule] += 1
                print(f"{f.rule} doc{n} {f.location.part}:{f.location.block} {in_context(draft, f.location)!r}"
                      f"  → {f.suggestion!r}")
    elapsed = time.perf_counter() - started

    print(f"\n{len(docs)} documents, {chars} characters, {len(rules)} rules, {elapsed:.1f} s")
    print(f"error-level findings: {errors}  = {errors / chars * 10000:.2f} per 10,000 characters (target ≤ 1)")
    print("\nrule  severity  hits  per-10k")
    for rule in rules:
        for severity in ("error", "warning", "info"):
            count = hits.get((rule.id, severity), 0)
            if count or severity == rule.severity:
                print(f"{rule.id}  {severity:8} {count:5}  {count / chars * 10000:6.2f}  {rule.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
