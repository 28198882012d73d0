"""The made-up drafts that stand in for the corpus in the output tests still have what those tests need."""

from __future__ import annotations

from sample_drafts import faulty_notice

from officekit.check import check_file
from officekit.output.fix import fixable


def test_faulty_notice_has_findings_of_every_kind(tmp_path):
    findings = check_file(str(faulty_notice(tmp_path))).findings
    assert {f.severity for f in findings} >= {"error", "warning"}
    assert [(f.rule, f.location.part) for f in findings if f.location.part != "body"] == [("F063", "footer")]
    safe = [(f.rule, f.location.block, f.location.start, f.fix.replacement) for f in fixable(findings)]
    assert safe == [("W101", 8, 18, "，"), ("W103", 8, 25, "“山头地块”"), ("W101", 8, 36, "。"),
                    ("W301", 10, 15, "部署")]
    assert all(f.location.end - f.location.start == len(f.fix.replacement) for f in fixable(findings))
    assert any(f.suggestion and f.source for f in findings)
