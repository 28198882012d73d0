"""Hits of chosen rules on the 328 published documents and on the 27 real drafts.

The targeted wording rules (的/地/得, 不再, 登录, number ranges, quoted titles…) are meant to be silent on
published text: every hit there is a false alarm until read and proven otherwise.  On the real drafts
each hit is to be read as a reviewer would.  The drafts are read as .docx, the documents as text; both
go through the recogniser, as `officekit check` does.

    python bench/targeted_wording.py                       # the default rule ids below
    python bench/targeted_wording.py W341 W208 --show      # these rules, every hit in its context

Run from the repository root.  Needs ../shared/corpus.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from govdocs import GOV_DOCUMENTS, in_context, read_documents

from officekit.document import read
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

DRAFTS = GOV_DOCUMENTS.parents[1] / "docx"
DEFAULT_RULES = ("W121", "W122", "W203", "W208", "W209", "W341", "W342", "W350", "W351", "W352", "W353")


def run_corpus(name: str, drafts, rules, show: bool) -> tuple[Counter, int]:
    hits: Counter = Counter()
    chars = 0
    for label, document in drafts:
        draft = recognize(document)
        chars += sum(len(b.text) for b in document.body)
        for f in runner.run(draft, rules):
            hits[f.rule] += 1
            if show:
                print(f"{name} {f.rule} {label} 第{f.location.block}段 {in_context(draft, f.location)!r} → {f.suggestion!r}")
    return hits, chars


def published():
    for i, doc in enumerate(read_documents()):
        yield f"doc{i}", from_text(doc["text"], f"doc{i}")


def real_drafts():
    for path in sorted(Path(DRAFTS).glob("*.docx")):
        yield path.name[:24], read(str(path))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rules", nargs="*", default=list(DEFAULT_RULES))
    ap.add_argument("--show", action="store_true", help="print every hit with its context")
    args = ap.parse_args(argv)
    wanted = set(args.rules)
    rules = [r for r in all_rules() if r.id in wanted]
    started = time.perf_counter()
    pub_hits, pub_chars = run_corpus("published", published(), rules, args.show)
    draft_hits, draft_chars = run_corpus("draft", real_drafts(), rules, args.show)
    print(f"\npublished: 328 documents, {pub_chars:,} characters; drafts: {draft_chars:,} characters; "
          f"{time.perf_counter() - started:.1f} s")
    print(f"{'rule':<6} {'published':>9} {'drafts':>7}  name")
    for rule in rules:
        print(f"{rule.id:<6} {pub_hits[rule.id]:>9} {draft_hits[rule.id]:>7}  {rule.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
