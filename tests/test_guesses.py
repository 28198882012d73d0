"""Guesses are labelled as guesses and never decide a gate or the exit code (whatever --fail-on says)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from officekit.check import FileResult
from officekit.cli import main
from officekit.engine.finding import Finding, Location


def finding(rule: str, severity: str, guess: bool) -> Finding:
    return Finding(rule=rule, name="n", gate="文字关", severity=severity, element="正文", message="m",
                   suggestion=None, location=Location("body", 1, 0, 1), excerpt="x", source=None, guess=guess)


def test_a_guess_never_fails_a_gate():
    result = FileResult(path="x", findings=[finding("W302", "warning", True)])
    assert result.gate_verdicts("warning")["文字关"] == "pass" and not result.fails("info")
    result.findings.append(finding("W301", "warning", False))
    assert result.gate_verdicts("warning")["文字关"] == "fail" and result.fails("warning")


def test_the_detector_marks_its_findings_as_guesses(tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("关于开展检查的通知\n各单位：\n请按总休方案推进工作。\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "-f", "json", "--fail-on", "info", "--select", "W302", str(draft)])
    findings = json.loads(out.stdout)["files"][0]["findings"]
    assert findings and all(f["rule"] == "W302" and f["guess"] is True for f in findings)
    assert out.exit_code == 0  # hints and guesses alone: the draft passes
    text = CliRunner().invoke(main, ["check", "--select", "W302", str(draft)], env={"NO_COLOR": "1"}).stdout
    assert "W302 疑似错别字（推测，不影响通过）" in text
