"""A secretary's path: a GBK console, errors only, folders, lock files, Chinese ignore comments, copies
colleagues can open, LibreOffice where its installer put it."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from docx_builders import build_docx, p, r
from output_helpers import run_cli
from sample_drafts import faulty_notice

from officekit.check import check_file
from officekit.cli.console_encoding import encodable, make_stdout_safe
from officekit.document import convert


def officekit(*args, cwd, encoding: str, stdout) -> subprocess.CompletedProcess:
    """`officekit ARGS` as a Chinese Windows console runs it: stdout (a file) in `encoding`."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "officekit", *map(str, args)], cwd=cwd, env=env, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=180)


# ---------------------------------------------------------------- 1. the console's encoding

@pytest.mark.parametrize("encoding", ["gbk", "cp936"])
def test_a_report_redirected_to_a_gbk_file_is_written_whole(encoding, tmp_path):
    draft = faulty_notice(tmp_path, "草稿.docx")
    report = tmp_path / "报告.txt"
    with report.open("wb") as out:
        done = officekit("check", draft.name, cwd=tmp_path, encoding=encoding, stdout=out)
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    text = report.read_bytes().decode(encoding)  # strict: the file is all GBK
    assert "格式关  × 未通过" in text  # ✘ written as GBK's ×
    assert "合计：错误" in text  # the report reached its end


def test_textconv_marks_a_line_break_with_a_gbk_arrow(tmp_path):
    draft = build_docx(tmp_path / "d.docx", p(r("第一行", extra="<w:br/>"), r("第二行")))
    done = officekit("textconv", draft, cwd=tmp_path, encoding="gbk", stdout=subprocess.PIPE)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "第一行↓第二行" in done.stdout.decode("gbk")


def test_a_cp936_stdout_gets_look_alikes_and_question_marks():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp936", errors="strict")
    make_stdout_safe(stream)
    stream.write("✔ 通过 ✘ 未通过 ↵ 𠀀")  # 𠀀 (U+20000) is outside GBK, and no symbol of ours
    stream.flush()
    assert raw.getvalue().decode("cp936") == "√ 通过 × 未通过 ↓ ?"
    assert encodable("✘", "ascii") == "x" and encodable("✔", "utf-8") == "✔"


def test_an_explicit_error_handler_is_left_alone():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="gbk", errors="backslashreplace")
    make_stdout_safe(stream)
    assert stream.errors == "backslashreplace"


# ---------------------------------------------------------------- 3. errors only

def _severities(report: str) -> set[str]:
    return {f["severity"] for file in json.loads(report)["files"] for f in file["findings"]}


def test_min_severity_lists_errors_only_in_every_format_and_decides_the_exit_code(tmp_path):
    draft = faulty_notice(tmp_path)  # errors in the body, a warning (F063) in the footer
    everything = run_cli("check", draft, "-f", "json")
    assert {"error", "warning"} <= _severities(everything.stdout)
    errors_only = run_cli("check", draft, "-f", "json", "--min-severity", "error")
    assert errors_only.exit_code == 1 and _severities(errors_only.stdout) == {"error"}
    assert "按 --min-severity error 未列出" in errors_only.stderr
    assert "未列出" not in run_cli("check", draft, "--min-severity", "error", "--quiet").stderr
    text = run_cli("check", draft, "--min-severity", "error").stdout
    assert "F063" not in text and "警告 0" in text
    # What is not listed does not fail the run: F063 (a warning) fails --fail-on warning unless hidden.
    assert run_cli("check", draft, "--select", "F063", "--fail-on", "warning").exit_code == 1
    assert run_cli("check", draft, "--select", "F063", "--fail-on", "warning", "--min-severity", "error").exit_code == 0


def test_min_severity_in_the_html_report(tmp_path):
    draft = faulty_notice(tmp_path)
    page = run_cli("check", draft, "-f", "html", "--min-severity", "error").stdout
    assert 'class="finding sev-error' in page
    assert 'class="finding sev-warning' not in page and 'class="finding sev-info' not in page


def test_annotate_min_severity_comments_errors_only(tmp_path):
    import zipfile

    draft = faulty_notice(tmp_path)
    findings = check_file(str(draft)).findings
    errors = [f for f in findings if f.severity == "error"]
    assert len(errors) < len(findings)
    result = run_cli("annotate", draft, "--min-severity", "error")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "faulty.审阅.docx") as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "·警告】" not in comments and "·提示】" not in comments
    assert comments.count("·错误】") == len(errors)
    assert f"已写出 {tmp_path / 'faulty.审阅.docx'}：{len(errors)} 个问题" in result.stderr


# ---------------------------------------------------------------- 6. folders, lock files, own copies

def test_annotate_twice_on_a_glob_rewrites_its_copy_instead_of_annotating_it(tmp_path):
    draft = faulty_notice(tmp_path, "通知.docx")
    first = run_cli("annotate", "--force", *sorted(tmp_path.glob("*.docx")))
    assert first.exit_code == 0, first.output
    second = run_cli("annotate", "--force", *sorted(tmp_path.glob("*.docx")))  # the shell now also names 通知.审阅.docx
    assert second.exit_code == 0, second.output
    assert "跳过" in second.stderr and "通知.审阅.docx（officekit 写出的副本" in second.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通知.docx", "通知.审阅.docx"]
    assert draft.exists()


