"""W302's two draft-level guards scale with the draft: a character is the draft's own only when it is
written well above its background rate for a draft of that length, and a string repeats only where it
stands as its own segment.  (A raw count, as before, is exceeded by any long draft.)"""

from __future__ import annotations

from officekit.engine.rule import Context
from officekit.engine.types import detector
from tests.test_types_words import draft, rule


def context(text: str) -> Context:
    return Context(draft(text), rule("detector"), None, {})


SUBJECT = "货物通关。货物查验。货物放行。货运。百货。先理货后报关。"


def test_a_subject_character_of_a_short_draft_is_its_own():
    assert "货" in detector._own_characters(context(SUBJECT), 5)


def test_a_common_character_at_its_usual_rate_is_not_the_drafts_own():
    # 国 six times in ~40 characters is far above its rate; six times in a long draft is ordinary
    short = "国家标准。国内市场。国际合作。全国各地。国务院。国有企业。"
    assert "国" in detector._own_characters(context(short), 5)
    rate = detector._character_rates()["国"]
    filler = "认真做好各项工作，切实抓好落实。" * int(4 * 6 / rate / 16)  # long enough that 6 uses are usual
    assert "国" not in detector._own_characters(context(short + "\n" + filler), 5)


def test_background_rates_come_from_the_dictionary():
    rates = detector._character_rates()
    assert rates["国"] > rates["湿"] > 0 and rates["的"] > rates["湿"]


def test_a_repeat_counts_only_as_its_own_segment():
    ctx = context("受援地要做好对接。\n受援地群众满意。\n支持受援地发展。")
    first = ctx.document.body[0]
    assert detector._segment_uses(ctx, "受援地", "body", first.index, 0) == 2
    # 的是 turns up again and again across word boundaries (目的是, 的是非): no repeat at all
    ctx = context("目的是加强管理。\n我们的是非观念。\n其目的是提高效率。")
    assert detector._segment_uses(ctx, "的是", "body", first.index, 1) == 0
