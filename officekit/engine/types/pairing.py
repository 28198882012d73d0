"""Paired marks: unbalanced halves and wrong nesting (GB/T 15834-2011 4.8, 4.9, 4.15).

`pairs` lists the pairs as two-character strings ("“”", "《》", …).  Pairs balance within a paragraph,
with two allowances real documents need:
  * a long quotation over several paragraphs opens every paragraph with “ and closes only the last
    one (GB/T 15834-2011 4.8.3): an opener left open is fine when the next paragraph opens with it;
  * a title or a name broken over lines (《…\\n…》): an opener may be closed within the next
    `carry` paragraphs;
  * a quoted passage of several paragraphs (an amended article: 修改为：“…\\n（一）…\\n（二）…”):
    the multi-paragraph openers may be closed within the next `quote_carry` paragraphs.
`report` chooses what the rule reports: `unbalanced` (a half without its partner, or pairs that
cross) or `nesting` (an inner pair that must not sit directly inside an outer one, listed in
`wrong_nesting` as outer+inner openers, e.g. "‘“" = double quotes inside single ones).
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.engine.rule import Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._cjk import inside, protected_spans

PARAMS = {
    "pairs": Param("list", required=True, doc="two-character strings: opener and closer"),
    "report": Param("str", default="unbalanced", choices=("unbalanced", "nesting")),
    "wrong_nesting": Param("list", default=[], doc="outer+inner openers that must not nest directly, e.g. ‘“"),
    "multi_paragraph": Param("str", default="“‘", doc="openers a long quotation repeats at each paragraph start"),
    "carry": Param("int", default=2, doc="how many following paragraphs may close an opener left open"),
    "quote_carry": Param("int", default=30, doc="the same for the multi_paragraph openers (quoted passages)"),
}


# Half-width brackets count as their full-width twins when balancing: "（市、区)" is one pair with a
# width problem (reported by the width rules), not two unbalanced halves.
_TWINS = {"(": "（", ")": "）", "[": "［", "]": "］"}


@dataclass
class _Open:
    char: str
    part: str
    block: int
    start: int  # block offset
    age: int = 0  # paragraphs it has been carried over


def build(rule: RuleSpec):
    p = rule.params
    pairs = p["pairs"]
    if not all(isinstance(x, str) and len(x) == 2 for x in pairs):
        raise RuleError("pairs 的每一项应为两个字符：前半和后半，如 “” 或 《》")
    closes = {x[0]: x[1] for x in pairs}  # opener → its closer
    opens = {x[1]: x[0] for x in pairs}  # closer → its opener
    wrong_nesting = set()
    for x in p.get("wrong_nesting") or []:
        if not (isinstance(x, str) and len(x) == 2 and x[0] in closes and x[1] in closes):
            raise RuleError(f"wrong_nesting 的每一项应为两个已列出的前半符号（外层+内层），{x!r} 不是")
        wrong_nesting.add(x)
    report = p.get("report") or "unbalanced"
    repeated = set(p.get("multi_paragraph") or "")
    carry = int(p.get("carry") if p.get("carry") is not None else 2)
    quote_carry = int(p.get("quote_carry") if p.get("quote_carry") is not None else 30)

    def unbalanced(ctx):
        pending: list[_Open] = []  # openers left open by earlier paragraphs
        last_part = None
        for span in ctx.spans():
            if last_part is not None and last_part != span.part:
                yield from _unclosed(pending)  # another part (header/footer): nothing can close them
                pending = []
            last_part = span.part
            text = span.text
            zones = protected_spans(text, ("url", "email", "docnumber"))
            stripped = text.lstrip()
            # a long quotation: this paragraph reopens what the previous one left open
            if stripped and stripped[0] in repeated and any(o.char == stripped[0] for o in pending):
                pending = [o for o in pending if o.char != stripped[0]]
            stack: list[_Open] = []
            for i, ch in enumerate(text):
                ch = _TWINS.get(ch, ch)
                if ch not in closes and ch not in opens:
                    continue
                if inside(zones, i, i + 1):
                    continue
                if ch in closes:  # an opener
                    stack.append(_Open(ch, span.part, span.block, span.start + i))
                    continue
                want = opens[ch]
                if stack and stack[-1].char == want:
                    stack.pop()
                elif any(o.char == want for o in stack):
                    # pairs cross, e.g. （《）》: whatever was opened after the partner is left unclosed
                    while stack[-1].char != want:
                        yield _hit_unclosed(stack.pop(), closes)
                    stack.pop()
                elif not stack and any(o.char == want for o in pending):
                    while pending[-1].char != want:
                        pending.pop()  # inner openers of a closed carried pair: give them the benefit
                    pending.pop()
                else:
                    yield Hit(span.part, span.block, span.start + i, span.start + i + 1,
                              message=f"后半“{ch}”前面没有对应的前半“{want}”",
                              suggestion=f"补上“{want}”或删去多余的“{ch}”", vars={"pair": want + ch})
            kept = []
            for o in pending:
                o.age += 1
                if o.age > (quote_carry if o.char in repeated else carry):
                    yield _hit_unclosed(o, closes)
                else:
                    kept.append(o)
            pending = kept + stack
        yield from _unclosed(pending)

    def _unclosed(pending):
        for o in pending:
            yield _hit_unclosed(o, closes)

    def nesting(ctx):
        for span in ctx.spans():
            stack: list[str] = []
            zones = protected_spans(span.text, ("url", "email", "docnumber"))
            for i, ch in enumerate(span.text):
                if inside(zones, i, i + 1):
                    continue
                if ch in closes:
                    if stack and stack[-1] + ch in wrong_nesting:
                        outer = stack[-1]
                        yield Hit(span.part, span.block, span.start + i, span.start + i + 1,
                                  vars={"outer": outer + closes[outer], "inner": ch + closes[ch]})
                    stack.append(ch)
                elif ch in opens and stack and stack[-1] == opens[ch]:
                    stack.pop()

    return unbalanced if report == "unbalanced" else nesting


def _hit_unclosed(o: _Open, closes) -> Hit:
    close = closes[o.char]
    return Hit(o.part, o.block, o.start, o.start + 1, message=f"前半“{o.char}”没有对应的后半“{close}”",
               suggestion=f"补上“{close}”或删去多余的“{o.char}”", vars={"pair": o.char + close})
