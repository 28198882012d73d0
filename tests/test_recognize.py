"""The recogniser: 公文要素 spans, 文种, 行文方向 and layout on plain text and on formatted documents."""

from __future__ import annotations

import json

import pytest

from corpus import CORPUS, GOV_DOCUMENTS, requires_corpus, skip_without_corpus
from officekit.document.model import Block, Document, ParagraphProps, Run, RunProps, Section, Shape
from officekit.document.text_reader import from_text
from officekit.structure import Draft, recognize
from officekit.structure.doctype import doctype_of



def elements(draft: Draft) -> list[tuple[int, str]]:
    return [(s.block, s.element) for s in draft.spans if s.part == "body"]


def blocks_of(draft: Draft, element: str) -> list[int]:
    return [s.block for s in draft.all(element)]


def text_draft(text: str) -> Draft:
    return recognize(from_text(text.strip("\n"), "test.txt"))


FULL_NOTICE = """
000001
机密★1年
特急
云岭市人民政府文件
云政发〔2024〕7号

云岭市人民政府关于做好
2024年防汛工作的通知

各县（市、区）人民政府，
市直各单位：
为切实做好今年防汛工作，现就有关事项通知如下。
一、提高认识
（一）压实责任。
1．各地要建立责任制。
（1）县级负责。
二、加强值守
汛期实行24小时值班。

附件：1．防汛责任人名单
      2．值班安排表

云岭市人民政府
2024年5月6日
（此件公开发布）

附件1

防汛责任人名单
一、市级责任人

附件2

值班安排表
值班表正文。

抄送：市委办公室，市人大常委会办公室，
      市政协办公室。
云岭市人民政府办公室        2024年5月7日印发
"""


def test_full_downward_notice_with_every_element():
    draft = text_draft(FULL_NOTICE)
    assert [e for _, e in elements(draft)] == [
        "份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号",
        "标题", "标题", "主送机关", "主送机关",
        "正文", "正文", "正文", "正文", "正文", "正文", "正文",
        "附件说明", "附件说明", "发文机关署名", "成文日期", "附注",
        "附件", "附件", "附件", "附件", "附件", "附件",
        "抄送机关", "抄送机关", "印发机关和印发日期",
    ]
    assert blocks_of(draft, "标题") == [7, 8]
    assert blocks_of(draft, "主送机关") == [10, 11]
    assert draft.text_of("附件说明", "|") == "附件：1．防汛责任人名单|      2．值班安排表"
    assert draft.first("附件").text == "附件1"
    # heading levels of 正文 (and of the attachments' own headings)
    assert draft.heading_levels == {13: 1, 14: 2, 15: 3, 16: 4, 17: 1, 30: 1}
    assert (draft.doctype, draft.doctype_statutory) == ("通知", True)
    assert draft.direction == "下行文"
    assert draft.layout == "文件"
    # whole-block spans
    date = draft.first("成文日期")
    assert (date.start, date.end, date.text) == (0, 9, "2024年5月6日")


def test_upward_request_signer_on_the_number_line_gets_two_spans():
    text = "云岭市人民政府文件\n云政报〔2024〕3号    签发人：张三\n\n关于申请防汛资金的请示\n省人民政府：\n我市汛情严重。\n妥否，请批示。\n云岭市人民政府\n2024年6月1日\n"
    draft = text_draft(text)
    spans = draft.elements_of_block("body", 2)
    assert [(s.element, s.start, s.end, s.text) for s in spans] == [
        ("发文字号", 0, 11, "云政报〔2024〕3号"),
        ("签发人", 15, 21, "签发人：张三"),
    ]
    assert draft.element_at("body", 2, 16) == "签发人"
    assert draft.element_at("body", 2, 3) == "发文字号"
    assert (draft.doctype, draft.direction, draft.layout) == ("请示", "上行文", "文件")
    assert draft.first("主送机关").text == "省人民政府："


