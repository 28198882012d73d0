"""Recognise generously, judge strictly: faulty and unusual lines are still read as the element they stand
for (and the element's rules then say what is wrong), on made-up drafts that reproduce what real drafts do."""

from __future__ import annotations

import pytest

from officekit.check import check_document
from officekit.config.model import Config
from officekit.document.text_reader import from_text
from officekit.structure import recognize

FRONT = "某某市人民政府文件\n某政发〔2026〕5号\n关于加强安全生产工作的通知\n各县区人民政府：\n现将有关事项通知如下。\n"
CLOSING = "某某市人民政府\n2026年5月6日\n"


def elements(text: str) -> list[tuple[str, str]]:
    """(block text, its elements joined by /) for every non-empty line."""
    draft = recognize(from_text(text))
    return [(b.text.strip(), "/".join(s.element for s in draft.elements_of_block("body", b.index)))
            for b in draft.document.body if b.text.strip()]


def element_of(text: str, line: str) -> str:
    return dict(elements(text))[line]


def findings(text: str):
    draft, found = check_document(from_text(text), Config())
    return draft, found


@pytest.mark.parametrize("line,element", [
    ("000123", "份号"), ("00012", "份号"), ("０００１２３", "份号"),
    ("秘密", "密级和保密期限"), ("秘密 1年", "密级和保密期限"), ("机密5年", "密级和保密期限"),
    ("密级：秘密", "密级和保密期限"), ("保密", "密级和保密期限"), ("秘密★", "密级和保密期限"),
    ("特急", "紧急程度"), ("急件", "紧急程度"), ("紧急", "紧急程度"), ("十万火急", "紧急程度"),
])
def test_faulty_banner_marks_are_their_element_not_the_organ_mark(line, element):
    text = f"{line}\n" + FRONT + CLOSING
    assert element_of(text, line) == element
    assert element_of(text, "某某市人民政府文件") == "发文机关标志"


@pytest.mark.parametrize("zihao", ["某政发〔26〕5号", "某政发〔2026〕5", "某政发[2026]第05号", "某政发（2026）5号",
                                   "某政发 〔2026〕 5 号"])
def test_faulty_numbers_are_still_the_number_and_the_title_follows(zihao):
    text = FRONT.replace("某政发〔2026〕5号", zihao) + CLOSING
    assert element_of(text, zihao.strip()) == "发文字号"
    assert element_of(text, "关于加强安全生产工作的通知") == "标题"


def test_two_digit_year_and_missing_number_mark_get_the_number_rule():
    _, found = findings(FRONT.replace("某政发〔2026〕5号", "某政发〔26〕5号") + CLOSING)
    f201 = [f for f in found if f.rule == "F201"]
    assert len(f201) == 1 and "年份应标全称" in f201[0].message and f201[0].location.block == 2
    _, found = findings(FRONT.replace("某政发〔2026〕5号", "某政发〔2026〕5") + CLOSING)
    f201 = [f for f in found if f.rule == "F201"]
    assert len(f201) == 1 and f201[0].fix is not None and f201[0].fix.replacement == "某政发〔2026〕5号"


def test_title_ending_in_a_full_stop_is_the_title_and_the_title_rule_says_so():
    text = FRONT.replace("的通知\n", "的通知。\n") + CLOSING
    assert element_of(text, "关于加强安全生产工作的通知。") == "标题"
    assert element_of(text, "各县区人民政府：") == "主送机关"
    _, found = findings(text)
    assert [f.location.block for f in found if f.rule == "F246"] == [3]
    assert not [f for f in found if f.rule == "F031"]  # never asked to indent the title like 正文


@pytest.mark.parametrize("main_to", ["各县区人民政府，市政府各部门", "各县区人民政府，市政府各部门。", "市财政局；"])
def test_main_to_with_a_wrong_or_missing_end_mark_is_the_main_to(main_to):
    text = FRONT.replace("各县区人民政府：", main_to) + CLOSING
    assert element_of(text, main_to) == "主送机关"
    _, found = findings(text)
    f221 = [f for f in found if f.rule == "F221"]
    assert len(f221) == 1 and f221[0].suggestion.endswith("：")


def test_a_sentence_ending_like_an_organ_is_no_main_to():
    text = "云岭市林业局关于森林防火工作情况的报告\n今年共排查隐患126处。\n特此报告。\n云岭市林业局\n2026年3月5日"
    assert element_of(text, "今年共排查隐患126处。") == "正文"


