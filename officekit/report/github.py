"""GitHub Actions workflow commands (annotations in the pull request) and the step summary.

GitHub shows at most 10 error and 10 warning annotations per step, so `write_step_summary` also writes
every finding, errors first, as a markdown table to $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from officekit.engine.finding import SEVERITY_RANK
from officekit.report.paths import display_path, region_path, sorted_findings

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
SUMMARY_ROWS = 500  # keep the summary readable (GitHub caps it at 1 MiB)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, f) -> str:
    loc = f.location
    props = [f"file={escape_property(path)}", f"line={loc.block}"]
    if loc.start is not None:
        props.append(f"col={loc.start + 1}")
        if loc.end is not None and loc.end > loc.start:
            props.append(f"endColumn={loc.end + 1}")
    props.append(f"title={escape_property(f'officekit {f.rule} {f.name}（{f.gate}）')}")
    message = f"{region_path(f)}：{f.message}"
    if f.suggestion:
        message += f"\n建议：{f.suggestion}"
    if f.source:
        message += f"\n依据：{f.source}"
    return f"::{COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}"


def render(results, options) -> str:
    lines = []
    for result in results:
        path = display_path(result.path)
        if result.status != "ok":
            lines.append(f"::error file={escape_property(path)},title=officekit::{escape_data('无法读取：' + result.error['message'])}")
            continue
        lines.append(f"::group::officekit {escape_data(path)}")
        lines.extend(annotation(path, f) for f in sorted_findings(result))
        counts = result.counts()
        lines.append(f"{path}: 错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}")
        lines.append("::endgroup::")
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(results, options) -> str:
    rows = [(SEVERITY_RANK[f.severity], display_path(r.path), f) for r in results for f in r.findings]
    rows.sort(key=lambda row: (-row[0], row[1], row[2].sort_key()))
    totals = {s: sum(1 for row in rows if row[2].severity == s) for s in SEVERITY_LABEL}
    unreadable = [r for r in results if r.status != "ok"]
    out = ["## officekit 公文审核", "",
           f"{len(results)} 个文件：错误 {totals['error']}，警告 {totals['warning']}，提示 {totals['info']}"
           + (f"，无法读取 {len(unreadable)}" if unreadable else ""), ""]
    for r in unreadable:
        out.append(f"- ❌ `{display_path(r.path)}` 无法读取：{_cell(r.error['message'])}")
    if unreadable:
        out.append("")
    if rows:
        out += ["| 级别 | 文件 | 位置 | 规则 | 问题 | 建议 |", "| --- | --- | --- | --- | --- | --- |"]
        for _, path, f in rows[:SUMMARY_ROWS]:
            out.append(f"| {SEVERITY_LABEL[f.severity]} | `{_cell(path)}` | {region_path(f)} | {f.rule} {_cell(f.name)} "
                       f"| {_cell(f.message)} | {_cell(f.suggestion or '')} |")
        if len(rows) > SUMMARY_ROWS:
            out.append(f"\n另有 {len(rows) - SUMMARY_ROWS} 个问题未列出，请下载完整报告。")
    return "\n".join(out) + "\n"


def write_step_summary(results, options, summary_path: str) -> None:
    """Append (GitHub's convention: several steps may write) the markdown summary."""
    with open(summary_path, "a", encoding="utf-8") as handle:
        handle.write(summary_markdown(results, options))
