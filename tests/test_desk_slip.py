"""The 审核意见单 / 退文通知单 (officekit/desk/slip.py, `officekit slip`)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from format_fixtures import conformant_notice
from output_helpers import run_cli
from sample_drafts import faulty_notice

from officekit.check import FileResult
from officekit.desk.slip import (
    LINES_PER_PAGE, MAX_PAGES, TITLE_PASSED, TITLE_RETURNED, build_slip, estimated_lines, slip_paragraphs,
    write_slip,
)
from officekit.desk.line_estimate import lines_needed
from officekit.engine.finding import Finding, Location
from officekit.errors import InputError

REVIEW_DATE = date(2026, 12, 2)


def _text(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture(scope="module")
def faulty_slip(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slip")
    return write_slip(faulty_notice(folder), folder / "faulty.意见单.docx", review_date=REVIEW_DATE)


def test_the_slip_of_a_faulty_draft_returns_it_with_its_deciding_problems(faulty_slip):
    lines = _text(faulty_slip)
    assert lines[0] == TITLE_RETURNED
    assert "文件标题：云岭市人民政府办公室关于做好森林防火工作的通知" in lines
    assert "文\u3000\u3000种：通知" in lines
    assert "发文字号：云政办发〔2026〕12号" in lines
    assert "审核日期：2026年12月2日" in lines
    assert "政策关：通过" in lines
    assert "格式关：退回修改（须修改 2 处错误；另有 1 条警告）" in lines
    assert any(line.startswith("文字关：退回修改（须修改 ") for line in lines)
    assert "格式关、文字关未通过，退回起草单位，请按下列意见修改后重新报送。" in lines
    assert "1．F034 标题居中（第 4 段）：标题应居中排布，实为左对齐。依据：GB/T 9704-2012 7.3.1。" in lines
    typo = next(line for line in lines if "．W301 错别字" in line)
    assert "（第 10 段 第 16 字）" in typo and "建议改为“部署”" in typo
    # the warning is advice, below the problems that decide
    commas = next(line for line in lines if "．W101 " in line)  # 「,」 and 「.」: one rule, two messages
    assert "（第 8 段，共 2 处）：如第一处：中文语境应使用全角“，”，此处为半角“,”。依据：" in commas
    assert "建议" not in commas
    assert lines.index("三、其他意见（不影响审核结论）") > lines.index("二、须修改的问题")
    assert any("F063" in line for line in lines[lines.index("三、其他意见（不影响审核结论）"):])
    assert lines[-1].startswith("审核人：")


def test_the_slip_is_set_like_a_gongwen(faulty_slip):
    document = docx.Document(str(faulty_slip))
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16  # 三号
    assert normal.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋_GB2312"
    title = document.paragraphs[0].runs[0]
    assert title.font.size.pt == 22
    assert title._element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "方正小标宋简体"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28


def test_a_clean_draft_gets_the_review_slip_with_three_passes(tmp_path):
    draft = conformant_notice(tmp_path)
    lines = _text(write_slip(draft, tmp_path / "slip.docx", review_date=REVIEW_DATE))
    assert lines[0] == TITLE_PASSED
    assert [line for line in lines if line.startswith(("政策关：", "格式关：", "文字关："))] == [
        "政策关：通过", "格式关：通过", "文字关：通过"]
    assert "二、须修改的问题" not in lines


def _finding(rule: str, gate: str, block: int, severity: str = "error", guess: bool = False,
             message: str = "此处写法不合规范") -> Finding:
    return Finding(rule=rule, name=f"规则{rule}", gate=gate, severity=severity, element="正文", message=message,
                   suggestion=None, location=Location("body", block), excerpt="", source="GB/T 9704-2012 7.3.3",
                   guess=guess)


def test_a_guess_never_decides_the_verdict():
    result = FileResult(path="稿.docx", findings=[_finding("W900", "文字关", 3, guess=True, message="疑似错别字")])
    lines = [p.text for p in slip_paragraphs(result, review_date=REVIEW_DATE)]
    assert lines[0] == TITLE_PASSED
    assert "文字关：通过" in lines
    assert "1．W900 规则W900（第 3 段）：疑似错别字（推测）。依据：GB/T 9704-2012 7.3.3。" in lines


# Chinese with Latin words that cannot break, quotes and closing marks: the hard case for the line estimate
LONG = "该段文字的格式与“GB/T 9704-2012”规定的要求不一致（实为Times New Roman 10.5 pt），请对照标准逐项核对后修改"


def _many_findings() -> FileResult:
    """40 rules with errors in 格式关 and 文字关, each on 3 paragraphs, and 20 warnings; a long file name."""
    findings = []
    for n in range(40):
        gate = "格式关" if n < 25 else "文字关"
        findings += [_finding(f"X{n:03d}", gate, 10 + n + k * 100, message=LONG) for k in range(3)]
    findings += [_finding(f"Y{n:03d}", "政策关", 200 + n, severity="warning", message=LONG) for n in range(20)]
    return FileResult(path="department-of-finance__annual-budget-review__关于2027年预算编制工作的通知-v03.docx",
                      findings=findings)


def test_many_findings_are_cut_to_two_pages_and_counted():
    paragraphs = slip_paragraphs(_many_findings(), review_date=REVIEW_DATE)
    assert sum(estimated_lines(p) for p in paragraphs) <= LINES_PER_PAGE * MAX_PAGES
    lines = [p.text for p in paragraphs]
    items = [line for line in lines if re.match(r"\d+．X", line)]
    shown = {line.split()[0].split("．")[1] for line in items}
    assert "X000" in shown and "X025" in shown  # every failed gate shows the problem that fails it
    left_line = next(line for line in lines if line.startswith("另有 ") and lines.index(line) < lines.index(
        "三、其他意见（不影响审核结论）"))
    assert left_line == f"另有 {3 * (40 - len(shown))} 项，见审核报告。" and len(shown) >= 3
    assert lines[-2:-1] == [""] and lines[-1].startswith("审核人：")
    assert lines[-2 - 1] == "另有 20 项，见审核报告。"  # no room left for the warnings: only their count


def _pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_prints_a_crowded_slip_on_at_most_two_pages(tmp_path):
    slip = tmp_path / "slip.docx"
    slip.write_bytes(build_slip(_many_findings(), review_date=REVIEW_DATE))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(slip)],
                   check=True, capture_output=True, timeout=120)
    assert 1 <= _pdf_pages(tmp_path / "slip.pdf") <= MAX_PAGES


def test_the_command_writes_the_slip_beside_the_draft_and_keeps_the_draft(tmp_path):
    draft = faulty_notice(tmp_path)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = run_cli("slip", draft, "--date", "2026-12-02")
    assert result.exit_code == 0, result.output
    target = tmp_path / "faulty.意见单.docx"
    assert result.stderr.strip() == f"已写出 {target}：退文通知单（格式关、文字关退回修改）"
    assert "审核日期：2026年12月2日" in _text(target)
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    again = run_cli("slip", draft)
    assert again.exit_code == 2 and "文件已存在" in again.stderr


def test_an_unreadable_draft_is_named_with_exit_2(tmp_path):
    bad = tmp_path / "坏稿.docx"
    bad.write_bytes(b"not a zip")
    result = run_cli("slip", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"officekit: {bad}: ")
    assert not (tmp_path / "坏稿.意见单.docx").exists()
    assert run_cli("slip", bad, "--date", "2026/12/02").exit_code == 2


def test_the_slip_is_never_written_over_the_draft(tmp_path):
    draft = faulty_notice(tmp_path)
    with pytest.raises(InputError):
        write_slip(draft, draft)


def test_the_line_estimate_keeps_latin_words_whole_and_closing_marks_off_a_line_start():
    assert lines_needed("中" * 28, 28) == 1
    assert lines_needed("中" * 26 + "。", 28, first_indent=2) == 2  # 。 may not start the next line alone
    # 「abcd」 (2.2 cells) does not fit in the last cell of line 1 and moves down whole, pushing a third line
    assert lines_needed("中" * 27 + "abcd" + "中" * 26, 28) == 3


def test_a_folder_gets_one_slip_a_draft_and_none_for_officekit_outputs(tmp_path):
    (tmp_path / "科室").mkdir()
    faulty_notice(tmp_path / "科室", "一.docx")
    (tmp_path / "科室" / "二.txt").write_text("各单位要认真布署工作。\n", encoding="utf-8")
    assert run_cli("slip", tmp_path / "科室").exit_code == 0
    written = sorted(p.name for p in (tmp_path / "科室").iterdir())
    assert written == ["一.docx", "一.意见单.docx", "二.txt", "二.意见单.docx"]
    again = run_cli("slip", tmp_path / "科室", "--force")  # the slips themselves are not drafts
    assert again.exit_code == 0 and again.stderr.count("已写出") == 2
    assert any(line.startswith("1．W301 错别字（第 1 行 第 7 字）") for line in _text(tmp_path / "科室" / "二.意见单.docx"))
