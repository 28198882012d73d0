"""W302's guards against false alarms on published text: each test shows the same sentence flagged
when the guard is off and quiet when it is on, so a guard that stops working fails a test."""

from __future__ import annotations

import pytest

from officekit.engine import runner
from officekit.engine.types import detector
from tests.test_types_words import draft, rule, texts

GUARDS_OFF = dict(skip_codes=False, quote_penalty=0.0, split_penalty=0.0, parallel_penalty=0.0,
                  numeral_penalty=0.0, word_penalty=0.0, own_char_uses=0)


def suggestions(text: str, **params) -> list[str]:
    """W302's dictionary stage alone unless context_model=True is asked for: these tests are about
    its guards (tests/test_detector_context.py covers the model)."""
    params.setdefault("context_model", False)
    return [f.suggestion for f in runner.run(draft(text), [rule("detector", **params)])]


@pytest.fixture
def any_target_tag(monkeypatch):
    """Let the detector suggest names, numbers and times too (the filter off)."""
    monkeypatch.setattr(detector, "UNLIKELY_TARGET_TAGS", frozenset())
    detector._unlikely_target.cache_clear()
    yield
    detector._unlikely_target.cache_clear()


@pytest.mark.parametrize("text, unguarded, guard", [
    ("4月4日10时起，全国人民默哀3分钟。", "时期", "skip_codes"),            # a time, not 时期
    ("深入开展“银龄行动”，组织医疗卫生人员。", "银铃", "quote_penalty"),     # a quoted campaign name
    ("有利于提振生育水平。", "于是", "split_penalty"),                       # 于 belongs to 有利于
    ("切实做到应救尽救。", "营救", "parallel_penalty"),                      # 应X尽X series
    ("货物通关。货物查验。货物放行。货运。百货。先理货后报关。", "理化", "own_char_uses"),  # 货 is the subject
])
def test_guard_silences_a_published_phrase(text, unguarded, guard, any_target_tag):
    assert unguarded in suggestions(text, **GUARDS_OFF)
    assert suggestions(text) == []
    # and that one guard is what it takes (the others alone leave the guess)
    only = dict(GUARDS_OFF, **{guard: rule("detector").params[guard]})
    assert unguarded not in suggestions(text, **only)


@pytest.mark.parametrize("text, unguarded", [
    ("深入开展“银龄行动”，组织医疗卫生人员。", "银铃"),
    ("有利于提振生育水平。", "于是"),
    ("切实做到应救尽救。", "营救"),
    ("货物通关。货物查验。货物放行。货运。百货。先理货后报关。", "理化"),
])
def test_the_context_model_alone_rejects_these_guesses_too(text, unguarded, any_target_tag):
    # with every guard off, the model reads each "correction" as a worse sentence: not offered
    assert unguarded not in suggestions(text, **dict(GUARDS_OFF, context_model=True))


def test_word_penalty_is_available_but_off():
    # 通畅 is a (rare) dictionary word: with word_penalty the guess needs more gain
    text = "就是要履职到位、流程通畅。"
    assert suggestions(text, context_model=False) == ["通常"]
    assert suggestions(text, context_model=False, word_penalty=3.0) == []
    # the context model reads 流程通常 as a worse sentence than 流程通畅: the guess is never offered
    assert suggestions(text, context_model=True) == []


def test_guards_keep_real_typos():
    d = draft("制定全市交通发展总休方案。\n提请市人大堂务委员会审议。")
    found = runner.run(d, [rule("detector")])
    assert texts(found, d) == ["总休", "堂务"] and [f.suggestion for f in found] == ["总体", "常务"]


def test_no_suggestion_is_a_number_word():
    # 十八代 is a numeral word (m): never suggested, even with the numeral guard off
    assert suggestions("党的十八大以来，各地积极推进。", numeral_penalty=0.0) == []


def test_number_word_suggested_without_the_tag_filter(any_target_tag):
    text = "党的十八大以来，各地积极推进。"
    assert suggestions(text, numeral_penalty=0.0) == ["十八代"]
    assert suggestions(text) == []  # 十 and 八 are numerals: the numeral guard alone silences it


def test_quoted_offsets_pair_marks_on_the_block():
    text = "开展“银龄行动”和“一键报税”，不含“未闭合"
    inside = detector._quoted_offsets(text)
    assert {text.index("银"), text.index("动"), text.index("一"), text.index("税")} <= inside
    assert text.index("和") not in inside and text.index("未") not in inside


def test_code_neighbours():
    assert all(detector._is_code(c) for c in "7Ａ〔〕５") is False  # full-width Latin is not a code mark
    assert all(detector._is_code(c) for c in "7a〔〕５")
    assert not any(detector._is_code(c) for c in "时，“")


def test_jieba_loads_only_when_the_detector_runs():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tests.test_types_words import draft, rule\n"
        "from officekit.engine import runner\n"
        "spec = rule('detector')\n"
        "assert 'jieba' not in sys.modules, 'jieba imported by building the rule'\n"
        "runner.run(draft('制定全市交通发展总休方案。'), [spec])\n"
        "assert 'jieba' in sys.modules\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_scrambled_text_gets_no_guesses():
    """Filler made of shuffled characters (as in formatting test documents) is no prose to guess in:
    without the guard the detector spends seconds on it and reports noise."""
    import random

    source = ("先帝创业未半而中道崩殂今天下三分益州疲弊此诚危急存亡之秋也然侍卫之臣不懈于内忠志之士忘身于外者"
              "盖追先帝之殊遇欲报之于陛下也诚宜开张圣听以光先帝遗德恢弘志士之气")
    chars = list(source)
    random.Random(7).shuffle(chars)
    scrambled = "".join(chars)
    assert suggestions(scrambled, max_loose_share=1.0) != []  # the guard is what silences it
    assert suggestions(scrambled) == []


@pytest.mark.parametrize("text", ["为展示文化特色，我办拟于2026年9月举办文化旅游节。", "现予公布，该局均已办结。"])
def test_one_character_words_of_official_style_are_not_suspects(text):
    assert suggestions(text) == []
