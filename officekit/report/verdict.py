"""A gate's verdict in words a secretary reads at a glance, for the terminal and the HTML report.

「✔ 通过（7 个问题）」 read as a contradiction: a gate passes when nothing at or above the failing level
(--fail-on, default error) is in it, and what it still holds is said to be harmless.

    ✔ 通过
    ✔ 通过（有 5 条警告、2 条提示，不影响通过）
    ✘ 未通过（须修改 3 处错误；另有 2 条警告）
"""

from __future__ import annotations

from officekit.engine.finding import SEVERITY_RANK

SEVERITY_WORDS = (("error", "处错误"), ("warning", "条警告"), ("info", "条提示"))


def _counted(findings, keep) -> str:
    counts = {sev: sum(1 for f in findings if f.severity == sev) for sev, _ in SEVERITY_WORDS}
    return "、".join(f"{counts[sev]} {word}" for sev, word in SEVERITY_WORDS if keep(sev) and counts[sev])


def gate_verdict(findings, passed: bool, fail_on: str = "error") -> tuple[str, str]:
    """(the verdict, the note in brackets or "") for the findings of one gate."""
    threshold = SEVERITY_RANK[fail_on]
    blocking = _counted(findings, lambda sev: SEVERITY_RANK[sev] >= threshold)
    harmless = _counted(findings, lambda sev: SEVERITY_RANK[sev] < threshold)
    if passed:
        return "通过", (f"（有 {harmless}，不影响通过）" if harmless else "")
    return "未通过", f"（须修改 {blocking}" + (f"；另有 {harmless}" if harmless else "") + "）"
