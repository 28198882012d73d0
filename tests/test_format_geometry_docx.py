"""Table-cell borders in the reader, the separator lines drawn as table borders (F051, F052), and the
geometry rules (F090–F100) on .docx fixtures: the conformant notice with one fault injected per test."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the fixture helpers sit beside this file

from docx_builders import IND, JC, SPACING, build_docx, p, tbl
from format_fixtures import LINE, conformant_notice, run
from officekit.document import read
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

FORMAT_RULES = [r for r in all_rules() if r.pack == "format"]


def format_findings(path):
    return list(runner.run(recognize(read(str(path))), FORMAT_RULES, None))


def only(findings):
    assert len(findings) == 1, [(f.rule, f.location.block, f.message) for f in findings]
    return findings[0]


def edge(side: str, sz: int | None, color: str = "auto") -> str:
    if sz is None:
        return f'<w:{side} w:val="nil"/>'
    return f'<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>'


def borders_pr(top=12, inside=4, bottom=12) -> str:
    """A one-column 版记 table: thick top and bottom (1.5 pt), thin inner lines (0.5 pt), no sides."""
    return ("<w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>" + edge("top", top) + edge("left", None)
            + edge("bottom", bottom) + edge("right", None) + edge("insideH", inside) + edge("insideV", None)
            + "</w:tblBorders></w:tblPr>")


RECORD_PPR = IND(leftChars=100, rightChars=100) + SPACING(line=560, lineRule="exact")
COPY_TO = p(run("抄送：市委办公室，市人大常委会办公室。", size=14), ppr=RECORD_PPR)
IMPRINT = p(run("云岭市人民政府办公室", size=14), '<w:r><w:tab/></w:r>', run("2026年11月16日印发", size=14),
            ppr=RECORD_PPR)


def record_table(top=12, inside=4, bottom=12, copy_to=COPY_TO) -> str:
    return tbl([[copy_to], [IMPRINT]], tbl_pr=borders_pr(top, inside, bottom))


# ---------------------------------------------------------------- the reader


def test_cell_borders_from_table_borders_and_inner_lines(tmp_path):
    path = build_docx(tmp_path / "t.docx", tbl([[p("抄送：市委办公室。")], [p("云岭市人民政府办公室"), p("2026年1月5日印发")]],
                                                tbl_pr=borders_pr()))
    first, organ, date = read(str(path)).body
    assert {k: (b.size_pt, b.style) for k, b in first.cell_borders.items()} == {"top": (1.5, "single"), "bottom": (0.5, "single")}
    assert {k: b.size_pt for k, b in organ.cell_borders.items()} == {"top": 0.5, "bottom": 1.5}
    assert date.cell_borders == organ.cell_borders  # every paragraph of a cell carries the cell's borders


def test_cell_borders_own_borders_win_and_nil_removes(tmp_path):
    own = "<w:tcBorders>" + edge("top", None) + edge("bottom", 24, "FF0000") + "</w:tcBorders>"
    path = build_docx(tmp_path / "t.docx", tbl([[(p("云政发〔2026〕1号"), own)]], tbl_pr=borders_pr()))
    (block,) = read(str(path)).body
    assert set(block.cell_borders) == {"bottom"}
    assert (block.cell_borders["bottom"].size_pt, block.cell_borders["bottom"].color) == (3.0, "FF0000")


def test_cell_borders_from_the_table_style(tmp_path):
    style = ('<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
             + edge("top", 8) + edge("bottom", 8) + edge("insideH", 8) + "</w:tblBorders></w:tblPr></w:style>")
    path = build_docx(tmp_path / "t.docx", tbl([[p("甲")]], tbl_pr='<w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'),
                      styles=style)
    (block,) = read(str(path)).body
    assert {k: b.size_pt for k, b in block.cell_borders.items()} == {"top": 1.0, "bottom": 1.0}
    assert read(str(build_docx(tmp_path / "u.docx", p("甲")))).body[0].cell_borders == {}


# ---------------------------------------------------------------- F051 / F052 with table borders


def test_record_table_with_thick_and_thin_lines_is_clean(tmp_path):
    assert format_findings(conformant_notice(tmp_path, tail=record_table())) == []


def test_record_table_without_first_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, tail=record_table(top=None))))
    assert (f.rule, f.location.block, f.element, f.severity) == ("F052", 13, "抄送机关", "warning")
    assert f.message == "版记缺少首条分隔线"


def test_record_table_with_thin_first_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, tail=record_table(top=4))))
    assert (f.rule, f.location.block) == ("F052", 13)
    assert f.message == "版记首条分隔线应为粗线（推荐 0.35 mm），实为 0.18 mm（0.5 磅）"


def test_record_table_with_thick_middle_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, tail=record_table(inside=12))))
    assert (f.rule, f.location.block) == ("F052", 14)
    assert "中间分隔线应为细线" in f.message


def _number_in_a_cell(bottom: str) -> str:
    cell = p(run("云政办发〔2026〕12号"), ppr=JC("center") + LINE)
    tc_pr = f"<w:tcBorders>{bottom}</w:tcBorders>" if bottom else ""
    return tbl([[(cell, tc_pr)]], tbl_pr='<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>')


def test_red_bottom_border_of_the_number_cell_is_the_header_line(tmp_path):
    path = conformant_notice(tmp_path, swap={3: _number_in_a_cell(edge("bottom", 12, "FF0000"))})
    assert format_findings(path) == []


def test_number_cell_without_border_lacks_the_header_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, swap={3: _number_in_a_cell("")})))
    assert (f.rule, f.location.block, f.severity) == ("F051", 3, "error")
    assert f.message == "缺少版头分隔线（红色横线）"


def test_black_bottom_border_of_the_number_cell(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, swap={3: _number_in_a_cell(edge("bottom", 12, "000000"))})))
    assert (f.rule, f.message) == ("F051", "版头分隔线应为红色，实为000000")


# ---------------------------------------------------------------- geometry


def test_copy_to_not_indented(tmp_path):
    flush = p(run("抄送：市委办公室，市人大常委会办公室。", size=14), ppr=SPACING(line=560, lineRule="exact"))
    f = only(format_findings(conformant_notice(tmp_path, tail=record_table(copy_to=flush))))
    assert (f.rule, f.location.block, f.severity) == ("F094", 13, "warning")
    assert f.message == "抄送机关应左空一字，实为左空 0 字"
    assert (f.location.start, f.location.end) == (0, 3)


def test_record_before_an_attachment(tmp_path):
    attachment = p(run("附件1", "黑体"), ppr='<w:pageBreakBefore/>' + LINE)
    f = only(format_findings(conformant_notice(tmp_path, tail=record_table() + attachment)))
    assert (f.rule, f.location.block, f.severity) == ("F100", 15, "warning")
    assert f.message.startswith("版记应排在公文最后一页的最后")


def _attachment_note(second_indent: int) -> str:
    first = p(run("附件：1.森林防火重点区域名单"), ppr=IND(firstLineChars=200) + LINE)
    second = p(run("2.森林防火经费测算表"), ppr=IND(firstLineChars=second_indent) + LINE)
    body = p(run("严格执行野外用火审批制度，做到早发现、早报告、早处置。"), ppr=IND(firstLineChars=200) + LINE)
    return body + first + second


def test_several_attachments_aligned(tmp_path):
    assert format_findings(conformant_notice(tmp_path, swap={10: _attachment_note(500)})) == []


def test_second_attachment_not_under_the_first_number(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, swap={10: _attachment_note(200)})))
    assert (f.rule, f.location.block, f.element) == ("F092", 12, "附件说明")
    assert f.message == "第二个及以后的附件序号应与第一个附件序号对齐（左空 5 字），实为左空 2 字"


def _signer(right_chars: int) -> str:
    return p(run("签发人："), run("张某", "楷体_GB2312"), ppr=JC("right") + IND(rightChars=right_chars) + LINE)


def test_signer_flush_right_with_one_character(tmp_path):
    number = p(run("云政办发〔2026〕12号"), ppr=IND(leftChars=100) + LINE)
    path = conformant_notice(tmp_path, swap={3: _signer(100) + number.replace("<w:pPr>", "<w:pPr>" + _red_bottom(), 1)})
    assert [f.rule for f in format_findings(path) if f.rule in ("F090", "F091")] == []
    path = conformant_notice(tmp_path, name="b.docx",
                             swap={3: _signer(0) + number.replace("<w:pPr>", "<w:pPr>" + _red_bottom(), 1)})
    f = only([f for f in format_findings(path) if f.rule.startswith("F09")])
    assert (f.rule, f.location.block, f.severity) == ("F090", 3, "warning")
    assert f.message == "签发人应居右空一字，实为右空 0 字"


def _red_bottom() -> str:
    return '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/></w:pBdr>'