def test_main_to_merged_into_the_first_paragraph_is_two_spans_and_one_finding():
    text = FRONT.replace("各县区人民政府：\n现将", "支队领导：现将") + CLOSING
    draft = recognize(from_text(text))
    block = next(b for b in draft.document.body if b.text.startswith("支队领导"))
    spans = [(s.element, s.text) for s in draft.elements_of_block("body", block.index)]
    assert spans == [("主送机关", "支队领导："), ("正文", "现将有关事项通知如下。")]
    _, found = findings(text)
    f228 = [f for f in found if f.rule == "F228"]
    assert len(f228) == 1 and (f228[0].location.start, f228[0].location.end) == (0, 5)
    assert f228[0].suggestion == "在“支队领导：”后换行，正文另起一段首行缩进二字"
    assert not [f for f in found if f.rule == "F226"]  # the 主送 is there, not missing
    assert element_of(text, "某某市人民政府") == "发文机关署名"  # the 落款 under a one-line 正文 is still found
    assert not [f for f in found if f.rule == "F412"]


def test_a_date_inside_the_text_is_not_the_closing_date():
    text = FRONT + "一、举办时间\n2017年10月13日\n二、举办地点\n市体育馆。\n" + CLOSING
    assert element_of(text, "2017年10月13日") == "正文"
    assert element_of(text, "二、举办地点") == "正文"
    assert element_of(text, "2026年5月6日") == "成文日期"
    assert element_of(text, "某某市人民政府") == "发文机关署名"


def test_a_closing_date_without_signature_is_found_from_the_end():
    text = FRONT + "一、举办时间\n2017年10月13日\n二、举办地点\n市体育馆。\n2026年5月6日\n"
    assert element_of(text, "2017年10月13日") == "正文"
    assert element_of(text, "2026年5月6日") == "成文日期"


@pytest.mark.parametrize("signer", ["申请人：", "申请人：某某", "（汇报人：____）", "报告人：某某"])
def test_form_like_signature_lines_close_the_text(signer):
    text = "关于申请经费的报告\n市财政局：\n现申请经费。\n特此报告。\n" + signer + "\n年  月  日\n"
    assert element_of(text, signer) == "发文机关署名"
    assert element_of(text, "年  月  日") == "成文日期"


def test_numbered_attachment_lines_are_the_attachment_note():
    text = FRONT + "附件1：安全生产检查表\n附件2：联系人名单\n" + CLOSING + "（此页无正文）\n附件1\n安全生产检查表\n"
    assert element_of(text, "附件1：安全生产检查表") == "附件说明"
    assert element_of(text, "附件2：联系人名单") == "附件说明"
    _, found = findings(text)
    assert {f.location.block for f in found if f.rule == "F301"} == {6, 7}
    f229 = [f for f in found if f.rule == "F229"]
    assert len(f229) == 1 and f229[0].location.block == 10


def test_placeholders_are_reported_once_and_not_judged_as_text():
    text = "XXXX人民政府文件\nXX发〔20XX〕XX号\n关于XX的通知\n各XX：\n现将有关事项通知如下。\nXXXX人民政府\n20XX年XX月XX日\n"
    draft, found = findings(text)
    assert element_of(text, "20XX年XX月XX日") == "成文日期"
    assert element_of(text, "XX发〔20XX〕XX号") == "发文字号"
    rules_on = {(f.location.block, f.rule) for f in found}
    assert (7, "F227") in rules_on and (2, "F227") in rules_on
    assert not rules_on & {(7, "F211"), (2, "F201"), (7, "F212")}  # the slot is unfilled, not misspelt
    assert len([f for f in found if f.rule == "F227" and f.location.block == 7]) == 1


def test_a_number_left_blank_is_one_unfilled_slot_not_a_spacing_error():
    """A 命令 template's 「第  号」: F201 said 「发文字号中不加空格」, advice that makes no sense for a number
    not yet written; the slot is reported once, as unfilled."""
    text = "XXXX人民政府令\n第  号\n《XXXX办法》已经市人民政府常务会议通过，现予公布。\n市长  XXX\n2020年2月19日\n"
    _, found = findings(text)
    on_number = [(f.rule, f.message) for f in found if f.location.block == 2]
    assert on_number == [("F227", "“第  号”像是模板中未替换的占位符，请填写实际内容")]


@pytest.mark.parametrize("text,genre", [
    ("关于某某同志的转正申请\n尊敬的党组织：\n我于2025年5月入职，现申请转正。\n此致\n敬礼！\n申请人：某某\n2026年5月6日\n", "事务文书"),
    ("2026年个人工作总结\n今年以来，我认真学习业务知识。\n某某\n2026年12月1日\n", "事务文书"),
    ("尊敬的王老师：\n您好！感谢您的悉心指导。\n此致\n敬礼\n学生某某\n2026年5月6日\n", "书信"),
    ("通知\n大家好，明天下午三点开会，请准时参加哈！\n", "事务文书"),
    (FRONT + CLOSING, "公文"),
    ("某某县人民政府关于申请专项资金的请示\n市人民政府：\n现申请专项资金。\n妥否，请批示。\n某某县人民政府\n2026年5月6日\n", "公文"),
])
def test_not_a_gongwen_is_told_apart(text, genre):
    assert recognize(from_text(text)).genre == genre


