"""W302 with the character language model: real-word slips as hints, the model's say on the dictionary
stage's guesses (severity, or no guess at all), one guess per stretch, classical prose left alone."""

from __future__ import annotations

import pytest

from officekit.engine import charlm, runner
from tests.test_types_words import draft, rule, texts

pytestmark = pytest.mark.skipif(charlm.model() is None, reason="packaged character model not present")


def found(text: str, **params):
    d = draft(text)
    hits = runner.run(d, [rule("detector", **{"hints": True, **params})])  # hints (info) are opt-in
    return [(t, f.suggestion, f.severity) for t, f in zip(texts(hits, d), hits)]


def test_a_real_word_slip_is_a_hint_from_the_model():
    # 编织 is a word, so the dictionary stage never looks at it; the model finds 机构编制 far likelier
    assert found("严格控制机构编织和人员数量。") == [("编织", "编制", "info")]
    assert found("严格控制机构编织和人员数量。", context_model=False) == []


def test_a_guess_the_model_supports_keeps_the_rules_severity():
    text = "县级以上人民政府应当将农业技术推广工作纳入国民经济和社会发展计化。"
    assert found(text) == [("计化", "计划", "warning")]


def test_without_the_models_support_a_guess_is_only_a_hint():
    text = "县级以上人民政府应当将农业技术推广工作纳入国民经济和社会发展计化。"
    assert found(text, lm_support=99.0) == [("计化", "计划", "info")]


def test_one_guess_per_stretch_of_text():
    # 思 and 响 are both loose; 发展史 and 思想 overlap: only the surer one is offered
    assert found("坚持以人民为中心的发展思响。") == [("思响", "思想", "warning")]


def test_classical_prose_is_not_guessed_in():
    typo = "请各部门将此项工作纳入发展计化。"
    assert [s for _, s, _ in found(typo)] == ["计划"]
    classical = "臣闻治国者必先安民矣。民安则国治焉，国治则天下平哉。故曰：得民心者得天下也。"
    assert found(classical + "\n" + typo) == []


def test_look_alikes_of_the_wide_table_come_with_the_models_support():
    # 妃 and 纪 look alike (pycorrector's same_stroke table) but sound nothing alike
    text = "各地要严格执行财经妃律，确保各项任务落到实处。"
    assert found(text) == [("妃律", "纪律", "warning")]
    # without the table only a same-sound guess is left (经妃 → 经费), and only as a hint
    assert found(text, wide_shapes="") == [("经妃", "经费", "info")]


def test_inside_a_name_like_span_a_guess_is_never_more_than_a_hint():
    # jieba takes 陈世杰 for a person's name; the model would make it 世界, but only as a hint,
    # however high its gain
    text = "李志刚、陈世杰、刘其湘参加会议。"
    assert [severity for _, _, severity in found(text, lm_high_gain=0.0)] == ["info"]
    assert found(text, name_penalty=99.0) == []


def test_a_letters_closing_formula_and_a_platform_name_are_words():
    # both are in gongwen_vocab; without it the models "correct" them (此致 read as 辞职 by the word
    # stage, 此次 by the dictionary stage when the model's support is not asked for; 读音)
    assert found("此致") == [] and found("抖音精选连续出现相关页面。") == []
    assert [s for _, s, _ in found("此致", known="accept")] == ["辞职"]
    assert [s for _, s, _ in found("此致", known="accept", word_swaps=False, word_support=0.0)] == ["此次"]


def test_a_name_in_a_list_laid_out_with_spaces_is_left_alone():
    # 有丰 → 有方 was a warning on a published 名单; standing alone between spaces it is a list cell
    assert found("　　　　　毛有丰　　统计局副局长") == []
    # in a sentence the same name is still guessed at (jieba does not take 毛有丰 for a name), as a hint
    assert found("　　　　　毛有丰同志任统计局副局长") == [("有丰", "有方", "info")]


def test_a_character_of_a_longer_dictionary_word_is_left_alone():
    # 坚忍不拔 is a set phrase: the model's 坚韧 (its gain is huge) is not offered
    assert found("二十多年时间里，他以坚忍不拔的劲头，探索科学前沿。") == []
