"""enum: a value taken from the element must be one of a closed set.

    values: [绝密, 机密, 秘密]
    extract: '^(\\S+?)(?:★|$)'        # group 1 is the value (optional; default: the whole text)
    hints: {内部: 「内部」不是法定密级}  # targeted messages for known wrong values (optional)
    suggest: {密秘: 秘密}              # a known right value for a wrong one (optional)

The message can use {value} and {values}.

No built-in rule uses it; it is kept for an office's own closed lists (本单位 紧急程度, 文种 of its own
forms).  It is not an alias of `cases`: it takes plain values rather than regular expressions, and it
reports the value itself (the part `extract` picks out), where `cases` reports the whole element.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "values": Param("list", required=True),
    "extract": Param("regex"),
    "hints": Param("dict", default={}),
    "suggest": Param("dict", default={}),
}


def build(rule: RuleSpec):
    p = rule.params
    values = [str(v) for v in p["values"]]
    extract = compile_regex(p["extract"], f"规则 {rule.id} 的 extract") if p.get("extract") else None
    if extract is not None and extract.groups < 1:
        raise RuleError(f"规则 {rule.id} 的 extract 需要一个捕获组")

    def check(ctx: Context):
        for span in ctx.spans():
            text = span.text.strip()
            lead = span.text.find(text) if text else 0
            if extract is not None:
                m = matching.search(extract, text)
                if m is None or m.group(1) is None:
                    continue
                value, offset = m.group(1), m.start(1)
            else:
                value, offset = text, 0
            if not value or value in values:
                continue
            start = span.start + lead + offset
            right = p["suggest"].get(value)
            yield Hit(span.part, span.block, start, start + len(value),
                      message=matching.fill(p["hints"].get(value), {"value": value}),
                      suggestion=right, fix=right,
                      vars={"value": value, "values": "、".join(values), "expected": right or ""})

    return check
