"""position: an element set where the 1999 layout put it (e.g. 密级 at the top right), in a .docx.

    forbid_alignment: [right]     # paragraph alignments that are wrong for this element

Plain text has no alignment: the rule is silent there.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {"forbid_alignment": Param("list", required=True)}


def build(rule: RuleSpec):
    wrong = set(rule.params["forbid_alignment"])
    if not wrong:
        raise RuleError(f"规则 {rule.id} 的 forbid_alignment 不能为空")

    def check(ctx: Context):
        for span in ctx.spans():
            block = ctx.draft.block(span.part, span.block)
            if block.props is not None and block.props.alignment in wrong:
                yield Hit(span.part, span.block, span.start, span.end, element=span.element,
                          vars={"alignment": block.props.alignment})

    return check


def example_draft(rule: RuleSpec, example: dict, key: str):
    """An example is the element's text; a `fail` example is set with the first forbidden alignment,
    a `pass` example flush left (the alignment GB/T 9704-2012 gives the 版头 marks)."""
    from officekit.document.model import ParagraphProps
    from officekit.document.text_reader import from_text
    from officekit.structure.model import Draft, ElementSpan

    document = from_text(str(example[key]), f"<{rule.id} example>")
    alignment = rule.params["forbid_alignment"][0] if key == "fail" else "left"
    element = example.get("element") or (rule.elements[0] if rule.elements else "正文")
    for block in document.body:
        block.props = ParagraphProps(alignment=alignment)
    spans = [ElementSpan(element, "body", b.index, 0, len(b.text), b.text) for b in document.body if b.text]
    return Draft(document=document, spans=spans)
