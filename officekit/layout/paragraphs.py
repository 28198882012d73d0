"""Lay out one block: the characters' face, size and colour, the paragraph's alignment, indents and line
spacing — each only where it is off by the rule's own measure (officekit.engine.types._format), so a block
that already passes is left byte for byte and a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.document.model import Block
from officekit.document.ooxml import W
from officekit.engine.types import _format as F
from officekit.layout.ooxml_edit import PPR_ORDER, RPR_ORDER, Revisions, child, set_attrs
from officekit.layout.targets import BlockPlan, CharTarget
from officekit.output.docx_edit import ParagraphEdit
from officekit.structure.patterns import leading_space_chars

# Digits and Latin letters beside Chinese set in 仿宋/楷体/黑体/小标宋: the standard's Times New Roman
# practice (GB/T 9704-2012 shows them so; the format rules do not judge them, so no rule carries it).
ASCII_FONT = "Times New Roman"
TWIPS_PER_PT = 20
LINE_TWIPS = 20  # w:spacing/@w:line of an exact line spacing is in twentieths of a point
EMPHASIS_SHARE = 0.5  # characters in another known face below this share of the range are emphasis (一是…)
RED, BLACK = "FF0000", "000000"
GRID_SLACK_PT = 0.5  # a character this much wider than a grid cell still fits it


@dataclass
class RunEdit:
    start: int
    end: int
    font: str | None = None
    ascii: str | None = None
    size: float | None = None
    color: str | None = None


def run_edits(block: Block, target: CharTarget) -> list[RunEdit]:
    """The edits that bring [target.start, target.end) of `block` to the target, per model run."""
    edits: list[RunEdit] = []
    start, end = target.start, target.end
    font_wrong = _font_wrong(block, target)
    size_wrong = target.size is not None and any(
        abs(size - target.size) > target.size_tolerance
        for size in F.char_sizes(block, start, end, "han" if target.chars == "han" else "visible"))
    red_wrong = target.color == "red" and _red_share(block, start, end) < 0.5
    total = sum(F.char_fonts(block, start, end, target.chars).values()) or 1
    known_other = _known_other_counts(block, target) if font_wrong else {}
    for run in block.runs:
        props = run.props
        a, b = max(start, run.start), min(end, run.start + len(run.text))
        if props is None or a >= b or not run.text[a - run.start:b - run.start].strip():
            continue
        edit = RunEdit(a, b)
        if font_wrong and _run_font_wrong(props, target, run.text[a - run.start:b - run.start]):
            # a few Chinese characters in another known face (一是 in 黑体) are emphasis: kept
            other = target.fonts.classify(props.east_asia_font).family \
                if props.east_asia_font and target.chars == "han" else None
            if not (other and other != target.family and known_other.get(other, 0) / total < EMPHASIS_SHARE):
                edit.font = target.font
                if target.chars == "all":
                    edit.ascii = target.font
                elif props.ascii_font != ASCII_FONT:
                    edit.ascii = ASCII_FONT
        if size_wrong and (props.size_pt is None or abs(props.size_pt - target.size) > target.size_tolerance):
            edit.size = target.size
        if target.color == "black" and not F.is_black(props.color):
            edit.color = BLACK
        elif red_wrong and not F.is_red(props.color):
            edit.color = RED
        if edit.font or edit.ascii or edit.size is not None or edit.color:
            edits.append(edit)
    return edits


def _font_wrong(block: Block, target: CharTarget) -> bool:
    """The rule's verdict on the face: the font most of the characters are in is not the family's."""
    if not target.family or target.fonts is None:
        return False
    counts = F.char_fonts(block, target.start, target.end, target.chars)
    if not counts:
        return False
    verdict = target.fonts.classify(counts.most_common(1)[0][0])
    return verdict.family != target.family or verdict.stand_in


def _run_font_wrong(props, target: CharTarget, text: str) -> bool:
    fonts = []
    if any(F.is_han(ch) or (target.chars == "all" and ord(ch) >= 128 and not ch.isspace()) for ch in text):
        fonts.append(props.east_asia_font)
    if target.chars == "all" and any(ord(ch) < 128 and not ch.isspace() for ch in text):
        fonts.append(props.ascii_font)
    for font in fonts:
        verdict = target.fonts.classify(font or "")
        if verdict.family != target.family or verdict.stand_in:
            return True
    return False


def _known_other_counts(block: Block, target: CharTarget) -> dict[str, int]:
    """Characters per known family other than the target's: a minority of them is emphasis, kept."""
    out: dict[str, int] = {}
    for font, n in F.char_fonts(block, target.start, target.end, target.chars).items():
        family = target.fonts.classify(font).family
        if family and family != target.family:
            out[family] = out.get(family, 0) + n
    return out


