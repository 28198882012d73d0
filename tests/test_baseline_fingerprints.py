"""Baselines a repository can live with: the report says what it hides, an edit to one word of a
paragraph does not turn its known findings into new ones, and a baseline written by the older version
(officekit/baseline@1, whole-paragraph fingerprints) still hides what it recorded."""

from __future__ import annotations

import hashlib
import json

import pytest
from output_helpers import run_cli

# Two typos in one paragraph, far apart: W301 布署→部署 (at 4) and W301 按装→安装 (at 23).
PARAGRAPH = "各单位要认真布署，统筹推进各项工作任务落实落细，要求认真按装监控设备。"
DRAFT = f"关于开展安全检查的通知\n各单位：\n{PARAGRAPH}\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _report(*args) -> tuple[int, list[dict]]:
    result = run_cli("check", "-f", "json", *args)
    return result.exit_code, json.loads(result.stdout)["files"][0]["findings"]


def test_a_fully_baselined_draft_says_how_many_findings_it_hides(repo):
    assert run_cli("baseline", "a.txt").exit_code == 0
    _, known = _report("a.txt")
    result = run_cli("check", "a.txt", "--baseline", ".officekit-baseline.json")
    assert result.exit_code == 0
    assert "✔ 通过" in result.stdout
    assert f"另有 {len(known)} 个基线中的问题未显示" in result.stdout
    concise = run_cli("check", "-f", "concise", "a.txt", "--baseline", ".officekit-baseline.json")
    assert f"另有 {len(known)} 个基线中的问题未显示" in concise.stdout.splitlines()[-1]


def test_editing_one_word_of_a_paragraph_keeps_its_baselined_findings_hidden(repo):
    assert run_cli("baseline", "a.txt").exit_code == 0
    # a word between the two typos, far from both
    (repo / "a.txt").write_text(DRAFT.replace("各项工作任务", "全年重点任务"), encoding="utf-8")
    code, findings = _report("a.txt", "--baseline", ".officekit-baseline.json")
    assert [f for f in findings if f["rule"] == "W301"] == [] and code == 0
    # right next to one typo (its text after changes): the text before it still anchors it
    (repo / "a.txt").write_text(DRAFT.replace("布署，统筹", "布署。统筹"), encoding="utf-8")
    code, findings = _report("a.txt", "--baseline", ".officekit-baseline.json")
    assert [f for f in findings if f["rule"] == "W301"] == []


def test_a_new_instance_of_a_baselined_typo_is_new(repo):
    assert run_cli("baseline", "a.txt").exit_code == 0
    (repo / "a.txt").write_text(DRAFT + "请于月底前完成布署工作。\n", encoding="utf-8")
    code, findings = _report("a.txt", "--baseline", ".officekit-baseline.json")
    assert code == 1
    assert [(f["rule"], f["location"]["block"], f["location"]["start"]) for f in findings] == [("W301", 4, 7)]


def _v1_fingerprint(rule: str, element: str, block_text: str, matched: str, occurrence: int) -> str:
    """The fingerprint officekit/baseline@1 files hold, written out here as the contract it was."""
    key = "\x1f".join((rule, element, "".join(block_text.split()), matched, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def test_a_baseline_of_the_older_version_still_hides_what_it_recorded(repo):
    _, findings = _report("a.txt")
    lines = DRAFT.splitlines()
    seen: dict[tuple, int] = {}
    entries = []
    for f in findings:
        loc = f["location"]
        text = lines[loc["block"] - 1]
        matched = text[loc["start"]:loc["end"]] if loc["start"] is not None else ""
        key = (f["rule"], f["element"], text, matched)
        n = seen.get(key, 0)
        seen[key] = n + 1
        entries.append({"fingerprint": _v1_fingerprint(f["rule"], f["element"], text, matched, n), "rule": f["rule"],
                        "block": loc["block"], "excerpt": f["excerpt"][:60]})
    old = {"schema": "officekit/baseline@1", "files": {"a.txt": entries}}
    (repo / "old-baseline.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    code, shown = _report("a.txt", "--baseline", "old-baseline.json")
    assert code == 0 and shown == []
    (repo / "a.txt").write_text(DRAFT + "请于月底前完成布署工作。\n", encoding="utf-8")
    code, shown = _report("a.txt", "--baseline", "old-baseline.json")
    assert [(f["rule"], f["location"]["block"]) for f in shown] == [("W301", 4)]


def test_a_rewritten_baseline_is_of_the_current_version_with_both_halves(repo):
    assert run_cli("baseline", "a.txt").exit_code == 0
    data = json.loads((repo / ".officekit-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "officekit/baseline@2"
    assert all(len(e["near"]) == 2 and e["fingerprint"] not in e["near"] for e in data["files"]["a.txt"])


def test_machine_formats_say_on_stderr_how_many_findings_the_baseline_hid(repo):
    assert run_cli("baseline", "a.txt").exit_code == 0
    result = run_cli("check", "-f", "sarif", "a.txt", "--baseline", ".officekit-baseline.json")
    assert result.exit_code == 0
    assert "个基线中的问题未显示" in result.stderr and "个基线中的问题未显示" not in result.stdout
