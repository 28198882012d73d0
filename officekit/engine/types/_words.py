"""Helpers shared by the word types (typo, substitution, confusable, repetition, detector).

Not a rule type (the leading underscore keeps it out of the type registry).  Segmentation goes
through the context (`ctx.segmented`: budget, per-block cache), and only when a check actually needs it.
"""

from __future__ import annotations

import bisect

from officekit.engine import matching
from officekit.engine.rule import Context, RuleError


def pair_table(ctx: Context, name: str) -> dict[str, tuple[str, str]]:
    """A word list of `wrong->right, reason` lines as wrong → (right, reason); a bad line is a RuleError."""
    entries: dict[str, tuple[str, str]] = {}
    for line in ctx.wordlist(name):
        try:
            wrong, right, reason = matching.parse_pair(line)
        except ValueError as exc:
            raise RuleError(f"词表 {name}：{exc}") from None
        entries[wrong] = (right, reason)
    return entries


def dictionary_words(ctx: Context, part: str, block: int) -> list[tuple[str, int]]:
    """Dictionary-only segmentation of a block (no HMM guesses), cached for the whole run."""
    return ctx.segmented("dictionary_words", part, block)


LONGEST_WORD = 32  # characters: no dictionary word is longer


def split_by_other_word(words: list[tuple[str, int]], start: int, end: int) -> bool:
    """True when a dictionary word crosses an edge of [start, end) or strictly contains it.

    Then the matched string is only part of a different, correct word (既使用 = 既 + 使用, 的的确确),
    not the misspelling itself.  Words lying inside the match (布 + 署) do not count.
    """
    # `words` run in text order: look only at those that can reach [start, end) (a long paragraph with
    # many matches must not be scanned whole for each one)
    first = bisect.bisect_left(words, start - LONGEST_WORD, key=lambda w: w[1])
    for word, offset in words[first:]:
        if offset >= end:
            break
        w_end = offset + len(word)
        if w_end <= start:
            continue
        inside = start <= offset and w_end <= end
        if not inside and len(word) > 1:
            return True
    return False

