"""S001 and S002 (suppressions that hide nothing) are ordinary rules of rules/core/suppressions.yaml:
listed, explained from the rule file, silenced by --ignore, re-levelled by severity."""

from __future__ import annotations

import json

import docx
import pytest
from output_helpers import run_cli

from officekit.engine.loader import load_text
from officekit.engine.rule import RuleError
from officekit.engine.ruleset import all_rules


@pytest.fixture
def commented(tmp_path, monkeypatch):
    """A draft whose 「officekit: ignore W301」 comment lies over text without a W301 finding."""
    monkeypatch.chdir(tmp_path)
    document = docx.Document()
    paragraph = document.add_paragraph("请认真做好森林防火工作。")
    document.add_comment(paragraph.runs, text="officekit: ignore W301", author="秘书")
    document.save(tmp_path / "草稿.docx")
    return tmp_path


def _notes(*args: str) -> list[tuple[str, str, str]]:
    result = run_cli("check", "-f", "json", *args, "草稿.docx")
    assert result.exit_code in (0, 1), result.output
    return [(f["rule"], f["severity"], f["message"]) for f in json.loads(result.stdout)["files"][0]["findings"]
            if f["rule"].startswith("S")]


def test_the_notes_are_registered_rules():
    notes = {r.id: r for r in all_rules() if r.id.startswith("S")}
    assert sorted(notes) == ["S001", "S002"]
    assert all(r.type == "suppression" and "rules/core/suppressions.yaml:" in r.origin for r in notes.values())


def test_s001_is_reported_from_the_rule_file(commented):
    assert _notes() == [("S001", "info", "批注“officekit: ignore W301”所在文字上没有 W301 的问题，该批注可以删除")]


def test_ignore_s001_silences_it(commented):
    assert _notes("--ignore", "S001") == []
    assert _notes("--ignore", "S") == []


def test_severity_raises_it(commented):
    (commented / "级别.yaml").write_text("severity: {S001: warning}\n", encoding="utf-8")
    assert [severity for _, severity, _ in _notes("-c", "级别.yaml")] == ["warning"]


def test_select_leaves_the_notes_on(commented):
    assert [rule for rule, _, _ in _notes("--select", "F201")] == ["S001"]


def test_ignore_s002_silences_the_config_note(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "草稿.txt").write_text("请认真做好森林防火工作。\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text('suppress:\n  "归档/*": [W3]\n', encoding="utf-8")
    assert "（S002）" in run_cli("check", "草稿.txt").stderr
    assert "S002" not in run_cli("check", "--ignore", "S002", "草稿.txt").stderr


def test_explain_reads_the_rule_file():
    out = run_cli("explain", "S001").stdout
    assert out.startswith("S001  未起作用的忽略批注\n关口：随被忽略的规则    级别：info    类型：suppression\n")
    assert "没有隐藏任何问题" in out and "suppressions.yaml:" in out
    assert "      报告：批注“officekit: ignore W301”所在文字上没有 W301 的问题，该批注可以删除" in out


def test_an_s_id_is_reserved_for_suppression_notes():
    rule = """
- id: S003
  name: 测试
  type: pattern
  gate: 文字关
  severity: info
  forbid: 林草局
  message: 测试
  source: 测试
  examples:
    - fail: 林草局
    - pass: 林业和草原局
"""
    with pytest.raises(RuleError, match="规则编号 'S003' 不合格式"):
        load_text(rule, "本单位.yaml")
