"""pattern: flag every match of a regular expression, optionally with a computed replacement.

    forbid: '(\\d{4})年0(\\d)月'      # what is wrong
    replace: '\\1年\\2月'            # the fix, as a regex replacement of the match (optional)
    translate: {",": "，"}           # or: replace the matched text by looking it up (optional)
    unless: '〔\\d{4}〕'              # skip a span whose text contains this (optional)
    safe: true                      # the fix is mechanical: `officekit fix` may apply it
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "forbid": Param("regex", required=True, doc="regular expression of what is wrong"),
    "replace": Param("str", doc="replacement template for the match (\\1 and \\g<name> refer to groups)"),
    "translate": Param("dict", doc="matched text → replacement"),
    "unless": Param("regex", doc="skip spans whose text contains a match of this"),
    "safe": Param("bool", default=False, doc="the replacement may be applied without review"),
}


def build(rule: RuleSpec):
    p = rule.params
    forbid = compile_regex(p["forbid"], f"规则 {rule.id} 的 forbid")
    unless = compile_regex(p["unless"], f"规则 {rule.id} 的 unless") if p.get("unless") else None
    replace, translate = p.get("replace"), p.get("translate")
    if replace is not None and translate is not None:
        raise RuleError(f"规则 {rule.id} 不能同时有 replace 和 translate")

    def check(ctx: Context):
        for span in ctx.spans():
            if unless is not None and matching.search(unless, span.text):
                continue
            for m in matching.finditer(forbid, span.text):
                if m.end() == m.start():
                    continue
                fixed = None
                if replace is not None:
                    fixed = m.expand(replace)
                elif translate is not None:
                    fixed = translate.get(m.group(0))
                groups = {f"g{i}": g for i, g in enumerate(m.groups(), 1) if g is not None}
                yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(),
                          suggestion=fixed, fix=fixed, safe=bool(p.get("safe")) and fixed is not None,
                          vars={"expected": fixed or "", **groups, **m.groupdict()})

    return check
