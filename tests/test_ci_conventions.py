"""What an engineer wiring officekit into CI expects from a linter (ruff, Vale, markdownlint): one line a
finding, --statistics, --quiet, --exit-zero, fixable findings marked and counted, fix --diff, the
effective configuration of a file, and folder walks that skip what a repository does not want checked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from docx_builders import build_docx, p, r
from output_helpers import run_cli

from officekit import __version__

COMMA_TEXT = "现将有关事项通知如下,请认真贯彻执行。"  # W101 at character 11: the half-width comma
TXT_DRAFT = f"关于开展安全检查的通知\n各单位：\n{COMMA_TEXT}\n"


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(TXT_DRAFT, encoding="utf-8")
    build_docx(tmp_path / "drafts" / "b.docx", p(r("关于开展安全检查的通知")) + p(r("各单位：")) + p(r(COMMA_TEXT)))
    return tmp_path


def lines_of(output: str, rule: str) -> list[str]:
    return [line for line in output.splitlines() if f" {rule} " in line]


# ---------------------------------------------------------------- one line a finding

def test_concise_prints_path_block_column_rule_and_marks_the_fixable(drafts):
    result = run_cli("check", "-f", "concise", "drafts")
    assert result.exit_code == 1
    # a .txt: line 3, column 11 (1-based); no [*]: `officekit fix` edits .docx drafts only
    assert lines_of(result.stdout, "W101") == [
        "drafts/a.txt:3:11: error: W101 中文语境应使用全角“，”，此处为半角“,”（建议：，）",
        "drafts/b.docx:3:11: error: W101 [*] 中文语境应使用全角“，”，此处为半角“,”（建议：，）",
    ]
    summary = result.stdout.splitlines()[-2:]
    assert summary[0].startswith("共 ") and summary[0].endswith("2 个文件")
    assert summary[1].startswith("[*] 1 个问题可用 `officekit fix` 自动修改")


def test_concise_names_an_unreadable_file_on_one_line_and_exits_2(drafts):
    (drafts / "drafts" / "broken.docx").write_bytes(b"not a zip")
    result = run_cli("check", "-f", "concise", "drafts/broken.docx")
    assert result.exit_code == 2
    first = result.stdout.splitlines()[0]
    assert first.startswith("drafts/broken.docx:1:1: error: 无法读取：")


def test_text_report_counts_what_fix_can_apply(drafts):
    result = run_cli("check", "drafts/b.docx", "--no-color")
    header = next(line for line in result.stdout.splitlines() if " · W101 " in line)
    assert header.startswith("  [错误] 第 3 段 第 11 字 · ") and header.endswith(" [*]")
    assert "[*] 1 个问题可用 `officekit fix` 自动修改" in result.stdout


# ---------------------------------------------------------------- --statistics, --quiet, --exit-zero

def test_statistics_counts_findings_by_rule_most_first(drafts):
    result = run_cli("check", "--statistics", "drafts")
    assert result.exit_code == 1
    rows = result.stdout.splitlines()
    w101 = next(row for row in rows if " W101 " in row)
    assert w101.split()[:3] == ["2", "W101", "[*]"]
    counts = [int(row.split()[0]) for row in rows if row.split()[0].isdigit()]
    assert counts == sorted(counts, reverse=True)
    as_json = json.loads(run_cli("check", "--statistics", "-f", "json", "drafts").stdout)
    assert {"rule": "W101", "count": 2, "fixable": 1} == {k: v for k, v in
                                                          next(x for x in as_json if x["rule"] == "W101").items()
                                                          if k in ("rule", "count", "fixable")}


def test_quiet_prints_the_findings_only(drafts):
    loud = run_cli("check", "-f", "concise", "drafts/a.txt")
    quiet = run_cli("check", "-f", "concise", "--quiet", "drafts/a.txt")
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:-1]  # the same findings, no summary
    assert not any(line.startswith("共 ") for line in quiet.stdout.splitlines())


def test_quiet_text_report_leaves_out_files_without_findings(drafts, tmp_path):
    (drafts / "drafts" / "a.txt").write_text("今天天气很好。\n", encoding="utf-8")
    result = run_cli("check", "--quiet", "--select", "W101", "drafts")
    assert "drafts/a.txt" not in result.stdout and "drafts/b.docx" in result.stdout
    assert "共 2 个文件" not in result.stdout


def test_exit_zero_with_findings_but_2_for_an_unreadable_draft(drafts):
    assert run_cli("check", "--exit-zero", "drafts").exit_code == 0
    (drafts / "drafts" / "broken.docx").write_bytes(b"not a zip")
    assert run_cli("check", "--exit-zero", "drafts").exit_code == 2  # `|| true` hid this


def test_ci_templates_do_not_hide_unreadable_drafts():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name in ("docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml", "docs/workflows.md"):
        with open(os.path.join(root, name), encoding="utf-8") as fh:
            text = fh.read()
        commands = [line for line in text.splitlines() if not line.strip().startswith("#") and "officekit" in line]
        assert not [line for line in commands if "|| true" in line], name
        assert "officekit-cn==0.1.0" not in text, name
        assert f"officekit.git@v{__version__}" in text, name  # installed from the repository at the release tag


def test_workflows_exclude_example_leaves_out_what_it_names(drafts):
    import re

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "docs", "workflows.md"), encoding="utf-8") as fh:
        text = fh.read()
    example = re.search(r"```yaml\n(.*?)```", text[text.index("Which files a folder walk takes"):], re.DOTALL).group(1)
    (drafts / ".officekit.yaml").write_text(example, encoding="utf-8")
    for folder in ("归档", "模板"):
        (drafts / folder).mkdir()
    (drafts / "归档" / "old.txt").write_text(TXT_DRAFT, encoding="utf-8")
    build_docx(drafts / "模板" / "通知模板.docx", p(r("关于开展安全检查的通知")))
    (drafts / "模板" / "说明.txt").write_text(TXT_DRAFT, encoding="utf-8")  # not *.docx: still checked
    result = run_cli("check", "-f", "json", ".")
    assert _checked(result.stdout) == ["drafts/a.txt", "drafts/b.docx", "模板/说明.txt"]


def test_the_pre_commit_hook_obeys_excludes():
    import yaml

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(fh)}
    assert hooks["officekit"]["entry"].split() == ["officekit", "check", "--force-exclude"]


# ---------------------------------------------------------------- fix --diff

def test_fix_diff_previews_the_fixes_without_writing(drafts):
    before = sorted(os.listdir(drafts / "drafts"))
    result = run_cli("fix", "--diff", "drafts/b.docx")
    assert result.exit_code == 1  # there is something to fix
    assert "-   3  现将有关事项通知如下,请认真贯彻执行。" in result.stdout
    assert "+   3  现将有关事项通知如下，请认真贯彻执行。" in result.stdout
    assert result.stdout.startswith("--- drafts/b.docx（原稿）\n+++ drafts/b.docx（officekit fix 之后）\n")
    assert sorted(os.listdir(drafts / "drafts")) == before  # no 修订 copy, the draft untouched


def test_fix_diff_of_a_draft_with_nothing_to_fix_is_empty(drafts):
    build_docx(drafts / "ok.docx", p(r("关于开展安全检查的通知")) + p(r("各单位：")))
    result = run_cli("fix", "--diff", "ok.docx")
    assert result.exit_code == 0 and result.stdout == ""


# ---------------------------------------------------------------- effective configuration

def test_config_show_names_the_file_its_suppressions_and_the_rules_it_runs(drafts):
    (drafts / ".officekit.yaml").write_text(
        'ignore: [W3]\nseverity:\n  W101: warning\nexclude: ["归档/"]\nsuppress:\n  "drafts/*.txt": [F2]\n',
        encoding="utf-8")
    result = run_cli("config", "show", "drafts/a.txt")
    assert result.exit_code == 0
    import yaml

    shown = yaml.safe_load(result.stdout)
    assert shown["config"] == ".officekit.yaml" and shown["ignore"] == ["W3"]
    assert shown["suppress_for_this_file"] == ["drafts/*.txt: F2"]
    assert shown["rules"]["regraded"] == {"W101": "warning"}
    assert "W301" not in shown["rules"]["ids"].split() and "W301" in shown["rules"]["not_running"].split()
    assert shown["folder_walk"] == "检查"
    same = run_cli("check", "--show-config", "drafts/a.txt")
    assert same.exit_code == 0 and yaml.safe_load(same.stdout) == shown


def test_config_show_without_a_config_says_built_in_defaults(drafts):
    result = run_cli("config", "show", "drafts/a.txt")
    import yaml

    shown = yaml.safe_load(result.stdout)
    assert shown["config"] is None and "内置默认" in shown["config_source"]


# ---------------------------------------------------------------- what a folder walk takes

def _checked(output: str) -> list[str]:
    return sorted(f["path"] for f in json.loads(output)["files"])


def test_folder_walk_skips_repository_files_and_config_excludes(drafts):
    (drafts / "README.md").write_text("# 公文草稿库\n本仓库存放草稿。\n", encoding="utf-8")
    (drafts / "requirements.txt").write_text("officekit-cn\n", encoding="utf-8")
    (drafts / "归档").mkdir()
    (drafts / "归档" / "old.txt").write_text(TXT_DRAFT, encoding="utf-8")
    (drafts / ".officekit.yaml").write_text('exclude: ["归档/"]\n', encoding="utf-8")
    result = run_cli("check", "-f", "json", ".")
    assert _checked(result.stdout) == ["drafts/a.txt", "drafts/b.docx"]
    # named on the command line, a file is checked as given …
    assert _checked(run_cli("check", "-f", "json", "README.md").stdout) == ["README.md"]
    # … unless --force-exclude (pre-commit passes staged files by name)
    forced = run_cli("check", "-f", "json", "--force-exclude", "README.md", "归档/old.txt", "drafts/a.txt")
    assert _checked(forced.stdout) == ["drafts/a.txt"]
    nothing = run_cli("check", "--force-exclude", "README.md")
    assert nothing.exit_code == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_folder_walk_respects_gitignore(drafts):
    subprocess.run(["git", "init", "-q", str(drafts)], check=True)
    (drafts / ".gitignore").write_text("build/\n*.tmp.txt\n", encoding="utf-8")
    (drafts / "build").mkdir()
    (drafts / "build" / "out.txt").write_text(TXT_DRAFT, encoding="utf-8")
    (drafts / "drafts" / "scratch.tmp.txt").write_text(TXT_DRAFT, encoding="utf-8")
    assert _checked(run_cli("check", "-f", "json", ".").stdout) == ["drafts/a.txt", "drafts/b.docx"]
    import yaml

    assert "git" in yaml.safe_load(run_cli("config", "show", "build/out.txt").stdout)["folder_walk"]


def test_symlink_loops_are_skipped_in_a_walk_and_named_when_given(drafts):
    os.symlink("loop-b.docx", drafts / "drafts" / "loop-a.docx")
    os.symlink("loop-a.docx", drafts / "drafts" / "loop-b.docx")
    os.symlink("..", drafts / "drafts" / "up")  # a folder loop: never followed
    walked = run_cli("check", "-f", "json", ".")
    assert walked.exit_code == 1 and _checked(walked.stdout) == ["drafts/a.txt", "drafts/b.docx"]
    given = run_cli("check", "drafts/loop-a.docx")
    assert given.exit_code == 2
    assert "链接成环" in given.stdout