def test_a_word_lock_file_is_skipped_not_reported_as_corrupt(tmp_path):
    faulty_notice(tmp_path, "通知.docx")
    (tmp_path / "~$通知.docx").write_bytes(b"\x06owner" + b"\x00" * 156)  # what Word leaves beside an open file
    files = sorted(tmp_path.glob("*.docx"))
    for command in ("annotate", "fix"):
        result = run_cli(command, "--force", *files)
        assert result.exit_code == 0, result.output
        assert "~$通知.docx（Word 打开文档时生成的锁定文件" in result.stderr
        assert "损坏" not in result.stderr
    checked = run_cli("check", "-f", "json", *files)
    assert [Path(f["path"]).name for f in json.loads(checked.stdout)["files"]] == ["通知.docx"]


@pytest.mark.parametrize("command,marker", [("annotate", "审阅"), ("fix", "修订")])
def test_annotate_and_fix_walk_a_folder_like_check(command, marker, tmp_path, monkeypatch):
    (tmp_path / "二科").mkdir()
    faulty_notice(tmp_path / "二科", "通知.docx")
    faulty_notice(tmp_path, "请示.docx")
    (tmp_path / "说明.txt").write_text("这不是 Word 文件。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(command, ".")
    assert result.exit_code == 0, result.output
    assert "文件不存在" not in result.stderr
    assert (tmp_path / f"请示.{marker}.docx").exists() and (tmp_path / "二科" / f"通知.{marker}.docx").exists()
    again = run_cli(command, ".", "--force")  # the copies in the folder are not worked on again
    assert again.exit_code == 0, again.output
    assert not list(tmp_path.rglob(f"*.{marker}.{marker}.docx"))


def test_a_folder_without_word_drafts_is_a_usage_error(tmp_path):
    (tmp_path / "说明.txt").write_text("这不是 Word 文件。", encoding="utf-8")
    result = run_cli("annotate", tmp_path)
    assert result.exit_code == 2 and "没有 Word 草稿" in result.stderr


def _commented(tmp_path, comment: str):
    comments = f'<w:comment w:id="0" w:author="科员"><w:p><w:r><w:t>{comment}</w:t></w:r></w:p></w:comment>'
    body = p(r("各单位要认真"), '<w:commentRangeStart w:id="0"/>', r("布署"), '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>', r("，确保按时完成。"))
    return build_docx(tmp_path / "c.docx", body, comments=comments)


@pytest.mark.parametrize("comment", ["officekit: ignore W301", "officekit：忽略 W301", "officekit：忽略W301",
                                     "officekit：不检查 W301、W101", "OfficeKit : 忽略 w301"])
def test_an_ignore_comment_in_chinese_hides_the_finding(comment, tmp_path):
    rules = [f.rule for f in check_file(str(_commented(tmp_path, comment))).findings]
    assert "W301" not in rules


def test_a_comment_that_merely_mentions_ignoring_hides_nothing(tmp_path):
    rules = [f.rule for f in check_file(str(_commented(tmp_path, "忽略 W301 吗？"))).findings]
    assert "W301" in rules


@pytest.mark.parametrize("command,marker", [("annotate", "审阅"), ("fix", "修订")])
def test_copies_are_written_with_the_umask_mode(command, marker, tmp_path):
    draft = faulty_notice(tmp_path)
    old = os.umask(0o022)
    try:
        assert run_cli(command, draft).exit_code == 0
        report = tmp_path / "report.json"
        assert run_cli("check", draft, "-f", "json", "-o", report).exit_code == 1
    finally:
        os.umask(old)
    for written in (tmp_path / f"faulty.{marker}.docx", report):
        assert stat.S_IMODE(written.stat().st_mode) == 0o644, written


# ---------------------------------------------------------------- 6. LibreOffice where its installer put it

def test_usual_install_folders_of_windows_and_macos():
    places = [str(p) for p in convert.usual_install_places({"ProgramFiles": r"C:\Program Files", "HOME": "/Users/k"})]
    assert str(Path(r"C:\Program Files") / "LibreOffice" / "program" / "soffice.exe") in places
    assert "/Applications/LibreOffice.app/Contents/MacOS/soffice" in places
    assert "/Users/k/Applications/LibreOffice.app/Contents/MacOS/soffice" in places


def test_an_installed_soffice_outside_path_is_found(tmp_path, monkeypatch):
    program = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_text("")
    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    monkeypatch.delenv(convert.SOFFICE_VARIABLE, raising=False)
    assert convert.find_soffice({"ProgramFiles": str(tmp_path)}) == str(program)


FAKE_SOFFICE = """#!{python}
import shutil, sys
outdir = sys.argv[sys.argv.index("--outdir") + 1]
shutil.copyfile({docx!r}, outdir + "/draft.docx")
"""


def test_officekit_soffice_names_the_converter(tmp_path, monkeypatch):
    converted = faulty_notice(tmp_path, "converted.docx")
    fake = tmp_path / "bin" / "my-soffice"
    fake.parent.mkdir()
    fake.write_text(FAKE_SOFFICE.format(python=sys.executable, docx=str(converted)), encoding="utf-8")
    fake.chmod(0o755)
    legacy = tmp_path / "旧稿.wps"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0 not really a WPS file")
    monkeypatch.setenv(convert.SOFFICE_VARIABLE, str(fake))
    result = check_file(str(legacy))
    assert result.status == "ok" and "W301" in [f.rule for f in result.findings]
    monkeypatch.setenv(convert.SOFFICE_VARIABLE, str(tmp_path / "nowhere" / "soffice.exe"))
    missing = check_file(str(legacy))
    assert missing.status == "error" and "OFFICEKIT_SOFFICE" in missing.error["message"]