def test_show_structure_lists_every_line_with_its_element_and_why(tmp_path):
    import json

    from click.testing import CliRunner

    from officekit.cli import main

    draft = tmp_path / "草稿.txt"
    draft.write_text("秘密 1年\n" + FRONT + CLOSING, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show-structure", str(draft)], env={"NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert "  第 1 行  密级和保密期限  秘密 1年  ← 版头中的密级形状" in lines
    assert any(line.startswith("  第 8 行  成文日期  2026年5月6日  ← 落款") for line in lines)
    plain = CliRunner().invoke(main, ["check", str(draft)], env={"NO_COLOR": "1"})
    assert "识别结果" not in plain.stdout
    report = json.loads(CliRunner().invoke(main, ["check", "-f", "json", str(draft)]).stdout)
    document = report["files"][0]["document"]
    assert document["genre"] == "公文"
    secrecy = document["elements"][0]
    assert (secrecy["element"], secrecy["why"], secrecy["start"], secrecy["end"]) == ("密级和保密期限", "版头中的密级形状", 0, 5)


def test_a_draft_that_is_not_a_gongwen_is_proofread_only(tmp_path):
    from click.testing import CliRunner

    from officekit.cli import main

    draft = tmp_path / "转正申请.txt"
    draft.write_text("关于某某同志的转正申请\n尊敬的党组织：\n我于2025年5月入职，现申请转正。\n此致\n敬礼！\n申请人：某某\n2026.5.6\n",
                     encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(draft)], env={"NO_COLOR": "1"}).stdout
    assert "文稿 事务文书（标题为“转正申请”）：不是公文" in out
    assert "F211" not in out and "F241" not in out  # no 成文日期 or 文种 advice for a personal application
    config = tmp_path / ".officekit.yaml"
    config.write_text("profile:\n  genre: 公文\n", encoding="utf-8")
    forced = CliRunner().invoke(main, ["check", "-c", str(config), str(draft)], env={"NO_COLOR": "1"}).stdout
    assert "F211" in forced and "不是公文" not in forced


def test_closing_read_from_the_end_in_its_faulty_shapes():
    upside_down = FRONT + "2026年5月6日\n某某市人民政府\n"
    assert element_of(upside_down, "某某市人民政府") == "发文机关署名"
    _, found = findings(upside_down)
    assert [(f.rule, f.location.block) for f in found if f.rule == "F214"] == [("F214", 7)]
    undated = FRONT + "某某市人民政府\n"
    assert element_of(undated, "某某市人民政府") == "发文机关署名"
    _, found = findings(undated)
    assert [(f.rule, f.element, f.location.block) for f in found if f.rule == "F213"] == [("F213", "成文日期", 6)]
    two_digit = FRONT + "某某市人民政府\n26年5月6日\n此件公开发布\n"
    assert element_of(two_digit, "26年5月6日") == "成文日期"
    assert element_of(two_digit, "此件公开发布") == "附注"


def test_signer_without_colon_and_banner_marks_out_of_order():
    text = "特急\n秘密★1年\n某某县人民政府文件\n某政发〔2026〕5号    签发人 王某某\n关于某事项的请示\n市人民政府：\n现请示如下。\n" \
           "妥否，请批示。\n某某县人民政府\n2026年5月6日\n"
    draft, found = findings(text)
    line = next(b for b in draft.document.body if "签发人" in b.text)
    assert [s.element for s in draft.elements_of_block("body", line.index)] == ["发文字号", "签发人"]
    f282 = [f for f in found if f.rule == "F282"]
    assert len(f282) == 1 and f282[0].fix.replacement == "签发人：王某某"
    assert [(f.rule, f.location.block) for f in found if f.rule == "F252"] == [("F252", 1)]


def test_main_to_of_regions_without_colon_and_merged():
    names = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    assert element_of(FRONT.replace("各县区人民政府：", names), names) == "主送机关"
    merged = FRONT.replace("各县区人民政府：\n现将", names + "：现将")
    draft = recognize(from_text(merged))
    block = next(b for b in draft.document.body if b.text.startswith("各省"))
    assert [s.element for s in draft.elements_of_block("body", block.index)] == ["主送机关", "正文"]


def test_attachments_without_note_and_issuing_notices():
    attached = FRONT + CLOSING + "附件\n检查表\n"
    _, found = findings(attached)
    assert [(f.rule, f.element, f.location.block) for f in found if f.rule == "F307"] == [("F307", "附件说明", 8)]
    issuing = attached.replace("关于加强安全生产工作的通知", "关于印发安全生产检查办法的通知")
    assert not [f for f in findings(issuing)[1] if f.rule == "F307"]