def test_joint_issuance_stacked_organs_are_all_the_mark():
    # the shape of the labelled GovDoc-CN sample: two 机关, "文件" beside the first, 字号, title, 主送
    text = (
        "发展改革委办公厅  文件\n税务总局办公厅\n 发改办财金规〔2019〕860号 \n"
        "关于加强个人所得税纳税信用建设的通知\n各省、自治区、直辖市发展改革委：\n为贯彻落实有关要求，现通知如下。\n"
        "一、总体要求\n各地要加强领导。\n国家发展改革委办公厅\n国家税务总局办公厅\n2019年7月1日\n"
    )
    draft = text_draft(text)
    assert blocks_of(draft, "发文机关标志") == [1, 2]
    assert draft.first("发文字号").text == "发改办财金规〔2019〕860号"
    assert blocks_of(draft, "发文机关署名") == [9, 10]
    assert draft.layout == "文件" and draft.doctype == "通知"


def test_published_text_title_split_over_lines_then_number():
    text = (
        "国务院关于同意南昌、新余、景德镇、鹰潭、\n抚州、吉安、赣州高新技术产业开发区\n建设国家自主创新示范区的批复\n"
        "国函〔2019〕77号\n\n科技部、江西省人民政府：\n你们的请示收悉。现批复如下：\n一、同意建设。\n国务院\n2019年8月1日\n"
    )
    draft = text_draft(text)
    assert blocks_of(draft, "标题") == [1, 2, 3]
    assert draft.first("发文字号").text == "国函〔2019〕77号"
    assert blocks_of(draft, "主送机关") == [6]
    assert (draft.doctype, draft.direction, draft.layout) == ("批复", "下行文", "无版头")


def test_no_head_title_and_body_only():
    draft = text_draft("关于开展安全检查的通知\n各科室：\n请于本周内完成自查。\n")
    assert elements(draft) == [(1, "标题"), (2, "主送机关"), (3, "正文")]
    assert draft.layout == "无版头"
    assert not draft.has("发文机关署名")


def test_empty_blocks_get_no_span_and_text_is_enough():
    draft = text_draft("关于召开会议的通知\n\n\n各单位：\n\n会议定于下周召开。\n")
    assert {b for b, _ in elements(draft)} == {1, 4, 6}


# -- formatted documents -------------------------------------------------------------------------------


def para(index: int, text: str, align: str | None = None, color: str | None = None, size: float = 16,
         container: str = "body", table=None, shapes=None, numbering: str | None = None) -> Block:
    runs = [Run(text, RunProps(size_pt=size, color=color))] if text else []
    return Block("body", index, text, runs, ParagraphProps(alignment=align, numbering_label=numbering),
                 container=container, table=table, shapes=shapes or [])


def docx(*specs, footer: list[Block] | None = None) -> Document:
    body = [para(i, *spec[:1], **spec[1]) if isinstance(spec, tuple) else para(i, spec)
            for i, spec in enumerate(specs, 1)]
    return Document(path="t.docx", kind="docx", body=body, footer=footer or [], sections=[Section()])


def test_letter_layout_red_mark_without_wenjian_and_numbering_labels():
    doc = docx(
        ("云岭市人民政府办公室", {"align": "center", "color": "FF0000", "size": 36}),
        ("云政办函〔2024〕8号", {"align": "right"}),
        "",
        ("关于商请协办文化节的函", {"align": "center", "size": 22}),
        ("省文化和旅游厅：", {}),
        ("为办好文化节，现商请贵厅协办。", {"align": "both"}),
        ("主要内容", {"align": "both", "numbering": "一、"}),
        ("请函复。", {"align": "both"}),
        ("云岭市人民政府办公室", {"align": "right"}),
        ("", {"shapes": [Shape("picture")]}),
        ("2024年7月16日", {"align": "right"}),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "发文机关标志") == [1]
    assert blocks_of(draft, "标题") == [4]
    assert draft.heading_levels == {7: 1}
    assert blocks_of(draft, "印章") == [10]
    assert (draft.layout, draft.doctype, draft.direction) == ("信函", "函", "平行文")


