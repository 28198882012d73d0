"""The 落款 (GB/T 9704-2012 7.3.5.1/7.3.5.2): 署名 and 成文日期 placed as one relation, when the closing
rule (F038, type placement, check: closing) says they are not.

The positions are the rule type's own arithmetic (`placement.closing_layouts`): without a 印章 the 署名
右空二字 and the date's first character two 字 right of the 署名's; a longer date 右空二字 with the 署名
moved left; with a 印章 the date 右空四字 and the 署名 centred over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
from officekit.engine.types import placement
from officekit.layout.paragraphs import TWIPS_PER_PT
from officekit.structure.model import Draft
from officekit.structure.patterns import leading_space_chars

SIGNATURE, DATE = "发文机关署名", "成文日期"


@dataclass
class ClosingEdit:
    block: int  # body block
    right: float  # 字 from the right edge the line should end at
    rule: str


def closing_edits(draft: Draft, rules: list[RuleSpec], config, skip_blocks: set) -> list[ClosingEdit]:
    for rule in rules:
        if rule.type != "placement" or rule.params.get("check") != "closing" or not rule_applies(rule, draft):
            continue
        ctx = Context(draft, rule, config, {})
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s) or not any(True for _ in rule.check(ctx)):
            return []
        lines = placement._closing_line(ctx, SIGNATURE), placement._closing_line(ctx, DATE)
        if None in lines or lines[0][0] is lines[1][0]:
            return []
        (sig_block, _, sig_text), (date_block, _, date_text) = lines
        if ("body", sig_block.index) in skip_blocks or ("body", date_block.index) in skip_blocks:
            return []
        sig_w, date_w = placement.width(sig_text), placement.width(date_text)
        if sig_w is None or date_w is None:
            return []
        layouts = placement.closing_layouts(sig_w, date_w)
        sig_right, date_right = layouts["加盖印章" if draft.has("印章") else "不加盖印章"]
        return [ClosingEdit(sig_block.index, sig_right, rule.id), ClosingEdit(date_block.index, date_right, rule.id)]
    return []


def paragraph_edits_for(block, right: float, unit_pt: float) -> dict:
    """{jc, ind}: the line right-aligned, ending `right` 字 from the edge (its trailing spaces count, as
    the rule measures them); no left or first-line indent, which a right-aligned line does not use."""
    right_indent = max(right - leading_space_chars(block.text[::-1]), 0.0)
    return {"jc": "right", "ind": {
        "left": "0", "leftChars": "0", "firstLine": "0", "firstLineChars": "0", "hanging": None, "hangingChars": None,
        "right": str(round(right_indent * unit_pt * TWIPS_PER_PT)), "rightChars": str(round(right_indent * 100)),
        "start": None, "end": None, "startChars": None, "endChars": None}}
