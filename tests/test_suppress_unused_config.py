"""S002: config `suppress:` entries that hide nothing are reported — only when the run can tell."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from output_helpers import run_cli

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "report-schema.json"
CONFIG = """\
suppress:
  "drafts/归档/*": [W3, W1]
  "旧稿/*": [F]
  "*.txt":
    - P
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts" / "归档").mkdir(parents=True)
    (tmp_path / "drafts" / "a.txt").write_text("会议要求认真做好准备。\n", encoding="utf-8")
    # W301 布署→部署: hidden by "drafts/归档/*: W3"; nothing there for W1 to hide.
    (tmp_path / "drafts" / "归档" / "b.txt").write_text("各单位要认真布署，确保按时完成。\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.endswith("（S002）")]


def test_unused_entries_are_noted_on_stderr_with_their_line(repo):
    result = run_cli("check", "drafts")
    assert result.exit_code == 0  # notes never change the exit code; W301 was hidden
    assert "W301" not in result.stdout and "S002" not in result.stdout  # the text report is about the drafts
    assert _notes(result.stderr) == [
        "officekit: .officekit.yaml 第 2 行：suppress 中的“drafts/归档/*: W1”在它匹配的 1 份草稿中没有隐藏任何问题，可以删除该项（S002）",
        "officekit: .officekit.yaml 第 3 行：suppress 中的“旧稿/*”没有匹配任何草稿，其中的 F 不起作用：请改正通配符或删除该项（S002）",
        "officekit: .officekit.yaml 第 5 行：suppress 中的“*.txt: P”在它匹配的 2 份草稿中没有隐藏任何问题，可以删除该项（S002）",
    ]


def test_json_lists_them_as_s002_findings_of_the_config_file(repo):
    result = run_cli("check", "drafts", "-f", "json", "--fail-on", "info")
    report = json.loads(result.stdout)
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert result.exit_code == 0  # even at --fail-on info: the drafts themselves are clean
    config = [f for f in report["files"] if f["path"] == ".officekit.yaml"]
    assert len(config) == 1 and len(report["files"]) == 3
    notes = [(f["rule"], f["location"]["block"], f["gate"], f["severity"], f["excerpt"]) for f in config[0]["findings"]]
    assert notes == [("S002", 2, "文字关", "info", '"drafts/归档/*": [W3, W1]'),
                     ("S002", 3, "格式关", "info", '"旧稿/*": [F]'),
                     ("S002", 5, "政策关", "info", "- P")]
    assert len({f["fingerprint"] for f in config[0]["findings"]}) == 3


def test_sarif_points_at_the_config_line(repo):
    sarif = json.loads(run_cli("check", "drafts", "-f", "sarif").stdout)
    places = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in sarif["runs"][0]["results"]]
    assert ("S002", ".officekit.yaml", 3) in places


def test_a_run_on_some_drafts_only_reports_patterns_that_match_nothing(repo):
    # Only a.txt is checked: "*.txt" and "drafts/归档/*" also cover b.txt, which this run did not see.
    result = run_cli("check", "drafts/a.txt")
    assert [line.split("：")[0] for line in _notes(result.stderr)] == ["officekit: .officekit.yaml 第 3 行"]


def test_used_entries_are_quiet(repo):
    (repo / ".officekit.yaml").write_text('suppress:\n  "drafts/归档/*": [W301]\n', encoding="utf-8")
    result = run_cli("check", "drafts")
    assert result.exit_code == 0 and _notes(result.stderr) == []


def test_explain_s002():
    result = run_cli("explain", "S002")
    assert result.exit_code == 0
    assert result.stdout.startswith("S002  未起作用的 suppress 配置") and "--changed-since" in result.stdout


def test_rules_this_run_did_not_run_are_not_judged(repo):
    # --select W301: the W1 and P rules did not run, so their entries cannot be judged; 旧稿/* still matches nothing.
    result = run_cli("check", "drafts", "--select", "W301")
    assert [line.split("：")[0] for line in _notes(result.stderr)] == ["officekit: .officekit.yaml 第 3 行"]


def test_an_unknown_rule_id_is_reported(repo):
    (repo / ".officekit.yaml").write_text('suppress:\n  "drafts/*": [W301, W999]\n', encoding="utf-8")
    result = run_cli("check", "drafts/a.txt")  # even on a partial run: no rule W999 exists
    assert _notes(result.stderr) == [
        "officekit: .officekit.yaml 第 2 行：suppress 中的“drafts/*: W999”不起作用：没有编号为 W999（或以它开头）的规则（S002）"]
