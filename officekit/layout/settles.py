"""Which findings of `officekit check` `fix --layout` would settle — for the [排] marker in reports.

A finding is marked when its rule is one whose target layout/ applies (every `format` rule; the page
rules for paper, margins, grid and orientation; the page-number rules for presence and position; the
落款, 附件说明 and 抄送 placements; the 版头分隔线) and its block was recognised confidently.  Judged
without laying the draft out, so it is a promise the bench keeps (bench/layout_settle.py: 98.5 % of these
findings settled on the corpus drafts, none created), not a guarantee for every draft.
"""

from __future__ import annotations

from functools import lru_cache

from officekit.layout.confidence import weak_blocks

LAYOUT_MARK = "[排]"
# rule type → the `check` values layout settles (None: every rule of the type)
SETTLED_CHECKS: dict[str, frozenset | None] = {
    "format": None,
    "page": frozenset({"paper", "margins", "grid", "orientation"}),
    "pagenum": frozenset({"presence", "position"}),
    "placement": frozenset({"closing", "copy_to", "attachment_wrap", "attachments"}),
    "lines": frozenset({"header"}),
}


@lru_cache(maxsize=1)
def settled_rule_ids() -> frozenset[str]:
    from officekit.engine.ruleset import all_rules

    ids = set()
    for rule in all_rules():
        if rule.type in SETTLED_CHECKS:
            checks = SETTLED_CHECKS[rule.type]
            if checks is None or rule.params.get("check") in checks:
                ids.add(rule.id)
    return frozenset(ids)


def settled_by_layout(result, finding) -> bool:
    """Would `officekit fix --layout` settle this finding of `result` (a checked file)?"""
    draft = getattr(result, "draft", None)
    if draft is None or draft.document.kind != "docx" or draft.genre != "公文":
        return False
    if finding.rule not in settled_rule_ids() or finding.rule_failed:
        return False
    weak = draft.__dict__.get("_layout_weak")
    if weak is None:
        weak = draft.__dict__["_layout_weak"] = {(w.part, w.index) for w in weak_blocks(draft)}
    return (finding.location.part, finding.location.block) not in weak


def layout_count(results) -> int:
    return sum(settled_by_layout(r, f) for r in results if getattr(r, "status", "ok") == "ok" for f in r.findings)


def layout_note(results) -> str:
    count = layout_count(results)
    return f"{LAYOUT_MARK} {count} 个格式问题可用 `officekit fix --layout` 一键排版（以“设置格式”修订写出副本）" if count else ""
