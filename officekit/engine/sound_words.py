"""Dictionary words by their toneless pinyin: the word a writer meant when a pinyin input method put
two wrong characters into it.

Typing "ping gu" and picking the wrong entry turns 评估 into 平谷, 会议 into 悔意, 预算 into 鱼蒜.
Changing one character of such a pair never makes a word, so a one-character guesser cannot see
them; looking the pair's reading up among dictionary words can.  The index maps a reading
("ping gu": syllables without tones, joined by spaces) to the dictionary words read that way, most
frequent first.  A word is read as pypinyin reads it in context (银行 is "yin hang"); a written
character by its first (commonest) reading only: its rare readings (越 huó, 位 lì, 除 zhù) made as many
wrong guesses on published documents as right ones on odw-dev, and a slip is a common character
picked for the sound that was typed.

Built from jieba's dict.txt and pypinyin on first use (about 1 s for ~40,000 two-character words),
then read from the user cache (a few milliseconds); rebuilt when jieba, pypinyin or this module
changes.
"""

from __future__ import annotations

import bisect
import os
from array import array
from functools import lru_cache

MIN_FREQUENCY = 20  # words rarer than this in jieba's counts are no one's intended word
WORD_LENGTH = 2  # the word stage reads two-character stretches
FIRST_HAN, LAST_HAN = 0x4E00, 0x9FFF
NO_READING = 0  # syllable number of a character pypinyin cannot read
SYLLABLES = 1024  # more than the ~410 toneless syllables of Mandarin: a key is syllable × SYLLABLES + syllable

_MODULE_STAMP = os.stat(__file__).st_mtime_ns


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def words_read_like(text: str) -> list[tuple[str, int]]:
    """(word, its count in jieba's dictionary) for the two-character dictionary words (MIN_FREQUENCY
    or more) that read like `text`, each of its characters read the commonest way, most frequent
    first, `text` itself left out."""
    tables = _tables()
    if tables is None or len(text) != WORD_LENGTH or not all(map(is_han, text)):
        return []
    syllable_of, keys, frequencies, words = tables
    first, second = (syllable_of[ord(ch) - FIRST_HAN] for ch in text)
    if first == NO_READING or second == NO_READING:
        return []
    key = first * SYLLABLES + second
    lo, hi = bisect.bisect_left(keys, key), bisect.bisect_right(keys, key)
    found = ((words[k * WORD_LENGTH:(k + 1) * WORD_LENGTH], frequencies[k]) for k in range(lo, hi))
    return [(w, n) for w, n in found if w != text]


@lru_cache(maxsize=1)
def _tables() -> tuple[array, array, array, str] | None:
    """(syllable number of each character of the CJK block, sorted word keys, the words' counts, the
    words in key order as one string of WORD_LENGTH characters each), or None without jieba's
    dictionary or pypinyin.

    Kept in the user cache as three byte strings and one string, which load in a few milliseconds
    (a dictionary of 55,000 entries took 0.1 s)."""
    import importlib.util
    from pathlib import Path

    from officekit import cache

    jieba_spec = importlib.util.find_spec("jieba")
    pinyin_spec = importlib.util.find_spec("pypinyin")
    if not (jieba_spec and jieba_spec.origin and pinyin_spec and pinyin_spec.origin):
        return None
    dictionary = Path(jieba_spec.origin).parent / "dict.txt"
    phrases = Path(pinyin_spec.origin).parent / "phrases_dict.py"
    if not dictionary.is_file():
        return None
    key = ("v4", _MODULE_STAMP, MIN_FREQUENCY, cache.stat_key(dictionary),
           cache.stat_key(phrases) if phrases.is_file() else "")
    syllables, keys, counts, words = cache.memoized("sound-words", key, lambda: _build(dictionary))
    syllable_of, word_keys, frequencies = array("H"), array("I"), array("I")
    syllable_of.frombytes(syllables)
    word_keys.frombytes(keys)
    frequencies.frombytes(counts)
    return syllable_of, word_keys, frequencies, words


def _build(dictionary) -> tuple[bytes, bytes, bytes, str]:
    from pypinyin import Style, lazy_pinyin, pinyin_dict
    from pypinyin.style import convert

    numbers: dict[str, int] = {}

    def number(syllable: str) -> int:
        return numbers.setdefault(syllable, len(numbers) + 1)  # 0 is NO_READING

    syllable_of = array("H", [NO_READING]) * (LAST_HAN - FIRST_HAN + 1)
    for code, value in pinyin_dict.pinyin_dict.items():
        if FIRST_HAN <= code <= LAST_HAN:
            syllable_of[code - FIRST_HAN] = number(convert(value.split(",")[0], Style.NORMAL, strict=False))
    entries: list[tuple[int, int, str]] = []
    with open(dictionary, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, frequency = parts[0], int(parts[1])
            if frequency >= MIN_FREQUENCY and len(word) == WORD_LENGTH and all(map(is_han, word)):
                first, second = (number(sound) for sound in lazy_pinyin(word))
                entries.append((first * SYLLABLES + second, -frequency, word))
    assert len(numbers) < SYLLABLES
    entries.sort()
    return (syllable_of.tobytes(), array("I", [k for k, _, _ in entries]).tobytes(),
            array("I", [-n for _, n, _ in entries]).tobytes(), "".join(w for _, _, w in entries))
