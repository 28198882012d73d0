"""Measure the 文字关 word rules on Chinese spelling-check sets and on published documents.

    python bench/csc.py                      # odw-dev, law-test, sighan15-test and gov-documents
    python bench/csc.py --sets odw-dev --set W302.min_gain=8
    python bench/csc.py --only W302 --sets odw-dev --modes standalone drafts in-host --min-severity warning

For each sentence of a set (`n_errors<TAB>source<TAB>target`) the source becomes a one-block draft and
every rule of rules/words/ and rules/policy_wording/ runs on it (only 文字关 findings count).  The
same sentences are also measured DRAFT_SIZE to a draft (one paragraph each, in the set's order), and
(--modes in-host) each erroneous one inside a published document.  Reported:

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
MODES = ["standalone", "drafts", "in-host"]
DRAFT_SIZE = 400  # sentences to a draft in the drafts mode: about a long real draft's length


def load_rules(overrides: list[str], only: list[str] | None = None):
    rules = []
    for pack in ("words", "policy_wording"):  # this helper's packs; spelling sets count 文字关 findings only
        for path in sorted((ROOT / "rules" / pack).glob("*.yaml")):
            rules.extend(load_file(path, pack))
    if only:
        rules = [r for r in rules if r.id in only]
    # The detector's hints (info) are opt-in for users (profile typo_hints); the bench measures them, so
    # "all" is every guess the detector can make and "warning" what a user sees by default.
    overrides = ["W302.hints=true", *overrides]
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


class Tally:
    """Sentence- and character-level counts over (source, target, findings of the source) triples."""

    def __init__(self, name: str, mode: str, min_severity: str = "info"):
        self.name, self.mode, self.min_severity = name, mode, min_severity
        self.tp = self.fp = self.fn = self.tn = 0
        self.c_tp = self.c_flag = self.c_err = 0
        self.per_rule: Counter = Counter()
        self.start = time.time()

    def add(self, source: str, target: str, findings) -> None:
        has_error = source != target
        for f in findings:
            self.per_rule[(f.rule, "tp" if has_error else "fp")] += 1
        if findings:
            if has_error:
                self.tp += 1
            else:
                self.fp += 1
        elif has_error:
            self.fn += 1
        else:
            self.tn += 1
        wrong = {k for k, (a, b) in enumerate(zip(source, target)) if a != b} if len(source) == len(target) else set()
        flagged: set[int] = set()
        for f in findings:
            flagged |= flagged_positions(f, source)
        self.c_flag += len(flagged)
        self.c_tp += len(flagged & wrong)
        self.c_err += len(wrong)

    def result(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "set": self.name, "mode": self.mode, "min_severity": self.min_severity, "sentences": self.tp + self.fp + self.fn + self.tn,
            "with_errors": self.tp + self.fn,
            "sentence": {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                         "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "char": {"precision": self.c_tp / self.c_flag if self.c_flag else 0.0,
                     "recall": self.c_tp / self.c_err if self.c_err else 0.0},
            "per_rule": {f"{rid} {kind}": n for (rid, kind), n in sorted(self.per_rule.items())},
            "seconds": round(time.time() - self.start, 1),
        }


def read_set(name: str) -> list[tuple[str, str]]:
    pairs = []
    for line in (CORPUS / "csc" / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        _, source, target = line.split("\t")
        pairs.append((source, target))
    return pairs


def counted(findings, min_severity: str) -> list:
    """The 文字关 findings at or above `min_severity` (info < warning < error)."""
    floor = SEVERITY_ORDER[min_severity]
    return [f for f in findings if f.gate == "文字关" and SEVERITY_ORDER.get(f.severity, 0) >= floor]


SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


def measure_set(name: str, rules, severities=("info",)) -> list[dict]:
    """Each sentence alone, as a one-block draft.  One result per minimum severity counted."""
    tallies = [Tally(name, "standalone", level) for level in severities]
    for source, target in read_set(name):
        findings = runner.run(draft_of(source), rules) if source else []
        for tally in tallies:
            tally.add(source, target, counted(findings, tally.min_severity))
    return [t.result() for t in tallies]


def measure_in_drafts(name: str, rules, size: int = 400, severities=("info",)) -> list[dict]:
    """The set's sentences in order, `size` to a draft, one paragraph each: what a long draft does to
    the signals that read the whole draft (a character the draft uses often, a string it repeats)."""
    tallies = [Tally(name, f"in {size}-sentence drafts", level) for level in severities]
    pairs = [(s, t) for s, t in read_set(name) if s]
    for first in range(0, len(pairs), size):
        chunk = pairs[first:first + size]
        draft = draft_of("\n".join(source for source, _ in chunk))
        blocks = [b for b in draft.document.body]
        assert [b.text for b in blocks] == [source for source, _ in chunk], "one block per sentence"
        findings = runner.run(draft, rules)
        for tally in tallies:
            by_block: dict[int, list] = {}
            for f in counted(findings, tally.min_severity):
                by_block.setdefault(f.location.block, []).append(f)
            for block, (source, target) in zip(blocks, chunk):
                tally.add(source, target, by_block.get(block.index, []))
    return [t.result() for t in tallies]


def measure_in_documents(name: str, rules, host_chars: int = 3000, severities=("info",)) -> list[dict]:
    """Recall when each erroneous sentence of a set sits in a real document (the first `host_chars`
    characters of a published one, taken in turn) rather than alone: the signals that read the whole
    draft (a character the draft uses often) only show here.  Only findings in the added sentence count."""
    hosts = [json.loads(line)["text"][:host_chars]
             for line in (CORPUS / "text" / "gov-documents.jsonl").open(encoding="utf-8")]
    found = dict.fromkeys(severities, 0)
    total = 0
    start = time.time()
    for k, (source, target) in enumerate(read_set(name)):
        if source == target:
            continue
        total += 1
        draft = draft_of(hosts[k % len(hosts)] + "\n" + source)
        last = max(b.index for b in draft.document.body)
        findings = runner.run(draft, rules)
        for level in severities:
            if any(f.location.block == last for f in counted(findings, level)):
                found[level] += 1
    return [{"set": name, "mode": "in host documents", "min_severity": level, "with_errors": total,
             "recall_in_documents": found[level] / total if total else 0.0,
             "seconds": round(time.time() - start, 1)} for level in severities]


def measure_published(rules, limit: int | None) -> dict:
    chars = 0
    by_rule: Counter = Counter()
    errors: Counter = Counter()
    warnings: Counter = Counter()  # warning level and above: what a reader is asked to act on
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
                if finding.severity in ("warning", "error"):
                    warnings[finding.rule] += 1
                samples.setdefault(finding.rule, [])
                if len(samples[finding.rule]) < 5:
                    samples[finding.rule].append(f"{finding.excerpt} → {finding.suggestion}")
    per10k = 10000 / chars if chars else 0.0
    return {
        "characters": chars,
        "findings_per_10k": round(sum(by_rule.values()) * per10k, 3),
        "errors_per_10k": round(sum(errors.values()) * per10k, 3),
        "warnings_per_10k": round(sum(warnings.values()) * per10k, 3),
        "by_rule": dict(by_rule.most_common()), "errors_by_rule": dict(errors.most_common()),
        "warnings_by_rule": dict(warnings.most_common()),
        "samples": samples, "seconds": round(time.time() - start, 1),
    }


def measure_speed(rules, slices: int = 5, size: int = 5000) -> None:
    """CPU seconds of each rule on `slices` drafts of `size` characters cut from published documents,
    with jieba's segmentation done beforehand (it is shared by every rule that needs words), and of
    loading the character model.  Median over the slices; CPU time, which a busy machine distorts least."""
    from officekit.engine import charlm
    from officekit.engine.rule import Context

    started = time.process_time()
    charlm.model()
    print(f"character model load: {time.process_time() - started:.3f} s CPU")
    docs = [json.loads(line)["text"] for line in (CORPUS / "text" / "gov-documents.jsonl").open(encoding="utf-8")]
    for rule in rules:
        list(rule.check(Context(draft_of("各部门要认真落实，确保取得实效。"), rule, None, {})))  # tables loaded
        costs, segmentation = [], []
        for k in range(slices):
            draft = draft_of("".join(docs[100 + 50 * k:115 + 50 * k])[:size])
            ctx = Context(draft, rule, None, {})
            started = time.process_time()
            for block in draft.document.body:
                if block.text:
                    ctx.tokens("body", block.index)
                    ctx.segmented("dictionary_words", "body", block.index)
            segmentation.append(time.process_time() - started)
            started = time.process_time()
            list(rule.check(ctx))
            costs.append(time.process_time() - started)
        print(f"{rule.id}: {sorted(costs)[slices // 2]:.3f} s CPU on a {size}-character draft "
              f"(segmentation before it: {sorted(segmentation)[slices // 2]:.3f} s)")


MISS_CAUSES = (
    "beside another wrong character",  # two wrong characters in one word beyond the word stage
    "function character",  # 的/在/再…: the confusable rules' job, not the guesser's
    "no candidate of that kind",  # the right character is no same/near sound or look-alike of it
    "makes no dictionary word",  # the right character forms no word of 2–4 characters there
    "name or vocabulary span",  # jieba's HMM takes the place for a name, or the office's words
    "below the model's threshold",  # reaches the model, too little gain (or a guard asked for more)
)


def analyse_misses(name: str, rules, size: int = DRAFT_SIZE, examples: int = 0) -> Counter:
    """Why W302 misses what it misses: each wrong character of each erroneous sentence that gets no
    finding in `size`-sentence drafts, put down to the first cause of MISS_CAUSES that applies, and
    the model's gain for the right character where the model was asked (bucketed)."""
    from officekit.engine import charlm
    from officekit.engine.rule import Context
    from officekit.engine.types import detector

    rule = next(r for r in rules if r.id == "W302")
    lm = charlm.model()
    ctx_rule = rule
    causes: Counter = Counter()
    shown: Counter = Counter()
    pairs = [(s, t) for s, t in read_set(name) if s]
    for first in range(0, len(pairs), size):
        chunk = pairs[first:first + size]
        draft = draft_of("\n".join(source for source, _ in chunk))
        ctx = Context(draft, ctx_rule, None, {})
        flagged = {hit.block for hit in rule.check(ctx)}
        ctx = Context(draft, ctx_rule, None, {})
        shapes = detector._shape_groups(ctx.wordlist(rule.params["shapes"]))
        wide = detector._shape_groups(ctx.wordlist(rule.params["wide_shapes"]))
        sounds, near = detector._sound_groups(), detector._sound_groups(True)
        vocabulary = frozenset(w for w in ctx.wordlist(rule.params["known"]) if len(w) > 1)
        for block, (source, target) in zip(draft.document.body, chunk):
            if source == target or len(source) != len(target) or block.index in flagged:
                continue
            wrong = [k for k, (a, b) in enumerate(zip(source, target)) if a != b]
            names, protected = detector._protected(ctx, "body", block.index, vocabulary)
            scorer = lm.scorer(source) if lm else None
            for k in wrong:
                ch, right = source[k], target[k]
                kinds = set(sounds.get(ch, "")) | set(near.get(ch, "")) | shapes.get(ch, set()) | wide.get(ch, set())
                if k - 1 in wrong or k + 1 in wrong:
                    cause = MISS_CAUSES[0]
                elif ch in detector.FUNCTION_CHARS or right in detector.FUNCTION_CHARS:
                    cause = MISS_CAUSES[1]
                elif right not in kinds:
                    cause = MISS_CAUSES[2]
                elif detector._corrected_word(source, k, right, int(rule.params["min_frequency"])) is None:
                    cause = MISS_CAUSES[3]
                elif k in names or k in protected:
                    cause = MISS_CAUSES[4]
                else:
                    gain = scorer.score(k, right) - scorer.base(k) if scorer and detector.is_han(ch) else 0.0
                    bucket = "< 0" if gain < 0 else "0–6" if gain < 6 else "6–12" if gain < 12 else "≥ 12"
                    cause = f"{MISS_CAUSES[5]} (model gain {bucket})"
                causes[cause] += 1
                if shown[cause] < examples:
                    shown[cause] += 1
                    print(f"    {cause}: {source[max(0, k - 6):k]}[{ch}→{right}]{source[k + 1:k + 7]}")
    return causes


