"""The gaps of issues 4 and 5: 联合行文, 签发人 to a configured superior, 越级行文, 称谓 vs 行文方向, and the
citation rules (repealed documents named as history, citation number before the title or in the wrong
brackets).  Whole drafts, as text and as .docx, with the exact place of every finding."""

from __future__ import annotations

from pathlib import Path

try:
    from docx_builders import build_with_python_docx
except ImportError:  # tests/ imported as a package
    from tests.docx_builders import build_with_python_docx

from officekit.config.model import Config
from officekit.document import read
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import _pack_rules
from officekit.structure import recognize

ROOT = Path(__file__).resolve().parents[1]
NEW_RULES = {"F284", "F408", "F409", "P112", "P113", "P114", "P302", "P303", "P305", "P306"}


def rules():
    return [r for pack in ("core", "elements", "xingwen", "policy_wording") for r in _pack_rules(pack)
            if r.id in NEW_RULES]


def located(document, config=None):
    """(rule, block, matched text) of each finding of the rules under test."""
    draft = recognize(document)
    out = set()
    for f in runner.run(draft, rules(), config):
        text = draft.document.block(f.location.part, f.location.block).text
        out.add((f.rule, f.location.block, text[f.location.start:f.location.end]))
    return out


# A joint 请示 of two bureaus sent past their city government to the province: the 代字 is the second
# bureau's, the signers stand in the wrong order, the by-passed city government is not copied, and the
# text calls the superior 你们.
JOINT_REQUEST = [
    "云岭市林业局",
    "云岭市财政局",
    "文件",
    "云财发〔2026〕5号    签发人：李某  张某",
    "关于追加森林防火经费的请示",
    "省人民政府：",
    "根据你们的部署，我市开展了森林防火检查。",
    "妥否，请批示。",
    "云岭市林业局　　云岭市财政局",
    "2026年3月5日",
    "抄送：省林业和草原局。",
]
OFFICE = Config(words={
    "leaders": ["张某 市林业局局长", "李某 市财政局局长"],
    "superior_organs": ["市人民政府", "市政府"],
    "higher_organs": ["省人民政府", "省政府"],
})
EXPECTED_JOINT = {
    ("F408", 4, "云财发"),
    ("F409", 4, "张某"),
    ("P112", 6, "省人民政府"),
    ("P113", 7, "你们"),
}


def test_joint_request_as_text():
    assert located(from_text("\n".join(JOINT_REQUEST), "请示.txt"), OFFICE) == EXPECTED_JOINT


def test_joint_request_as_docx(tmp_path):
    path = build_with_python_docx(tmp_path / "联合请示.docx", JOINT_REQUEST)
    assert located(read(str(path)), OFFICE) == EXPECTED_JOINT


def test_a_configured_higher_organ_is_not_called_a_non_superior():
    """P111 (请示 to an organ that is not a superior: use 函) keeps quiet on an organ of higher_organs."""
    draft = recognize(from_text("\n".join(JOINT_REQUEST), "请示.txt"))
    p111 = [r for r in _pack_rules("xingwen") if r.id == "P111"]
    assert runner.run(draft, p111, OFFICE) == []
    direct_only = Config(words={"superior_organs": ["市人民政府"]})
    assert [f.rule for f in runner.run(draft, p111, direct_only)] == ["P111"]


def test_without_office_lists_only_what_the_draft_itself_shows():
    # no leaders list: signer order unknown; no hierarchy: no 越级 judgement
    assert located(from_text("\n".join(JOINT_REQUEST), "请示.txt")) == {
        ("F408", 4, "云财发"), ("P113", 7, "你们")}


def test_joint_request_done_right_is_quiet():
    lines = list(JOINT_REQUEST)
    lines[3] = "云林发〔2026〕5号    签发人：张某  李某"
    lines[6] = "根据市政府的部署，我市开展了森林防火检查。"
    lines[10] = "抄送：市人民政府。"
    assert located(from_text("\n".join(lines), "请示.txt"), OFFICE) == set()


def test_joint_zihao_message_says_what_to_verify():
    draft = recognize(from_text("\n".join(JOINT_REQUEST), "请示.txt"))
    finding = next(f for f in runner.run(draft, rules()) if f.rule == "F408")
    assert finding.severity == "warning"
    assert "“云岭市财政局”" in finding.message and "主办机关是“云岭市林业局”" in finding.message


