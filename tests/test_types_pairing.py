"""The pairing type: unbalanced halves within and across paragraphs, and wrong nesting."""

import pytest

from officekit.document.text_reader import from_text
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import pairing
from officekit.structure.model import Draft, ElementSpan

PAIRS = ["“”", "‘’", "（）", "《》", "〈〉", "〔〕"]


def draft_of(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def hits(text: str, **params):
    params = {"pairs": PAIRS, "report": "unbalanced", "wrong_nesting": [], "multi_paragraph": "“‘", "carry": 2,
              "quote_carry": 30, **params}
    rule = RuleSpec(id="W199", name="t", type="pairing", gate="文字关", severity="error", message="m", source="s",
                    params=params)
    return list(pairing.build(rule)(Context(draft_of(text), rule)))


def test_balanced_text_is_quiet():
    assert hits("根据《中华人民共和国预算法》（以下简称“预算法”）的规定\n国办发〔2020〕13号") == []


def test_unclosed_opener_at_its_position():
    (h,) = hits("根据《预算法的规定，制定本办法。")
    assert (h.block, h.start, h.end) == (1, 2, 3)
    assert "》" in h.suggestion


def test_stray_closer():
    (h,) = hits("要坚持问题导向）着力解决")
    assert (h.start, h.message) == (7, "后半“）”前面没有对应的前半“（”")


def test_crossing_pairs_report_both_halves():
    found = hits("（要把关《关于…的通知）》")
    assert sorted(h.start for h in found) == [4, 12]


def test_long_quotation_reopens_each_paragraph():
    assert hits("“第一段引文。\n“第二段引文。\n“最后一段引文。”") == []


def test_title_broken_over_lines_closes_later():
    assert hits("国务院办公厅关于印发《新时代\n对口支援\n工作方案》的通知") == []


def test_opener_not_closed_within_carry_is_reported():
    text = "关于印发《方案\n第二段\n第三段\n第四段\n第五段》"
    (h,) = [h for h in hits(text) if h.block == 1]
    assert h.start == 4


def test_amended_article_quoted_over_many_paragraphs():
    text = "将第十五条修改为：“巡视组对下列问题进行监督：\n（一）违反政治纪律；\n（二）违反廉洁纪律；\n（三）其他问题。”"
    assert hits(text) == []


def test_half_width_twin_closes_a_full_width_opener():
    assert hits("市、县（市、区)、功能区") == []


def test_wrong_nesting():
    found = hits("印发《关于《数据安全法》的意见》", report="nesting", wrong_nesting=["《《", "‘“"])
    assert [(h.start, h.vars["outer"]) for h in found] == [(5, "《》")]
    assert hits("印发《关于〈数据安全法〉的意见》", report="nesting", wrong_nesting=["《《"]) == []


def test_bad_pairs_are_a_rule_error():
    with pytest.raises(RuleError):
        hits("x", pairs=["《"])
