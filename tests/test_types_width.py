"""The width type: half-width punctuation in Chinese text, and what it must leave alone."""

import pytest

from officekit.document.text_reader import from_text
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import width
from officekit.structure.model import Draft, ElementSpan


def draft_of(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def hits(marks: str, text: str):
    rule = RuleSpec(id="W199", name="t", type="width", gate="文字关", severity="error", message="m", source="s",
                    params={"marks": marks})
    check = width.build(rule)
    return list(check(Context(draft_of(text), rule)))


def test_comma_between_chinese_is_flagged_with_a_safe_fix():
    (h,) = hits(",.:;?!", "为做好相关工作,现通知如下")
    assert (h.block, h.start, h.end, h.fix, h.safe, h.suggestion) == (1, 7, 8, "，", True, "，")


@pytest.mark.parametrize("text", [
    "投资1,000万元，增长1.5个百分点", "会议于15:40开始", "详见https://www.gov.cn/a.htm?x=1,2;y=3",
    "邮箱：office@example.gov.cn", "英文名称为 Ministry of Finance, PRC", "国办发〔2020〕13号", "2020年5月31日",
    "一.总体要求", "包括水、电、气...", "见附件.docx",
])
def test_numbers_urls_english_and_ordinals_are_left_alone(text):
    assert hits(",.:;?!", text) == []


def test_full_stop_only_at_a_sentence_end():
    assert [h.start for h in hits(".", "会议召开.第二项")] == [4]
    assert [h.start for h in hits(".", "会议召开.")] == [4]


def test_colon_after_chinese_before_digits():
    (h,) = hits(":", "联系电话:010-12345678")
    assert h.start == 4 and h.fix == "："


def test_a_half_width_paren_pair_is_one_hit_whose_fix_rewrites_both_marks():
    (h,) = hits("()", "世界贸易组织(WTO)成员")
    assert (h.start, h.end, h.fix, h.suggestion, h.safe) == (6, 11, "（WTO）", "（WTO）", True)
    assert hits("()", "the World Trade Organization (WTO) rules") == []


def test_a_long_pair_suggests_its_two_marks_and_fixes_only_them():
    inside = "由各省、自治区、直辖市人民政府负责组织实施并报国务院备案"
    (h,) = hits("()", f"有关方面({inside})要抓紧落实")
    assert (h.start, h.end, h.suggestion) == (4, 6 + len(inside), "（…）")
    assert h.fix == f"（{inside}）"


def test_a_pair_nested_in_a_pair_of_the_same_rule_is_fixed_with_it():
    (h,) = hits("\"'", "他说：\"要落实'放管服'改革。\"")
    assert (h.start, h.fix) == (3, "“要落实‘放管服’改革。”")


def test_two_pairs_in_a_line_are_two_hits():
    found = hits("()", "市(州)、县(区)")
    assert [(h.start, h.end, h.fix) for h in found] == [(1, 4, "（州）"), (6, 9, "（区）")]


def test_mixed_paren_pair_reports_the_half_width_half():
    (h,) = hits("()", "县（市、区)、功能区")
    assert h.start == 5 and h.fix == "）"


def test_straight_quotes_become_curly_open_and_close():
    (h,) = hits("\"'", "坚持\"两个毫不动摇\"的方针")
    assert (h.start, h.end, h.fix) == (2, 10, "“两个毫不动摇”")
    assert hits("\"'", "don't say 'hello'") == []


def test_tilde_in_numeric_range():
    (h,) = hits("~", "补助500~1000元")
    assert (h.start, h.fix) == (5, "～")


def test_unknown_marks_are_a_rule_error():
    rule = RuleSpec(id="W199", name="t", type="width", gate="文字关", severity="error", message="m", source="s",
                    params={"marks": ",#"})
    with pytest.raises(RuleError):
        width.build(rule)


def test_code_in_a_technical_appendix_is_left_alone():
    # the literal values of a line documenting a configuration field, and coordinates as in maths
    assert hits("\"'", "instruction_CH：给机器人的中文指令，如：'将苹果从桌子上拿起，放入碗中'") == []
    assert hits("()", "左下角xy为(0,0)，右上角为(1279,719)，每个点") == []
    # …but not a quoted phrase in running text, nor an ordinal in brackets
    assert [h.start for h in hits("\"'", "坚持'放管服'改革，如：'马上就办'")] == [2, 12]
    assert [h.fix for h in hits("()", "(1)攻关必要性")] == ["（1）"]
