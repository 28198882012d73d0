"""typo: words from a lexicon of misspellings (`wrong->right, reason`), checked against segmentation.

    wordlist: typos          # rules/wordlists/typos.txt, extended by the office's configuration
    fix: true                # offer the right form as a fix (false: suggestion only, e.g. redundancy)
    safe: true               # the fix may be applied without a human (certain misspellings only)
    segmentation: true       # skip a match that is only part of a different dictionary word
    historical: '废止|停止执行'  # skip a match whose sentence says it is history, or that follows 原 (optional)

The list is compiled once into one alternation, longest entries first; matching is literal.  jieba is
loaded only when a match is found and `segmentation` is on: 既使用 splits into 既 + 使用, so "既使"
there is not the misspelling of 即使.  The message can use {match}, {expected} and {reason}.
"""

from __future__ import annotations

from officekit.engine import matching, wordlists
from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.loader import compile_regex
from officekit.engine.types import Param
from officekit.engine.types._history import former, sentence_around
from officekit.engine.types._words import dictionary_words, pair_table, split_by_other_word


PARAMS = {
    "wordlist": Param("str", required=True, doc="name of a word list of `wrong->right, reason` lines"),
    "fix": Param("bool", default=True, doc="offer the right form as a replacement"),
    "safe": Param("bool", default=False, doc="the replacement is mechanical (unambiguous misspellings)"),
    "segmentation": Param("bool", default=True, doc="ignore matches that are part of another word"),
    "historical": Param("regex", doc="words that make a sentence about the past (a repealed document "
                                     "named as repealed); a match after 原 is skipped too"),
}


def build(rule: RuleSpec):
    p = rule.params
    historical = compile_regex(p["historical"], f"规则 {rule.id} 的 historical") if p.get("historical") else None

    @wordlists.per_config
    def table(ctx: Context):
        entries = pair_table(ctx, p["wordlist"])
        return entries, matching.literal_alternation(entries)

    def check(ctx: Context):
        entries, pattern = table(ctx)
        if pattern is None:
            return
        for span in ctx.spans():
            for m in matching.finditer(pattern, span.text):
                start, end = span.start + m.start(), span.start + m.end()
                if p["segmentation"] and split_by_other_word(dictionary_words(ctx, span.part, span.block), start, end):
                    continue
                if historical is not None and (
                        former(span.text, m.start())
                        or matching.search(historical, sentence_around(span.text, m.start(), m.end()))):
                    continue
                right, reason = entries[m.group(0)]
                yield Hit(span.part, span.block, start, end, suggestion=right,
                          fix=right if p["fix"] else None, safe=bool(p["fix"] and p["safe"]),
                          vars={"expected": right, "reason": reason})

    return check