def test_red_joint_marks_in_a_table_and_record_in_table_cells_and_page_field():
    doc = docx(
        ("云岭市人民政府", {"align": "center", "color": "E60012", "size": 40, "container": "table", "table": (1, 1, 1)}),
        ("文件", {"align": "center", "color": "E60012", "size": 48, "container": "table", "table": (1, 1, 2)}),
        ("云岭军分区", {"align": "center", "color": "E60012", "size": 40, "container": "table", "table": (1, 2, 1)}),
        ("云政发〔2024〕9号", {"align": "center"}),
        ("关于做好征兵工作的通知", {"align": "center", "size": 22}),
        ("各县（市、区）人民政府：", {}),
        ("现将有关事项通知如下。", {"align": "both"}),
        ("云岭市人民政府    云岭军分区", {"align": "right"}),
        ("2024年3月1日", {"align": "right"}),
        ("抄送：省军区。", {"container": "table", "table": (2, 1, 1)}),
        ("云岭市人民政府办公室", {"container": "table", "table": (2, 2, 1)}),
        ("2024年3月2日印发", {"container": "table", "table": (2, 2, 2)}),
        footer=[Block("footer", 1, "— 1 —", [Run("— 1 —")], ParagraphProps(alignment="right"), fields=[" PAGE "])],
    )
    draft = recognize(doc)
    assert blocks_of(draft, "发文机关标志") == [1, 2, 3]
    assert blocks_of(draft, "抄送机关") == [10]
    assert blocks_of(draft, "印发机关和印发日期") == [11, 12]
    page = draft.first("页码")
    assert (page.part, page.block) == ("footer", 1)
    assert (draft.layout, draft.doctype) == ("文件", "通知")


def test_order_layout_number_and_signature():
    draft = text_draft("云岭市人民政府令\n第3号\n\n《云岭市绿化管理办法》已经市政府常务会议通过，现予公布。\n市长  王五\n2024年7月1日\n")
    assert [e for _, e in elements(draft)] == ["发文机关标志", "发文字号", "正文", "发文机关署名", "成文日期"]
    assert (draft.layout, draft.doctype, draft.doctype_statutory) == ("命令", "命令", True)


def test_minutes_layout_office_and_date_under_the_number():
    draft = text_draft("云岭市人民政府常务会议纪要\n第5期\n云岭市人民政府办公室    2024年7月15日\n会议研究了防汛工作。\n出席：张三、李四\n")
    assert blocks_of(draft, "发文机关标志") == [1]
    assert blocks_of(draft, "发文字号") == [2]
    spans = draft.elements_of_block("body", 3)
    assert [(s.element, s.text) for s in spans] == [("发文机关署名", "云岭市人民政府办公室"), ("成文日期", "2024年7月15日")]
    assert (draft.layout, draft.doctype) == ("纪要", "纪要")


def test_signature_and_date_on_one_line_with_spaced_date():
    draft = text_draft("关于放假的通知\n各科室：\n国庆放假三天。\n云岭市人民政府办公室  2024 年 9 月 1 日\n")
    spans = draft.elements_of_block("body", 4)
    assert [(s.element, s.start, s.end, s.text) for s in spans] == [
        ("发文机关署名", 0, 10, "云岭市人民政府办公室"),
        ("成文日期", 12, 26, "2024 年 9 月 1 日"),
    ]


def test_placeholder_template_still_tagged():
    draft = text_draft("XXXX人民政府文件\n〔2020〕号                            签发人：□□□\n[此处输入文件标题]\n"
                       "[此处输入主送机关]：\n[此处输入正文内容]\n                XXXX人民政府\n2020年2月19日\n")
    assert [e for _, e in elements(draft)] == [
        "发文机关标志", "发文字号", "签发人", "标题", "主送机关", "正文", "发文机关署名", "成文日期"]
    assert draft.doctype is None and draft.direction == "上行文"


@pytest.mark.parametrize("title, expected", [
    ("国务院办公厅关于印发《XX办法》的通知", ("通知", True)),
    ("关于转发XX的通知的通知", ("通知", True)),
    ("国务院关于同意设立XX的批复", ("批复", True)),
    ("XX关于XX的复函", ("函", True)),
    ("XX专题会议纪要", ("纪要", True)),
    ("中华人民共和国国务院令", ("命令", True)),
    ("关于XX的请示报告", ("请示报告", False)),
    ("XX工作方案（试行）", ("方案", False)),
    ("关于XX情况的汇报", ("汇报", False)),
    ("关于加强安全管理工作", (None, False)),
    ("关于印发《XX办法》", (None, False)),
])
def test_doctype_from_title(title, expected):
    assert doctype_of(title) == expected


