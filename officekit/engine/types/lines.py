"""lines: the separator lines — the red 版头 line under the 发文字号 and the 版记 lines.

    check: header     # a red line below the 发文字号 (or the last 版头 element), above the title:
                      # a paragraph border, a drawn line shape; must be red
    check: record     # 版记: a line above the first and below the last 版记 element (thick,
                      # `thick_pt`), thin lines (`thin_pt`) between its elements
    check: letter     # 信函格式: a red double line (thick over thin) under the 发文机关标志 (10.1): a
                      # double-line border, or two lines (borders or drawn lines), between the 标志 and
                      # the title, or drawn in the first-page header

A line is a paragraph border (top/bottom), a line shape anchored in a paragraph, or a border of the
table cell a paragraph sits in (Block.cell_borders: the cell's top edge counts above the first paragraph
of the cell, its bottom edge below the last one) — a 版记 in a one-column table is very common.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.engine.types import _wording

PARAMS = {
    "check": Param("str", required=True, choices=("header", "record", "letter")),
    "color": Param("str", default="red", choices=("red", "any")),
    "thick_pt": Param("number", default=0.9, doc="a thick line is at least this many points (0.35 mm ≈ 1 pt)"),
    "thin_pt": Param("number", default=0.8, doc="a thin line is at most this many points (0.25 mm ≈ 0.7 pt)"),
    "layout": Param("list", default=[]),
    "skip_marks": Param("regex", doc="check: header — drafts whose 发文机关标志 matches are not judged "
                                      "(a 公告/通告 mark names the 文种 and is printed without the separator)"),
    "wording": _wording.WORDING,
}
# what each check can find wrong; the rule's `wording` says each in words (see _wording)
CASES = {
    "header": ("misplaced", "missing", "not_red"),
    "record": ("outer_missing", "outer_thin", "middle_missing", "middle_thick"),
    "letter": ("missing", "not_red", "single"),
}
HEAD_ELEMENTS = ("份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号", "签发人")
RECORD_ELEMENTS = ("抄送机关", "印发机关和印发日期", "主送机关")

example_draft = F.example_draft


@dataclass
class Line:
    color: str | None
    size_pt: float | None
    block: int
    style: str = "single"


DOUBLE_STYLES = ("double", "thickThin", "thinThick", "triple")  # prefixes of w:val that draw two lines


def _drawn(border) -> bool:
    return border is not None and border.style not in ("none", "nil")


class _Lines:
    """The lines drawn around the body blocks of a document.

    Word draws paragraph borders per *group*: consecutive paragraphs with the same borders and indents
    share one box — its top above the first, its bottom below the last, and the `between` border
    between them (a 版记 typed as three paragraphs with thick top/bottom and a thin between line).
    A table cell's top edge lies above the cell's first paragraph and its bottom edge below its last.
    """

    def __init__(self, body):
        self.body = body
        self.first_in_cell: set[int] = set()
        self.last_in_cell: set[int] = set()
        previous = None
        for block in body:
            cell = block.table if block.container == "table" else None
            if cell is not None and cell != previous:
                self.first_in_cell.add(block.index)
            if previous is not None and cell != previous:
                self.last_in_cell.add(block.index - 1)
            previous = cell
        if previous is not None and body:
            self.last_in_cell.add(body[-1].index)

    def _grouped(self, a: int, b: int) -> bool:
        """Whether blocks a and b (= a + 1) share one paragraph-border box."""
        if a < 1 or b > len(self.body):
            return False
        x, y = self.body[a - 1], self.body[b - 1]
        if not (x.props and y.props and x.props.borders) or x.props.borders != y.props.borders:
            return False
        same_indent = all(getattr(x.props, k) == getattr(y.props, k)
                          for k in ("left_pt", "left_chars", "right_pt", "right_chars"))
        return same_indent and x.container == y.container and x.table == y.table

    def of(self, index: int, sides=("top", "bottom")) -> list[Line]:
        """Lines on the given sides of block `index`, and line shapes anchored in it."""
        block = self.body[index - 1]
        found: list[Line] = []
        borders = block.props.borders if block.props else {}
        for side in sides:
            neighbour = index - 1 if side == "top" else index + 1
            grouped = self._grouped(min(index, neighbour), max(index, neighbour))
            border = borders.get("between" if grouped else side)
            if _drawn(border):
                found.append(Line(border.color, border.size_pt, index, border.style))
            in_cell_edge = index in (self.first_in_cell if side == "top" else self.last_in_cell)
            cell_border = block.cell_borders.get(side) if in_cell_edge else None
            if _drawn(cell_border):
                found.append(Line(cell_border.color, cell_border.size_pt, index, cell_border.style))
        for shape in block.shapes:
            if shape.kind in ("line", "shape"):
                found.append(Line(shape.color, None, index))
        return found

    def form_cell(self, index: int) -> bool:
        """A cell of a form (明传电报 and the like), whose borders are a grid or field underlines, not
        separator lines: it has vertical borders, or other cells of its row hold text too."""
        block = self.body[index - 1]
        if block.container != "table" or block.table is None:
            return False
        if any(_drawn(block.cell_borders.get(side)) for side in ("left", "right")):
            return True
        table, row, _ = block.table
        return any(other.container == "table" and other.table is not None and other.table[:2] == (table, row)
                   and other.table != block.table and other.text.strip() for other in self.body)


def build(rule: RuleSpec):
    F.check_layouts(rule)
    _wording.require(rule, CASES[rule.params["check"]])
    skip_marks = compile_regex(rule.params["skip_marks"], f"规则 {rule.id} 的 skip_marks") \
        if rule.params.get("skip_marks") else None

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s):
            return
        if s["check"] == "header":
            mark = ctx.draft.first("发文机关标志")
            if skip_marks is not None and mark is not None and matching.search(skip_marks, mark.text.strip()):
                return
            yield from _header(ctx, s)
        elif s["check"] == "letter":
            yield from _letter(ctx, s)
        else:
            yield from _record(ctx, s)

    return check


def _header(ctx: Context, s: dict):
    draft, body = ctx.draft, ctx.document.body
    head = [sp for sp in draft.spans if sp.part == "body" and sp.element in HEAD_ELEMENTS]
    if not head or not draft.has("发文机关标志"):
        return
    anchor = max(head, key=lambda sp: sp.block)
    after = next((sp.block for sp in draft.spans if sp.part == "body" and sp.block > anchor.block
                  and sp.element not in HEAD_ELEMENTS), len(body) + 1)
    around = _Lines(body)
    if any(around.form_cell(sp.block) for sp in head):
        return  # the 版头 is a form drawn as a grid (明传电报): its cell borders are not a separator line
    lines: list[Line] = []
    for block in body[: after - 1]:
        if block.index < anchor.block:
            lines += around.of(block.index, ())  # shapes anchored higher up in the 版头
        elif block.index == anchor.block:
            lines += around.of(block.index, ("bottom",))
        else:
            lines += around.of(block.index)
    if after <= len(body):
        lines += around.of(after, ("top",))
    where = anchor.block
    if not lines:
        above = _borders_above(around, body, anchor.block)
        if above:  # a line drawn, but above the 发文字号 (under the 发文机关标志): misplaced, not missing
            yield Hit("body", above[0].block, element=anchor.element, vars={
                "problem": _wording.say(ctx, "misplaced", element=anchor.element), "element": anchor.element})
            return
        yield Hit("body", where, element="发文字号" if anchor.element == "发文字号" else anchor.element,
                  vars={"problem": _wording.say(ctx, "missing"), "element": anchor.element})
        return
    if s["color"] == "red" and not any(F.is_red(ln.color) for ln in lines):
        color = lines[0].color or "自动（黑色）"
        yield Hit("body", lines[0].block, element=anchor.element,
                  vars={"problem": _wording.say(ctx, "not_red", color=color), "element": anchor.element})


def _borders_above(around: "_Lines", body, anchor: int) -> list[Line]:
    """Paragraph borders above the last 版头 line: the bottom or top border of a 版头 block before it, or
    the top border of that line itself."""
    found: list[Line] = []
    for block in body[: anchor - 1]:
        found += [ln for ln in around.of(block.index, ("top", "bottom")) if ln.block == block.index]
    return found + around.of(anchor, ("top",))


def _record(ctx: Context, s: dict):
    draft, body = ctx.draft, ctx.document.body
    record = sorted({sp.block for sp in draft.spans if sp.part == "body" and sp.element in RECORD_ELEMENTS
                     and _in_record(draft, sp)})
    if not record:
        return
    around = _Lines(body)
    first, last = record[0], record[-1]
    element_of = {i: draft.element_at("body", i) for i in record}

    def above(i: int) -> list[Line]:
        found = around.of(i, ("top",))
        j = i - 1
        while j >= 1 and not found:
            prev = body[j - 1]
            found = around.of(j, ("bottom",) if prev.text.strip() else ("top", "bottom"))
            if prev.text.strip():
                break
            j -= 1
        return found

    def below(i: int) -> list[Line]:
        found = around.of(i, ("bottom",))
        j = i + 1
        while j <= len(body) and not found:
            nxt = body[j - 1]
            found = around.of(j, ("top",) if nxt.text.strip() else ("top", "bottom"))
            if nxt.text.strip():
                break
            j += 1
        return found

    outer = (("首条", above(first), first), ("末条", below(last), last))
    outer_sizes = [lines[0].size_pt for _, lines, _ in outer if lines and lines[0].size_pt is not None]
    for label, lines, where in outer:
        if not lines:
            yield Hit("body", where, element=element_of[where],
                      vars={"problem": _wording.say(ctx, "outer_missing", which=label)})
        elif lines[0].size_pt is not None and lines[0].size_pt < s["thick_pt"]:
            yield Hit("body", where, element=element_of[where], severity="warning",
                      vars={"problem": _wording.say(ctx, "outer_thin", which=label, size=_mm(lines[0].size_pt))})
    for a, b in zip(record, record[1:]):
        if element_of[a] == element_of[b] or element_of[b] != "印发机关和印发日期":
            continue  # wrapped names of one element; 主送 above 抄送 has no line between (7.4.2)
        between = around.of(a, ("bottom",)) + around.of(b, ("top",))
        for k in range(a + 1, b):
            between += around.of(k)
        if not between:
            yield Hit("body", b, element=element_of[b], vars={"problem": _wording.say(ctx, "middle_missing")})
        elif between[0].size_pt is not None and between[0].size_pt > s["thin_pt"] \
                and between[0].size_pt >= min(outer_sizes, default=0):  # thinner than the outer lines is thin
            yield Hit("body", b, element=element_of[b],
                      vars={"problem": _wording.say(ctx, "middle_thick", size=_mm(between[0].size_pt))})


def _in_record(draft, span) -> bool:
    """主送 lines count only when they are in the 版记 (a 主送机关 under the title is not)."""
    if span.element != "主送机关":
        return True
    return draft.first("正文") is not None and span.block > draft.first("正文").block


def _mm(points: float) -> str:
    return f"{points * 25.4 / 72:.2f} mm（{points:g} 磅）"


def _letter(ctx: Context, s: dict):
    draft, body = ctx.draft, ctx.document.body
    mark = next((sp for sp in draft.spans if sp.part == "body" and sp.element == "发文机关标志"), None)
    if mark is None:
        return
    below = next((sp.block for sp in draft.spans if sp.part == "body" and sp.block > mark.block
                  and sp.element not in HEAD_ELEMENTS), len(body) + 1)
    around = _Lines(body)
    lines = around.of(mark.block, ("bottom",))
    for index in range(mark.block + 1, min(below, len(body) + 1)):
        lines += around.of(index)
    if below <= len(body):
        lines += around.of(below, ("top",))
    sections = ctx.document.sections
    if sections:  # the double lines are often drawn in the first page's header
        stories = sections[0].headers
        for index in stories.get("first" if sections[0].title_page else "default", []):
            header = ctx.document.header[index - 1]
            lines += [Line(sh.color, None, mark.block) for sh in header.shapes if sh.kind in ("line", "shape")]
    where = mark.block
    if not lines:
        yield Hit("body", where, element="发文机关标志",
                  vars={"problem": _wording.say(ctx, "missing")})
        return
    if s["color"] == "red" and not any(F.is_red(ln.color) for ln in lines):
        yield Hit("body", lines[0].block, element="发文机关标志",
                  vars={"problem": _wording.say(ctx, "not_red", color=lines[0].color or "自动（黑色）")})
        return
    if len(lines) < 2 and not lines[0].style.startswith(DOUBLE_STYLES):
        yield Hit("body", lines[0].block, element="发文机关标志",
                  vars={"problem": _wording.say(ctx, "single")})