OPINION_UP = [
    "云岭市林业局文件",
    "云林发〔2026〕8号",
    "关于加强森林防火工作的意见",
    "市人民政府：",
    "现就加强森林防火工作提出以下意见。",
    "云岭市林业局",
    "2026年3月5日",
]


def test_opinion_to_a_configured_superior_needs_a_signer(tmp_path):
    config = Config(words={"superior_organs": ["市人民政府"]})
    expected = {("F284", 2, "云林发〔2026〕8号")}
    assert located(from_text("\n".join(OPINION_UP), "意见.txt"), config) == expected
    path = build_with_python_docx(tmp_path / "意见.docx", OPINION_UP)
    draft = recognize(read(str(path)))
    findings = [f for f in runner.run(draft, rules(), config) if f.rule == "F284"]
    assert [(f.location.block, f.severity) for f in findings] == [(2, "error")]
    # without the office's list nothing is said
    assert located(from_text("\n".join(OPINION_UP), "意见.txt")) == set()


DOWNWARD_NOTICE = [
    "云岭市林业局文件",
    "云林发〔2026〕9号",
    "关于转发省林业和草原局森林防火文件的通知",
    "各县（市、区）林业局：",
    "现将云林草发〔2026〕3号《云南省林业和草原局关于加强森林防火工作的通知》转发给你们，请贵局认真贯彻执行。",
    "按照《国务院办公厅关于加强政务公开的通知》（国办发（2018）115号）和《云岭市森林防火办法》【云政发〔2025〕4号】要求，做好信息公开。",
    "原《国家行政机关公文处理办法》（国发〔2000〕23号）已停止执行，行文按照《党政机关公文处理工作条例》办理。",
    "各地仍按《国家行政机关公文处理办法》制发公文的，要立即纠正。",
    "云岭市林业局",
    "2026年3月5日",
]
EXPECTED_NOTICE = {
    ("P306", 5, "云林草发〔2026〕3号《云南省林业和草原局关于加强森林防火工作的通知》"),
    ("P114", 5, "贵局"),
    ("P303", 6, "（2018）"),
    ("P305", 6, "【云政发〔2025〕4号】"),
    ("P302", 8, "《国家行政机关公文处理办法》"),
}


def test_downward_notice_as_text():
    assert located(from_text("\n".join(DOWNWARD_NOTICE), "通知.txt")) == EXPECTED_NOTICE


def test_downward_notice_as_docx(tmp_path):
    path = build_with_python_docx(tmp_path / "通知.docx", DOWNWARD_NOTICE)
    assert located(read(str(path))) == EXPECTED_NOTICE


def test_citation_fixes():
    draft = recognize(from_text("\n".join(DOWNWARD_NOTICE), "通知.txt"))
    by_rule = {f.rule: f for f in runner.run(draft, rules())}
    assert by_rule["P303"].fix.replacement == "〔2018〕" and by_rule["P303"].fix.safe
    assert by_rule["P305"].fix.replacement == "（云政发〔2025〕4号）" and by_rule["P305"].fix.safe
    assert by_rule["P306"].suggestion == "《云南省林业和草原局关于加强森林防火工作的通知》（云林草发〔2026〕3号）"
    assert not by_rule["P306"].fix.safe  # reordering is for a person to confirm


def test_the_examples_stay_as_they_were():
    assert located(read(str(ROOT / "examples" / "通知-规范.docx"))) == set()
    assert located(read(str(ROOT / "examples" / "请示-问题多.docx"))) == set()


def test_three_signers_over_two_lines_are_read_in_order():
    lines = ["云岭市林业局", "云岭市财政局", "云岭市应急管理局", "文件",
             "云林发〔2026〕5号    签发人：张某  李某", "                         王某",
             "关于追加森林防火经费的请示", "市人民政府：", "妥否，请批示。", "云岭市林业局", "2026年3月5日"]
    leaders = Config(words={"leaders": ["张某 市林业局局长", "王某 市财政局局长", "李某 市应急管理局局长"]})
    assert located(from_text("\n".join(lines), "请示.txt"), leaders) == {("F409", 6, "王某")}
    lines[4], lines[5] = "云林发〔2026〕5号    签发人：张某  王某", "                         李某"
    assert located(from_text("\n".join(lines), "请示.txt"), leaders) == set()