# -- corpus ----------------------------------------------------------------------------------------


def corpus_rows() -> list[dict]:
    path = skip_without_corpus(GOV_DOCUMENTS)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("row, doctype, zihao", [
    (2, "通知", "国办发〔2021〕15号"),   # forwarding title over three lines, attachment after 落款
    (14, "批复", "国函〔2019〕77号"),    # title line ending in 、
    (58, "函", "国办函〔2020〕74号"),
    (24, "决定", "国发〔2017〕2号"),     # blank lines between title and 字号
    (0, "命令", "第719号"),              # 国务院令
])
@requires_corpus
def test_corpus_documents(row, doctype, zihao):
    text = corpus_rows()[row]["text"]
    draft = recognize(from_text(text, f"gov#{row}"))
    assert draft.doctype == doctype
    assert draft.first("发文字号").text.strip() == zihao
    assert draft.has("成文日期")
    if doctype != "命令":
        assert draft.first("主送机关").text.endswith("：")
        assert draft.has("发文机关署名")


@requires_corpus
def test_corpus_attachment_after_the_closing():
    draft = recognize(from_text(corpus_rows()[2]["text"], "gov#2"))
    assert draft.first("附注").text == "（此件公开发布）"
    assert draft.first("附件").text.startswith("新时代中央国家机关")
    assert any(level == 1 for level in draft.heading_levels.values())


@requires_corpus
def test_govdoc_cn_labelled_sample_agrees_with_its_labels():
    path = skip_without_corpus(CORPUS / "text" / "govdoc-cn" / "397.txt")
    draft = recognize(from_text(path.read_text(encoding="utf-8"), "397.txt"))
    assert draft.text_of("发文机关标志").replace(" ", "") == "发展改革委办公厅文件税务总局办公厅"
    assert draft.first("发文字号").text.strip() == "发改办财金规〔2019〕860号"
    assert draft.text_of("标题") == "关于加强个人所得税纳税信用建设的通知"
    assert draft.first("主送机关").text.startswith("各省、自治区、直辖市、新疆生产建设兵团")
    # the labels mark 一、 lines as 一级标题 and （一） lines as 二级标题
    levels = sorted(set(draft.heading_levels.values()))
    assert levels[:2] == [1, 2]
    assert draft.has("成文日期") and draft.has("发文机关署名")


def test_wrong_banner_marks_are_still_tagged_so_their_rules_can_explain_them():
    draft = recognize(from_text("内部\n急件\n秘 密\n关于做好森林防火工作的通知\n各县人民政府：\n请认真做好森林防火工作。\n"))
    tags = {s.text: s.element for s in draft.spans}
    assert tags["内部"] == "密级和保密期限"
    assert tags["秘 密"] == "密级和保密期限"
    assert tags["急件"] == "紧急程度"
    assert tags["关于做好森林防火工作的通知"] == "标题"


# -- 落款, attachments and 签发人 of real drafts ----------------------------------------------------------


def test_several_signers_wrap_onto_a_line_of_names():
    text = ("云岭市人民政府文件\n云政报〔2024〕3号            签发人：张三  李四\n"
            "                              王五  赵六\n\n关于申请防汛资金的请示\n省人民政府：\n我市汛情严重。\n"
            "妥否，请批示。\n云岭市人民政府\n2024年6月1日\n")
    draft = text_draft(text)
    assert [(s.block, s.text.strip()) for s in draft.all("签发人")] == [(2, "签发人：张三  李四"), (3, "王五  赵六")]
    assert blocks_of(draft, "标题") == [5]
    # on its own line too
    draft = text_draft("云岭市人民政府文件\n云政报〔2024〕3号\n签发人：张三  李四\n王五  赵六\n关于申请防汛资金的请示\n"
                       "省人民政府：\n我市汛情严重。\n")
    assert blocks_of(draft, "签发人") == [3, 4] and blocks_of(draft, "标题") == [5]


