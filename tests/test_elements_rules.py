"""Element and cross-element rules (F2xx–F4xx) on whole drafts: text and .docx, exact locations."""

from __future__ import annotations

import json
from pathlib import Path

try:
    from corpus import GOV_DOCUMENTS, requires_corpus
    from docx_builders import build_with_python_docx
except ImportError:  # tests/ imported as a package (tests/__init__.py present)
    from tests.corpus import GOV_DOCUMENTS, requires_corpus
    from tests.docx_builders import build_with_python_docx

from officekit.config.model import Config
from officekit.document import read
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import _pack_rules
from officekit.structure import recognize

ROOT = Path(__file__).resolve().parents[1]


def issue4_rules():
    """The rules of this issue: element checks (F2xx–F4xx) and 行文规则 (P1xx–P2xx)."""
    rules = [r for pack in ("core", "elements", "xingwen") for r in _pack_rules(pack)]
    return [r for r in rules if r.id[0] == "P" or "F200" <= r.id < "F500"]


def findings_of(document, config=None):
    draft = recognize(document)
    return draft, runner.run(draft, issue4_rules(), config)


def located(draft, findings):
    """(rule, block, matched text) of each finding: the exact place a secretary is sent to."""
    out = set()
    for f in findings:
        text = draft.document.block(f.location.part, f.location.block).text
        matched = text[f.location.start:f.location.end] if f.location.start is not None else text
        out.add((f.rule, f.location.block, matched))
    return out


FAULTY_REQUEST = [
    "云岭市林业局文件",
    "云林发[2025]第05号    签发人:李某某",
    "关于申请追加森林防火经费的请示报告",
    "市人民政府、市财政局",
    "今冬以来，我市降水偏少，森林火险等级持续偏高。",
    "一、请求追加森林防火经费80万元，用于购置扑火物资。",
    "二、请求批准增设2个季节性检查站。",
    "妥否？请批示！",
    "附件：1.重点区域名单；",
    "云岭市林业局",
    "2026年2月30日",
    "抄送：各乡镇人民政府，市财政局",
]

EXPECTED_REQUEST = {
    ("F201", 2, "云林发[2025]第05号"),
    ("F282", 2, "签发人:李某某"),
    ("F241", 3, "关于申请追加森林防火经费的请示报告"),
    ("F245", 3, "关于申请追加森林防火经费的请示报告"),
    ("F221", 4, "市人民政府、市财政局"),
    ("P101", 4, "市财政局"),
    ("P116", 6, "请求追加森林防火经费"),  # asks for money, says nothing of coordinating with the 财政局
    ("P105", 7, "请求"),
    ("P107", 8, "妥否？"),
    ("P107", 8, "！"),
    ("F302", 9, "；"),
    ("F212", 11, "2026年2月30日"),
    ("F231", 12, "抄送：各乡镇人民政府，市财政局"),
    ("P102", 12, "各乡镇人民政府"),
    ("F403", 12, "市财政局"),
}


def test_faulty_request_as_text_names_every_flaw_at_its_place():
    draft, findings = findings_of(from_text("\n".join(FAULTY_REQUEST), "请示.txt"))
    assert located(draft, findings) == EXPECTED_REQUEST


def test_faulty_request_as_docx_gives_the_same_places(tmp_path):
    path = build_with_python_docx(tmp_path / "请示.docx", FAULTY_REQUEST)
    draft, findings = findings_of(read(str(path)))
    assert located(draft, findings) == EXPECTED_REQUEST


def test_suggestions_and_severities_of_the_request():
    draft, findings = findings_of(from_text("\n".join(FAULTY_REQUEST), "请示.txt"))
    by_rule = {f.rule: f for f in findings}
    assert by_rule["F201"].suggestion == "云林发〔2025〕5号"
    assert by_rule["F282"].suggestion == "签发人：李某某"
    assert by_rule["P102"].severity == "error" and by_rule["P101"].severity == "warning"
    assert "一文一事" in by_rule["P105"].message


GOOD_NOTICE = [
    "000001",
    "秘密★1年",
    "特急",
    "云岭市人民政府办公室文件",
    "云政办发〔2026〕12号",
    "云岭市人民政府办公室关于做好2026年冬春季森林防火工作的通知",
    "各县（市、区）人民政府，市政府各部门：",
    "为切实做好今冬明春森林防火工作，现将有关事项通知如下。",
    "一、压实防火责任",
    "各地要严格落实森林防火行政首长负责制。",
    "附件：1.重点区域名单",
    "2.值班安排表",
    "云岭市人民政府办公室",
    "2026年11月16日",
    "（此件发至县级）",  # a 秘密 document is not 公开发布 (P117)
    "附件1",
    "重点区域名单",
    "东山林场、西岭自然保护区。",
    "附件2",
    "值班安排表",
    "每日安排1名带班领导。",
    "抄送：市委办公室，市人大常委会办公室。",
    "云岭市人民政府办公室    2026年11月16日印发",
]


