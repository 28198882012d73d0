"""substitution: words that should be written another way, from an inline table or a word list.

    swap: {党中央国务院: 党中央、国务院}      # wrong → right (optional)
    wordlist: typos                          # rules/wordlists/typos.txt, lines `wrong->right, reason`
    safe: true                               # replacements are mechanical
    ignore_if_in: [的确]                      # a longer correct word containing a match (optional)

All entries are compiled into one alternation, longest first; matching is literal (no word boundaries).
The message can use {match}, {expected} and {reason}.
"""

from __future__ import annotations

from officekit.engine import matching, wordlists
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._words import pair_table

PARAMS = {
    "swap": Param("dict", doc="wrong → right"),
    "wordlist": Param("str", doc="name of a word list of `wrong->right, reason` lines"),
    "safe": Param("bool", default=False),
    "ignore_if_in": Param("list", default=[], doc="longer correct words that contain a wrong form"),
}


def build(rule: RuleSpec):
    p = rule.params
    if not p.get("swap") and not p.get("wordlist"):
        raise RuleError(f"规则 {rule.id} 需要 swap 或 wordlist")
    inline = {str(k): (str(v), "") for k, v in (p.get("swap") or {}).items()}
    ignore = matching.literal_alternation(p.get("ignore_if_in") or [])

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
                right, reason = entries[m.group(0)]
                yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(),
                          suggestion=right, fix=right, safe=bool(p.get("safe")),
                          vars={"expected": right, "reason": reason})

    return check