def test_template_closing_placeholders_are_signature_and_date():
    draft = text_draft("关于开展检查的通知\n各科室：\n请于本周内完成自查。\n特此通知。\n[发文单位]\n[日期]\n（联系人：张三）\n")
    assert [(b, e) for b, e in elements(draft)][4:] == [(5, "发文机关署名"), (6, "成文日期"), (7, "附注")]
    for date in ("20XX年XX月XX日", "XXXX年X月X日", "2024.6.1"):
        draft = text_draft(f"关于开展检查的通知\n各科室：\n请于本周内完成自查。\n云岭市人民政府办公室\n{date}\n")
        assert draft.first("成文日期").text == date and blocks_of(draft, "发文机关署名") == [4]
    # a placeholder for body text is no 署名
    draft = text_draft("[此处输入文件标题]\n[此处输入主送机关]：\n[此处输入正文内容]\nXXXX人民政府\n2020年2月19日\n")
    assert blocks_of(draft, "正文") == [3] and blocks_of(draft, "发文机关署名") == [4]


def test_attachment_label_inside_the_text_and_after_it():
    # 附件1（可选） above a 落款 that closes the text: an 附件 put inside the 正文, up to 特此通知。 (F305)
    draft = text_draft("关于开展检查的通知\n各科室：\n请于本周内完成自查。\n附件1（可选）\n图1：示意图\n特此通知。\n"
                       "[发文单位]\n[日期]\n")
    assert blocks_of(draft, "正文") == [3, 6] and blocks_of(draft, "附件") == [4, 5]
    assert blocks_of(draft, "成文日期") == [8]
    # 附件： with its list on the next lines is the 附件说明, the 落款 below it is still found
    draft = text_draft("关于开展检查的通知\n各科室：\n请于本周内完成自查。\n附件：\n1．检查表\n2．名单\n"
                       "云岭市人民政府办公室\n2024年6月1日\n附件1\n检查表\n")
    assert blocks_of(draft, "附件说明") == [4, 5, 6]
    assert blocks_of(draft, "成文日期") == [8] and blocks_of(draft, "附件") == [9, 10]
    # no 落款 at all: the label after the text starts the attachment
    draft = text_draft("关于开展检查的通知\n各科室：\n请于本周内完成自查。\n附件1（可选）\n检查表\n")
    assert blocks_of(draft, "附件") == [4, 5]


def test_front_ends_at_a_chapter_heading_a_table_of_contents_or_a_salutation():
    draft = text_draft("智慧园区建设项目招标文件（征求意见稿）\n第一章 招标公告\n本项目已批准建设。\n")
    assert blocks_of(draft, "标题") == [1] and draft.doctype is None
    draft = text_draft("招生新媒体中心工作规章\n目  录\n第一章 总则\n")
    assert blocks_of(draft, "标题") == [1]
    draft = text_draft("关于创建开源数据集的倡议书\n尊敬的各位同仁\n我们倡议如下。\n")
    assert blocks_of(draft, "标题") == [1]


def formatted(index: int, text: str, align: str | None = None, size: float = 16, first_line_chars: float | None = None,
              right_chars: float | None = None, table=None, container: str = "body") -> Block:
    props = ParagraphProps(alignment=align, first_line_chars=first_line_chars, right_chars=right_chars)
    return Block("body", index, text, [Run(text, RunProps(size_pt=size))] if text else [], props,
                 container=container, table=table)


def docx_of(*blocks: Block) -> Document:
    return Document(path="t.docx", kind="docx", body=list(blocks), sections=[Section()])


