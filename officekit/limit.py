"""The per-rule limit stage: a rule with `limit: N` (in its YAML, or the office's `override:`) shows at
most N findings in one draft; the last one shown says how many more there are.  A rule that fires on
every paragraph of a long draft otherwise buries the rest of the report."""

from __future__ import annotations

from officekit.engine.finding import Finding
from officekit.engine.rule import RuleSpec

MORE_NOTE = "（本稿另有 {more} 处同类问题未逐一列出）"


def apply(findings: list[Finding], rules: list[RuleSpec]) -> list[Finding]:
    """Keep the first `limit` findings of each limited rule (in reading order); findings of a rule that
    could not run are never counted or dropped."""
    limits = {r.id: r.limit for r in rules if r.limit}
    if not limits:
        return findings
    shown: dict[str, list[Finding]] = {}
    dropped: dict[str, int] = {}
    out: list[Finding] = []
    for f in sorted(findings, key=Finding.sort_key):
        limit = limits.get(f.rule)
        if limit is None or f.rule_failed:
            out.append(f)
        elif len(shown.setdefault(f.rule, [])) < limit:
            shown[f.rule].append(f)
            out.append(f)
        else:
            dropped[f.rule] = dropped.get(f.rule, 0) + 1
    for rule_id, more in dropped.items():
        last = shown[rule_id][-1]
        last.more = more
        last.message += MORE_NOTE.format(more=more)
    return out