def _red_share(block: Block, start: int, end: int) -> float:
    colors = F.char_colors(block, start, end)
    total = sum(colors.values())
    return 1.0 if not total else sum(n for c, n in colors.items() if F.is_red(c)) / total


def apply_run_edits(paragraph: ParagraphEdit, edits: list[RunEdit], revisions: Revisions) -> list[str]:
    """Make the edits on the XML runs (split at their ends); the reasons of those that could not be made."""
    problems = []
    for edit in edits:
        try:
            paragraph.split_at(edit.start)
            paragraph.split_at(edit.end)
        except ValueError:
            problems.append("文字中夹有域或符号，无法只改其中一段")
            continue
        for run in paragraph.runs_within(edit.start, edit.end):
            if run.element.getparent().tag == W + "del":
                continue
            rpr = revisions.run_props(run.element)
            if rpr is None:
                problems.append("已有他人的格式修订，请先处理")
                continue
            _set_run(rpr, edit)
    return problems


def _set_run(rpr, edit: RunEdit) -> None:
    if edit.font or edit.ascii:
        fonts = child(rpr, "rFonts", RPR_ORDER)
        if edit.font:
            set_attrs(fonts, {"eastAsia": edit.font, "eastAsiaTheme": None})
        if edit.ascii:
            set_attrs(fonts, {"ascii": edit.ascii, "hAnsi": edit.ascii, "asciiTheme": None, "hAnsiTheme": None})
    if edit.color:
        set_attrs(child(rpr, "color", RPR_ORDER), {"val": edit.color, "themeColor": None, "themeShade": None,
                                                    "themeTint": None})
    if edit.size is not None:
        half_points = f"{edit.size * 2:g}"
        set_attrs(child(rpr, "sz", RPR_ORDER), {"val": half_points})
        set_attrs(child(rpr, "szCs", RPR_ORDER), {"val": half_points})


# ---------------------------------------------------------------- paragraph aspects


def paragraph_edits(block: Block, plan: BlockPlan, grid_pitch_pt: float | None, unit_pt: float) -> dict:
    """{jc: value, ind: {...}, spacing: {...}} for the aspects of `block` that miss the plan's targets."""
    edits: dict = {}
    targets = plan.paragraph
    align = F.alignment(block)
    accepted = targets["alignment"].value if "alignment" in targets else None
    if accepted and align not in accepted and not _placed_with_spaces(block, accepted):
        edits["jc"] = accepted[0]
    ind = _indent_edit(block, targets, unit_pt, edits.get("jc", align))
    if ind:
        edits["ind"] = ind
    if "line_spacing" in targets:
        line = _line_edit(block, targets["line_spacing"].value, grid_pitch_pt)
        if line is not None:
            edits["spacing"] = line
    return edits


def _placed_with_spaces(block: Block, accepted: list) -> bool:
    """The rule's own exception: a line pushed right with spaces, or items set apart by spaces, cannot be
    measured — nor laid out without changing its text."""
    if "right" not in accepted:
        return False
    return leading_space_chars(block.text) >= 6 or bool(F.spaced_items(block.text))