def test_docx_signature_lines_are_set_to_the_right_not_indented_like_the_text():
    doc = docx_of(
        formatted(1, "关于表彰先进单位的决定", "center", 22),
        formatted(2, "希望受表彰的单位再接再厉。", "both", first_line_chars=2),
        formatted(3, "全市上下共同努力", "both", first_line_chars=2),  # short, no punctuation, but body-indented
        formatted(4, "云岭市人民政府", "right", right_chars=4),
        formatted(5, "2026年5月15日", "right", right_chars=4),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "发文机关署名") == [4] and blocks_of(draft, "正文") == [2, 3]
    # joint issue: the first organ set like body text over the second one set right is a 署名 all the
    # same (F038 judges where it stands); （此页无正文） above them is no 要素 (F229 reports it)
    doc = docx_of(
        formatted(1, "关于表彰先进单位的决定", "center", 22),
        formatted(2, "希望受表彰的单位再接再厉。", "both", first_line_chars=2),
        formatted(3, "（此页无正文）", "both", first_line_chars=2),
        formatted(4, "云岭市社会组织联合会", "both", first_line_chars=2),
        formatted(5, "云岭市人民政府", "right", right_chars=4),
        formatted(6, "2026年5月15日", "right", right_chars=4),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "发文机关署名") == [4, 5] and blocks_of(draft, "正文") == [2]
    assert draft.elements_of_block("body", 3) == []
    # pushed right by spaces, under a left-aligned text line that is not indented
    doc = docx_of(
        formatted(1, "[此处输入文件标题]", "center", 22),
        formatted(2, "[此处输入正文内容]", "both"),
        formatted(3, "                                XXXX人民政府", "left"),
        formatted(4, "20XX年XX月XX日", "right", right_chars=4),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "发文机关署名") == [3] and blocks_of(draft, "成文日期") == [4]
    assert blocks_of(draft, "标题") == [1] and blocks_of(draft, "正文") == [2]


def test_docx_telegram_form_cells_are_not_title_or_text():
    def cell(index, text, row, column):
        return formatted(index, text, "left", table=(1, row, column), container="table")

    doc = docx_of(
        formatted(1, "云岭市人民政府发电", "distribute", 60),
        cell(2, "发电单位", 1, 1), cell(3, "云岭市人民政府", 1, 2), cell(4, "签批盖章", 1, 3),
        cell(5, "等级", 2, 1), cell(6, "特急", 2, 2), cell(7, "云政电〔2024〕3号", 2, 3),
        formatted(8, "关于做好防汛工作的通知", "center", 22),
        formatted(9, "各县（市、区）人民政府：", "both"),
        formatted(10, "现将有关事项通知如下。", "both", first_line_chars=2),
    )
    draft = recognize(doc)
    tags = {b.text: [s.element for s in draft.elements_of_block("body", b.index)] for b in doc.body}
    assert tags["云岭市人民政府发电"] == ["发文机关标志"]
    assert tags["发电单位"] == tags["签批盖章"] == tags["等级"] == tags["云岭市人民政府"] == []
    assert tags["特急"] == ["紧急程度"] and tags["云政电〔2024〕3号"] == ["发文字号"]
    assert tags["关于做好防汛工作的通知"] == ["标题"] and tags["各县（市、区）人民政府："] == ["主送机关"]
    assert (draft.doctype, draft.layout) == ("通知", "文件")


def test_docx_form_field_in_a_table_is_no_main_to():
    doc = docx_of(
        formatted(1, "项目可行性报告", "center", 22, table=(1, 1, 1), container="table"),
        formatted(2, "编号：", "center", table=(1, 2, 1), container="table"),
        formatted(3, "本项目旨在提升效率。", "both", first_line_chars=2),
    )
    draft = recognize(doc)
    assert not draft.has("主送机关") and blocks_of(draft, "标题") == [1]


def test_docx_byline_under_the_title_and_table_of_contents_carry_no_element():
    doc = docx_of(
        formatted(1, "在全市防汛工作会议上的讲话", "center", 22),
        formatted(2, "——坚决打赢防汛攻坚战", "center", 16),  # a 副标题 belongs to the title
        formatted(3, "云岭市防汛办公室", "center", 16),  # the speaker's unit: no element
        formatted(4, "目录", "center", 16),
        formatted(5, "一、总体要求\t1", "both"),
        formatted(6, "二、重点任务……………3", "both"),
        formatted(7, "一、总体要求", "both"),
        formatted(8, "今年汛期形势严峻。", "both", first_line_chars=2),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "标题") == [1, 2]
    assert [b for b, _ in elements(draft)] == [1, 2, 7, 8]
    assert draft.heading_levels == {7: 1}


def test_docx_second_signer_line_right_aligned_is_no_title():
    doc = docx_of(
        formatted(1, "云岭市人民政府文件", "center", 36),
        formatted(2, "云政报〔2024〕3号    签发人：张三  李四", "center"),
        formatted(3, "王五", "right"),
        formatted(4, "关于申请防汛资金的请示", "center", 22),
        formatted(5, "省人民政府：", "both"),
        formatted(6, "我市汛情严重。", "both", first_line_chars=2),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "签发人") == [2, 3] and blocks_of(draft, "标题") == [4]
    assert (draft.doctype, draft.direction) == ("请示", "上行文")


