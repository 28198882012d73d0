"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Regions use the location contract: startLine = block number, startColumn = start + 1 (characters,
columnKind unicodeCodePoints).  Our fingerprints go into partialFingerprints so the upload action does
not try to hash "lines" of a zip file.  A place in a header or footer carries its part in the logical
location (页眉第1段), since lines there are numbered within the part."""

from __future__ import annotations

import json
from urllib.parse import quote

from officekit import __version__
from officekit.report.paths import display_path, region_path, sorted_findings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "officekitFingerprint/v1"


def _rules(results) -> tuple[list[dict], dict[str, int]]:
    first: dict[str, object] = {}
    for result in results:
        for f in result.findings:
            first.setdefault(f.rule, f)
    rules, index = [], {}
    for number, rule_id in enumerate(sorted(first)):
        f = first[rule_id]
        description = f.name + (f"（依据：{f.source}）" if f.source else "")
        rules.append({
            "id": rule_id,
            "name": f.name,
            "shortDescription": {"text": f.name},
            "fullDescription": {"text": description},
            "defaultConfiguration": {"level": LEVEL[f.severity]},
            "properties": {"tags": [f.gate], "gate": f.gate, "source": f.source or ""},
        })
        index[rule_id] = number
    return rules, index


def _result(path: str, f, rule_index: int) -> dict:
    loc = f.location
    region = {"startLine": loc.block}
    if loc.start is not None:
        region["startColumn"] = loc.start + 1
        if loc.end is not None and loc.end > loc.start:
            region["endColumn"] = loc.end + 1
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    text = f.message + (f" 建议：{f.suggestion}" if f.suggestion else "")
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}, "region": region},
            "logicalLocations": [{"fullyQualifiedName": region_path(f), "kind": "element"}],
        }],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"gate": f.gate, "element": f.element, "part": loc.part},
        **({"fixes": [_fix(path, f, region)]} if f.applicability in APPLIED else {}),
    }


# Fixes SARIF carries: a guess's replacement (applicability display) is shown in the message, not offered
# as a fix a viewer could apply.
APPLIED = ("safe", "unsafe")


def _fix(path: str, f, region: dict) -> dict:
    """SARIF 2.1.0 §3.55: the replacement of the finding's region, in the same block/column terms."""
    deleted = {k: v for k, v in region.items() if k != "snippet"}
    what = "可安全自动修改" if f.applicability == "safe" else "建议修改，需人工确认"
    return {
        "description": {"text": f"替换为：{f.fix.replacement}（{what}）"},
        "artifactChanges": [{
            "artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
            "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": f.fix.replacement}}],
        }],
        "properties": {"applicability": f.applicability},
    }


def report_sarif(results) -> dict:
    rules, index = _rules(results)
    findings, notifications = [], []
    for result in results:
        path = quote(display_path(result.path), safe="/")  # a URI reference: Chinese names percent-encoded
        if result.status != "ok":
            notifications.append({
                "level": "error",
                "message": {"text": f"{display_path(result.path)}: {result.error['message']}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"}}}],
            })
            continue
        findings.extend(_result(path, f, index[f.rule]) for f in sorted_findings(result))
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "officekit", "version": __version__,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": findings,
        }],
    }


def render(results, options) -> str:
    return json.dumps(report_sarif(results), ensure_ascii=False, indent=2) + "\n"
