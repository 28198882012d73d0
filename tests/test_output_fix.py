"""fix: safe fixes as tracked changes (or directly); formatting kept; findings gone on re-check."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from docx_builders import BOLD, build_docx, p, r
from corpus import CORPUS_DOCX, corpus_param
from output_helpers import ANNOTATE_DRAFTS, EXAMPLE, char_formats, run_cli
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.document import read
from officekit.output.docx_edit import DocxEditor
from officekit.output.fix import AGAIN, fix, fix_until_settled, fixable

FIX_DRAFTS = [name for name in ANNOTATE_DRAFTS if "会议纪要" not in name]


def _gone(applied, rechecked) -> bool:
    """No applied finding is found again at its place (every corpus safe fix keeps the length)."""
    again = {(f.rule, f.location) for f in rechecked}
    return not [f for f in applied if (f.rule, f.location) in again]


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "direct"])
@pytest.mark.parametrize("draft", [FAULTY_NOTICE] + [corpus_param(CORPUS_DOCX / name, id=name) for name in FIX_DRAFTS])
def test_corpus_fixes_disappear_on_recheck(draft, track, tmp_path):
    source = place(draft, tmp_path / "draft.docx")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    findings = check_file(str(source)).findings
    candidates = fixable(findings)
    assert candidates

    result = fix(DocxEditor.open(str(source)), findings, track=track)
    assert len(result.applied) + len(result.left) == len(candidates)
    assert len(result.applied) >= len(candidates) * 0.9  # the corpus fixes are plain punctuation swaps
    out = tmp_path / "fixed.docx"
    out.write_bytes(result.data)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    docx.Document(str(out))  # reopens

    rechecked = check_file(str(out)).findings
    assert _gone(result.applied, rechecked)
    # What remains fixable is what was left — plus what a fix revealed (a '.' the straight quotes had
    # shielded from W101, for instance), which a second run of fix then handles.
    seen = {(f.rule, f.location) for f in findings}
    remaining = [f for f in fixable(rechecked) if (f.rule, f.location) in seen]
    assert len(remaining) == len(result.left)
    original, fixed = read(str(source)), read(str(out))
    assert char_formats(fixed) == char_formats(original)  # same-length swaps: every character keeps its format
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    if track:
        assert xml.count("<w:ins ") == result.edits
        assert 'w:author="officekit"' in xml and "w:date=" in xml and "<w:delText" in xml
    else:
        assert "<w:ins " not in xml and "<w:del " not in xml


def test_tracked_replacement_spanning_two_runs_of_the_same_format(tmp_path):
    # The changed stretch 「]第0」 of 「云林发[2026]第05号」 runs across the two bold runs.
    source = build_docx(tmp_path / "x.docx", p(r("云林发[2026]第", rpr=BOLD()), r("05号", rpr=BOLD())))
    result = run_cli("fix", source, "--select", "F201")
    assert result.exit_code == 0, result.output
    assert "2 处修订（解决 1 个问题）" in result.output
    copy = tmp_path / "x.修订.docx"
    fixed = read(str(copy))
    assert fixed.body[0].text == "云林发〔2026〕5号"  # the reader keeps w:ins, drops w:del
    assert all(run.props.bold for run in fixed.body[0].runs)
    with zipfile.ZipFile(copy) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert ">[</w:delText>" in xml and ">]第</w:delText>" in xml and ">0</w:delText>" in xml
    assert ">2026</w:t>" in xml and ">5号</w:t>" in xml  # the unchanged characters are not retyped
    assert not [f for f in check_file(str(copy)).findings if f.rule == "F201"]


def test_fix_across_different_formatting_is_left_as_suggestion(tmp_path):
    # The changed stretch 「]第0」 runs from plain text into bold: retyping it would change a format.
    source = build_docx(tmp_path / "x.docx", p(r("云林发[2026]第"), r("05号", rpr=BOLD())))
    result = run_cli("fix", source, "--select", "F201")
    assert result.exit_code == 0
    assert "0 处修订" in result.output and "格式不同" in result.output and "建议：云林发〔2026〕5号" in result.output
    assert read(str(tmp_path / "x.修订.docx")).body[0].text == "云林发[2026]第05号"  # both edits or neither


def test_a_fix_whose_changed_character_keeps_one_format_is_made_beside_other_formatting(tmp_path):
    # 布署 → 部署 changes 布 alone: the bold 署 beside it is not retyped, so the fix is safe to make.
    source = build_docx(tmp_path / "x.docx", p(r("各单位要认真布"), r("署", rpr=BOLD()), r("，确保按时完成。")))
    result = run_cli("fix", source, "--select", "W301")
    assert result.exit_code == 0 and "1 处修订（解决 1 个问题）" in result.output
    fixed = read(str(tmp_path / "x.修订.docx")).body[0]
    assert fixed.text == "各单位要认真部署，确保按时完成。"
    assert [(run.text, bool(run.props.bold)) for run in fixed.runs if run.text] == [
        ("各单位要认真", False), ("部", False), ("署", True), ("，确保按时完成。", False)]


def test_a_half_width_pair_is_one_fix_of_two_edits_around_differently_formatted_text(tmp_path):
    # 「(WTO)」 with the abbreviation in bold: only the two marks change, the bold run is not rewritten.
    source = build_docx(tmp_path / "x.docx", p(r("加入世界贸易组织("), r("WTO", rpr=BOLD()), r(")以来成效明显。")))
    result = fix(DocxEditor.open(str(source)), check_file(str(source)).findings, track=True)
    assert [(f.rule, f.location.start, f.location.end, f.fix.replacement) for f in result.applied] == [
        ("W102", 8, 13, "（WTO）")]
    assert result.edits == 2 and result.left == []
    out = tmp_path / "out.docx"
    out.write_bytes(result.data)
    fixed = read(str(out)).body[0]
    assert fixed.text == "加入世界贸易组织（WTO）以来成效明显。"
    assert [run.text for run in fixed.runs if run.props.bold] == ["WTO"]
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:del ") == 2 and ">(</w:delText>" in xml and ">)</w:delText>" in xml


def test_a_pair_whose_closing_mark_cannot_be_edited_is_left_whole(tmp_path):
    # the closing mark sits in someone's pending insertion: that half cannot be tracked, so neither is
    pending = '<w:ins w:id="90" w:author="某某" w:date="2026-01-01T00:00:00Z">' + r(")") + "</w:ins>"
    source = build_docx(tmp_path / "x.docx", p(r("加入世界贸易组织(WTO"), pending, r("以来成效明显。")))
    findings = [f for f in check_file(str(source)).findings if f.rule == "W102"]
    result = fix(DocxEditor.open(str(source)), findings, track=True)
    assert result.applied == [] and result.edits == 0
    assert [(f.rule, why) for f, why in result.left] == [("W102", "范围位于已有修订之中，请先接受或拒绝原有修订")]
    out = tmp_path / "out.docx"
    out.write_bytes(result.data)
    assert read(str(out)).body[0].text == "加入世界贸易组织(WTO)以来成效明显。"  # neither half made full-width


def test_no_track_applies_directly_and_keeps_formatting(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("为了贯彻落实有关要求,现将有关事项", rpr=BOLD()), r("通知如下。")))
    result = run_cli("fix", source, "--no-track", "--select", "W101", "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output
    fixed = read(str(tmp_path / "out.docx"))
    assert fixed.body[0].text == "为了贯彻落实有关要求，现将有关事项通知如下。"
    assert [(run.text, run.props.bold) for run in fixed.body[0].runs] == [
        ("为了贯彻落实有关要求", True), ("，", True), ("现将有关事项", True), ("通知如下。", False)]
    with zipfile.ZipFile(tmp_path / "out.docx") as z:
        assert b"<w:ins " not in z.read("word/document.xml")


def test_fix_never_writes_over_the_input(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("各单位要认真布署。")))
    result = run_cli("fix", source, "-o", source, "--force")
    assert result.exit_code == 2 and "输出文件不能是输入文件本身" in result.output


def test_a_wider_fix_that_includes_a_narrower_one_settles_both(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("云林发[2026]第05号    签发人:李某某")))
    result = run_cli("fix", source, "--select", "F", "--select", "W101", "-o", tmp_path / "out.docx")
    assert result.exit_code == 0, result.output
    assert "留待人工处理" in result.output and "0 个留待人工处理" in result.output
    assert read(str(tmp_path / "out.docx")).body[0].text == "云林发〔2026〕5号    签发人：李某某"


# ---------------------------------------------------------------- one run settles the draft

def _checker(path):
    from officekit.check import check_document, config_for

    settings = config_for(str(path))
    return lambda editor: check_document(editor.document, settings)[1]


def test_a_fix_that_exposes_another_is_settled_in_the_same_run(tmp_path):
    # The straight quotes shield the '.' from W101; once they are curly, W101 sees it (round 2).
    source = build_docx(tmp_path / "x.docx", p(r('会议强调要"稳中求进".各单位要认真落实。')))
    result = fix_until_settled(DocxEditor.open(str(source)), _checker(source), track=True)
    assert result.rounds == 2 and result.edits == 3 and result.left == []
    assert [(f.rule, f.location.start, f.fix.replacement) for f in result.applied] == [
        ("W103", 5, "“稳中求进”"), ("W101", 11, "。")]  # the quote pair is one finding, two edits
    out = tmp_path / "out.docx"
    out.write_bytes(result.data)
    assert read(str(out)).body[0].text == "会议强调要“稳中求进”。各单位要认真落实。"
    with zipfile.ZipFile(out) as z:
        assert z.read("word/document.xml").decode("utf-8").count("<w:ins ") == 3  # every round's change is tracked


def test_rounds_are_bounded_and_what_remains_is_listed(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r('会议强调要"稳中求进".各单位要认真落实。')))
    result = fix_until_settled(DocxEditor.open(str(source)), _checker(source), track=True, rounds=1)
    assert result.rounds == 1 and result.edits == 2
    assert [(f.rule, f.location.start, why) for f, why in result.left] == [("W101", 11, AGAIN)]


# Every corpus draft with safe fixes (and the example): fixing the output again finds nothing safe to do.
SETTLE_DRAFTS = [
    "ario-dataset__ario-dataset.github.io__倡议书.docx",
    "ffgzz__official-doc-skills__ZS-项目可行性报告.docx",
    "ffgzz__official-doc-skills__产业链项目指南.docx",
    "ffgzz__official-doc-skills__产业链项目攻关任务书.docx",
    "liuhanning__gongwen-formatter__demo_gongwen.docx",
    "liuhanning__gongwen-formatter__公文格式要求&参考文档.docx",
    "qingtianxt__policydocumentreviewsystem__规范性条例总结.docx",
    "wbj12138__Project_VocationalandTechnicalCollege__立项要求+工作计划.docx",
]


@pytest.mark.parametrize("draft", [pytest.param(EXAMPLE, id=EXAMPLE.stem), FAULTY_NOTICE]
                         + [corpus_param(CORPUS_DOCX / name, id=Path(name).stem[:24]) for name in SETTLE_DRAFTS])
def test_a_second_fix_run_finds_no_safe_fix_left(draft, tmp_path):
    source = place(draft, tmp_path / "draft.docx")
    first = run_cli("fix", source)
    assert first.exit_code == 0, first.output
    fixed = tmp_path / "draft.修订.docx"
    second = run_cli("fix", fixed, "-o", tmp_path / "again.docx")
    assert second.exit_code == 0, second.output
    assert "：0 处修订（解决 0 个问题）；0 个留待人工处理" in second.stderr
    # and nothing safe is left on the fixed copy at all (the corpus fixes all apply)
    assert fixable(check_file(str(fixed)).findings) == []
