"""bench/csc.py's scoring: sentence and character counts from findings, and severity floors."""

from __future__ import annotations

from types import SimpleNamespace

from bench import csc


def finding(start, end, suggestion, severity="warning"):
    return SimpleNamespace(rule="W302", gate="文字关", severity=severity, suggestion=suggestion,
                           location=SimpleNamespace(start=start, end=end))


def test_tally_counts_sentences_and_characters():
    tally = csc.Tally("toy", "standalone")
    tally.add("总休方案", "总体方案", [finding(0, 2, "总体")])  # right sentence, right character
    tally.add("总体方案", "总体方案", [finding(2, 4, "防案")])  # a false alarm
    tally.add("堂务委员会", "常务委员会", [])  # a miss
    result = tally.result()
    assert result["sentence"]["tp"] == 1 and result["sentence"]["fp"] == 1 and result["sentence"]["fn"] == 1
    assert result["char"]["precision"] == 0.5 and result["char"]["recall"] == 0.5


def test_counted_keeps_findings_at_or_above_a_severity():
    findings = [finding(0, 2, "总体", "info"), finding(0, 2, "总体", "warning")]
    assert len(csc.counted(findings, "info")) == 2
    assert [f.severity for f in csc.counted(findings, "warning")] == ["warning"]
