"""The mutation bench's renderer (bench/gbt9704_render.py) on a made-up 通知: its element map agrees with the
files it writes, and every defect class of bench/defects.py points at blocks that exist.  Needs no ../shared."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import defects  # noqa: E402
from gbt9704_render import Attachment, GovDoc, compose, render_files, signature_indents  # noqa: E402

from officekit.document import read  # noqa: E402
from officekit.structure.model import ELEMENTS  # noqa: E402


def made_up() -> GovDoc:
    return GovDoc(
        key="demo", issuer="云岭市人民政府", mark="云岭市人民政府文件", zihao="云政发〔2026〕7号",
        title=["云岭市人民政府关于做好", "今冬明春森林防火工作的通知"],
        main_to="各县（市、区）人民政府，市政府各部门：",
        body=["为切实做好今冬明春森林防火工作，现将有关事项通知如下。",
              "一、压实防火责任",
              "各地要严格落实森林防火行政首长负责制，层层签订责任书，把责任落实到山头地块和具体人员。",
              "二、加强火源管控",
              "（一）严格野外用火审批。",
              "清明、春节等重点时段要加密巡护频次，做到早发现、早报告、早处置。"],
        attachment_note=["附件：1.森林防火责任分工表", "2.森林防火值班安排表"],
        signature=["云岭市人民政府"], date="2026年11月16日", note="（此件公开发布）",
        attachments=[Attachment("附件1", ["森林防火责任分工表"], ["各县（市、区）人民政府负责本辖区森林防火工作。"]),
                     Attachment("附件2", ["森林防火值班安排表"], ["值班时间为每日8时至次日8时。"])],
        copy_to="抄送：市委办公室，市人大常委会办公室，市政协办公室。", printer="云岭市人民政府办公室",
        print_date="2026年11月17日", doctype="通知",
    )


ORDER = ("发文机关标志", "发文字号", "标题", "主送机关", "正文", "附件说明", "发文机关署名", "成文日期", "附注", "附件",
         "抄送机关", "印发机关和印发日期")


def test_element_map_matches_the_files(tmp_path):
    rendering = compose(made_up())
    docx_path, txt_path = render_files(rendering, tmp_path / "demo")
    document = read(str(docx_path))
    assert [b.text for b in document.body] == [p.text for p in rendering.paras]
    assert txt_path.read_text(encoding="utf-8").split("\n")[:-1] == [p.text for p in rendering.paras]
    assert [b.text for b in read(str(txt_path)).body] == [p.text for p in rendering.paras]

    mapped = rendering.element_map()
    assert all(element in ELEMENTS for _, element in mapped)
    # elements appear in the order of GB/T 9704 and each block's text is the one the map names
    ranks = [ORDER.index(element) for _, element in mapped]
    assert ranks == sorted(ranks)
    by_block = dict(mapped)
    assert document.body[0].text == "云岭市人民政府文件" and by_block[1] == "发文机关标志"
    headings = {document.body[b - 1].text: rendering.paras[b - 1].role for b, e in mapped if e == "正文"}
    assert headings["一、压实防火责任"] == "heading1"
    assert headings["（一）严格野外用火审批。"] == "heading2"
    assert headings["为切实做好今冬明春森林防火工作，现将有关事项通知如下。"] == "body"


def test_docx_formatting_is_the_standard_layout(tmp_path):
    rendering = compose(made_up())
    docx_path, _ = render_files(rendering, tmp_path / "demo")
    document = read(str(docx_path))
    section = document.sections[0]
    assert (round(section.margin_top_mm), round(section.margin_bottom_mm),
            round(section.margin_left_mm), round(section.margin_right_mm)) == (37, 35, 28, 26)
    assert (section.lines_per_page, section.chars_per_line) == (22, 28)
    blocks = {p.role: document.body[n - 1] for n, p in reversed(list(enumerate(rendering.paras, 1)))}
    assert blocks["mark"].runs[0].props.color == "FF0000"
    assert blocks["zihao"].props.borders["bottom"].color == "FF0000"
    assert blocks["title"].runs[0].props.size_pt == 22
    assert blocks["heading1"].runs[0].props.east_asia_font == "黑体"
    assert blocks["body"].props.first_line_chars == 2
    assert blocks["main_to"].props.alignment != "center" and not blocks["main_to"].props.first_line_chars
    assert [b.text for b in document.footer if b.text.strip()] == ["— 1 —", "— 1 —"]
    assert all("PAGE" in " ".join(b.fields).upper() for b in document.footer)


def test_unsealed_closing_relation():
    # 署名 右空二字 when the date is shorter; a longer date is 右空二字 and the 署名 moves left so that the
    # date's first character stays two characters right of the 署名's (GB/T 9704-2012 7.3.5.2)
    # widths in 字: 云岭市人民政府办公室 10, 2026年1月6日 6 (digits are half a character)
    assert signature_indents(["云岭市人民政府办公室"], "2026年1月6日") == (2.0, 4.0)
    # 国务院 3, 2026年11月16日 7: the date ends 2 from the right, the 署名 starts 2 before the date does
    assert signature_indents(["国务院"], "2026年11月16日") == (8.0, 2.0)


@pytest.mark.parametrize("defect", defects.DEFECTS, ids=lambda d: d.id)
def test_each_defect_points_at_existing_blocks(defect):
    rendering = compose(made_up())
    expect = defect.inject(rendering, random.Random(1))
    if expect is None:
        pytest.skip(f"{defect.id} does not apply to the made-up document")
    assert expect.gate == defect.gate
    assert expect.places[0][0] == defect.element
    for element, part, block in expect.places:
        assert element in ELEMENTS + ("版面",)
        if part == "body":
            assert 1 <= block <= len(rendering.paras)
        else:
            assert block in rendering.footer_blocks()


def test_defect_changes_the_text_or_the_layout(tmp_path):
    clean = compose(made_up())
    dotted = compose(made_up())
    expect = defects.BY_ID["date-dotted"].inject(dotted, random.Random(1))
    (_, _, block), = expect.places
    assert clean.paras[block - 1].text == "2026年11月16日"
    assert dotted.paras[block - 1].text == "2026.11.16"
    merged = compose(made_up())
    expect = defects.BY_ID["main-to-merged"].inject(merged, random.Random(1))
    (_, _, block), = expect.places
    assert merged.paras[block - 1].text.startswith("各县（市、区）人民政府，市政府各部门：为切实做好")
    assert len(merged.paras) == len(clean.paras) - 1


def test_a_cited_list_closed_by_its_quote_is_set_as_items_not_run_in_headings():
    from gbt9704_render import FANGSONG, body_paras, run_in_heading_end

    assert run_in_heading_end("（一）指导思想。以习近平新时代中国特色社会主义思想为指导。") == 8  # up to its 。
    assert run_in_heading_end("（五）派出巡视组的党组织要求了解的其他问题。”") is None
    paras = body_paras(["（四）违反群众纪律等问题；", "（五）派出巡视组的党组织要求了解的其他问题。”"])
    assert [(p.role, p.font) for p in paras] == [("body", FANGSONG), ("body", FANGSONG)]
    assert all(p.font_spans == [] for p in paras)  # no run-in 楷体 stretch either
