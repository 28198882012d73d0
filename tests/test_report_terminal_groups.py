"""The text report folds identical findings (same rule and message) into one entry listing the places;
the machine formats keep one finding each."""

from __future__ import annotations

import json

from docx_builders import build_docx, p, r
from output_helpers import run_cli

TYPO = "各单位要认真布署，确保按时完成。"  # W301 布署→部署, the same message on every line


def _entries(report: str, rule: str) -> list[str]:
    return [line for line in report.splitlines() if line.startswith("  [") and f" {rule} " in line]


def test_forty_identical_findings_are_one_entry(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("\n".join([TYPO] * 40) + "\n", encoding="utf-8")
    text = run_cli("check", draft, "--select", "W301", "--no-color")
    assert _entries(text.stdout, "W301") == [
        "  [错误] 第 1、2、3、4、5、6、7、8、9、10 行等 40 处 · 正文 · W301 错别字"]
    assert text.stdout.count("“布署”应为“部署”") == 1 and text.stdout.count("建议：部署") == 1
    assert "文字关  ✘ 未通过（须修改 40 处错误）" in text.stdout and "合计：错误 40" in text.stdout
    report = json.loads(run_cli("check", draft, "--select", "W301", "-f", "json").stdout)
    assert len(report["files"][0]["findings"]) == 40  # JSON (and SARIF, JUnit…) stay one finding each


def test_a_few_are_listed_with_their_count_and_a_paragraph_once(tmp_path):
    paragraphs = [p(r(TYPO)), p(r("今天天气很好。")), p(r(TYPO + TYPO)), p(r("会议要求认真按装设备。"))]
    draft = build_docx(tmp_path / "x.docx", "".join(paragraphs))
    entries = _entries(run_cli("check", draft, "--select", "W301", "--no-color").stdout, "W301")
    # [*]: a safe fix `officekit fix` applies (a .docx), as in the concise format
    assert entries == ["  [错误] 第 1、3 段，共 3 处 · 正文 · W301 错别字 [*]",  # paragraph 3 holds two
                       "  [错误] 第 4 段 第 7 字 · 正文 · W301 错别字 [*]"]  # another message: its own entry


def test_different_messages_are_not_folded(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text(f"{TYPO}\n会议要求认真按装设备。\n", encoding="utf-8")
    entries = _entries(run_cli("check", draft, "--select", "W301", "--no-color").stdout, "W301")
    assert entries == ["  [错误] 第 1 行 第 7 字 · 正文 · W301 错别字", "  [错误] 第 2 行 第 7 字 · 正文 · W301 错别字"]
