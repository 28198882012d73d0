"""calendar: every date written in the element is a day that exists (no 2月30日, no 13月).

    (no parameters; the message can use {match})

Only Arabic-numeral dates `YYYY年M月D日` are read; their written form is the business of shape rules.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.structure.facts import dates_in

PARAMS: dict = {}


def build(rule: RuleSpec):
    def check(ctx: Context):
        for span in ctx.spans():
            for date in dates_in(span.text):
                if date.day is None:
                    yield Hit(span.part, span.block, span.start + date.start, span.start + date.end, element=span.element)

    return check
