"""Chinese word segmentation, loaded only when a rule that needs words runs."""

from __future__ import annotations

_tokenizer = None


def _load():
    global _tokenizer
    if _tokenizer is None:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        _tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return _tokenizer


def tokens(text: str) -> list[tuple[str, str, int]]:
    """(word, part of speech, start offset) for each word of `text`."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in _load().cut(text, HMM=True):
        word, flag = pair.word, pair.flag
        out.append((word, flag, pos))
        pos += len(word)
    return out


def is_loaded() -> bool:
    return _tokenizer is not None
