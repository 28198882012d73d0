"""GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues.

Each issue: description, check_name (the rule id), fingerprint, severity (info/minor/major/critical/
blocker), location.path (repository-relative) and location.lines.begin (the block number — the same
paragraph number every report uses).  GitLab compares the fingerprints of the merge request with those
of the target branch to say which issues are new or fixed, so a fingerprint must be unique within the
report and stable under edits elsewhere: it hashes the path and our own finding fingerprint."""

from __future__ import annotations

import hashlib
import json

from officekit.report.paths import display_path, region_path, sorted_findings

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
READ_ERROR_CHECK = "officekit-unreadable"  # an input that could not be read: the job also exits 2


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _body(f) -> str:
    lines = [f"{f.rule} {f.name}（{f.gate}）：{f.message}"]
    if f.suggestion:
        lines.append(f"建议：{f.suggestion}")
    if f.source:
        lines.append(f"依据：{f.source}")
    if f.excerpt:
        lines.append(f"原文：{f.excerpt}")
    return "\n".join(lines)


def report_issues(results) -> list[dict]:
    issues = []
    seen: dict[str, int] = {}

    def unique(base: str) -> str:
        # Our fingerprints are unique within a file; keep the report's unique even if two ever collide.
        seen[base] = seen.get(base, 0) + 1
        return base if seen[base] == 1 else _fingerprint(base, str(seen[base]))

    for result in results:
        path = display_path(result.path)
        if result.status != "ok":
            issues.append({
                "type": "issue",
                "check_name": READ_ERROR_CHECK,
                "description": f"无法读取：{result.error['message']}",
                "categories": ["Bug Risk"],
                "fingerprint": unique(_fingerprint(path, READ_ERROR_CHECK)),
                "severity": "critical",
                "location": {"path": path, "lines": {"begin": 1}},
            })
            continue
        for f in sorted_findings(result):
            description = f"{f.rule} {region_path(f)}：{f.message}"
            if f.suggestion:
                description += f" 建议：{f.suggestion}"
            issues.append({
                "type": "issue",
                "check_name": f.rule,
                "description": description,
                "content": {"body": _body(f)},
                "categories": ["Style"],
                "fingerprint": unique(_fingerprint(path, f.rule, f.fingerprint)),
                "severity": SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.location.block}},
            })
    return issues


def render(results, options) -> str:
    return json.dumps(report_issues(results), ensure_ascii=False, indent=2) + "\n"
