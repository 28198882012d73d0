"""The .docx reader: resolved formatting, reading order, numbering, sections, headers/footers, comments."""

from __future__ import annotations

import re
import time

import pytest

from docx_builders import (
    ABSTRACT_NUM, BOLD, BORDER, COLOR, FONT, IND, JC, NUM, NUM_INSTANCE, SIZE, SPACING, STYLE,
    build_docx, build_with_python_docx, field, line_shape, p, r, tbl, textbox, theme,
)
from corpus import CORPUS, requires_corpus
from officekit.document import read
from officekit.document.numbering import chinese_counting, format_number

CJK = re.compile(r"[\u4e00-\u9fff]")


def body_texts(doc):
    return [b.text for b in doc.body]


# ---------------------------------------------------------------- run formatting

def test_style_chain_doc_defaults_and_character_style(tmp_path):
    styles = (
        STYLE("Normal", default=True, rpr=FONT("仿宋_GB2312", "Times New Roman") + SIZE(16))
        + STYLE("Heading1", name="heading 1", based_on="Normal", rpr=FONT("黑体") + BOLD(), ppr=JC("center"))
        + STYLE("Heading2", name="heading 2", based_on="Heading1", rpr=SIZE(18))
        + STYLE("Emph", kind="character", rpr=COLOR("FF0000") + FONT("楷体_GB2312"))
    )
    path = build_docx(
        tmp_path / "s.docx",
        p("正文段落") + p("二级标题", style="Heading2")
        + p(r("普通"), r("强调", rpr='<w:rStyle w:val="Emph"/>'), style="Heading2")
        + p(r("关掉加粗", rpr=BOLD(False)), style="Heading1"),
        styles=styles, default_rpr=SIZE(10.5) + FONT("宋体"),
    )
    doc = read(str(path))
    normal = doc.body[0].runs[0].props
    assert (normal.east_asia_font, normal.ascii_font, normal.size_pt, normal.bold) == ("仿宋_GB2312", "Times New Roman", 16, False)
    heading2 = doc.body[1]
    # size from Heading2, font and bold from Heading1, ASCII font from Normal, alignment from Heading1
    assert (heading2.runs[0].props.east_asia_font, heading2.runs[0].props.size_pt, heading2.runs[0].props.bold) == ("黑体", 18, True)
    assert heading2.runs[0].props.ascii_font == "Times New Roman"
    assert heading2.props.alignment == "center" and heading2.props.style_id == "Heading2"
    assert heading2.props.style_name == "heading 2"
    plain, emphasised = doc.body[2].runs
    assert emphasised.props.color == "FF0000" and emphasised.props.east_asia_font == "楷体_GB2312"
    assert emphasised.props.bold and emphasised.start == 2 and plain.props.color is None
    assert doc.body[3].runs[0].props.bold is False  # direct w:b w:val="0" beats the style's bold


def test_doc_defaults_apply_without_any_style(tmp_path):
    path = build_docx(tmp_path / "d.docx", p("文字"), default_rpr=FONT("宋体", "Calibri") + SIZE(12))
    props = read(str(path)).body[0].runs[0].props
    assert (props.east_asia_font, props.ascii_font, props.size_pt) == ("宋体", "Calibri", 12)


def test_theme_east_asia_fonts(tmp_path):
    styles = STYLE("Normal", default=True, rpr=FONT(east_asia_theme="minorEastAsia"))
    body = p("小字") + p(r("大字", rpr=FONT(east_asia_theme="majorEastAsia")))
    doc = read(str(build_docx(tmp_path / "t.docx", body, styles=styles, theme_xml=theme(minor_ea="", minor_hans="等线"))))
    # empty <a:ea typeface=""> → the <a:font script="Hans"> entry
    assert doc.body[0].runs[0].props.east_asia_font == "等线"
    assert doc.body[1].runs[0].props.east_asia_font == "等线 Light"
    doc = read(str(build_docx(tmp_path / "t2.docx", body, styles=styles, theme_xml=theme(minor_ea="宋体"))))
    assert doc.body[0].runs[0].props.east_asia_font == "宋体"


def test_color_auto_and_size_ignores_szcs(tmp_path):
    body = p(r("黑", rpr=COLOR("auto") + '<w:szCs w:val="44"/>'), r("红", rpr=COLOR("c00000")))
    doc = read(str(build_docx(tmp_path / "c.docx", body, default_rpr=SIZE(16))))
    first, second = doc.body[0].runs
    assert first.props.color is None and first.props.size_pt == 16
    assert second.props.color == "C00000"


