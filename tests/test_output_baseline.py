"""Adopting officekit on an existing repository: baseline, suppressions, --changed-since."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from docx_builders import build_docx, p, r
from output_helpers import run_cli

from officekit.check import check_file
from officekit.suppress import UNUSED_RULE

TYPO = "各单位要认真布署，确保按时完成。"  # W301 布署→部署


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(f"{TYPO}\n今天天气很好。\n", encoding="utf-8")
    (tmp_path / "drafts" / "b.txt").write_text("会议要求认真按装设备。\n", encoding="utf-8")
    return tmp_path


def _rules(result_output: str) -> list[str]:
    return [f["rule"] for file in json.loads(result_output)["files"] for f in file["findings"]]


def test_baseline_then_only_new_findings_and_stale_entries(repo):
    assert run_cli("baseline", "drafts").exit_code == 0
    data = json.loads((repo / ".officekit-baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "officekit/baseline@2"
    assert sorted(data["files"]) == ["drafts/a.txt", "drafts/b.txt"]
    assert "W301" in [e["rule"] for e in data["files"]["drafts/a.txt"]]

    clean = run_cli("check", "drafts", "--baseline", ".officekit-baseline.json", "-f", "json")
    assert clean.exit_code == 0 and "W301" not in _rules(clean.stdout)

    # A line added above moves the old typo but keeps its fingerprint; a new typo is reported.
    (repo / "drafts" / "a.txt").write_text(f"新增一行。\n{TYPO}\n再接再励。\n", encoding="utf-8")
    (repo / "drafts" / "b.txt").write_text("会议要求认真安装设备。\n", encoding="utf-8")  # fixed: its entry is stale
    new = run_cli("check", "drafts", "--baseline", ".officekit-baseline.json", "-f", "json")
    report = json.loads(new.stdout)
    findings = [(f["rule"], f["location"]["block"]) for file in report["files"] for f in file["findings"]]
    assert ("W301", 3) in findings and ("W301", 2) not in findings
    assert new.exit_code == 1
    stale = len(data["files"]["drafts/b.txt"])  # every finding of b.txt is gone
    assert f"基线中有 {stale} 条问题已不再出现" in new.stderr and "drafts/b.txt: W301" in new.stderr


def test_baseline_refuses_to_overwrite_without_force(repo):
    assert run_cli("baseline", "drafts").exit_code == 0
    assert run_cli("baseline", "drafts").exit_code == 2
    assert run_cli("baseline", "drafts", "--force").exit_code == 0


def test_broken_baseline_file_is_a_usage_error(repo):
    (repo / "bl.json").write_text("{}", encoding="utf-8")
    result = run_cli("check", "drafts", "--baseline", "bl.json")
    assert result.exit_code == 2 and "不是 officekit 基线文件" in result.stderr


def test_config_suppress_by_glob(repo):
    (repo / ".officekit.yaml").write_text("suppress:\n  'drafts/a.*': [W301]\n", encoding="utf-8")
    a, b = check_file("drafts/a.txt"), check_file("drafts/b.txt")
    assert "W301" not in [f.rule for f in a.findings]
    assert "W301" in [f.rule for f in b.findings]


def test_bad_suppress_config_is_reported(repo):
    (repo / ".officekit.yaml").write_text("suppress:\n  'drafts/*': {W301: 1}\n", encoding="utf-8")
    result = run_cli("check", "drafts")
    assert result.exit_code == 2 and "suppress" in result.stderr


def _commented(tmp_path, comment: str, anchor: str, before: str, after: str):
    comments = f'<w:comment w:id="0" w:author="科员"><w:p><w:r><w:t>{comment}</w:t></w:r></w:p></w:comment>'
    body = p(r(before), '<w:commentRangeStart w:id="0"/>', r(anchor), '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>', r(after))
    return build_docx(tmp_path / "c.docx", body, comments=comments)


def test_ignore_comment_in_the_draft_hides_that_finding(tmp_path):
    path = _commented(tmp_path, "officekit: ignore W301", "布署", "各单位要认真", "，确保既使再忙也按时完成。")
    rules = [(f.rule, f.excerpt[f.location.start:f.location.end] if f.location.start is not None else "")
             for f in check_file(str(path)).findings]
    assert ("W301", "布署") not in rules
    assert ("W301", "既使") in rules  # the comment covers only its own text
    assert UNUSED_RULE not in [rule for rule, _ in rules]


def test_unused_ignore_comment_is_reported_as_info(tmp_path):
    path = _commented(tmp_path, "officekit：ignore W101", "部署", "各单位要认真", "，确保按时完成。")
    notices = [f for f in check_file(str(path)).findings if f.rule == UNUSED_RULE]
    assert len(notices) == 1
    notice = notices[0]
    assert notice.severity == "info" and notice.gate == "文字关" and "W101" in notice.message
    assert (notice.location.block, notice.location.start, notice.location.end) == (1, 6, 8)


def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


def test_changed_since_checks_only_changed_drafts(repo):
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "drafts")
    _git(repo, "tag", "v1")
    nothing = run_cli("check", "drafts", "--changed-since", "v1")
    assert nothing.exit_code == 0 and "没有改动过的草稿" in nothing.stderr
    (repo / "drafts" / "b.txt").write_text("会议要求认真按装新设备。\n", encoding="utf-8")
    (repo / "drafts" / "c.txt").write_text("既使如此。\n", encoding="utf-8")  # new, untracked
    result = run_cli("check", "drafts", "--changed-since", "v1", "-f", "json")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        os.path.join("drafts", "b.txt"), os.path.join("drafts", "c.txt")]
    bad = run_cli("check", "drafts", "--changed-since", "no-such-ref")
    assert bad.exit_code == 2 and "no-such-ref" in bad.stderr
