"""calendar: every date written in the element is a day that exists (no 2月30日, no 13月).

    (no parameters; the message can use {match})

Only Arabic-numeral dates `YYYY年M月D日` are read; their written form is the business of shape rules.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types._organs import dates_in

PARAMS: dict = {}


def build(rule: RuleSpec):
    def check(ctx: Context):
        for span in ctx.spans():
            for m, day in dates_in(span.text):
                if day is None:
                    yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(), element=span.element)

    return check