def test_a_size_of_zero_is_not_set_and_the_format_rules_survive_it(tmp_path):
    """Fuzz case: w:sz="0" gave 0-point runs and a division by zero in four format rules."""
    from officekit.check import check_file

    body = p(r("正文", rpr='<w:sz w:val="0"/>'), ppr='<w:ind w:left="320"/>')
    path = build_docx(tmp_path / "z.docx", body, default_rpr=SIZE(16))
    assert read(str(path)).body[0].runs[0].props.size_pt == 16  # the style's size, not 0
    result = check_file(str(path))
    assert result.status == "ok"
    assert not [f for f in result.findings if "运行出错" in f.message]


# ---------------------------------------------------------------- paragraph formatting

def test_indents_spacing_borders_outline_and_page_break(tmp_path):
    body = (
        p("首行缩进两字", ppr=IND(firstLineChars=200, firstLine=640) + SPACING(line=560, lineRule="exact", before=0, after=120))
        + p("悬挂", ppr=IND(left=640, hanging=320) + SPACING(line=360, lineRule="auto"))
        + p("红线", ppr=BORDER("bottom", "thickThinSmallGap", 24, "FF0000") + '<w:outlineLvl w:val="1"/>')
        + p("新页", ppr="<w:pageBreakBefore/>" + JC("start"))
    )
    styles = STYLE("Normal", default=True, ppr=IND(firstLineChars=100) + JC("both"))
    doc = read(str(build_docx(tmp_path / "i.docx", body, styles=styles)))
    first, hanging, border, new_page = (b.props for b in doc.body)
    assert (first.first_line_chars, first.first_line_pt) == (2.0, 32.0)
    assert (first.line_rule, first.line_value, first.space_before_pt, first.space_after_pt) == ("exact", 28.0, 0.0, 6.0)
    assert first.alignment == "both"
    # a direct hanging indent cancels the style's first-line indent
    assert (hanging.hanging_pt, hanging.left_pt, hanging.first_line_chars) == (16.0, 32.0, None)
    assert (hanging.line_rule, hanging.line_value) == ("auto", 1.5)
    assert border.borders["bottom"].style == "thickThinSmallGap"
    assert border.borders["bottom"].size_pt == 3.0 and border.borders["bottom"].color == "FF0000"
    assert border.outline_level == 1
    assert new_page.page_break_before and doc.body[3].page_break_before and new_page.alignment == "left"


# ---------------------------------------------------------------- reading order and content

def test_text_box_in_alternate_content_read_once_after_its_anchor(tmp_path):
    body = (
        p("前文")
        + p(r("锚点"), textbox(p("文本框第一段"), p("文本框第二段")))
        + p("后文")
    )
    doc = read(str(build_docx(tmp_path / "tb.docx", body)))
    assert body_texts(doc) == ["前文", "锚点", "文本框第一段", "文本框第二段", "后文"]
    assert [b.container for b in doc.body] == ["body", "body", "textbox", "textbox", "body"]
    assert [b.index for b in doc.body] == [1, 2, 3, 4, 5]
    assert doc.body[1].shapes[0].kind == "textbox"


def test_line_shape_with_colour(tmp_path):
    doc = read(str(build_docx(tmp_path / "line.docx", p(line_shape("FF0000")))))
    shape = doc.body[0].shapes[0]
    assert (shape.kind, shape.color, shape.width_mm) == ("line", "FF0000", 157.0)


def test_vml_line_shape(tmp_path):
    vml = '<w:r><w:pict><v:line from="0,0" to="400pt,0" strokecolor="red" strokeweight="1pt"/></w:pict></w:r>'
    shape = read(str(build_docx(tmp_path / "vml.docx", p(vml)))).body[0].shapes[0]
    assert (shape.kind, shape.color) == ("line", "FF0000")


def test_tables_merged_cells_once_nested_and_without_tblpr(tmp_path):
    merged = (p("跨两列"), '<w:gridSpan w:val="2"/>')
    inner = tbl([[p("内层")]], tbl_pr=None)
    body = tbl(
        [[merged, p("C1")], [p("A2"), p("B2"), p("C2") + inner], [(p("纵向合并"), '<w:vMerge w:val="restart"/>'), p("B3"), p("C3")],
         [(p(), "<w:vMerge/>"), p("B4"), p("C4")]],
        tbl_pr=None, grid_cols=3,
    ) + p("表后")
    doc = read(str(build_docx(tmp_path / "t.docx", body)))
    texts = body_texts(doc)
    assert texts.count("跨两列") == 1 and texts.count("纵向合并") == 1
    assert texts[:4] == ["跨两列", "C1", "A2", "B2"]
    by_text = {b.text: b for b in doc.body}
    assert by_text["跨两列"].table == (1, 1, 1) and by_text["C1"].table == (1, 1, 3)
    assert by_text["内层"].table == (2, 1, 1) and by_text["内层"].container == "table"
    assert texts.index("内层") == texts.index("C2") + 1
    assert by_text["表后"].container == "body" and by_text["表后"].table is None


