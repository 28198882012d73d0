"""Minimal edit spans: the characters a replacement really changes, as Word's document compare shows them.

A fix proposes new text for a span (「云林发[2026]第05号」 → 「云林发〔2026〕5号」).  Retyping the whole span
hides what changed; the secretary should see 「[」→「〔」 and 「]第0」→「〕」 and nothing else.  The pieces come
from a character diff (difflib), then two pieces separated by a single kept character are joined into one
when that reads better: 「不断加强」 → 「持续强化」 is one change, not 「不断加」→「持续」 + 「强」 + 「化」 added;
but two one-for-one swaps (the brackets of 「(一)」 → 「（一）」) stay apart, so the character between them,
perhaps formatted differently, is not rewritten.
"""

from __future__ import annotations

from difflib import SequenceMatcher

# Kept text shorter than this between two changes is folded into one change (unless both are
# single-character swaps): a lone character left standing in the middle of a rewrite reads as noise.
MIN_KEPT_BETWEEN_CHANGES = 2


def _single_swap(old: str, new: str) -> bool:
    return len(old) == 1 and len(new) == 1


def changed_pieces(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changes that turn `old` into `new`: (start, end, replacement) on `old`'s offsets, in order,
    never touching; an insertion has start == end, a deletion an empty replacement."""
    if old == new:
        return []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    pieces: list[list] = []  # [start, end, new_start, new_end] on old and new
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if pieces:
            previous = pieces[-1]
            kept = i1 - previous[1]
            swaps = _single_swap(old[previous[0]:previous[1]], new[previous[2]:previous[3]]) and \
                _single_swap(old[i1:i2], new[j1:j2])
            if kept < MIN_KEPT_BETWEEN_CHANGES and not swaps:
                previous[1], previous[3] = i2, j2
                continue
        pieces.append([i1, i2, j1, j2])
    return [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in pieces]


def edit_spans(text: str, start: int, end: int, replacement: str) -> list[tuple[int, int, str]]:
    """The minimal edits of a fix that replaces text[start:end] with `replacement`, on the block's
    offsets.  A span that runs past the text (a stale location) is one edit of the whole span."""
    if end > len(text) or start > end:
        return [(start, end, replacement)]
    return [(start + a, start + b, piece) for a, b, piece in changed_pieces(text[start:end], replacement)]
