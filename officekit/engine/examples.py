"""Run a rule's own examples: the proof that no rule is dead (the test suite runs them all)."""

from __future__ import annotations

import dataclasses

from officekit.config.model import Config
from officekit.document.text_reader import from_text
from officekit.engine import runner, types
from officekit.engine.finding import Finding
from officekit.engine.rule import RuleSpec
from officekit.structure.model import Draft, ElementSpan


def example_draft(rule: RuleSpec, example: dict, key: str) -> Draft:
    module = types.get_type(rule.type)
    custom = getattr(module, "example_draft", None)
    if custom is not None:
        return custom(rule, example, key)
    if isinstance(example[key], dict):  # a formatted draft described block by block, for any type
        from officekit.engine.types import _format

        return _format.example_draft(rule, example, key)
    text = str(example[key])
    document = from_text(text, f"<{rule.id} example>")
    if example.get("document"):
        from officekit.structure import recognize

        return recognize(document)
    element = example.get("element") or (rule.elements[0] if rule.elements else "正文")
    spans = [ElementSpan(element, "body", b.index, 0, len(b.text), b.text) for b in document.body if b.text]
    draft = Draft(document=document, spans=spans)
    # a rule scoped to some 文种 or 行文方向 sees a draft of that kind
    draft.doctype = next((d for d in rule.doctypes if not d.startswith("!")), None)
    draft.direction = next((d for d in rule.directions if not d.startswith("!")), None)
    return draft


def run_example(rule: RuleSpec, example: dict, config: Config | None = None) -> tuple[Draft, list[Finding]]:
    """Run one example; `config` is the office's configuration an office rule is loaded with (its word
    lists), none for the built-in rules.  A type whose findings come from a later stage of the pipeline
    (suppression) runs its examples itself."""
    custom = getattr(types.get_type(rule.type), "run_example", None)
    if custom is not None:
        return custom(rule, example, config)
    key = "fail" if "fail" in example else "pass"
    draft = example_draft(rule, example, key)
    if example.get("words"):
        # `words:` gives the example word lists of its own (e.g. a 规范简称 list), as a .officekit.yaml would
        extra = {k: list(v) for k, v in example["words"].items()}
        config = dataclasses.replace(config, words={**config.words, **extra}) if config else Config(words=extra)
    findings = [f for f in runner.run(draft, [rule], config) if f.rule == rule.id]
    return draft, findings


def apply_fixes(draft: Draft, findings: list[Finding]) -> str:
    """The draft's text (lines joined by newlines) with every finding's fix applied."""
    blocks = {b.index: b.text for b in draft.document.body}
    edits: dict[int, list] = {}
    for f in findings:
        if f.fix is not None and f.location.part == "body":
            edits.setdefault(f.location.block, []).append((f.location.start, f.location.end, f.fix.replacement))
    for index, changes in edits.items():
        text = blocks[index]
        last = len(text) + 1
        for start, end, repl in sorted(changes, reverse=True):
            if end <= last:  # skip overlapping edits, as `officekit fix` does
                text = text[:start] + repl + text[end:]
                last = start
        blocks[index] = text
    return "\n".join(blocks[i] for i in sorted(blocks))


def problems(rule: RuleSpec, example: dict, config: Config | None = None) -> list[str]:
    """What is wrong with one example's outcome; empty when it behaves."""
    draft, findings = run_example(rule, example, config)
    shown = f"{example.get('fail', example.get('pass'))!r}"
    out: list[str] = []
    crashed = [f for f in findings if f.rule_failed]
    if crashed:
        return [f"{rule.id} {shown}: {crashed[0].message}"]
    if "pass" in example:
        if findings:
            out.append(f"{rule.id} pass {shown} 却报告了：{findings[0].message}")
        return out
    if not findings:
        return [f"{rule.id} fail {shown} 未被发现"]
    if "count" in example and len(findings) != example["count"]:
        out.append(f"{rule.id} fail {shown}: 期望 {example['count']} 处，实际 {len(findings)} 处")
    first = findings[0]
    if "at" in example:
        loc = first.location
        got = draft.document.block(loc.part, loc.block).text[loc.start:loc.end] if loc.start is not None else ""
        if got != str(example["at"]):
            out.append(f"{rule.id} fail {shown}: 位置应为 {example['at']!r}，实际 {got!r}")
    if "suggestion" in example and first.suggestion != str(example["suggestion"]):
        out.append(f"{rule.id} fail {shown}: 建议应为 {example['suggestion']!r}，实际 {first.suggestion!r}")
    if "message" in example and str(example["message"]) not in first.message:
        out.append(f"{rule.id} fail {shown}: 说明应含 {example['message']!r}，实际 {first.message!r}")
    if "fix" in example:
        fixed = apply_fixes(draft, findings)
        if fixed != str(example["fix"]).rstrip("\n"):
            out.append(f"{rule.id} fail {shown}: 修改后应为 {example['fix']!r}，实际 {fixed!r}")
    return out
