"""Build the two example drafts in this folder (run: python examples/build_examples.py).

通知-规范.docx   a 下行文 通知 laid out as GB/T 9704-2012 asks: officekit should find nothing wrong.
请示-问题多.docx  a 请示 with the errors reviewers meet every week: officekit should find them all.

The organisations and people are invented.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
RED = RGBColor(0xFF, 0x00, 0x00)

FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"


def set_font(run, east_asia: str, size_pt: float, ascii_font: str = "Times New Roman", bold=False, color=None):
    run.font.size = Pt(size_pt)
    run.font.name = ascii_font
    run.font.bold = bold
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), east_asia)
    if color is not None:
        run.font.color.rgb = color


def paragraph(doc_or_part, text="", font=FANGSONG, size=16, align=None, first_line_chars=None, bold=False,
              color=None, right_chars=None, left_chars=None, line_pt=28):
    p = doc_or_part.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    ind = None
    for attr, value in (("w:firstLineChars", first_line_chars), ("w:rightChars", right_chars),
                        ("w:leftChars", left_chars)):
        if value is not None:
            if ind is None:
                ind = OxmlElement("w:ind")
                p._p.get_or_add_pPr().append(ind)
            ind.set(qn(attr), str(int(value * 100)))
    if text:
        set_font(p.add_run(text), font, size, bold=bold, color=color)
    return p


def border(p, side: str, size_eighths: int, color: str = "000000"):
    pPr = p._p.get_or_add_pPr()
    pbdr = pPr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        pPr.append(pbdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), color)
    pbdr.append(el)


def page_setup(section, standard=True):
    section.page_width, section.page_height = Mm(210), Mm(297)
    if standard:
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    else:  # Word's default margins, as a draft typed into a blank document has them
        section.top_margin, section.bottom_margin = Mm(25.4), Mm(25.4)
        section.left_margin, section.right_margin = Mm(31.8), Mm(31.8)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    if standard:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), "579")  # 225 mm / 22 lines ≈ 28.9 pt


def page_number_footers(doc):
    """— N — in 4号 宋体: odd pages right, even pages left, one character in (GB/T 9704-2012 7.5)."""
    settings = doc.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        settings.append(OxmlElement("w:evenAndOddHeaders"))
    section = doc.sections[0]
    section.even_page_footer.is_linked_to_previous = False
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_chars"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_chars")):
        p = footer.paragraphs[0]
        p.alignment = align
        ind = OxmlElement("w:ind")
        ind.set(qn("w:rightChars" if side == "right_chars" else "w:leftChars"), "100")
        p._p.get_or_add_pPr().append(ind)
        set_font(p.add_run("— "), SONGTI, 14, ascii_font=SONGTI)
        _page_field(p)
        set_font(p.add_run(" —"), SONGTI, 14, ascii_font=SONGTI)


def _page_field(p):
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = p.add_run()
        set_font(run, SONGTI, 14, ascii_font=SONGTI)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def set_normal_style(doc, font=FANGSONG, size=16):
    style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.name = "Times New Roman"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def build_notice(path: Path):
    doc = Document()
    set_normal_style(doc)
    page_setup(doc.sections[0])
    page_number_footers(doc)
    C = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(doc, "000001")
    paragraph(doc, "秘密★1年", font=HEITI)
    paragraph(doc, "特急", font=HEITI)
    paragraph(doc)
    paragraph(doc, "云岭市人民政府办公室文件", font=XIAOBIAOSONG, size=36, align=C, color=RED, line_pt=50)
    paragraph(doc)
    number = paragraph(doc, "云政办发〔2026〕12号", align=C)
    border(number, "bottom", 12, "FF0000")
    paragraph(doc)
    paragraph(doc, "云岭市人民政府办公室", font=XIAOBIAOSONG, size=22, align=C, line_pt=36)
    paragraph(doc, "关于做好2026年冬春季森林防火工作的通知", font=XIAOBIAOSONG, size=22, align=C, line_pt=36)
    paragraph(doc)
    paragraph(doc, "各县（市、区）人民政府，市政府各部门：")
    body = [
        ("为切实做好今冬明春森林防火工作，保护森林资源和人民群众生命财产安全，经市政府同意，现将有关事项通知如下。", None),
        ("一、压实防火责任", HEITI),
        ("各地要严格落实森林防火行政首长负责制，层层签订责任书，把责任落实到山头地块和具体人员。", None),
        ("（一）健全工作机制", KAITI),
        ("建立森林防火联席会议制度，每月调度一次，及时研究解决工作中的困难和问题。", None),
        ("（二）强化督促检查", KAITI),
        ("市森林防火指挥部办公室要会同有关部门开展明查暗访，对问题突出的地方予以通报。", None),
        ("二、加强火源管控", HEITI),
        ("严格执行野外用火审批制度，清明、春节等重点时段要加密巡护频次，做到早发现、早报告、早处置。", None),
        ("三、做好应急准备", HEITI),
        ("各地要修订完善森林火灾应急预案，储备必要的扑火物资，组织开展至少1次实战演练。", None),
    ]
    for text, font in body:
        paragraph(doc, text, font=font or FANGSONG, first_line_chars=2)
    paragraph(doc)
    paragraph(doc, "附件：1.2026年冬春季森林防火重点区域名单", first_line_chars=2)
    paragraph(doc, "2.森林防火值班安排表", left_chars=5)
    paragraph(doc)
    paragraph(doc)
    # GB/T 9704-2012 7.3.5.2 (no seal): 署名 右空二字, the date's first character two 字 right of the 署名's
    paragraph(doc, "云岭市人民政府办公室", align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=2)
    paragraph(doc, "2026年11月16日", align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=3)
    paragraph(doc, "（此件发至县级）", first_line_chars=2)  # a 秘密 document is not 公开发布 (P117)
    # attachments start on a new page
    label = paragraph(doc, "附件1", font=HEITI)
    label.paragraph_format.page_break_before = True
    paragraph(doc)
    paragraph(doc, "2026年冬春季森林防火重点区域名单", font=XIAOBIAOSONG, size=22, align=C, line_pt=36)
    paragraph(doc)
    paragraph(doc, "东山林场、西岭自然保护区、南湖湿地公园周边林地。", first_line_chars=2)
    label = paragraph(doc, "附件2", font=HEITI)
    label.paragraph_format.page_break_before = True
    paragraph(doc)
    paragraph(doc, "森林防火值班安排表", font=XIAOBIAOSONG, size=22, align=C, line_pt=36)
    paragraph(doc)
    paragraph(doc, "值班时间为2026年12月1日至2027年4月30日，每日安排1名带班领导和2名值班人员。", first_line_chars=2)
    # 版记 on its own last page: thick line, 抄送, thin line, 印发机关和印发日期, thick line
    cc = paragraph(doc, "抄送：市委办公室，市人大常委会办公室，市政协办公室。", size=14, left_chars=1, right_chars=1)
    cc.paragraph_format.page_break_before = True
    border(cc, "top", 8)
    border(cc, "bottom", 4)
    imprint = paragraph(doc, "云岭市人民政府办公室\t2026年11月16日印发", size=14, left_chars=1, right_chars=1)
    border(imprint, "bottom", 8)
    doc.save(path)


def build_request(path: Path):
    doc = Document()
    # typed into a blank document: 宋体 小四 throughout, Word's default margins, no page numbers
    set_normal_style(doc, font=SONGTI, size=12)
    page_setup(doc.sections[0], standard=False)
    C = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(doc, "云岭市林业局文件", font=XIAOBIAOSONG, size=36, align=C, color=RED, line_pt=50)
    paragraph(doc, "云林发[2026]第05号    签发人:李某某", font=SONGTI, size=12, align=C)
    paragraph(doc)
    paragraph(doc, "关于申请追加森林防火经费的请示报告", font=SONGTI, size=18, align=C, bold=True)
    paragraph(doc, "市人民政府、市财政局", font=SONGTI, size=12)
    body = [
        "今冬以来,我市降水偏少，森林火险等级持续偏高。为做好森林防火工作，我局已按市政府布署开展了隐患排查。",
        "截止目前，全市共排查火险隐患126处，其它问题正在整改。由于扑火物资储备不足，急待补充。",
        "一、请求追加森林防火经费80万元，用于购置扑火物资。",
        "三、请求批准增设2个季节性检查站。",
        "以上请示事项涉及到多个部门，请予支持。",
        "妥否？请批示！",
    ]
    for text in body:
        paragraph(doc, text, font=SONGTI, size=12)
    paragraph(doc, "云岭市林业局", font=SONGTI, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(doc, "2026年03月05日", font=SONGTI, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(doc, "抄送：各乡镇人民政府，各国有林场", font=SONGTI, size=12)
    doc.save(path)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    build_notice(out / "通知-规范.docx")
    build_request(out / "请示-问题多.docx")
    print(f"wrote {out / '通知-规范.docx'} and {out / '请示-问题多.docx'}")
