"""Chinese word segmentation and the word statistics behind it, loaded only when a rule needs words.

All jieba use of officekit goes through this module, so that the segmenter can be swapped (or its
load made cheaper) in one place.  Nothing here is loaded at import time: the first call pays the
load (about one second) and later calls reuse it.
"""

from __future__ import annotations

import math
import threading

_lock = threading.Lock()
_tokenizer = None  # jieba.Tokenizer, dictionary loaded
_pos_tokenizer = None  # jieba.posseg.POSTokenizer over the same dictionary


def _load():
    global _tokenizer, _pos_tokenizer
    if _pos_tokenizer is None:
        with _lock:
            if _pos_tokenizer is None:
                import logging

                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _pos_tokenizer = jieba.posseg.POSTokenizer(tokenizer)
                _tokenizer = tokenizer
    return _pos_tokenizer


def tokens(text: str) -> list[tuple[str, str, int]]:
    """(word, part of speech, start offset) for each word of `text` (jieba with HMM for unknown words)."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in _load().cut(text, HMM=True):
        word, flag = pair.word, pair.flag
        out.append((word, flag, pos))
        pos += len(word)
    return out


def dictionary_words(text: str) -> list[tuple[str, int]]:
    """(word, start offset) using only dictionary words: a string jieba does not know stays in pieces.

    The HMM of `tokens` glues unknown characters into new "words", which hides misspellings; the
    typo detector wants to see them as loose single characters.
    """
    _load()
    out: list[tuple[str, int]] = []
    pos = 0
    for word in _tokenizer.cut(text, HMM=False):
        out.append((word, pos))
        pos += len(word)
    return out


def frequency(word: str) -> int:
    """How often `word` occurs in jieba's dictionary counts; 0 when it is not a word."""
    _load()
    return _tokenizer.FREQ.get(word) or 0


def tag(word: str) -> str | None:
    """The dictionary part of speech of `word` (n, v, nr, ns, …), None when unknown."""
    return _load().word_tag_tab.get(word)


def total() -> int:
    _load()
    return _tokenizer.total


def best_log_probability(text: str) -> float:
    """Log probability of the best dictionary segmentation of `text` (jieba's unigram model)."""
    _load()
    tk = _tokenizer
    dag = tk.get_DAG(text)
    route: dict[int, tuple[float, int]] = {}
    tk.calc(text, dag, route)
    return route[0][0] if text else 0.0


def log_total() -> float:
    return math.log(total())


def is_loaded() -> bool:
    return _pos_tokenizer is not None
