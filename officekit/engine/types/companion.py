"""companion: a matter that calls for a statement somewhere in the element(s) — said once, or not at all.

    needs: '(?:追加|安排)[^。]{0,12}(?:资金|经费)|编制'    # what calls for the statement (searched)
    statement: '已商|经与[^。]{0,30}协商|已征求[^。]{0,30}意见'  # the statement: anywhere in the element(s)

When `needs` matches and `statement` is found nowhere in the rule's element(s), the first match of `needs`
is reported — once a draft: the question is whether the draft says it, not how often it asks.
A 请示 that asks for money in its first paragraph may say 「已商市财政局同意」 in its last one,
which a per-paragraph `pattern` rule with `unless` cannot see.  The message can use {match}.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "needs": Param("regex", required=True, doc="what calls for the statement (searched in each span)"),
    "statement": Param("regex", required=True, doc="the statement that answers it, anywhere in the element(s)"),
}


def build(rule: RuleSpec):
    p = rule.params
    needs = compile_regex(p["needs"], f"规则 {rule.id} 的 needs")
    statement = compile_regex(p["statement"], f"规则 {rule.id} 的 statement")

    def check(ctx: Context):
        spans = [s for s in ctx.spans() if s.text.strip()]
        first = next(((s, m) for s in spans for m in matching.finditer(needs, s.text) if m.end() > m.start()),
                     None)
        if first is None:
            return
        if any(matching.search(statement, s.text) for s in spans):
            return
        s, m = first
        yield Hit(s.part, s.block, s.start + m.start(), s.start + m.end(), element=s.element)

    return check
