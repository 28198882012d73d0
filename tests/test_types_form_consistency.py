"""The form_consistency type: one form per class in a document; the minority form is reported."""

import pytest

from officekit.document.text_reader import from_text
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import form_consistency
from officekit.structure.model import Draft, ElementSpan

FORMS = {"阿拉伯数字": r"\d{4}(?=年)", "汉字数字": r"[一二][〇一二三四五六七八九]{3}(?=年)"}


def hits(text: str, forms=FORMS):
    d = from_text(text)
    draft = Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])
    rule = RuleSpec(id="W299", name="t", type="form_consistency", gate="文字关", severity="warning", message="m",
                    source="s", params={"forms": forms, "min_count": 1})
    return list(form_consistency.build(rule)(Context(draft, rule)))


def test_minority_form_reported_with_its_location():
    (h,) = hits("2024年工作要点\n二〇二三年已完成\n2025年计划")
    assert (h.block, h.start, h.end, h.vars["form"], h.vars["major"]) == (2, 0, 4, "汉字数字", "阿拉伯数字")


def test_one_form_only_is_quiet():
    assert hits("2024年工作要点\n2023年已完成") == []


def test_tie_keeps_the_form_met_first():
    (h,) = hits("二〇二三年回顾\n2024年计划")
    assert h.vars["form"] == "阿拉伯数字"


def test_needs_two_forms():
    with pytest.raises(RuleError):
        hits("x", forms={"a": "x"})
