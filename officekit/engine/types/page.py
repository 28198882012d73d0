"""page: the page setup of each section (paper, margins, document grid, orientation).

    check: paper        # paper: {width: 210, height: 297, tolerance: 1}
    check: margins      # margins: {top: 37, left: 28}, tolerance: 1 (mm); derived: true says the values
                        # are arithmetic from the standard (右 26 = 210 − 28 − 156), not its text
    check: grid         # grid: {lines: 22, chars: 28, tolerance: 1}; a section without a grid is judged
                        # by the exact line spacing of its body text
    check: orientation  # landscape sections must hold a table
    check: landscape    # a landscape A4 (横排表格) section keeps the 版心 turned with the paper: 225 mm
                        # wide, 156 mm high (type_area: {width: 225, height: 156, tolerance: 2})

Findings point at the first body block of the section, element 版面; a fault repeated in several
sections is reported once.
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F

PARAMS = {
    "check": Param("str", required=True, choices=("paper", "margins", "grid", "orientation", "landscape")),
    "paper": Param("dict", default={"width": 210, "height": 297, "tolerance": 1}),
    "margins": Param("dict", default={}),
    "tolerance": Param("number", default=1),
    "derived": Param("bool", default=False),
    "grid": Param("dict", default={"lines": 22, "chars": 28, "tolerance": 1}),
    "layout": Param("list", default=[]),
    "type_area": Param("dict", default={"width": 225, "height": 156, "tolerance": 2}),
}
SIDES = {"top": "上（天头）", "bottom": "下", "left": "左（订口）", "right": "右"}
TYPE_AREA_HEIGHT_MM = 225  # 版心高 (GB/T 9704-2012 5.2.1)
PT_PER_MM = 72 / 25.4
# Word stores lengths in twips (1/1440 inch, 0.018 mm): a margin typed as 3.8 cm is kept as 2155 twips,
# 38.015 mm.  A value within this much of the tolerance's edge is what the secretary typed as the edge.
STORED_SLACK_MM = 0.05

example_draft = F.example_draft


def build(rule: RuleSpec):
    F.check_layouts(rule)
    if rule.params["check"] == "margins" and not rule.params["margins"]:
        raise RuleError(f"规则 {rule.id} 缺少 margins（如 {{top: 37, left: 28}}）")

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s):
            return
        judge = JUDGES[s["check"]]
        seen: set[str] = set()
        for n, section in enumerate(ctx.document.sections):
            verdict = judge(s, section, n, ctx)
            if verdict is None:
                continue
            expected, actual = verdict
            if actual in seen:
                continue
            seen.add(actual)
            yield Hit("body", first_block(ctx, n), element="版面",
                      vars={"expected": expected, "actual": actual,
                            "derived": "（由版心尺寸推算）" if s["derived"] else ""})

    return check


def first_block(ctx: Context, section: int) -> int:
    for block in ctx.document.body:
        if block.section == section:
            return block.index
    return 1


def _paper(s, section, n, ctx):
    want = s["paper"]
    w, h = section.page_width_mm, section.page_height_mm
    if w is None or h is None:
        return None
    short, long_ = sorted((w, h))
    tol = want.get("tolerance", 1)
    if abs(short - want["width"]) <= tol + STORED_SLACK_MM and abs(long_ - want["height"]) <= tol + STORED_SLACK_MM:
        return None
    return f"A4（{want['width']:g} mm × {want['height']:g} mm）", f"{short:.0f} mm × {long_:.0f} mm"


def _margins(s, section, n, ctx):
    tol = s["tolerance"]
    landscape = section.orientation == "landscape" or (section.page_width_mm or 0) > (section.page_height_mm or 0)
    if landscape:  # a landscape table page turns the margins with the paper
        return None
    wrong_expected, wrong_actual = [], []
    for side, want in s["margins"].items():
        got = getattr(section, f"margin_{side}_mm", None)
        if got is None:
            continue
        if abs(got - float(want)) > tol + STORED_SLACK_MM:
            wrong_expected.append(f"{SIDES.get(side, side)} {float(want):g}±{tol:g} mm")
            wrong_actual.append(f"{SIDES.get(side, side)} {got:.1f} mm")
    if not wrong_actual:
        return None
    return "，".join(wrong_expected), "，".join(wrong_actual)


def _grid(s, section, n, ctx):
    want = s["grid"]
    tol = want.get("tolerance", 1)
    # exact line spacing of the body text decides the lines per page; the grid only when text snaps to it
    spacing = _body_line_spacing(ctx, n)
    if spacing is not None:
        lines, how = int(TYPE_AREA_HEIGHT_MM * PT_PER_MM / spacing + 0.05), f"固定行距 {spacing:g} 磅"
    elif section.grid_type in ("lines", "linesAndChars", "snapToChars") and section.lines_per_page:
        lines, how = section.lines_per_page, "文档网格"
    else:
        return None
    problems = []
    if abs(lines - want["lines"]) > tol:
        problems.append(f"每面约 {lines} 行（{how}）")
    chars = section.chars_per_line
    if chars and want.get("chars") and abs(chars - want["chars"]) > tol:
        problems.append(f"每行 {chars} 字")
    if not problems:
        return None
    return f"每面 {want['lines']} 行、每行 {want['chars']} 字", "，".join(problems)


def _body_line_spacing(ctx: Context, section: int) -> float | None:
    """The most common exact line spacing of 正文 paragraphs in the section (of any paragraph when the
    draft has no 正文 yet, as in an empty template)."""
    counts: dict[float, int] = {}
    blocks = [ctx.draft.block(sp.part, sp.block) for sp in ctx.draft.all("正文")] or ctx.document.body
    for block in blocks:
        props = block.props
        if block.section == section and props and props.line_rule == "exact" and props.line_value:
            counts[props.line_value] = counts.get(props.line_value, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _landscape(s, section, n, ctx):
    """A 横排 page turns the portrait page with its 版心 (GB/T 9704-2012 8, 5.2.1): the type area is
    225 mm × 156 mm on its side, whatever margins make it.  Two margins make each side, so the
    tolerance is twice the margins' 1 mm."""
    w, h = section.page_width_mm, section.page_height_mm
    margins = (section.margin_left_mm, section.margin_right_mm, section.margin_top_mm, section.margin_bottom_mm)
    if w is None or h is None or None in margins or w <= h:
        return None
    paper = s["paper"]
    if abs(h - paper["width"]) > paper.get("tolerance", 1) or abs(w - paper["height"]) > paper.get("tolerance", 1):
        return None  # 8 speaks of A4 tables; another paper is F001's finding, its 版心 no arithmetic of ours
    left, right, top, bottom = margins
    want = s["type_area"]
    tol = want.get("tolerance", 2)
    area_w, area_h = w - left - right, h - top - bottom
    if abs(area_w - want["width"]) <= tol + STORED_SLACK_MM and abs(area_h - want["height"]) <= tol + STORED_SLACK_MM:
        return None
    return (f"横排页面版心 {want['width']:g} mm × {want['height']:g} mm（纵向版心随纸张转过来）",
            f"版心 {area_w:.0f} mm × {area_h:.0f} mm（上 {top:.1f}、下 {bottom:.1f}、左 {left:.1f}、右 {right:.1f} mm）")


def _orientation(s, section, n, ctx):
    landscape = section.orientation == "landscape" or (section.page_width_mm or 0) > (section.page_height_mm or 0)
    if not landscape:
        return None
    if any(b.section == n and b.table for b in ctx.document.body):
        return None
    return "纵向（横排页面只用于表格）", "横向页面且其中没有表格"


JUDGES = {"paper": _paper, "margins": _margins, "grid": _grid, "orientation": _orientation,
          "landscape": _landscape}
