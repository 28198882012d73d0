"""The guarded type (now an alias of pattern): a pattern with protected stretches, exclusions, replacement
and translation."""

import pytest

from officekit.document.text_reader import from_text
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import get_type
from officekit.engine.types._cjk import PROTECTED_KINDS
from officekit.structure.model import Draft, ElementSpan

guarded = get_type("guarded")  # the alias: its own key names and defaults, pattern's check


def draft_of(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def hits(text: str, **params):
    params = {"replace": None, "translate": {}, "safe": False, "protect": list(PROTECTED_KINDS), "exclude": [],
              **params}
    rule = RuleSpec(id="W199", name="t", type="guarded", gate="文字关", severity="error", message="m", source="s",
                    params=params)
    return list(guarded.build(rule)(Context(draft_of(text), rule)))


def test_replacement_template_and_named_groups():
    (h,) = hits("增长15～30%", pattern=r"(?P<a>\d+)(?P<sep>～)(?P<b>\d+)(?P<u>%)", replace=r"\g<a>\g<u>\g<sep>\g<b>\g<u>")
    assert (h.start, h.end, h.fix, h.vars["u"], h.vars["fixed"], h.safe) == (2, 8, "15%～30%", "%", "15%～30%", False)


def test_safe_only_when_there_is_a_fix():
    (h,) = hits("a...b", pattern=r"\.{3}", safe=True)
    assert h.fix is None and h.safe is False


def test_translate_maps_characters():
    (h,) = hits("二零二四年", pattern=r"[一二三四零〇]{4}年", translate={"零": "〇"}, safe=True)
    assert h.fix == "二〇二四年" and h.safe


def test_protected_stretches_and_exclusions():
    assert hits("见 https://a.cn/x...y", pattern=r"\.{3}") == []
    assert hits("国办发〔2020〕13号", pattern=r"\d+号") == []
    assert hits("一、二年级", pattern="一、二", exclude=["一、二年级"]) == []
    assert len(hits("一、二个", pattern="一、二", exclude=["一、二年级"])) == 1


def test_offsets_are_block_offsets_of_the_span():
    d = from_text("发文字号：国办发〔2020〕13号 签发人：张三")
    draft = Draft(document=d, spans=[ElementSpan("签发人", "body", 1, 18, 24, d.body[0].text[18:24])])
    rule = RuleSpec(id="W199", name="t", type="guarded", gate="文字关", severity="error", message="m", source="s",
                    params={"pattern": "签发人", "protect": [], "exclude": [], "translate": {}})
    (h,) = guarded.build(rule)(Context(draft, rule))
    assert (h.start, h.end) == (18, 21)


@pytest.mark.parametrize("params", [{"pattern": "("}, {"pattern": "x", "protect": ["nope"]},
                                    {"pattern": "x", "translate": {"ab": "c"}}])
def test_bad_parameters_are_rule_errors(params):
    with pytest.raises(RuleError):
        hits("x", **params)
