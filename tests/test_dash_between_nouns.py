"""W109 and the pattern type's `unless_between`: a single 一字线 between two nouns is a 连接号.

Published State Council texts write 中国—东盟, 兰州—西宁城市群, 九嶷山—舜帝陵风景名胜区 with one 一字线
(GB/T 15834-2011 4.13); all 27 lone 一字线 of the 328 published documents are such links, so W109 said
「作破折号时改为“——”」 27 times and was never right there.  A dash slip before a verb is still reported.
"""

import pytest

from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.loader import load_file
from officekit.engine.packs import builtin_root
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import get_type
from officekit.structure.model import Draft, ElementSpan

W109 = [r for r in load_file(builtin_root() / "punctuation" / "marks.yaml", "punctuation") if r.id == "W109"]


def draft_of(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def w109(text: str):
    return [(f.rule, f.location.block, f.location.start, f.suggestion) for f in runner.run(draft_of(text), W109)]


@pytest.mark.parametrize("text", [
    "国务院关于兰州—西宁城市群发展规划的批复",
    "发挥中国—东盟信息港、中阿网上丝绸之路等国际化平台作用。",
    "拓宽厦门—金门、马尾—马祖合作领域。",
    "推动关中—天水、新疆天山北坡等重点经济区域协同开放。",
    "构建沈阳—营口陆海联运系统。",
    "形成数据—图元的强绑定机制。",
])
def test_a_link_between_two_nouns_is_quiet(text):
    assert w109(text) == []


def test_a_dash_slip_before_a_verb_is_still_reported_where_it_is():
    text = "各单位要明确工作目标。\n这是我们的目标—建成一流营商环境。"
    assert w109(text) == [("W109", 2, 7, "作破折号时改为“——”")]


def _pattern_hits(text: str, tags):
    rule = RuleSpec(id="W199", name="t", type="pattern", gate="文字关", severity="info", message="m", source="s",
                    params={"forbid": "—", "unless_between": tags})
    return [(h.block, h.start) for h in get_type("pattern").build(rule)(Context(draft_of(text), rule))]


def test_unless_between_needs_both_neighbours_tagged():
    assert _pattern_hits("中国—东盟", ["ns", "j"]) == []  # 中国/ns, 东盟/j
    assert _pattern_hits("中国—东盟", ["ns"]) == [(1, 2)]  # 东盟 is no place name to jieba
    assert _pattern_hits("—东盟", ["n", "j"]) == [(1, 0)]  # nothing before it: no link


def test_unless_between_must_be_a_list_of_tags():
    with pytest.raises(RuleError):
        _pattern_hits("中国—东盟", [""])
