"""occurrence: how often a pattern occurs in the element(s), read as one text.

    pattern: '妥否|当否|请批示|请批复'   # what to count
    min: 1        # fewer: flag the element's last line (e.g. a 请示 without a request ending)
    max: 1        # more: flag the first occurrence over the limit (e.g. two request endings)
    last: 3       # only the element's last N lines count (endings sit at the end); 0 = all

The message can use {count}, {min} and {max}.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "pattern": Param("regex", required=True),
    "min": Param("int"),
    "max": Param("int"),
    "last": Param("int", default=0),
}


def build(rule: RuleSpec):
    p = rule.params
    if p.get("min") is None and p.get("max") is None:
        raise RuleError(f"规则 {rule.id} 需要 min 或 max")
    pattern = compile_regex(p["pattern"], f"规则 {rule.id} 的 pattern")

    def check(ctx: Context):
        spans = [s for s in ctx.spans() if s.text.strip()]
        if not spans:
            return
        if p["last"]:
            spans = spans[-p["last"]:]
        found = [(s, m) for s in spans for m in matching.finditer(pattern, s.text) if m.end() > m.start()]
        count = len(found)
        facts = {"count": count, "min": p.get("min"), "max": p.get("max")}
        if p.get("min") is not None and count < p["min"]:
            s = spans[-1]
            yield Hit(s.part, s.block, s.start, s.end, element=s.element, vars={**facts, "match": s.text})
        if p.get("max") is not None and count > p["max"]:
            s, m = found[p["max"]]
            yield Hit(s.part, s.block, s.start + m.start(), s.start + m.end(), element=s.element, vars=facts)

    return check
