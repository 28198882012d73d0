"""mark_top: how far the 发文机关标志's top edge is from the top of the 版心 (文件: 35 mm, 7.2.4; 命令:
20 mm, 10.2; 纪要: 35 mm, 10.3) or from the paper's top edge (信函: 30 mm, 10.1).

    measure_from: text      # text = the top of the 版心 (the top margin); paper = the paper's edge
    distance_mm: 35
    tolerance_mm: 8

A .docx does not store where a line lands; it can only be estimated from what stands above the 标志 on
page 1 — the empty lines (份号 and 密级 lines too) with their line spacing, and space before/after.  The
estimate is made only when every line above has a known height (exact or at-least spacing, or single
spacing on a document grid) and the 标志 is an ordinary paragraph of the body: a 标志 in a text box, a
table, a picture or a frame is placed by its own position, which the model does not hold, and the rule
says nothing.  Messages say that the value is an estimate.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit
from officekit.engine.types import Param
from officekit.engine.types import _format as F

PARAMS = {
    "measure_from": Param("str", default="text", choices=("text", "paper")),
    "distance_mm": Param("number", required=True),
    "tolerance_mm": Param("number", default=8, doc="the estimate is good to about half a line"),
    "layout": Param("list", default=[]),
}

example_draft = F.example_draft

PT_TO_MM = 25.4 / 72


def _judge(ctx: Context, s: dict):
    mark = ctx.draft.first("发文机关标志")
    if mark is None or mark.part != "body":
        return
    estimate = estimate_top_mm(ctx, mark.block)
    if estimate is None:
        return
    top_mm, lines_above = estimate
    where = "版心上边缘"
    if s["measure_from"] == "paper":
        sections = ctx.document.sections
        margin = sections[0].margin_top_mm if sections else None
        if margin is None:
            return
        top_mm += margin
        where = "纸张上边缘"
    want = float(s["distance_mm"])
    if abs(top_mm - want) <= float(s["tolerance_mm"]):
        return
    basis = f"按其上 {lines_above} 行及段前段后距估算" if lines_above else "按段前距估算"
    yield Hit("body", mark.block, mark.start, mark.end, element="发文机关标志",
              vars={"edge": where, "expected": f"{want:g}", "basis": basis, "actual": f"{top_mm:.0f}"})


build = F.build_check(_judge)


def estimate_top_mm(ctx: Context, mark_index: int) -> tuple[float, int] | None:
    """(estimated distance in mm from the top of the 版心 to the top of the 标志's characters, number of
    lines above it), or None when it cannot be estimated."""
    body = ctx.document.body
    mark = body[mark_index - 1]
    if mark.container != "body" or mark.index > 1 and any(b.page_break_before for b in body[1:mark_index]):
        return None
    total_pt, lines = 0.0, 0
    for block in body[: mark_index - 1]:
        if block.container != "body" or any(sh.kind in ("textbox", "picture") for sh in block.shapes):
            return None  # something placed by its own position: the flow above the 标志 is not known
        height = line_height_pt(ctx, block)
        if height is None:
            return None
        count = block.text.count("\n") + 1
        total_pt += height * count + _space(block, "before") + _space(block, "after")
        lines += count
    if any(sh.kind in ("textbox", "picture") for sh in mark.shapes):
        return None
    own = line_height_pt(ctx, mark)
    if own is None:
        return None
    size = F.main_size(mark)
    # the characters sit in the middle of their line when the line is taller than the type
    total_pt += _space(mark, "before") + max(own - size, 0) / 2
    return total_pt * PT_TO_MM, lines


def _space(block, which: str) -> float:
    value = getattr(block.props, f"space_{which}_pt", None) if block.props else None
    return value or 0.0


def line_height_pt(ctx: Context, block) -> float | None:
    """The height of one line of the block, when the resolved spacing tells it."""
    props = block.props
    if props is None:
        return None
    size = F.main_size(block)
    if props.line_rule == "exact" and props.line_value:
        return props.line_value
    if props.line_rule == "atLeast" and props.line_value and props.line_value >= size * 1.3:
        return props.line_value
    sections = ctx.document.sections
    section = sections[block.section] if 0 <= block.section < len(sections) else None
    pitch = section.grid_line_pitch_pt if section and section.grid_type in ("lines", "linesAndChars") else None
    if props.line_rule in (None, "auto") and pitch and (props.line_value or 1.0) <= 1.05 and size * 1.3 <= pitch:
        return pitch  # single spacing on a line grid: one grid line
    return None
