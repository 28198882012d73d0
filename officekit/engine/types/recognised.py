"""recognised: what the recogniser noticed about how the draft is put together, reported once.

    check: placeholder     # a template slot left unfilled: [发文单位], 20XX年XX月XX日, ××局, ____ (one
                           # finding a slot; the other text rules leave the slot to this one)
    check: main_to_in_text # the 主送 written at the start of the first paragraph (支队领导：为进一步……)

The recogniser reads generously (a faulty line is still the element it stands for); these checks say
what was faulty about the way it was written, where no other rule type can see it.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.structure.placeholders import VALUE_ELEMENTS

PARAMS = {
    "check": Param("str", required=True, choices=("placeholder", "main_to_in_text")),
}


def build(rule: RuleSpec):
    which = rule.params["check"]

    def check(ctx: Context):
        yield from (_placeholders if which == "placeholder" else _main_to_in_text)(ctx)

    return check


def _placeholders(ctx: Context):
    wanted = set(ctx.rule.elements)
    for block in ctx.document.body:
        if not block.text:
            continue
        reported: set[tuple[int, int]] = set()
        for slot in ctx.draft.placeholders("body", block.index):
            element = ctx.draft.element_at("body", block.index, slot.start)
            if wanted and element not in wanted:
                continue
            span = next((s for s in ctx.draft.elements_of_block("body", block.index)
                         if s.element in VALUE_ELEMENTS and s.start <= slot.start < s.end), None)
            start, end = (span.start, span.end) if span else (slot.start, slot.end)
            if (start, end) not in reported:
                reported.add((start, end))
                yield Hit("body", block.index, start, end, element=element)


def _main_to_in_text(ctx: Context):
    for span in ctx.draft.all("主送机关"):
        others = [s for s in ctx.draft.elements_of_block(span.part, span.block) if s.element == "正文"]
        if others and others[0].start >= span.end:
            yield Hit(span.part, span.block, span.start, span.end, element="主送机关")
