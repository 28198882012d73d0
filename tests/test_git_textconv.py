"""textconv: block-numbered text, and `git diff` on a .docx in a real repository shows it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from docx_builders import build_docx, p, r
from output_helpers import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo, *args) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=60, check=True)
    return done.stdout


def test_textconv_numbered_prints_parts_and_block_numbers(tmp_path):
    draft = build_docx(tmp_path / "d.docx", p(r("关于开展检查的通知")) + p(r("各单位：")),
                       headers={"default": p(r("内部资料"))})
    result = run_cli("textconv", "--numbered", draft)
    assert result.exit_code == 0
    assert result.output == "[页眉]\n   1  内部资料\n[正文]\n   1  关于开展检查的通知\n   2  各单位：\n"


def test_textconv_by_default_marks_elements_without_numbers(tmp_path):
    draft = build_docx(tmp_path / "d.docx", p(r("关于开展检查的通知")) + p(r("各单位：")) + p(r("现将有关事项通知如下。")),
                       headers={"default": p(r("内部资料"))})
    result = run_cli("textconv", draft)
    assert result.exit_code == 0
    assert result.output == ("[页眉]\n内部资料\n[正文]\n【标题】关于开展检查的通知\n【主送机关】各单位：\n"
                             "【正文】现将有关事项通知如下。\n")


def test_textconv_never_breaks_a_diff(tmp_path):
    empty = tmp_path / "e.docx"
    empty.write_bytes(b"")
    assert run_cli("textconv", empty).output == ""
    broken = tmp_path / "b.docx"
    broken.write_bytes(b"garbage")
    result = run_cli("textconv", broken)
    assert result.exit_code == 0 and "officekit 无法读取" in result.output


def test_git_diff_of_a_docx_shows_the_changed_paragraph(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".gitattributes").write_text("*.docx diff=officekit\n", encoding="utf-8")
    # The documented setting, with this interpreter so the test does not depend on PATH.
    git(repo, "config", "diff.officekit.textconv", f'"{sys.executable}" -m officekit textconv')
    body = [p(r("关于开展安全检查的通知")), p(r("各单位：")), p(r("现将有关事项通知如下。"))]
    build_docx(repo / "通知.docx", "".join(body))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first draft")
    body[2] = p(r("现将有关事项通知如下，请认真贯彻执行。"))
    build_docx(repo / "通知.docx", "".join(body))
    diff = git(repo, "-c", "core.quotepath=false", "diff")
    assert "-【正文】现将有关事项通知如下。" in diff
    assert "+【正文】现将有关事项通知如下，请认真贯彻执行。" in diff
    assert "Binary files" not in diff


def test_git_diff_of_an_inserted_paragraph_is_one_added_line(tmp_path):
    """Numbered lines made every paragraph after an insertion look changed; unnumbered ones do not."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".gitattributes").write_text("*.docx diff=officekit\n", encoding="utf-8")
    git(repo, "config", "diff.officekit.textconv", f'"{sys.executable}" -m officekit textconv')
    body = [p(r("关于开展安全检查的通知")), p(r("各单位：")), p(r("一是加强组织领导。")), p(r("二是明确工作责任。")),
            p(r("三是强化督促检查。"))]
    build_docx(repo / "通知.docx", "".join(body))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first draft")
    body.insert(2, p(r("现将有关事项通知如下。")))
    build_docx(repo / "通知.docx", "".join(body))
    diff = git(repo, "-c", "core.quotepath=false", "diff", "-U0")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["+【正文】现将有关事项通知如下。"]
