"""One line a finding, as compilers and linters (gcc, ruff --output-format concise) print them:

    drafts/通知.docx:12:5: error: W101 [*] 句中使用了半角逗号（建议：，）

- line: the block number every report uses — the line of a .txt/.md file, the paragraph (第 N 段) of a
  .docx body, the same numbers `officekit textconv --numbered` prints.  A header or footer block keeps its
  number within its part and says so after the rule id ([页眉]/[页脚]).
- column: 1-based character in that block; 1 for a finding about the whole block.
- severity: error / warning / info, so editors' and CI's error matchers read the lines.
- [*]: the finding has a safe fix that `officekit fix` applies (.docx drafts).

After the findings a summary says how many there are and how many `officekit fix` can apply; `quiet`
prints the findings alone.
"""

from __future__ import annotations

from officekit.report.paths import display_path, sorted_findings

PART_TAG = {"header": "[页眉] ", "footer": "[页脚] ", "body": ""}
FIXABLE_MARK = "[*] "


def fixable_by_fix_command(result, finding) -> bool:
    """A safe fix `officekit fix` can apply: it edits .docx drafts only."""
    from officekit.output.fix import fixable

    docx = result.draft is not None and result.draft.document.kind == "docx"
    return docx and bool(fixable([finding]))


def finding_line(path: str, result, finding) -> str:
    loc = finding.location
    column = (loc.start or 0) + 1
    mark = FIXABLE_MARK if fixable_by_fix_command(result, finding) else ""
    suggestion = f"（建议：{finding.suggestion}）" if finding.suggestion else ""
    message = " ".join(f"{finding.message}{suggestion}".split())  # one line, whatever the message holds
    return f"{path}:{loc.block}:{column}: {finding.severity}: {finding.rule} {PART_TAG.get(loc.part, '')}{mark}{message}"


def fixable_count(results) -> int:
    return sum(fixable_by_fix_command(r, f) for r in results if r.status == "ok" for f in r.findings)


def fixable_note(results) -> str:
    """「[*] N 个问题可用 `officekit fix` 自动修改」, or "" when none can."""
    count = fixable_count(results)
    return f"[*] {count} 个问题可用 `officekit fix` 自动修改（以修订形式写出副本，原稿不变）" if count else ""


def summary(results) -> str:
    findings = [f for r in results if r.status == "ok" for f in r.findings]
    counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in ("error", "warning", "info")}
    unreadable = sum(1 for r in results if r.status != "ok")
    line = (f"共 {len(findings)} 个问题（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}），"
            f"{len(results)} 个文件" + (f"，{unreadable} 个无法读取" if unreadable else ""))
    baselined = sum(getattr(r, "baselined", 0) for r in results)
    if baselined:
        line += "；" + baselined_note(baselined)
    note = fixable_note(results)
    return line + ("\n" + note if note else "")


def baselined_note(count: int) -> str:
    return f"另有 {count} 个基线中的问题未显示（check --baseline）"


def render(results, options) -> str:
    lines = []
    for result in results:
        path = display_path(result.path)
        if result.status != "ok":
            message = " ".join(result.error["message"].split())
            lines.append(f"{path}:1:1: error: 无法读取：{message}")
            continue
        lines.extend(finding_line(path, result, f) for f in sorted_findings(result))
    if not getattr(options, "quiet", False):
        lines.append(summary(results))
    return "\n".join(lines) + ("\n" if lines else "")
