"""W302's word stage: two wrong characters in one two-character word, found by the word's reading
(sound_words) and weighed by the character model; never a name, never a common word replaced on
weak evidence."""

from __future__ import annotations

import pytest

from officekit.engine import charlm, runner, sound_words
from tests.test_types_words import draft, rule, texts

needs_model = pytest.mark.skipif(charlm.model() is None, reason="packaged character model not present")


def found(text: str, **params):
    d = draft(text)
    hits = runner.run(d, [rule("detector", **{"hints": True, **params})])  # hints (info) are opt-in
    return [(t, f.suggestion, f.severity) for t, f in zip(texts(hits, d), hits)]


def words(text: str) -> list[str]:
    return [word for word, _ in sound_words.words_read_like(text)]


def test_words_are_looked_up_by_their_reading():
    assert words("鱼蒜") == ["预算"]
    assert words("悔意")[:2] == ["会议", "回忆"]  # most frequent first
    counts = [n for _, n in sound_words.words_read_like("悔意")]
    assert counts == sorted(counts, reverse=True) and counts[-1] >= sound_words.MIN_FREQUENCY
    assert "平谷" not in words("平谷")  # the text itself is no suggestion
    # a written character is read its commonest way only: 越 huó and 位 lì would make 越位 read like 活力
    assert "活力" not in words("越位")
    assert words("预") == []
    assert words("A股") == []


def test_the_scorer_replaces_two_characters_at_once():
    lm = charlm.model()
    if lm is None:
        pytest.skip("packaged character model not present")
    text = "严格执行鱼蒜管理规定。"
    at = text.index("鱼")
    scorer = lm.scorer(text)
    gain = scorer.score(at, "预算") - scorer.base(at, 2)
    assert gain == pytest.approx(lm.sentence_log_prob("严格执行预算管理规定。") - lm.sentence_log_prob(text))
    assert gain > 10


@needs_model
def test_two_wrong_characters_in_one_word_are_guessed_by_sound():
    # neither 鱼 → 预 nor 蒜 → 算 alone makes a word: only the word's reading finds 预算
    assert found("工作中有违反鱼蒜管理规定行为的，依法追究责任。") == [("鱼蒜", "预算", "warning")]
    assert found("工作中有违反鱼蒜管理规定行为的，依法追究责任。", word_swaps=False) == []
    # loose characters side by side (才 / 聊) are read together too
    assert found("应当在十日内写出说明才聊，由其所在党组织签署意见。") == [("才聊", "材料", "warning")]


@needs_model
def test_a_guess_below_high_confidence_is_a_hint():
    assert found("工作中有违反鱼蒜管理规定行为的，依法追究责任。", lm_high_gain=40.0) == [("鱼蒜", "预算", "info")]


@needs_model
def test_a_name_is_never_read_as_another_word():
    # jieba's HMM takes 王晓晖 for a person: 晓晖 reads like 销毁, and the model likes 王销毁 no less
    assert [s for _, s, _ in found("副召集人：王晓晖，中央宣传部部长。")] == []


@needs_model
def test_a_common_word_is_replaced_only_by_a_much_commoner_one():
    # 叮嘱 (jieba counts it 419 times) reads like 顶住 (343), which the model of laws likes better here:
    # a slip lands on a rarer word, not on a commoner one, so no guess
    text = "老师们诲人不倦，叮嘱学生“出去了要好好干”。"
    assert "顶住" not in [s for _, s, _ in found(text)]
    assert "顶住" in [s for _, s, _ in found(text, pair_word_frequency=10_000)]


@needs_model
def test_the_word_stage_gives_way_where_another_stage_spoke():
    # 总休 is the dictionary stage's (one character): the word stage adds nothing beside it
    assert found("制定全市交通发展总休方案。") == [("总休", "总体", "warning")]


@needs_model
def test_a_slip_copied_with_its_passage_is_still_a_slip():
    slip = "各地要健全依法刑政制度体系。"
    assert found(slip) == [("刑政", "行政", "info")]
    # the same sentence twice (a passage copied): one slip twice, both reported
    assert found(slip + "\n" + slip) == [("刑政", "行政", "info")] * 2
    # the same string in another context reads as a term the writer means (受援地): no guess
    assert found(slip + "\n打破刑政性垄断。") == []


@needs_model
def test_a_word_jieba_knows_is_changed_only_with_the_models_clear_support():
    # 复用 is a (rare) dictionary word, so the dictionary stage looks at it; the model barely prefers 不用
    text = "国内在知识沉淀、复用和传承方面仍显不足。"
    assert found(text) == []
    assert found(text, word_support=0.0) == [("复用", "不用", "info")]


def found_in(genre: str, text: str, **params):
    d = draft(text)
    d.genre = genre
    hits = runner.run(d, [rule("detector", **{"hints": True, **params})])  # hints (info) are opt-in
    return [(t, f.suggestion, f.severity) for t, f in zip(texts(hits, d), hits)]


@needs_model
def test_outside_gongwen_only_high_confidence_guesses_are_shown():
    hint = "各地要健全依法刑政制度体系。"
    sure = "工作中有违反鱼蒜管理规定行为的，依法追究责任。"
    assert found_in("公文", hint) == [("刑政", "行政", "info")]
    # a technical report or a set of club rules is not the prose the model knows: its hints go
    assert found_in("其他文稿", hint) == []
    assert found_in("其他文稿", hint, hints_outside_gongwen=True) == [("刑政", "行政", "info")]
    assert found_in("事务文书", sure) == [("鱼蒜", "预算", "warning")]


@needs_model
def test_look_alikes_a_scan_confuses_are_candidates():
    # 侃/况 and 朕/联 (a stroke or a component apart) are in the small look-alike list
    assert found("程序出现下列情侃之一的，启动复核。") == [("情侃", "情况", "warning")]
    assert found("全国工商朕等单位负责落实。") == [("工商朕", "工商联", "warning")]
    assert found("程序出现下列情况之一的，启动复核。") == []


def test_hints_are_off_unless_the_office_asks_for_them():
    """Read as a reviewer, the below-high-confidence guesses were 0 right of 14 on the real 公文 drafts:
    by default only the high-confidence ones are shown; `profile: {typo_hints: true}` asks for the rest."""
    from officekit.config.model import Config

    text = "严格控制机构编织和人员数量。"  # 编织 → 编制: a hint from the model (test_detector_context)
    with_hints = [f for f in runner.run(draft(text), [rule("detector", hints=True)]) if f.severity == "info"]
    assert [f.suggestion for f in with_hints] == ["编制"]
    default = runner.run(draft(text), [rule("detector")])
    asked = runner.run(draft(text), [rule("detector")], Config(profile={"typo_hints": True}))
    assert [f for f in default if f.severity == "info"] == []
    assert [(f.location, f.suggestion) for f in asked if f.severity == "info"] == \
        [(f.location, f.suggestion) for f in with_hints]