def test_a_reply_that_quotes_the_request_closing_is_still_downward():
    draft = recognize(from_text(
        "国务院关于同意设立某某新区的批复\n某某省人民政府：\n"
        "你省《关于设立某某新区的请示》收悉。现批复如下：同意设立某某新区。原请示所称“妥否，请批复”事项均已明确。\n"
        "国务院\n2026年3月5日\n"))
    assert draft.doctype == "批复" and draft.direction == "下行文"


def test_several_signers_the_number_shares_the_last_signer_line():
    text = ("云岭市林业局\n云岭市财政局文件\n" + " " * 20 + "签发人：张三　李四\n"
            "云林发〔2026〕5号" + " " * 20 + "王五\n关于追加森林防火经费的请示\n市人民政府：\n今冬以来，我市降水偏少。\n"
            "妥否，请批示。\n云岭市林业局　　云岭市财政局\n2026年3月5日\n")
    draft = recognize(from_text(text))
    assert draft.layout == "文件" and draft.direction == "上行文"
    assert [s.text for s in draft.all("发文机关标志")] == ["云岭市林业局", "云岭市财政局文件"]
    number = draft.first("发文字号")
    assert (number.block, number.start, number.end) == (4, 0, 11)
    assert [s.text.strip() for s in draft.all("签发人")] == ["签发人：张三\u3000李四", "王五"]
    assert draft.text_of("标题") == "关于追加森林防火经费的请示"


def test_a_template_label_naming_the_salutation_is_no_element():
    draft = text_draft("在素材整理工作部署会上的讲话稿\n称谓\n各位同志：\n今天召开部署会，主要是把工作安排好。")
    assert blocks_of(draft, "主送机关") == [3] and draft.elements_of_block("body", 2) == []


def test_docx_a_fragment_opening_with_a_numbered_body_heading_has_no_title():
    doc = docx_of(
        formatted(1, "1. AI驱动的船舶智能设计平台", "both", first_line_chars=2),
        formatted(2, "（1）攻关必要性", "both", first_line_chars=2),
        formatted(3, "船舶设计周期长、人力投入大，亟需智能化手段。", "both", first_line_chars=2),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "标题") == [] and blocks_of(draft, "正文") == [1, 2, 3]
    # the same line centred in a title size is a title
    doc.body[0] = formatted(1, "1. AI驱动的船舶智能设计平台", "center", 22)
    assert blocks_of(recognize(doc), "标题") == [1]


def _notice_with_attachment_inside():
    page_break = formatted(4, "", "both")
    page_break.page_break_before = True  # Word's empty paragraph holding the page break
    return docx_of(
        formatted(1, "关于开展素材整理工作的通知", "center", 22),
        formatted(2, "各有关单位："),
        formatted(3, "为做好素材整理工作，现将有关事项通知如下。", "both", first_line_chars=2),
        page_break,
        formatted(5, "附件1", "left"),
        formatted(6, "素材清单说明：供内部交流时参考。", "both", first_line_chars=2),
        formatted(7, "特此通知。", "both", first_line_chars=2),
        formatted(8, "云岭市文化局", "right", right_chars=4),
        formatted(9, "2026年5月6日", "right", right_chars=4),
    )


def test_docx_an_attachment_page_put_before_the_closing_formula_is_an_attachment():
    draft = recognize(_notice_with_attachment_inside())
    assert blocks_of(draft, "附件") == [5, 6] and blocks_of(draft, "正文") == [3, 7]
    assert blocks_of(draft, "发文机关署名") == [8] and blocks_of(draft, "成文日期") == [9]


def test_docx_an_attachment_inside_the_text_is_one_f305_on_its_label():
    from officekit.check import check_document
    from officekit.config.model import Config

    _, findings = check_document(_notice_with_attachment_inside(), Config())
    on_label = [(f.rule, f.element, f.severity) for f in findings if f.location.block == 5]
    assert on_label == [("F305", "附件", "warning")]
    (f305,) = [f for f in findings if f.rule == "F305"]
    assert f305.location.start == 0 and f305.location.end == 3 and "附件1" in f305.message