def test_fields_insertions_deletions_breaks_tabs(tmp_path):
    body = p(
        r("第"), field("PAGE", "3"), r("页"),
        '<w:ins w:id="1" w:author="x"><w:r><w:t>插入</w:t></w:r></w:ins>',
        '<w:del w:id="2" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>',
        r("甲", extra="<w:tab/>"), r("乙", extra="<w:br/>"), r("丙"),
        '<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT "><w:r><w:t>9</w:t></w:r></w:fldSimple>',
    )
    block = read(str(build_docx(tmp_path / "f.docx", body))).body[0]
    assert block.text == "第3页插入甲\t乙\n丙9"
    assert block.fields == ["PAGE", "NUMPAGES"]
    for run in block.runs:  # every run's offset points at its own text
        assert block.text[run.start:run.start + len(run.text)] == run.text


def test_auto_numbering_label_outside_text(tmp_path):
    numbering = ABSTRACT_NUM(0, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]) + NUM_INSTANCE(1, 0)
    body = (
        p("总体要求", ppr=NUM(1, 0)) + p("指导思想", ppr=NUM(1, 1)) + p("基本原则", ppr=NUM(1, 1))
        + p("第一条", ppr=NUM(1, 2)) + p("主要任务", ppr=NUM(1, 0)) + p("具体措施", ppr=NUM(1, 1))
        + p("无编号")
    )
    doc = read(str(build_docx(tmp_path / "n.docx", body, numbering=numbering)))
    labels = [b.props.numbering_label for b in doc.body]
    assert labels == ["一、", "（一）", "（二）", "1.", "二、", "（一）", None]
    assert doc.body[0].text == "总体要求"


def test_numbering_from_paragraph_style_and_formats(tmp_path):
    numbering = ABSTRACT_NUM(0, [("chineseCountingThousand", "第%1条")]) + NUM_INSTANCE(7, 0)
    styles = STYLE("Article", ppr=NUM(7))
    body = "".join(p(f"条文{i}", style="Article") for i in range(12))
    doc = read(str(build_docx(tmp_path / "ns.docx", body, styles=styles, numbering=numbering)))
    assert doc.body[0].props.numbering_label == "第一条"
    assert doc.body[9].props.numbering_label == "第十条"
    assert doc.body[11].props.numbering_label == "第十二条"
    assert [chinese_counting(n) for n in (20, 21, 105, 110)] == ["二十", "二十一", "一百零五", "一百一十"]
    assert format_number(3, "ideographTraditional") == "丙" and format_number(2, "decimalEnclosedCircle") == "②"


def test_list_number_style_of_python_docx_numbers_outside_the_text(tmp_path):
    """Word's "List Number" style (as python-docx's template has it): the numbers are labels, not text."""
    items = [{"text": f"自动编号第{n}项", "style": "List Number"} for n in "一二三"]
    doc = read(str(build_with_python_docx(tmp_path / "ln.docx", ["自动编号样例", *items, "一、手写编号也是正文"])))
    assert [b.props.numbering_label for b in doc.body] == [None, "1.", "2.", "3.", None]
    assert doc.body[1].text == "自动编号第一项" and doc.body[4].text == "一、手写编号也是正文"


@requires_corpus
def test_corpus_auto_numbering_fixture():
    doc = read(str(CORPUS / "docx-templates-short" / "danxiaozhiren__gongwen-format-converter-skill__06-auto-numbering.docx"))
    numbered = [b for b in doc.body if b.props.numbering_label]
    assert [b.props.numbering_label for b in numbered] == ["1.", "2.", "3."]
    assert all(not b.text.startswith(("1", "2", "3")) for b in numbered)


# ---------------------------------------------------------------- sections, headers and footers

def test_section_page_setup_and_grid(tmp_path):
    doc = read(str(build_docx(tmp_path / "sec.docx", p("正文"), default_rpr=SIZE(16))))
    section = doc.sections[0]
    assert (section.page_width_mm, section.page_height_mm, section.orientation) == (210.01, 297.0, "portrait")
    assert (section.margin_top_mm, section.margin_bottom_mm, section.margin_left_mm, section.margin_right_mm) == (37.01, 35.0, 27.99, 26.0)
    assert section.grid_type == "linesAndChars" and section.grid_line_pitch_pt == 28.95
    assert (section.lines_per_page, section.chars_per_line) == (22, 28)


