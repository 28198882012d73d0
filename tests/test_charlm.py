"""The character language model: counted from a made-up text by bench/build_charlm.py, read back by
officekit.engine.charlm, and its probabilities checked against Kneser-Ney worked out by hand."""

from __future__ import annotations

import math

import pytest

from bench import build_charlm
from officekit.engine import charlm
from officekit.engine.charlm import BOUNDARY, CharLM

QUANTUM = build_charlm.LP_STEP / 2 + 1e-9  # a stored log probability is within half a step of the true one


def model_of(*texts: str, **pruning) -> CharLM:
    return CharLM(build_charlm.build([(t, 1) for t in texts], **pruning))


def test_kneser_ney_by_hand():
    # runs 甲乙 and 甲丙, padded: BB甲乙B, BB甲丙B.  Trigram counts: BB甲 2, B甲乙 1, 甲乙B 1, B甲丙 1, 甲丙B 1.
    lm = model_of("甲乙。甲丙。", min_trigram=1, min_bigram=1)
    # unigram continuation counts: 甲 1 (after B), 乙 1, 丙 1, B 2 (after 乙, 丙); total 5, vocabulary 4;
    # counts of counts n1 = 3, n2 = 1 → D1 = 3/5.  P(甲) = (1 - 0.6 + 0.6·4/5) / 5 = 0.176
    assert lm.log_prob("甲") == pytest.approx(math.log(0.176), abs=QUANTUM)
    assert lm.log_prob(BOUNDARY) == pytest.approx(math.log((2 - 0.6 + 0.48) / 5), abs=QUANTUM)
    # bigram continuation counts: B甲 2 (run starts: real counts), 甲乙 1, 乙B 1, 甲丙 1, 丙B 1 → D2 = 4/6.
    # P(乙 | 甲) = (1 - 2/3) / 2 + (2/3)·2/2·P(乙) = 0.1667 + 0.1173
    d2 = 4 / 6
    p2 = (1 - d2) / 2 + d2 * 2 / 2 * 0.176
    assert lm.log_prob("甲乙") == pytest.approx(math.log(p2), abs=QUANTUM)
    # trigram: D3 = 4/6 too; P(乙 | B甲) = (1 - D3) / 2 + D3·2/2·P(乙 | 甲)
    p3 = (1 - d2) / 2 + d2 * p2
    assert lm.log_prob(BOUNDARY + "甲乙") == pytest.approx(math.log(p3), abs=QUANTUM)


@pytest.mark.parametrize("pruning", [dict(min_trigram=1, min_bigram=1), dict(min_trigram=2, min_bigram=2)])
def test_each_context_sums_to_one(pruning):
    texts = ["我们学习文件精神。我们学习会议精神，贯彻文件要求。", "认真学习贯彻会议精神，抓好工作落实。"] * 2 + ["学习文件。"]
    lm = model_of(*texts, **pruning)
    vocabulary = {ch for t in texts for ch in t if charlm.is_han(ch)} | {BOUNDARY}
    for context in ["我们", "习文", "会议", BOUNDARY * 2, "好工", "文件", "件精"]:
        total = sum(math.exp(lm.log_prob(context + ch)) for ch in vocabulary)
        # pruned or not, back-off weights keep each distribution at one (up to the one-byte rounding)
        assert total == pytest.approx(1.0, abs=0.1), context


def test_a_swapped_character_is_less_probable():
    lm = model_of("认真贯彻会议精神。", "贯彻会议精神，落实会议要求。", "召开会议，研究工作。")
    scorer = lm.scorer("认真贯彻会义精神。")
    at = "认真贯彻会义精神。".index("义")
    gain = scorer.score(at, "议") - scorer.base(at)
    assert gain > 5
    # the same number from the whole-sentence probability
    assert gain == pytest.approx(lm.sentence_log_prob("认真贯彻会议精神。") - lm.sentence_log_prob("认真贯彻会义精神。"))


def test_unknown_characters_and_runs():
    lm = model_of("学习文件。")
    assert lm.log_prob("鑫") == charlm.UNKNOWN_LOG_PROB
    # non-Chinese characters end a run: 2026 splits the text into two runs, each scored on its own
    assert lm.sentence_log_prob("学习2026文件") == pytest.approx(lm.sentence_log_prob("学习") + lm.sentence_log_prob("文件"))


def test_a_damaged_file_is_refused():
    data = build_charlm.build([("学习文件。", 1)])
    with pytest.raises(ValueError):
        CharLM(b"XXXX" + data[4:])
    with pytest.raises(ValueError):
        CharLM(data[:-1])


def test_the_packaged_model_loads_and_knows_official_prose():
    lm = charlm.model()
    if lm is None:
        pytest.skip("packaged character model not present")
    text = "制定全市交通发展总休方案。"
    at = text.index("休")
    scorer = lm.scorer(text)
    assert scorer.score(at, "体") - scorer.base(at) > 10
