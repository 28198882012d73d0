"""Is a mention plainly about the past?  Shared by outdated (old organ names) and typo (repealed citations).

Not a rule type (the leading underscore keeps it out of the registry).  The judgement is made on the
sentence around the mention (between 。；！？ or line ends): "原农业部", "…已废止", "…停止执行" say that
the text talks about history, not that it uses the old name or relies on the old document.
"""

from __future__ import annotations

SENTENCE_END = "。；！？!?;\n"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end)."""
    lo = max(text.rfind(c, 0, start) for c in SENTENCE_END) + 1
    ends = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    return text[lo:min(ends) if ends else len(text)]


def former(text: str, start: int) -> bool:
    """The mention is preceded by 原 (原农业部, 原《国家行政机关公文处理办法》)."""
    return text[:start].rstrip().endswith("原")
