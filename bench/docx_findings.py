"""Error- and warning-level findings per rule on the real .docx drafts and the short templates.

Runs `officekit check` as a user would (every default rule, the file's own formatting) over
../shared/corpus/docx (27 real drafts) and ../shared/corpus/docx-templates-short (37 templates), and
prints, per corpus, the error and warning count of every rule that fires.  `--show RULE` prints that
rule's findings with their excerpt, to judge them one by one; `--json FILE` writes the table, to
compare a before and an after run.

    python bench/docx_findings.py
    python bench/docx_findings.py --show F038 --limit 40
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from officekit.check import check_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FOLDERS = ("docx", "docx-templates-short")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="append", default=[], help="print every finding of this rule id")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--json", type=Path, help="write {corpus: {rule: {severity: count}}} here")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit("shared corpus not present")

    table: dict[str, dict[str, Counter]] = {}
    for folder in FOLDERS:
        by_rule: dict[str, Counter] = defaultdict(Counter)
        files = sorted((CORPUS / folder).glob("*.docx"))
        shown: Counter = Counter()
        for n, path in enumerate(files):
            result = check_file(str(path))
            for f in result.findings:
                by_rule[f.rule][f.severity] += 1
                if f.rule in args.show and shown[f.rule] < args.limit:
                    shown[f.rule] += 1
                    print(f"{f.rule} {f.severity} {folder}#{n} {f.location.part}:{f.location.block} "
                          f"{f.excerpt[:60]!r}\n    {f.message}")
        table[folder] = by_rule
        errors = sum(c["error"] for c in by_rule.values())
        warnings = sum(c["warning"] for c in by_rule.values())
        print(f"\n{folder}: {len(files)} files, {errors} errors, {warnings} warnings")
        print(f"{'rule':<6} {'error':>6} {'warning':>8}")
        for rule in sorted(by_rule):
            c = by_rule[rule]
            if c["error"] or c["warning"]:
                print(f"{rule:<6} {c['error']:>6} {c['warning']:>8}")
    if args.json:
        args.json.write_text(json.dumps({k: {r: dict(c) for r, c in v.items()} for k, v in table.items()},
                                        ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