def test_a_conformant_notice_has_no_finding():
    draft, findings = findings_of(from_text("\n".join(GOOD_NOTICE), "通知.txt"))
    assert [(f.rule, f.message) for f in findings] == []


def test_cross_element_disagreements_in_the_notice():
    lines = list(GOOD_NOTICE[1:])  # no 份号 on a 涉密 document
    lines[0] = "秘密★15年"  # beyond the 10-year maximum of 秘密
    lines[3] = "云政办发〔2025〕12号"  # year differs from the 成文日期
    lines[18] = "值班表"  # title of 附件2 differs from the 附件说明
    lines[-1] = "云岭市人民政府办公室    2026年11月10日印发"  # before the 成文日期
    draft, findings = findings_of(from_text("\n".join(lines), "通知.txt"))
    assert located(draft, findings) == {
        ("F261", 1, "秘密★15年"),
        ("F406", 1, "秘密★15年"),
        ("F401", 4, "2025"),
        ("F405", 19, "值班表"),
        ("F402", 22, "2026年11月10日"),
    }


def test_the_example_notice_stays_clean_and_the_example_request_is_caught():
    _, clean = findings_of(read(str(ROOT / "examples" / "通知-规范.docx")))
    assert clean == []
    draft, faulty = findings_of(read(str(ROOT / "examples" / "请示-问题多.docx")))
    rules = {f.rule for f in faulty}
    assert {"F201", "F282", "F241", "F245", "F221", "P101", "P105", "P107", "F211", "F231", "P102"} <= rules


def test_secrecy_mark_at_the_top_right_is_the_1999_layout(tmp_path):
    path = build_with_python_docx(tmp_path / "旧版式.docx", [
        "000001", {"text": "秘密★1年", "alignment": "right"}, "云岭市林业局文件", "云林发〔2026〕5号",
        "云岭市林业局关于开展森林防火检查的通知", "各科室：", "请认真落实。", "云岭市林业局", "2026年3月5日",
        "主题词：森林防火　检查　通知",
    ])
    draft, findings = findings_of(read(str(path)))
    assert ("F272", 2, "秘密★1年") in located(draft, findings)
    assert any(f.rule == "F321" for f in findings)


def test_office_word_lists_drive_short_names_lower_and_superior_organs():
    text = "\n".join([
        "云岭市林业局关于设立检查站的请示", "市财政局：", "现请示如下。", "妥否，请批示。",
        "云岭市林业局", "2026年3月5日", "抄送：市府办，东山林场。",
    ])
    config = Config(words={"organ_short_names": ["市府办->市政府办公室"], "lower_organs": ["东山林场"],
                           "superior_organs": ["市人民政府", "市政府"]})
    draft, findings = findings_of(from_text(text, "请示.txt"), config)
    assert {("F224", 7, "市府办"), ("P102", 7, "东山林场"), ("P111", 2, "市财政局")} <= located(draft, findings)
    _, without_config = findings_of(from_text(text, "请示.txt"))
    assert not {"F224", "P111"} & {f.rule for f in without_config}


def test_report_must_not_carry_requests_and_reply_cites_the_request():
    report = "云岭市林业局关于森林防火工作情况的报告\n市人民政府：\n今年共排查隐患126处。\n特此报告，请批示。\n云岭市林业局\n2026年3月5日"
    draft, findings = findings_of(from_text(report, "报告.txt"))
    assert ("P108", 4, "请批示") in located(draft, findings)
    reply = "云岭市人民政府关于设立检查站的批复\n市林业局：\n同意设立。\n云岭市人民政府\n2026年3月5日"
    draft, findings = findings_of(from_text(reply, "批复.txt"))
    assert ("P109", 3, "同意设立。") in located(draft, findings)


def test_leader_as_main_recipient_and_misplaced_copy_line():
    text = "云岭市林业局关于森林防火工作的报告\n王书记：\n抄送：市财政局。\n今年共排查隐患126处。\n特此报告。\n云岭市林业局\n2026年3月5日"
    draft, findings = findings_of(from_text(text, "报告.txt"))
    assert {("P103", 2, "王书记"), ("F225", 3, "抄送：市财政局。")} <= located(draft, findings)


def test_request_main_to_without_colon_is_recognised():
    """Recogniser fix made for these rules: a 主送 line that lost its colon, under a 请示报告 title."""
    draft = recognize(from_text("\n".join(FAULTY_REQUEST), "请示.txt"))
    assert [s.block for s in draft.all("主送机关")] == [4]
    assert [s.block for s in draft.all("标题")] == [3]
    body = recognize(from_text("关于开展检查的通知\n各科室：\n今年共排查隐患126处。\n特此通知。", "x.txt"))
    assert [s.block for s in body.all("主送机关")] == [2]


@requires_corpus
def test_published_documents_stay_quiet():
    docs = [json.loads(line) for line in GOV_DOCUMENTS.read_text("utf-8").splitlines()]
    errors = sum(f.severity == "error" for d in docs for f in findings_of(from_text(d["text"], "c.txt"))[1])
    assert errors <= len(docs) // 50