def _indent_edit(block: Block, targets: dict, unit_pt: float, align: str) -> dict | None:
    first, wrap, right = F.indents(block)
    lead = leading_space_chars(block.text)
    trailing = leading_space_chars(block.text[::-1]) if align == "right" else 0
    wanted = {key: targets[key] for key in ("first_indent", "wrap_indent", "right_indent") if key in targets}
    if not wanted:
        return None
    got = {"first_indent": first, "wrap_indent": wrap, "right_indent": right}
    new = dict(got)
    off = False
    for key, target in wanted.items():
        accepted = [float(v) for v in (target.value if isinstance(target.value, list) else [target.value])]
        if all(abs(got[key] - v) > target.tolerance for v in accepted):
            new[key] = accepted[0]
            off = True
    if not off:
        return None
    left = new["wrap_indent"]
    first_line = new["first_indent"] - left - lead  # leading spaces already push the first line in
    right_indent = max(new["right_indent"] - trailing, 0.0)
    ind = {"left": _twips(left, unit_pt), "leftChars": _hundredths(left),
           "right": _twips(right_indent, unit_pt), "rightChars": _hundredths(right_indent),
           "start": None, "end": None, "startChars": None, "endChars": None}
    if first_line >= 0:
        ind.update({"firstLine": _twips(first_line, unit_pt), "firstLineChars": _hundredths(first_line),
                    "hanging": None, "hangingChars": None})
    else:
        ind.update({"hanging": _twips(-first_line, unit_pt), "hangingChars": _hundredths(-first_line),
                    "firstLine": None, "firstLineChars": None})
    return ind


def _twips(chars: float, unit_pt: float) -> str:
    return str(round(chars * unit_pt * TWIPS_PER_PT))


def _hundredths(chars: float) -> str:
    return str(round(chars * 100))


def exact_line_pt(bounds: dict, grid_pitch_pt: float | None) -> float:
    """The exact spacing written: the 22-line grid's pitch when the rule's range admits it, else its nearest end."""
    low, high = float(bounds.get("min", 28)), float(bounds.get("max", 30))
    pitch = grid_pitch_pt if grid_pitch_pt else low
    return min(max(pitch, low), high)


def _line_edit(block: Block, bounds: dict, grid_pitch_pt: float | None) -> dict | None:
    props = block.props
    low, high = float(bounds.get("min", 28)), float(bounds.get("max", 30))
    if props is None or props.line_rule is None:
        return None  # no spacing stated anywhere: the rule does not judge it
    if props.line_rule == "exact" and props.line_value is not None and low - 0.05 <= props.line_value <= high + 0.05:
        return None
    multiple = props.line_value or 1.0
    if props.line_rule == "auto" and grid_pitch_pt and low - 1 <= grid_pitch_pt <= high + 1 and multiple <= 1.05:
        return None  # single spacing on the 22-line grid is the same layout (F040 accepts it)
    return {"line": str(round(exact_line_pt(bounds, grid_pitch_pt) * LINE_TWIPS)), "lineRule": "exact"}


def apply_paragraph_edits(paragraph: ParagraphEdit, edits: dict, revisions: Revisions) -> str | None:
    if not edits:
        return None
    ppr = revisions.paragraph_props(paragraph.element)
    if ppr is None:
        return "已有他人的段落格式修订，请先处理"
    if "jc" in edits:
        set_attrs(child(ppr, "jc", PPR_ORDER), {"val": edits["jc"]})
    if "ind" in edits:
        set_attrs(child(ppr, "ind", PPR_ORDER), edits["ind"])
    if "spacing" in edits:
        set_attrs(child(ppr, "spacing", PPR_ORDER), edits["spacing"])
    if "snapToGrid" in edits:
        set_attrs(child(ppr, "snapToGrid", PPR_ORDER), {"val": "0"})
    return None


def off_grid_edit(p_element, plan: BlockPlan | None, char_pitch: float | None) -> bool:
    """Whether the paragraph should stop snapping to the character grid: characters larger than a grid
    cell (a 2号 title on the 28-a-line grid) would each take two cells and stand apart like 「关 于 进」."""
    if not plan or not char_pitch:
        return False
    sizes = [t.size for t in plan.chars if t.size is not None]
    if not sizes or max(sizes) <= char_pitch + GRID_SLACK_PT:
        return False
    snap = p_element.find(f"{W}pPr/{W}snapToGrid")
    return snap is None or snap.get(W + "val") not in ("0", "false", "off")
