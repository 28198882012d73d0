"""`check --statistics`: how many findings each rule made, most first (ruff's --statistics).

    12  W101  [*] 半角标点
     3  F012      标题字体

[*] marks a rule whose findings `officekit fix` can apply.  `check --statistics --format json` gives
the same rows as a JSON list, for scripts."""

from __future__ import annotations

import json

from officekit.report.concise import fixable_by_fix_command, fixable_note


def rule_counts(results) -> list[dict]:
    """[{rule, name, severity, count, fixable}], by count (most first), then rule id."""
    rows: dict[str, dict] = {}
    for result in results:
        if result.status != "ok":
            continue
        for f in result.findings:
            row = rows.setdefault(f.rule, {"rule": f.rule, "name": f.name, "severity": f.severity,
                                           "count": 0, "fixable": 0})
            row["count"] += 1
            row["fixable"] += fixable_by_fix_command(result, f)
    return sorted(rows.values(), key=lambda row: (-row["count"], row["rule"]))


def render_text(results, quiet: bool = False) -> str:
    rows = rule_counts(results)
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = [f"{row['count']:>{width}}  {row['rule']:<5} {'[*]' if row['fixable'] else '   '} {row['name']}"
             for row in rows]
    unreadable = sum(1 for r in results if r.status != "ok")
    if not quiet:
        total = sum(row["count"] for row in rows)
        lines.append(f"共 {total} 个问题，{len(rows)} 条规则，{len(results)} 个文件"
                     + (f"，{unreadable} 个无法读取" if unreadable else ""))
        note = fixable_note(results)
        if note:
            lines.append(note)
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(results) -> str:
    return json.dumps(rule_counts(results), ensure_ascii=False, indent=2) + "\n"
