"""repetition: a character or word written twice by mistake (的的, 我们我们, a word repeated over a line break).

    chars: 的了是在和对把被与及      # characters whose doubling is a slip (的的), unless part of a word (的的确确)
    words: true                    # the same word of two or more characters twice in a row (我们我们);
                                   # not 一项一项 (one by one) nor inside a formula (α-乙酰乙酰苯胺)
    across_blocks: true            # last word of a paragraph = first word of the next (a broken line)

jieba decides what a word is: 不了了之 and 的的确确 are words, so their doubled characters are not slips.
The suggestion is the text written once; the fix (never safe) removes the second copy.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._words import dictionary_words, split_by_other_word


PARAMS = {
    "chars": Param("str", default="的了是在和对把被与及或也都就将从向于为", doc="characters whose doubling is a slip"),
    "words": Param("bool", default=True, doc="flag a word of 2+ characters written twice in a row"),
    "across_blocks": Param("bool", default=True, doc="flag a word repeated over a paragraph break"),
}


# 一项一项、一件一件: numeral + classifier said twice is a normal way to say "one by one".
COUNTING = set("一二两三四五六七八九十百千万几每")


def _is_han_word(word: str) -> bool:
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def build(rule: RuleSpec):
    p = rule.params
    doubled_chars = set(p["chars"])

    def check(ctx: Context):
        previous = None  # (part, block, last word) of the previous span
        for span in ctx.spans():
            text = ctx.block_text(span.part, span.block)
            words = dictionary_words(ctx, span.part, span.block)
            inside = [(w, o) for w, o in words if span.start <= o and o + len(w) <= span.end]
            # 的的: the same character twice, not as part of a real word
            for k in range(span.start, span.end - 1):
                ch = text[k]
                if ch in doubled_chars and text[k + 1] == ch:
                    if not split_by_other_word(words, k, k + 2):
                        yield Hit(span.part, span.block, k, k + 2, suggestion=ch, fix=ch,
                                  vars={"expected": ch, "what": ch})
            # 我们我们: the same word twice in a row
            if p["words"]:
                for (w1, o1), (w2, o2) in zip(inside, inside[1:]):
                    before = ctx.block_text(span.part, span.block)[o1 - 1:o1] if o1 else ""
                    if (w1 == w2 and len(w1) >= 2 and _is_han_word(w1) and w1[0] not in COUNTING
                            and not (before and before.isascii() and before.strip())):
                        yield Hit(span.part, span.block, o1, o2 + len(w2), suggestion=w1, fix=w1,
                                  vars={"expected": w1, "what": w1})
            # a word repeated over a paragraph break: "…加强\n加强…"
            if p["across_blocks"] and previous is not None and inside:
                prev_part, prev_block, prev_word = previous
                first, offset = inside[0]
                if (prev_part == span.part and prev_block + 1 == span.block and prev_word == first
                        and _is_han_word(first)):
                    yield Hit(span.part, span.block, offset, offset + len(first), suggestion="", fix="",
                              vars={"expected": "删去重复的“" + first + "”", "what": first})
            last = inside[-1][0] if inside and span.end == len(ctx.block_text(span.part, span.block)) else None
            previous = (span.part, span.block, last) if last else None

    return check