def show_real_drafts(rule_id: str = "W302") -> dict:
    """Every finding of `rule_id` on the real drafts of ../shared/corpus/docx, the whole pipeline as
    `officekit check` runs it, with its context: to be read one by one as a reviewer would (some drafts
    hold real people's names: this output is for the person judging, not for documents)."""
    from officekit.check import check_file

    counts: Counter = Counter()
    for path in sorted((CORPUS / "docx").glob("*.docx")):
        result = check_file(str(path))
        for f in result.findings:
            if f.rule != rule_id:
                continue
            counts[f.severity] += 1
            print(f"[{f.severity}] {path.name[:40]} | {f.excerpt[:70]} → {f.suggestion}")
    print(f"real drafts, {rule_id}:", dict(counts))
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=SETS)
    parser.add_argument("--no-published", action="store_true", help="skip gov-documents.jsonl")
    parser.add_argument("--published-limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="RULE.param=value")
    parser.add_argument("--only", nargs="*", metavar="RULE", help="run only these rules (e.g. --only W302)")
    parser.add_argument("--modes", nargs="*", default=["standalone", "drafts"], choices=MODES,
                        help="standalone: each sentence alone; drafts: DRAFT_SIZE sentences to a draft; "
                             "in-host: each erroneous sentence inside a published document (slow)")
    parser.add_argument("--draft-size", type=int, default=DRAFT_SIZE)
    parser.add_argument("--min-severity", nargs="*", default=["info", "warning"], choices=list(SEVERITY_ORDER),
                        help="count findings at or above each of these severities (warning: what a reader must act on)")
    parser.add_argument("--real-drafts", action="store_true",
                        help="only print W302's findings on ../shared/corpus/docx, with context, to judge by reading")
    parser.add_argument("--speed", action="store_true",
                        help="only measure each rule's CPU time on 5,000-character drafts (and the model's load)")
    parser.add_argument("--misses", type=int, nargs="?", const=0, default=None, metavar="EXAMPLES",
                        help="only count why W302 misses the wrong characters it misses in drafts (with EXAMPLES of each)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.real_drafts:
        show_real_drafts()
        return
    rules = load_rules(args.overrides, args.only)
    if args.misses is not None:
        for name in args.sets:
            causes = analyse_misses(name, rules, args.draft_size, args.misses)
            print(f"{name}: {sum(causes.values())} wrong characters missed in {args.draft_size}-sentence drafts")
            for cause, n in causes.most_common():
                print(f"  {n:5}  {cause}")
        return
    if args.speed:
        measure_speed(rules)
        return
    levels = tuple(args.min_severity)
    results = []
    for name in args.sets:
        if "standalone" in args.modes:
            results.extend(measure_set(name, rules, levels))
        if "drafts" in args.modes:
            results.extend(measure_in_drafts(name, rules, args.draft_size, levels))
    in_documents = [r for name in args.sets for r in measure_in_documents(name, rules, severities=levels)] \
        if "in-host" in args.modes else []
    published = None if args.no_published else measure_published(rules, args.published_limit)
    if args.json:
        print(json.dumps({"sets": results, "in_documents": in_documents, "published": published},
                         ensure_ascii=False, indent=1))
        return
    for r in results:
        s, c = r["sentence"], r["char"]
        print(f"{r['set']:14} {r['mode']:24} {r['min_severity'] + '+':9} sentence P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})  char P={c['precision']:.3f} R={c['recall']:.3f}  "
              f"[{r['seconds']}s]")
        print("   ", r["per_rule"])
    for r in in_documents:
        print(f"{r['set']:14} {r['mode']:24} {r['min_severity'] + '+':9} sentence R={r['recall_in_documents']:.3f} "
              f"({r['with_errors']} sentences) [{r['seconds']}s]")
    if published:
        print(f"gov-documents   {published['characters']} chars: findings/10k={published['findings_per_10k']} "
              f"warnings/10k={published['warnings_per_10k']} errors/10k={published['errors_per_10k']} "
              f"[{published['seconds']}s]")
        print("    by rule:", published["by_rule"], "warnings:", published["warnings_by_rule"],
              "errors:", published["errors_by_rule"])
        for rid, lines in published["samples"].items():
            for s in lines:
                print(f"    {rid}: {s}")


if __name__ == "__main__":
    main()
