"""Random Unicode text through every rule: no rule raises, every finding points inside its block."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import active_rules
from officekit.structure import recognize

RULES = active_rules()

# Text a draft could hold, and text it should not: CJK, full- and half-width punctuation, digits,
# Latin, the characters 公文 rules key on, plus anything else Unicode has (no lone surrogates).
PIECES = st.sampled_from(list("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!\"'()[]<>-0123456789一二三四五六七八九十〇零年月日号第条款项章节")
                         + ["关于", "通知", "请示", "报告", "函", "各区人民政府：", "特此通知。", "妥否，请批示。",
                            "附件：", "抄送：", "2026年3月5日", "〔2026〕5号", "（一）", "一、", "1.", "（1）",
                            "\u200b", "\u202e", "\ufeff", "\t", "\u3000", " "])
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
LINE = st.lists(st.one_of(PIECES, ANY_CHAR, st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                                                    max_size=6)), max_size=30).map("".join)
DRAFT = st.lists(LINE, min_size=1, max_size=8).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFT)
def test_every_rule_survives_random_text(text):
    document = from_text(text)
    draft = recognize(document)
    findings = runner.run(draft, RULES)
    crashed = [f for f in findings if "运行出错" in f.message or "无法运行" in f.message]
    assert not crashed, [(f.rule, f.message) for f in crashed]
    for f in findings:
        loc = f.location
        if loc.start is None:
            continue
        blocks = document.blocks(loc.part)
        assert 1 <= loc.block <= len(blocks), (f.rule, loc)
        block_text = blocks[loc.block - 1].text
        assert 0 <= loc.start <= (loc.end if loc.end is not None else loc.start) <= len(block_text), (f.rule, loc)