def test_a_missing_main_to_is_reported_under_the_last_title_line():
    text = "某某市人民政府文件\n某政发〔2026〕5号\n关于印发安全生产\n检查办法的通知\n现将检查办法印发给你们。\n某某市人民政府\n" \
           "2026年5月6日\n（此件公开发布）\n"
    _, found = findings(text)
    missing = [f for f in found if f.rule in ("F410", "F411")]
    assert [(f.rule, f.element, f.location.block) for f in missing] == [("F411", "主送机关", 4)]


def test_a_closing_over_its_note_is_found_even_with_unlabelled_attachments_after_it():
    attached = "\n工作方案\n一、总体要求\n坚持统筹推进。\n二、工作安排\n各单位按期完成。\n"
    undated = FRONT + "某某市人民政府\n（此件公开发布）" + attached
    assert element_of(undated, "某某市人民政府") == "发文机关署名"
    assert element_of(undated, "（此件公开发布）") == "附注" and element_of(undated, "工作方案") == "附件"
    upside_down = FRONT + "2026年5月6日\n某某市人民政府\n（此件公开发布）" + attached
    assert element_of(upside_down, "2026年5月6日") == "成文日期"
    assert element_of(upside_down, "某某市人民政府") == "发文机关署名"


def test_a_main_to_list_whose_names_share_an_ending_is_the_main_to():
    names = "甘肃、青海省人民政府，国家发展改革委、住房城乡建设部"
    assert element_of(FRONT.replace("各县区人民政府：", names), names) == "主送机关"
    assert element_of(FRONT.replace("各县区人民政府：", "今年、明年工作"), "今年、明年工作") == "正文"


def test_docx_signature_pushed_right_with_a_deep_first_line_indent(tmp_path):
    """An organ name pushed right with a first-line indent of 10 字 (how many drafts place the 署名) is the
    署名, not a 正文 paragraph asked to indent 2 字."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from docx_builders import IND, JC, build_docx, p, r

    from officekit.document import read

    body = "".join([
        p(r("关于加强安全生产工作的通知"), ppr=JC("center")),
        p(r("各县区人民政府：")),
        p(r("现将有关事项通知如下，请认真贯彻执行。"), ppr=IND(firstLineChars=200)),
        p(r("某某市人民政府"), ppr=IND(firstLineChars=1000)),
        p(r("2026年5月6日"), ppr=JC("right")),
    ])
    draft = recognize(read(str(build_docx(tmp_path / "deep.docx", body))))
    organ = next(b for b in draft.document.body if b.text == "某某市人民政府")
    assert [s.element for s in draft.elements_of_block("body", organ.index)] == ["发文机关署名"]
    assert "推向右侧" in draft.elements_of_block("body", organ.index)[0].why


def test_a_greeting_to_one_person_makes_a_letter():
    assert recognize(from_text("通知\n某某同学，您好！\n请于下周一前提交材料。\n")).genre == "书信"
    assert recognize(from_text("关于提交材料的通知\n各学院：\n请于下周一前提交材料。\n某某大学办公室\n2026年5月6日\n")).genre == "公文"


def test_an_attachment_inside_the_text_is_one_finding(tmp_path):
    """「附件1」 placed inside the 正文 is set as an 附件 label (黑体, 顶格): it is read as the 附件 it is, F305
    says where it belongs, and the 正文 font and indent rules do not ask the label to look like body text."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from docx_builders import FONT, IND, JC, SIZE, build_docx, p, r

    from officekit.document import read

    body_rpr = FONT("仿宋_GB2312", "Times New Roman") + SIZE(16)
    body = "".join([
        p(r("关于开展素材整理工作的通知", FONT("方正小标宋简体") + SIZE(22))),
        p(r("各单位：", body_rpr)),
        p(r("现将有关事项通知如下。", body_rpr), ppr=IND(firstLineChars=200)),
        p(r("附件1", FONT("黑体") + SIZE(16))),
        p(r("素材清单由各单位填报。", body_rpr), ppr=IND(firstLineChars=200)),
        p(r("特此通知。", body_rpr), ppr=IND(firstLineChars=200)),
        p(r("某某市林业局", body_rpr), ppr=JC("right")),
        p(r("2026年5月6日", body_rpr), ppr=JC("right")),
    ])
    _, found = check_document(read(str(build_docx(tmp_path / "inside.docx", body))), Config())
    on_label = [f for f in found if f.location.block == 4]
    assert [(f.rule, f.element, f.location.start, f.location.end) for f in on_label] == [("F305", "附件", 0, 3)]
    assert not [f for f in found if f.rule in ("F012", "F031", "F307") and f.location.block in (4, 5)]