def test_headers_footers_per_story_and_sections(tmp_path):
    footer_default = p(r("— "), field("PAGE", "1"), r(" —"), ppr=JC("right"))
    footer_even = p(r("— "), field("PAGE", "2"), r(" —"), ppr=JC("left"))
    first_section_end = p("第一节末段", ppr='<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    doc = read(str(build_docx(
        tmp_path / "hf.docx", p("第一节") + first_section_end + p("第二节"),
        headers={"default": p("页眉")}, footers={"default": footer_default, "even": footer_even},
        settings="<w:evenAndOddHeaders/>", title_page=True,
    )))
    assert doc.sections[1].title_page and not doc.sections[0].title_page
    assert doc.even_and_odd_headers is True
    assert len(doc.sections) == 2
    assert [b.section for b in doc.body] == [0, 0, 1]
    assert doc.body[2].page_break_before  # a next-page section break
    assert [(b.index, b.story, b.text, b.fields) for b in doc.footer] == [
        (1, "default", "— 1 —", ["PAGE"]), (2, "even", "— 2 —", ["PAGE"])]
    assert doc.footer[0].props.alignment == "right"
    assert doc.sections[1].footers == {"default": [1], "even": [2]}
    assert doc.sections[1].headers == {"default": [1]} and doc.header[0].text == "页眉"
    assert doc.sections[0].footers == {}  # the first section (ended by a paragraph) has no references


def test_existing_comments_are_anchored(tmp_path):
    body = p(r("请"), '<w:commentRangeStart w:id="0"/>', r("认真研究"), '<w:commentRangeEnd w:id="0"/>',
             r("", extra='<w:commentReference w:id="0"/>'), r("。"))
    comments = '<w:comment w:id="0" w:author="a"><w:p><w:r><w:t>officekit: ignore W301</w:t></w:r></w:p></w:comment>'
    doc = read(str(build_docx(tmp_path / "cm.docx", body, comments=comments)))
    assert doc.comments == [(1, 1, 5, "officekit: ignore W301")]
    assert doc.body[0].text[1:5] == "认真研究"


def test_python_docx_builder_round_trip(tmp_path):
    path = build_with_python_docx(tmp_path / "pd.docx", [
        {"text": "关于开展检查的通知", "east_asia_font": "方正小标宋简体", "size_pt": 22, "alignment": "center"},
        {"text": "各单位：", "east_asia_font": "仿宋_GB2312", "size_pt": 16, "first_line_chars": 2, "line_exact_pt": 28},
    ])
    doc = read(str(path))
    title, body = doc.body
    assert (title.runs[0].props.east_asia_font, title.runs[0].props.size_pt, title.props.alignment) == ("方正小标宋简体", 22, "center")
    assert (body.props.first_line_chars, body.props.line_rule, body.props.line_value) == (2.0, "exact", 28.0)
    assert doc.sections[0].margin_top_mm == pytest.approx(37.0, abs=0.02)


# ---------------------------------------------------------------- plain text and scale

def test_plain_text_files_keep_text_reader_behaviour(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("标题\r\n\r\n正文".encode("gb18030"))
    doc = read(str(path))
    assert doc.kind == "text" and body_texts(doc) == ["标题", "", "正文"]


def test_many_paragraphs_and_a_huge_paragraph_are_fast(tmp_path):
    body = "".join(p(f"第{i}段文字内容") for i in range(10_000)) + p("长" * 1_000_000)
    path = build_docx(tmp_path / "big.docx", body)
    started = time.perf_counter()
    doc = read(str(path))
    elapsed = time.perf_counter() - started
    assert len(doc.body) == 10_001 and len(doc.body[-1].text) == 1_000_000
    assert elapsed < 3.0


# ---------------------------------------------------------------- the corpus

CORPUS_FILES = sorted((CORPUS / "docx").glob("*.docx")) + sorted((CORPUS / "docx-templates-short").glob("*.docx"))


@requires_corpus
def test_every_corpus_docx_reads():
    for path in CORPUS_FILES:
        doc = read(str(path))
        assert doc.kind == "docx" and doc.sections, path.name
        assert any(b.text.strip() for b in doc.body + doc.header + doc.footer), path.name
        for part in ("body", "header", "footer"):
            assert [b.index for b in doc.blocks(part)] == list(range(1, len(doc.blocks(part)) + 1))


@requires_corpus
def test_corpus_text_box_draft_text_is_found_once():
    doc = read(str(CORPUS / "docx" / "smile-knigh__word-train__邀请函.docx"))
    cjk = sum(len(CJK.findall(b.text)) for b in doc.body)
    # document.xml holds 326 CJK characters: every text box twice (mc:Choice and its VML mc:Fallback)
    assert cjk == 326 // 2
    assert all(b.container == "textbox" for b in doc.body if CJK.search(b.text))


@requires_corpus
def test_corpus_merged_table_draft_reads_each_cell_once():
    doc = read(str(CORPUS / "docx" / "ffgzz__official-doc-skills__ZS项目立项申请书.docx"))
    cjk = sum(len(CJK.findall(b.text)) for b in doc.body)
    assert 10_000 < cjk <= 12_654  # SOURCES.tsv: document.xml has 12,654; python-docx sees 47 via paragraphs
