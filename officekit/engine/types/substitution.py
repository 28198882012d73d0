"""substitution: words that should be written another way, from an inline table or a word list.

    swap: {党中央国务院: 党中央、国务院}      # wrong → right (optional)
    wordlist: typos                          # rules/wordlists/typos.txt, lines `wrong->right, reason`
    fix: true                                # offer the right form as a fix (false: a suggestion only)
    safe: true                               # the fix may be applied without a human
    ignore_if_in: [的确]                      # a longer correct word containing a match (optional)
    segmentation: false                      # true: skip a match that is only part of another word
    historical: '废止|停止执行'                # skip a match whose sentence says it is history, or that
                                             # follows 原 (optional)

All entries are compiled into one alternation, longest first; matching is literal (no word boundaries).
With `segmentation`, jieba is loaded only when a match is found: 既使用 splits into 既 + 使用, so
"既使" there is not the misspelling of 即使.  The message can use {match}, {expected} and {reason}.

Alias `typo` (the misspelling lexicons): `wordlist` is required and `segmentation` is on by default.
"""

from __future__ import annotations

from officekit.engine import matching, wordlists
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Alias, Param
from officekit.engine.types._history import former, sentence_around
from officekit.engine.types._words import dictionary_words, pair_table, split_by_other_word

PARAMS = {
    "swap": Param("dict", doc="wrong → right"),
    "wordlist": Param("str", doc="name of a word list of `wrong->right, reason` lines"),
    "fix": Param("bool", default=True, doc="offer the right form as a replacement"),
    "safe": Param("bool", default=False, doc="the replacement is mechanical (unambiguous misspellings)"),
    "ignore_if_in": Param("list", default=[], doc="longer correct words that contain a wrong form"),
    "segmentation": Param("bool", default=False, doc="ignore matches that are part of another word"),
    "historical": Param("regex", doc="words that make a sentence about the past (a repealed document "
                                     "named as repealed); a match after 原 is skipped too"),
}

ALIASES = {
    "typo": Alias(defaults={"segmentation": True}, required=("wordlist",),
                  doc="a lexicon of misspellings, checked against segmentation"),
}


def build(rule: RuleSpec):
    p = rule.params
    if not p.get("swap") and not p.get("wordlist"):
        raise RuleError(f"规则 {rule.id} 需要 swap 或 wordlist")
    inline = {str(k): (str(v), "") for k, v in (p.get("swap") or {}).items()}
    ignore = matching.literal_alternation(p.get("ignore_if_in") or [])
    historical = compile_regex(p["historical"], f"规则 {rule.id} 的 historical") if p.get("historical") else None
    offer_fix = p.get("fix", True)
    safe = bool(offer_fix and p.get("safe"))

    @wordlists.per_config
    def table(ctx: Context):
        entries = {**inline, **(pair_table(ctx, p["wordlist"]) if p.get("wordlist") else {})}
        return entries, matching.literal_alternation(entries)

    def check(ctx: Context):
        entries, pattern = table(ctx)
        if pattern is None:
            return
        for span in ctx.spans():
            shielded = [(m.start(), m.end()) for m in matching.finditer(ignore, span.text)] if ignore else []
            for m in matching.finditer(pattern, span.text):
                if any(a <= m.start() and m.end() <= b for a, b in shielded):
                    continue
                start, end = span.start + m.start(), span.start + m.end()
                if p.get("segmentation") and split_by_other_word(dictionary_words(ctx, span.part, span.block), start, end):
                    continue
                if historical is not None and (
                        former(span.text, m.start())
                        or matching.search(historical, sentence_around(span.text, m.start(), m.end()))):
                    continue
                right, reason = entries[m.group(0)]
                yield Hit(span.part, span.block, start, end, suggestion=right,
                          fix=right if offer_fix else None, safe=safe,
                          vars={"expected": right, "reason": reason})

    return check
