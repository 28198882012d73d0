"""What officekit says about 328 published government documents, with every default rule.

The documents were published, so almost everything it says there is a false alarm.  This runs the
whole pipeline (read as text → recognise → all active rules), as `officekit check` would, and prints:
error-level findings per 10,000 characters and per document, and for every rule that fires its hit
count by severity.  `--show RULE` prints that rule's hits with context, to judge them one by one.

    python bench/corpus_findings.py
    python bench/corpus_findings.py --show F241 --limit 20
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict

from govdocs import read_documents

from officekit.check import check_document
from officekit.config.model import Config
from officekit.document.text_reader import from_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the hits of this rule id")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args()

    docs = read_documents()
    config = Config()
    by_rule: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    docs_with_errors = Counter()
    chars = 0
    shown = 0
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        text = doc["text"]
        chars += len(text)
        draft, findings = check_document(from_text(text, f"doc{i}"), config)
        for f in findings:
            by_rule[f.rule][f.severity] += 1
            names[f.rule] = f.name
            if f.severity == "error":
                docs_with_errors[i] += 1
            if args.show and f.rule == args.show and shown < args.limit:
                shown += 1
                print(f"#{i} {doc['title'][:30]} | 第{f.location.block}行 | {f.excerpt[:90]}\n      → {f.message}")
    elapsed = time.perf_counter() - started
    errors = sum(c["error"] for c in by_rule.values())
    print(f"\n{len(docs)} documents, {chars:,} characters, {elapsed:.1f} s")
    print(f"error-level findings: {errors} = {errors / chars * 10000:.2f} per 10,000 characters; "
          f"documents with an error: {len(docs_with_errors)} ({len(docs_with_errors) / len(docs):.1%})")
    print(f"\n{'rule':<6} {'error':>6} {'warning':>8} {'info':>6}  name")
    for rule in sorted(by_rule):
        c = by_rule[rule]
        print(f"{rule:<6} {c['error']:>6} {c['warning']:>8} {c['info']:>6}  {names[rule]}")


if __name__ == "__main__":
    main()
