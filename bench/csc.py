"""Measure the 文字关 word rules on Chinese spelling-check sets and on published documents.

    python bench/csc.py                      # odw-dev, law-test, sighan15-test and gov-documents
    python bench/csc.py --sets odw-dev --set W302.min_gain=8

For each sentence of a set (`n_errors<TAB>source<TAB>target`) the source becomes a one-block draft and
every rule of rules/words/ and rules/policy_wording/ runs on it (only 文字关 findings count).  Reported:

- sentence level: a sentence is flagged when any finding is reported; a detection is correct when the
  sentence has errors (source ≠ target).  Precision, recall, F1.
- character level: the flagged positions of a finding are the characters where its matched text
  differs from its suggestion (when both have the same length), else its whole span; a flagged
  position is correct when source and target differ there.  Precision and recall.
- on gov-documents.jsonl (published documents, the false-alarm test): findings per 10,000 characters,
  error-level ones separately, and how often each rule fires.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from officekit.document.text_reader import from_text  # noqa: E402
from officekit.engine import runner  # noqa: E402
from officekit.engine.loader import load_file  # noqa: E402
from officekit.structure.model import Draft, ElementSpan  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SETS = ["odw-dev", "law-test", "sighan15-test"]


def load_rules(overrides: list[str], only: list[str] | None = None):
    rules = []
    for pack in ("words", "policy_wording"):  # this helper's packs; spelling sets count 文字关 findings only
        for path in sorted((ROOT / "rules" / pack).glob("*.yaml")):
            rules.extend(load_file(path, pack))
    if only:
        rules = [r for r in rules if r.id in only]
    for item in overrides:  # RULE.param=value, to try a setting without editing YAML
        key, value = item.split("=", 1)
        rid, param = key.split(".", 1)
        for r in rules:
            if r.id == rid:
                old = r.params.get(param)
                if isinstance(old, bool):
                    r.params[param] = value.lower() in ("1", "true", "yes")
                else:
                    r.params[param] = type(old)(value) if old is not None else value
                from officekit.engine import types
                r.check = types.get_type(r.type).build(r)
    return rules


def draft_of(text: str) -> Draft:
    document = from_text(text)
    spans = [ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in document.body if b.text]
    return Draft(document=document, spans=spans)


def flagged_positions(finding, text: str) -> set[int]:
    loc = finding.location
    if loc.start is None:
        return set(range(len(text)))
    matched = text[loc.start:loc.end]
    suggestion = finding.suggestion or ""
    if len(suggestion) == len(matched):
        diff = {loc.start + k for k, (a, b) in enumerate(zip(matched, suggestion)) if a != b}
        if diff:
            return diff
    return set(range(loc.start, loc.end))


def measure_set(name: str, rules) -> dict:
    tp = fp = fn = tn = 0
    c_tp = c_flag = c_err = 0
    per_rule: Counter = Counter()
    start = time.time()
    lines = (CORPUS / "csc" / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        _, source, target = line.split("\t")
        has_error = source != target
        findings = runner.run(draft_of(source), rules) if source else []
        findings = [f for f in findings if f.gate == "文字关"]
        for f in findings:
            per_rule[(f.rule, "tp" if has_error else "fp")] += 1
        if findings:
            tp, fp = (tp + 1, fp) if has_error else (tp, fp + 1)
        else:
            fn, tn = (fn + 1, tn) if has_error else (fn, tn + 1)
        wrong = {k for k, (a, b) in enumerate(zip(source, target)) if a != b} if len(source) == len(target) else set()
        flagged: set[int] = set()
        for f in findings:
            flagged |= flagged_positions(f, source)
        c_flag += len(flagged)
        c_tp += len(flagged & wrong)
        c_err += len(wrong)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "set": name, "sentences": len(lines), "with_errors": tp + fn,
        "sentence": {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                     "tp": tp, "fp": fp, "fn": fn},
        "char": {"precision": c_tp / c_flag if c_flag else 0.0, "recall": c_tp / c_err if c_err else 0.0},
        "per_rule": {f"{rid} {kind}": n for (rid, kind), n in sorted(per_rule.items())},
        "seconds": round(time.time() - start, 1),
    }


def measure_in_documents(name: str, rules, host_chars: int = 3000) -> dict:
    """Recall when each erroneous sentence of a set sits in a real document (the first `host_chars`
    characters of a published one, taken in turn) rather than alone: the signals that read the whole
    draft (a character the draft uses often) only show here.  Only findings in the added sentence count."""
    hosts = [json.loads(line)["text"][:host_chars]
             for line in (CORPUS / "text" / "gov-documents.jsonl").open(encoding="utf-8")]
    found = total = 0
    for k, line in enumerate((CORPUS / "csc" / f"{name}.tsv").read_text(encoding="utf-8").splitlines()):
        _, source, target = line.split("\t")
        if source == target:
            continue
        total += 1
        draft = draft_of(hosts[k % len(hosts)] + "\n" + source)
        last = max(b.index for b in draft.document.body)
        if any(f.gate == "文字关" and f.location.block == last for f in runner.run(draft, rules)):
            found += 1
    return {"set": name, "with_errors": total, "recall_in_documents": found / total if total else 0.0}


def measure_published(rules, limit: int | None) -> dict:
    chars = 0
    by_rule: Counter = Counter()
    errors: Counter = Counter()
    samples: dict[str, list[str]] = {}
    start = time.time()
    with (CORPUS / "text" / "gov-documents.jsonl").open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            text = json.loads(line)["text"]
            chars += len(text)
            draft = draft_of(text)
            for finding in runner.run(draft, rules):
                by_rule[finding.rule] += 1
                if finding.severity == "error":
                    errors[finding.rule] += 1
                samples.setdefault(finding.rule, [])
                if len(samples[finding.rule]) < 5:
                    samples[finding.rule].append(f"{finding.excerpt} → {finding.suggestion}")
    per10k = 10000 / chars if chars else 0.0
    return {
        "characters": chars,
        "findings_per_10k": round(sum(by_rule.values()) * per10k, 3),
        "errors_per_10k": round(sum(errors.values()) * per10k, 3),
        "by_rule": dict(by_rule.most_common()), "errors_by_rule": dict(errors.most_common()),
        "samples": samples, "seconds": round(time.time() - start, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=SETS)
    parser.add_argument("--no-published", action="store_true", help="skip gov-documents.jsonl")
    parser.add_argument("--published-limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="RULE.param=value")
    parser.add_argument("--only", nargs="*", metavar="RULE", help="run only these rules (e.g. --only W302)")
    parser.add_argument("--in-documents", action="store_true",
                        help="also: recall of each set's erroneous sentences placed inside a published document")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rules = load_rules(args.overrides, args.only)
    results = [measure_set(name, rules) for name in args.sets]
    in_documents = [measure_in_documents(name, rules) for name in args.sets] if args.in_documents else []
    published = None if args.no_published else measure_published(rules, args.published_limit)
    if args.json:
        print(json.dumps({"sets": results, "in_documents": in_documents, "published": published},
                         ensure_ascii=False, indent=1))
        return
    for r in results:
        s, c = r["sentence"], r["char"]
        print(f"{r['set']:15} sentence P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})  char P={c['precision']:.3f} R={c['recall']:.3f}  "
              f"[{r['seconds']}s]")
        print("   ", r["per_rule"])
    for r in in_documents:
        print(f"{r['set']:15} inside documents: sentence R={r['recall_in_documents']:.3f} ({r['with_errors']} sentences)")
    if published:
        print(f"gov-documents   {published['characters']} chars: findings/10k={published['findings_per_10k']} "
              f"errors/10k={published['errors_per_10k']} [{published['seconds']}s]")
        print("    by rule:", published["by_rule"], "errors:", published["errors_by_rule"])
        for rid, lines in published["samples"].items():
            for s in lines:
                print(f"    {rid}: {s}")


if __name__ == "__main__":
    main()
