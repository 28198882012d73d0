"""The 版头分隔线 (GB/T 9704-2012 7.2.7): a red line the width of the 版心, 4 mm under the 发文字号.

When the header-line rule (type lines, check: header) finds none at all, the last 版头 line gets a
bottom paragraph border in the rule's colour; a paragraph border already there in another colour is
turned red.  A line drawn as a shape, or one misplaced above the 发文字号, is left for the secretary.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from officekit.document.ooxml import W
from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
from officekit.layout.ooxml_edit import PPR_ORDER, Revisions, child, set_attrs
from officekit.structure.model import Draft

RED = "FF0000"
LINE_EIGHTHS = 12  # 1.5 pt, in eighths of a point: the line's weight, which the standard leaves open
GAP_PT = 11  # 4 mm between the 发文字号 and the line (w:space is in points)
MISSING = "缺少版头分隔线"
NOT_RED = "版头分隔线应为红色"


@dataclass
class SeparatorEdit:
    block: int
    add: bool  # True: add a bottom border; False: recolour the block's existing borders
    rule: str


def separator_edit(draft: Draft, rules: list[RuleSpec], config, skip_blocks: set) -> SeparatorEdit | None:
    for rule in rules:
        if rule.type != "lines" or rule.params.get("check") != "header" or not rule_applies(rule, draft):
            continue
        ctx = Context(draft, rule, config, {})
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s) or s.get("color") != "red":
            continue
        for hit in rule.check(ctx):
            problem = hit.vars.get("problem", "")
            block = draft.block("body", hit.block)
            if ("body", hit.block) in skip_blocks or block.container != "body":
                return None
            if problem.startswith(MISSING):
                return SeparatorEdit(hit.block, True, rule.id)
            if problem.startswith(NOT_RED) and block.props and block.props.borders:
                return SeparatorEdit(hit.block, False, rule.id)
            return None
    return None


def apply_separator(editor, edit: SeparatorEdit, revisions: Revisions) -> str | None:
    paragraph = editor.paragraph("body", edit.block)
    if paragraph is None:
        return "找不到所在段落"
    ppr = revisions.paragraph_props(paragraph.element)
    if ppr is None:
        return "已有他人的段落格式修订，请先处理"
    borders = child(ppr, "pBdr", PPR_ORDER)
    if edit.add:
        bottom = borders.find(W + "bottom")
        if bottom is None:
            bottom = etree.SubElement(borders, W + "bottom")  # pBdr: top, left, bottom … — bottom after them
            _order_borders(borders)
        set_attrs(bottom, {"val": "single", "sz": str(LINE_EIGHTHS), "space": str(GAP_PT), "color": RED})
    else:
        for side in borders:
            if side.get(W + "val") not in (None, "none", "nil"):
                set_attrs(side, {"color": RED, "themeColor": None, "themeShade": None, "themeTint": None})
    return None


_BORDER_ORDER = ("top", "left", "start", "bottom", "right", "end", "between", "bar")


def _order_borders(borders) -> None:
    sides = sorted(borders, key=lambda node: _BORDER_ORDER.index(etree.QName(node).localname)
                   if etree.QName(node).localname in _BORDER_ORDER else len(_BORDER_ORDER))
    for node in sides:
        borders.append(node)
