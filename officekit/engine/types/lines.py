"""lines: the separator lines — the red 版头 line under the 发文字号 and the 版记 lines.

    check: header     # a red line below the 发文字号 (or the last 版头 element), above the title:
                      # a paragraph border, a drawn line shape; must be red
    check: record     # 版记: a line above the first and below the last 版记 element (thick,
                      # `thick_pt`), thin lines (`thin_pt`) between its elements

A line is a paragraph border (top/bottom) or a line shape anchored in a paragraph.  Lines drawn as
table borders are not in the document model: when the elements sit in a table the rule says nothing
rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F

PARAMS = {
    "check": Param("str", required=True, choices=("header", "record")),
    "color": Param("str", default="red", choices=("red", "any")),
    "thick_pt": Param("number", default=0.9, doc="a thick line is at least this many points (0.35 mm ≈ 1 pt)"),
    "thin_pt": Param("number", default=0.8, doc="a thin line is at most this many points (0.25 mm ≈ 0.7 pt)"),
    "layout": Param("list", default=[]),
}
HEAD_ELEMENTS = ("份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号", "签发人")
RECORD_ELEMENTS = ("抄送机关", "印发机关和印发日期", "主送机关")

example_draft = F.example_draft


@dataclass
class Line:
    color: str | None
    size_pt: float | None
    block: int


def _block_lines(block, sides=("top", "bottom")) -> list[Line]:
    found = []
    if block.props:
        for side in sides:
            border = block.props.borders.get(side)
            if border and border.style not in ("none", "nil"):
                found.append(Line(border.color, border.size_pt, block.index))
    for shape in block.shapes:
        if shape.kind in ("line", "shape"):
            found.append(Line(shape.color, None, block.index))
    return found


def build(rule: RuleSpec):
    F.check_layouts(rule)

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s):
            return
        yield from (_header if s["check"] == "header" else _record)(ctx, s)

    return check


def _header(ctx: Context, s: dict):
    draft, body = ctx.draft, ctx.document.body
    head = [sp for sp in draft.spans if sp.part == "body" and sp.element in HEAD_ELEMENTS]
    if not head or not draft.has("发文机关标志"):
        return
    anchor = max(head, key=lambda sp: sp.block)
    after = next((sp.block for sp in draft.spans if sp.part == "body" and sp.block > anchor.block
                  and sp.element not in HEAD_ELEMENTS), len(body) + 1)
    if any(body[i - 1].container != "body" for i in range(anchor.block, min(after, len(body) + 1))):
        return  # the 版头 is laid out in a table: its borders are not in the model
    lines: list[Line] = []
    for block in body[: after - 1]:
        if block.index < anchor.block:
            lines += [ln for ln in _block_lines(block, ()) ]  # shapes anchored higher up in the 版头
        elif block.index == anchor.block:
            lines += _block_lines(block, ("bottom",))
        else:
            lines += _block_lines(block)
    if after <= len(body):
        lines += _block_lines(body[after - 1], ("top",))
    where = anchor.block
    if not lines:
        yield Hit("body", where, element="发文字号" if anchor.element == "发文字号" else anchor.element,
                  vars={"problem": "缺少版头分隔线（红色横线）", "element": anchor.element})
        return
    if s["color"] == "red" and not any(F.is_red(ln.color) for ln in lines):
        color = lines[0].color or "自动（黑色）"
        yield Hit("body", lines[0].block, element=anchor.element,
                  vars={"problem": f"版头分隔线应为红色，实为{color}", "element": anchor.element})


def _record(ctx: Context, s: dict):
    draft, body = ctx.draft, ctx.document.body
    record = sorted({sp.block for sp in draft.spans if sp.part == "body" and sp.element in RECORD_ELEMENTS
                     and _in_record(draft, sp)})
    if not record:
        return
    if any(body[i - 1].container != "body" for i in record):
        return  # a 版记 table: its lines are cell borders, not in the model
    first, last = record[0], record[-1]
    element_of = {i: draft.element_at("body", i) for i in record}

    def above(i: int) -> list[Line]:
        found = _block_lines(body[i - 1], ("top",))
        j = i - 1
        while j >= 1 and not found:
            prev = body[j - 1]
            found = _block_lines(prev, ("bottom",) if prev.text.strip() else ("top", "bottom"))
            if prev.text.strip():
                break
            j -= 1
        return found

    def below(i: int) -> list[Line]:
        found = _block_lines(body[i - 1], ("bottom",))
        j = i + 1
        while j <= len(body) and not found:
            nxt = body[j - 1]
            found = _block_lines(nxt, ("top",) if nxt.text.strip() else ("top", "bottom"))
            if nxt.text.strip():
                break
            j += 1
        return found

    for label, lines, where in (("首条", above(first), first), ("末条", below(last), last)):
        if not lines:
            yield Hit("body", where, element=element_of[where], vars={"problem": f"版记缺少{label}分隔线"})
        elif lines[0].size_pt is not None and lines[0].size_pt < s["thick_pt"]:
            yield Hit("body", where, element=element_of[where], severity="warning",
                      vars={"problem": f"版记{label}分隔线应为粗线（推荐 0.35 mm），实为 {_mm(lines[0].size_pt)}"})
    for a, b in zip(record, record[1:]):
        if element_of[a] == element_of[b] or element_of[b] != "印发机关和印发日期":
            continue  # wrapped names of one element; 主送 above 抄送 has no line between (7.4.2)
        between = _block_lines(body[a - 1], ("bottom",)) + _block_lines(body[b - 1], ("top",))
        for k in range(a + 1, b):
            between += _block_lines(body[k - 1])
        if not between:
            yield Hit("body", b, element=element_of[b], vars={"problem": "版记中印发机关和印发日期上方缺少分隔线（细线）"})
        elif between[0].size_pt is not None and between[0].size_pt > s["thin_pt"]:
            yield Hit("body", b, element=element_of[b],
                      vars={"problem": f"版记中间分隔线应为细线（推荐 0.25 mm），实为 {_mm(between[0].size_pt)}"})


def _in_record(draft, span) -> bool:
    """主送 lines count only when they are in the 版记 (a 主送机关 under the title is not)."""
    if span.element != "主送机关":
        return True
    return draft.first("正文") is not None and span.block > draft.first("正文").block


def _mm(points: float) -> str:
    return f"{points * 25.4 / 72:.2f} mm（{points:g} 磅）"
