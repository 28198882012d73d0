"""Hostile and broken input through the command line: exit 2 with a one-line reason, or a correct
report — always within 10 s and 300 MB, never a traceback, never reading what it should not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from hostile import builders

TIME_LIMIT_S = 10.0
MEMORY_LIMIT_MB = 300


# `python -m officekit ARGS` that, on its way out, writes its own peak RSS (VmHWM, kB) to the file named by
# its first argument.  wait4's ru_maxrss cannot be used: Linux starts a child's count at the size of the
# process that forked it, so it reported the test runner's own peak (337 MB once earlier tests had built
# the jieba cache in-process), not officekit's.
PEAK_WRAPPER = """
import atexit, runpy, sys
def record_peak(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(next((line.split()[1] for line in status if line.startswith("VmHWM:")), ""))
atexit.register(record_peak)
runpy.run_module("officekit", run_name="__main__", alter_sys=True)
"""


def run_cli(*args: str, cwd: Path | None = None) -> tuple[int, str, str, float, float]:
    """Run `officekit` in a fresh process: (exit code, stdout, stderr, CPU seconds, its peak RSS in MB).

    CPU time (user + system) rather than wall time: a CI machine running other jobs must not make
    these tests flaky, and what we promise is the work officekit does, not the machine's load.
    """
    own_peak = Path("/proc/self/status").exists()  # Linux; elsewhere wait4's figure (an upper bound)
    command = [sys.executable, "-c", PEAK_WRAPPER] if own_peak else [sys.executable, "-m", "officekit"]
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        peak_file = Path(work) / "peak"
        proc = subprocess.Popen([*command, *([str(peak_file)] if own_peak else []), *args], stdout=out, stderr=err,
                                cwd=cwd, env=dict(os.environ, NO_COLOR="1"))
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own resource usage
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = usage.ru_utime + usage.ru_stime
        recorded = peak_file.read_text().strip() if peak_file.exists() else ""
        peak_kb = float(recorded) if recorded else usage.ru_maxrss  # not recorded: killed, or not Linux
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                seconds, peak_kb / 1024)


def assert_refused(path: Path, kind: str, *words: str) -> str:
    """Exit 2 and a one-line reason naming the file, in the text report; the JSON says the kind."""
    code, out, err, seconds, peak = run_cli("check", "--format", "json", str(path))
    assert code == 2, (out, err)
    assert "Traceback" not in err
    report = json.loads(out)["files"][0]
    assert report["status"] == "error" and report["error"]["kind"] == kind, report["error"]
    message = report["error"]["message"]
    assert "\n" not in message and all(w in message for w in words), message
    code, out, err, seconds, peak = run_cli("check", str(path))
    assert code == 2 and "Traceback" not in err
    reason = [line for line in out.splitlines() if "无法读取" in line]
    assert len(reason) == 1 and message in reason[0]
    assert seconds < TIME_LIMIT_S and peak < MEMORY_LIMIT_MB, (seconds, peak)
    return message


def json_report(path: Path, *extra: str) -> tuple[int, dict, float]:
    code, out, err, seconds, peak = run_cli("check", "--format", "json", *extra, str(path))
    assert code in (0, 1), (code, err[-2000:])
    assert "Traceback" not in err
    assert seconds < TIME_LIMIT_S, f"took {seconds:.1f} s"
    assert peak < MEMORY_LIMIT_MB, f"peak RSS {peak:.0f} MB"
    return code, json.loads(out)["files"][0], seconds


def assert_offsets_inside(report: dict, texts: dict[int, str]) -> None:
    for f in report["findings"]:
        loc = f["location"]
        if loc["part"] == "body" and loc.get("start") is not None:
            text = texts.get(loc["block"])
            if text is not None:
                assert 0 <= loc["start"] <= loc["end"] <= len(text), f


# -- refused with a reason -----------------------------------------------------------------------

def test_empty_file(tmp_path):
    assert_refused(builders.empty(tmp_path / "空.docx"), "empty", "空")


def test_not_a_zip(tmp_path):
    assert_refused(builders.not_a_zip(tmp_path / "text.docx"), "not-docx", "zip")


def test_truncated_zip(tmp_path):
    assert_refused(builders.truncated_zip(tmp_path / "half.docx"), "corrupt", "损坏")


def test_zip_without_document_xml(tmp_path):
    assert_refused(builders.zip_without_document(tmp_path / "nodoc.docx"), "not-docx", "word/document.xml")


def test_password_protected_docx(tmp_path):
    assert_refused(builders.encrypted_ole(tmp_path / "secret.docx"), "encrypted", "密码")


def test_doc_renamed_docx(tmp_path):
    assert_refused(builders.doc_renamed(tmp_path / "old.docx"), "legacy-format", ".doc")


def test_pdf_renamed_docx(tmp_path):
    assert_refused(builders.pdf_renamed(tmp_path / "scan.docx"), "not-docx", "PDF")


def test_billion_laughs_is_refused_without_expansion(tmp_path):
    assert_refused(builders.billion_laughs(tmp_path / "lol.docx"), "unsafe", "DTD")


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9c", encoding="utf-8")
    path = builders.external_entity(tmp_path / "xxe.docx", secret)
    assert_refused(path, "unsafe", "DTD")
    for fmt in ("text", "json"):
        code, out, err, _, _ = run_cli("check", "--format", fmt, str(path))
        assert "TOP-SECRET" not in out + err


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    path = builders.zip_bomb(tmp_path / "bomb.docx", megabytes=64)
    assert_refused(path, "too-large", "压缩炸弹")


def test_lying_zip_bomb_stops_while_inflating(tmp_path):
    """Sizes in the zip headers forged small: inflation itself must stop, with a reason."""
    path = builders.lying_zip_bomb(tmp_path / "liar.docx", megabytes=300)
    code, out, err, seconds, peak = run_cli("check", "--format", "json", str(path))
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["files"][0]["error"]["kind"] in ("too-large", "corrupt")
    assert seconds < TIME_LIMIT_S and peak < MEMORY_LIMIT_MB, (seconds, peak)


def test_nesting_beyond_the_xml_limit_is_refused(tmp_path):
    assert_refused(builders.nested_tables(tmp_path / "deeper.docx", 100), "too-large", "嵌套")


def test_text_file_in_no_known_encoding(tmp_path):
    assert_refused(builders.invalid_encoding_text(tmp_path / "bad.txt"), "encoding", "GB18030")


def test_other_files_are_still_checked_after_a_bad_one(tmp_path):
    bad = builders.empty(tmp_path / "a-empty.docx")
    good = builders.good_docx(tmp_path / "b-good.docx")
    code, out, err, _, _ = run_cli("check", "--format", "json", str(bad), str(good))
    files = json.loads(out)["files"]
    assert code == 2 and [f["status"] for f in files] == ["error", "ok"]


# -- read and reported correctly -----------------------------------------------------------------

def test_tables_without_tblpr_are_read(tmp_path):
    code, report, _ = json_report(builders.tables_without_tblpr(tmp_path / "tables.docx"))
    assert report["status"] == "ok"


def test_deeply_nested_tables_within_the_limit_are_read(tmp_path):
    code, report, _ = json_report(builders.nested_tables(tmp_path / "deep.docx", 60))
    assert report["status"] == "ok"


def test_ten_thousand_paragraphs(tmp_path):
    code, report, seconds = json_report(builders.many_paragraphs(tmp_path / "many.docx", 10_000))
    assert report["status"] == "ok"
    texts = {1: "关于开展安全生产检查的通知"} | {i + 2: f"{i}. {builders.SENTENCE}" for i in range(10_000)}
    assert_offsets_inside(report, texts)
    # word-level rules stop at the segmentation budget and say so instead of running for minutes
    stopped = [f for f in report["findings"] if "分词类检查只覆盖" in f["message"]]
    assert stopped and all(f["severity"] == "warning" for f in stopped)


def test_one_million_character_paragraph(tmp_path):
    code, report, seconds = json_report(builders.huge_paragraph(tmp_path / "huge.docx", 1_000_000))
    assert report["status"] == "ok"
    text = (builders.SENTENCE * (1_000_000 // len(builders.SENTENCE) + 1))[:1_000_000]
    assert_offsets_inside(report, {1: "关于开展安全生产检查的通知", 2: text})


COMMON_PHRASE_RULE = """\
rules:
  - id: U902
    name: 常用词
    type: pattern
    gate: 文字关
    severity: info
    forbid: 公文
    message: 出现“{match}”
    source: 测试
    examples:
      - fail: 改进公文处理工作。
        at: 公文
      - pass: 改进文件处理工作。
"""


def test_one_million_character_paragraph_with_a_common_phrase_rule(tmp_path):
    """22,222 findings in one paragraph: fingerprints and excerpts read only the text around each finding
    (both copied the whole paragraph per finding: 125 s)."""
    (tmp_path / ".officekit.yaml").write_text(COMMON_PHRASE_RULE, encoding="utf-8")
    code, report, seconds = json_report(builders.huge_paragraph(tmp_path / "huge.docx", 1_000_000))
    found = [f for f in report["findings"] if f["rule"] == "U902"]
    text = (builders.SENTENCE * (1_000_000 // len(builders.SENTENCE) + 1))[:1_000_000]
    assert len(found) == text.count("公文") == 22_222
    assert len({f["fingerprint"] for f in found}) == len(found)  # told apart by their order
    assert all(len(f["excerpt"]) <= 2 * 30 + 2 + 2 for f in found)


def test_a_paragraph_full_of_candidates_stays_within_the_limits(tmp_path):
    """Thousands of findings in one paragraph: the word rules look up the next word by bisection and the
    fold stage compares only overlapping findings (both were quadratic: 18 s for 18,000 characters)."""
    draft = tmp_path / "满篇的地.txt"
    draft.write_text("关于加强学习的通知\n各单位：\n" + "要更好的掌握，" * 3000 + "。\n", encoding="utf-8")
    code, out, err, seconds, peak = run_cli("check", "--format", "json", str(draft))
    assert code == 1 and "Traceback" not in err
    findings = json.loads(out)["files"][0]["findings"]
    assert sum(f["rule"] == "W341" for f in findings) == 3000
    assert seconds < TIME_LIMIT_S and peak < MEMORY_LIMIT_MB, (seconds, peak)


def test_first_run_with_an_empty_user_cache_stays_within_the_limits(tmp_path, monkeypatch):
    """A first run builds the caches (jieba's lexicon, the sound tables) and keeps to the limits all the
    same; a draft refused before any rule runs builds none."""
    monkeypatch.delenv("OFFICEKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = tmp_path / "xdg" / "officekit"
    assert_refused(builders.empty(tmp_path / "空.docx"), "empty", "空")
    # only the validated rule set (engine/rulecache.py, written as the rules load), none of the slow caches
    assert not cache.exists() or all(p.name.startswith("rules-") for p in cache.iterdir())
    code, report, _ = json_report(builders.good_docx(tmp_path / "good.docx"))
    assert report["status"] == "ok" and list(cache.glob("jieba-*.sqlite3"))


def test_gb18030_text_file_is_decoded(tmp_path):
    path = builders.gb18030_text(tmp_path / "gbk.txt", "关于开展安全生产检查的通知\n今天,我们开会。\n")
    code, report, _ = json_report(path)
    assert report["status"] == "ok"
    assert any(f["rule"] == "W101" and f["excerpt"] == "今天,我们开会。" for f in report["findings"]), report["findings"]


@pytest.mark.parametrize("odd", ["\u200b", "\u200d\ufeff", "\u202e\u200f", "\x85\x9f", "\u2028"])
def test_zero_width_rtl_and_control_characters(tmp_path, odd):
    text = f"今天{odd},我们{odd}开会。"
    code, report, _ = json_report(builders.odd_characters_docx(tmp_path / "odd.docx", text))
    assert report["status"] == "ok"
    # the text view keeps the characters: every offset is an offset into the block as read
    from officekit.document import read

    doc = read(str(tmp_path / "odd.docx"))
    assert_offsets_inside(report, {b.index: b.text for b in doc.body})


def test_control_characters_in_a_text_file(tmp_path):
    path = tmp_path / "ctrl.txt"
    path.write_bytes("关于开展检查的通知\n今天\x00\x07\x1b,我们\u200b开会。\r\n\x0c\n".encode("utf-8"))
    code, report, _ = json_report(path)
    assert report["status"] == "ok"


# -- rules and configuration from the user -------------------------------------------------------

CATASTROPHIC_RULE = """\
rules:
  - id: U901
    name: 灾难性正则
    type: pattern
    gate: 政策关
    severity: warning
    message: 命中
    source: 实务
    forbid: "(a|aa)+$"
    examples:
      - fail: aaa
      - pass: b
"""


def test_catastrophic_user_regex_is_stopped_with_a_clear_message(tmp_path):
    (tmp_path / ".officekit.yaml").write_text(CATASTROPHIC_RULE, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展检查的通知\n" + "a" * 40 + "!\n", encoding="utf-8")
    code, out, err, seconds, peak = run_cli("check", "--format", "json", "--select", "U901", str(draft), cwd=tmp_path)
    assert "Traceback" not in err
    report = json.loads(out)["files"][0]
    stopped = [f for f in report["findings"] if f["rule"] == "U901"]
    assert len(stopped) == 1 and "超时" in stopped[0]["message"], stopped
    assert seconds < TIME_LIMIT_S


def test_yaml_tags_never_construct_objects(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / ".officekit.yaml").write_text(
        f'select: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展检查的通知\n", encoding="utf-8")
    code, out, err, _, _ = run_cli("check", str(draft), cwd=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert ".officekit.yaml" in err and not marker.exists()


def test_yaml_rule_file_with_python_tags_is_a_load_error(tmp_path):
    rules = tmp_path / "mine.yaml"
    rules.write_text("- !!python/object/new:os.system [echo hi]\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text("rule_files: [mine.yaml]\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展检查的通知\n", encoding="utf-8")
    code, out, err, _, _ = run_cli("check", str(draft), cwd=tmp_path)
    assert code == 2 and "mine.yaml" in err and "Traceback" not in err


# -- regressions found by bench/fuzz.py ------------------------------------------------------------

@pytest.mark.parametrize("junk", ["NaN", "inf", "-inf", "1e999"])
def test_non_finite_numbers_in_page_setup(tmp_path, junk):
    """Fuzz case: <w:docGrid w:linePitch="NaN"> crashed the reader (math.floor of NaN)."""
    from docx_builders import build_docx, p

    from officekit.check import check_file

    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{junk}" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
            f'<w:docGrid w:type="linesAndChars" w:linePitch="{junk}" w:charSpace="{junk}"/></w:sectPr>')
    path = build_docx(tmp_path / "nan.docx", p("关于开展检查的通知") + p("正文。"), sect_pr=sect)
    result = check_file(str(path))
    assert result.status == "ok"
    section = result.draft.document.sections[0]
    assert section.grid_line_pitch_pt is None and section.lines_per_page is None


def test_zip_claiming_an_unsupported_version(tmp_path):
    """Fuzz case: one flipped byte made a central-directory entry need "zip version 14.8", and
    zipfile's NotImplementedError escaped as a traceback."""
    import struct

    data = bytearray(builders.good_docx(tmp_path / "good.docx").read_bytes())
    start = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, start + 6, 148)  # version needed to extract
    path = tmp_path / "version.docx"
    path.write_bytes(bytes(data))
    assert_refused(path, "corrupt", "zip")