def test_docx_an_invitation_in_a_text_box_is_a_letter_of_affairs_with_salutation_and_signature():
    def box(index, text, align="left"):
        return formatted(index, text, align, container="textbox")

    doc = docx_of(
        box(1, "尊敬的            先生/女士"),
        box(2, "      您好！"),
        box(3, "      我公司决定于2019年2月2日在公司活动中心举办新春酒会，诚邀您拨冗出席。"),
        box(4, "云岭市某某软件有限公司", "right"),
        box(5, "地址：云岭市香洲区环路321号", "right"),
        box(6, "电话：0000-0000000", "right"),
    )
    draft = recognize(doc)
    assert blocks_of(draft, "主送机关") == [1] and blocks_of(draft, "正文") == [2, 3]
    assert blocks_of(draft, "发文机关署名") == [4] and blocks_of(draft, "附注") == [5, 6]
    assert draft.genre == "事务文书" and "邀请函" in draft.genre_reason


def test_a_title_typed_into_the_first_paragraph_is_its_own_span():
    draft = text_draft("公共服务事项办理指引公共服务事项是指面向社会公众提供的咨询、办理等服务。办理时应携带证件。")
    (title,) = draft.all("标题")
    (text,) = draft.all("正文")
    assert (title.block, title.start, title.end, title.text) == (1, 0, 10, "公共服务事项办理指引")
    assert (text.block, text.start, text.text[:6]) == (1, 10, "公共服务事项")
    # a first paragraph that only mentions such a word is text
    draft = text_draft("根据管理办法，办理时应携带证件。公共服务事项须在窗口办理。")
    assert draft.all("标题") == [] and blocks_of(draft, "正文") == [1]


def test_docx_cover_table_cells_and_form_fields_are_no_element():
    def cell(index, text, row, column=1, table=1, align="center"):
        return formatted(index, text, align, table=(table, row, column), container="table")

    text_page = formatted(6, "一、概述", "both", first_line_chars=2)
    text_page.page_break_before = True
    doc = docx_of(
        cell(1, "智能设计平台项目可行性报告", 1, align="center"),
        cell(2, "编号：", 2),
        cell(3, "版本", 3, 1), cell(4, "撰写", 3, 2),
        cell(5, "某某科技有限公司", 4),
        text_page,
        formatted(7, "申请时间：2026年1月1日           项目编号：AB-2025-009", "left"),
        formatted(8, "本项目旨在提高设计效率，缩短设计周期。", "both", first_line_chars=2),
        cell(9, "公司意见：", 1, table=2, align="left"),
        cell(10, "年   月   日", 1, table=2, align="both"),
    )
    doc.body[0].runs[0].props.size_pt = 22
    draft = recognize(doc)
    assert blocks_of(draft, "标题") == [1] and blocks_of(draft, "正文") == [6, 8]
    assert [b for b in range(1, 11) if not draft.elements_of_block("body", b)] == [2, 3, 4, 5, 7, 9, 10]
    # without the page break the table is no cover: its cells are text
    text_page.page_break_before = False
    assert blocks_of(recognize(doc), "正文")[:3] == [3, 4, 5]  # (编号： stays an empty field)


def test_an_attachment_put_above_a_closing_with_its_note_and_more_pages_after_it():
    # an 印发 notice: 附件 moved into the text, then the 落款 over its 附注, then the issued document
    draft = text_draft("""
国务院办公厅关于印发某某办法的通知
各省、自治区、直辖市人民政府：
《某某办法》已经国务院同意，现印发给你们，请认真贯彻执行。
附件
光荣牌设计标准
材质为钛金牌，规格为280毫米×135毫米。
国务院办公厅
2018年7月29日
（此件公开发布）
某某办法
第一条 为做好有关工作，制定本办法。
第二条 本办法自印发之日起施行。
""")
    assert blocks_of(draft, "发文机关署名") == [7] and blocks_of(draft, "成文日期") == [8]
    assert blocks_of(draft, "附注") == [9] and blocks_of(draft, "附件") == [4, 5, 6, 10, 11, 12]
    assert blocks_of(draft, "正文") == [3]  # the 附件 above the 落款 is misplaced: F305 reports its label
