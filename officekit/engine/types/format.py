"""format: the resolved formatting of an element's paragraphs — font and size, alignment, indents,
colour, line spacing — against what GB/T 9704-2012 prescribes.  One rule judges one aspect and
reports a paragraph once (not once per run), naming the expected and the actual value.

    element: 正文
    levels: [0]               # 1–4 = heading lines of these levels, judged up to where the heading ends;
                              # 0 = body text, numbered items that are paragraphs included (optional;
                              # officekit.structure.headings says which numbered paragraph is a heading)
    select: '签发人[:：]\\s*(.+)'  # judge only this part of the text (group 1 if any); others skipped
    skip: '^出席[:：]'        # paragraphs matching this are not judged (纪要 attendance lines)
    font: 仿宋                # a family of `aliases` (see officekit.engine.fonts)
    aliases: {仿宋: [仿宋_GB2312, FangSong], …}
    size: 16                  # points; size_tolerance: 0.3
    chars: han                # han: judge the font of the Chinese characters only; all: every character
    alignment: [center]       # accepted alignments (left/both/center/right)
    first_indent: 2           # first line starts this many 字 in (left + first-line indent, or spaces)
    wrap_indent: 0            # wrapped lines start this many 字 in (left indent)
    right_indent: 4           # 字 from the right (or a list of accepted values); indent_tolerance: 0.3
    color: red                # red / black
    line_spacing: {min: 28, max: 30}   # exact line spacing in points
    label: 一级标题           # how the message names the element ({element}); default the element
    layout: [文件]            # only drafts of these layouts
    tables: false             # also judge paragraphs in table cells and text boxes
    when: {sealed: true}      # only drafts with a 印章 (signer: true — only drafts with a 签发人)

The message template gets {element}, {expected} and {actual}.  A title (or 发文机关标志, 主送机关)
over several lines is one element: lines in a row that are wrong the same way are one finding, on
the first of them.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.fonts import size_name
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.structure.headings import heading_lines

PARAMS = {
    "font": Param("str"),
    "aliases": Param("dict", default={}),
    "size": Param("number"),
    "size_tolerance": Param("number", default=0.3),
    "chars": Param("str", default="han", choices=("han", "all")),
    "alignment": Param("list"),
    "first_indent": Param("number"),
    "wrap_indent": Param("number"),
    "right_indent": Param("any"),
    "indent_tolerance": Param("number", default=0.3),
    "color": Param("str", choices=("red", "black")),
    "line_spacing": Param("dict"),
    "levels": Param("list"),
    "select": Param("regex"),
    "skip": Param("regex", doc="paragraphs whose text matches are not judged by this rule"),
    "label": Param("str"),
    "layout": Param("list", default=[]),
    "tables": Param("bool", default=False),
    "when": Param("dict", default={}, doc="sealed / signer: true or false — only drafts with (without) a 印章 / 签发人"),
}
# Elements that stay one thing when they run over several paragraphs (a two-line title is one title)
ONE_UNIT_ELEMENTS = frozenset({"标题", "发文机关标志", "主送机关"})
ASPECTS = ("font", "size", "alignment", "first_indent", "wrap_indent", "right_indent", "color", "line_spacing")

example_draft = F.example_draft


def build(rule: RuleSpec):
    p = rule.params
    if not any(p.get(a) is not None for a in ASPECTS):
        raise RuleError(f"规则 {rule.id} 没有要检查的格式项（{', '.join(ASPECTS)} 至少一项）")
    if p.get("font") and p["font"] not in (p.get("aliases") or {}):
        raise RuleError(f"规则 {rule.id} 的 font {p['font']!r} 不在 aliases 中")
    F.check_layouts(rule)
    select = compile_regex(p["select"], f"规则 {rule.id} 的 select") if p.get("select") else None
    skip = compile_regex(p["skip"], f"规则 {rule.id} 的 skip") if p.get("skip") else None

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s) or not _conditions_hold(s.get("when") or {}, ctx):
            return
        fonts = F.font_table(ctx, s.get("aliases")) if s.get("font") else None
        last_reported: tuple | None = None  # (element, block, verdict) of the latest hit
        for span in ctx.spans():
            block = ctx.draft.block(span.part, span.block)
            if not judged_block(block, s, skip):
                continue
            judged = judged_range(ctx, s, span, block, select, _judges_characters(s))
            if judged is None:
                continue
            start, end = judged
            verdict = judge(s, fonts, ctx, block, start, end)
            if verdict is None:
                continue
            expected, actual, severity = verdict
            reported, last_reported = last_reported, (span.element, span.block, verdict)
            if reported is not None and span.element in ONE_UNIT_ELEMENTS and reported[0] == span.element \
                    and reported[1] == span.block - 1 and reported[2] == verdict:
                continue  # the next line of the same title, wrong the same way: one defect
            yield Hit(span.part, span.block, start, end, element=span.element, severity=severity,
                      vars={"element": s.get("label") or span.element, "expected": expected, "actual": actual})

    return check


CHARACTER_ASPECTS = ("font", "size", "color")


def judged_block(block, s: dict, skip) -> bool:
    """Whether a format rule judges this block at all: a formatted paragraph with text, in a table only
    when the rule says `tables`, and not one its `skip` pattern names.  (`officekit fix --layout` walks
    the same blocks: layout/targets.py.)"""
    if not block.has_format or not block.text.strip():
        return False
    if block.container != "body" and not s["tables"]:
        return False
    return skip is None or not matching.search(skip, block.text)


def judged_range(ctx: Context, s: dict, span, block, select, characters: bool) -> tuple[int, int] | None:
    """The characters of `span` the rule judges: its heading part for a `levels` rule (the characters'
    part when `characters`, else the paragraph's), narrowed to the `select` match; None when nothing."""
    start, end = span.start, span.end
    if s.get("levels") is not None:
        judged = _level_part(ctx, block, s["levels"], start, end, characters) if span.part == "body" else None
        if judged is None:
            return None
        start, end = judged
    if select is not None:
        m = matching.search(select, block.text[start:end])
        if not m:
            return None
        g = 1 if m.re.groups else 0
        start, end = start + m.start(g), start + m.end(g)
    return start, end


def _judges_characters(s: dict) -> bool:
    return any(s.get(a) is not None for a in CHARACTER_ASPECTS)


def _level_part(ctx: Context, block, levels: list, start: int, end: int, characters: bool) -> tuple[int, int] | None:
    """The part of [start, end) a `levels` rule judges, or None.  Levels 1–4 are heading lines only,
    up to where the heading ends (「（一）加大援企稳岗力度。」 of a run-in heading); level 0 is body
    text: plain paragraphs, numbered items that are paragraphs (「一、同意在北京市……。」), and — for
    the fonts, sizes and colours of characters — the text that follows a run-in heading.  Indents and
    spacing belong to the paragraph: a run-in heading's paragraph is judged once, as a heading."""
    lines = ctx.shared.get("heading-lines")
    if lines is None:
        lines = ctx.shared["heading-lines"] = heading_lines(ctx.draft)
    line = lines.get(block.index)
    if line is None:
        return (start, end) if 0 in levels else None
    if line.level in levels:
        return (start, min(end, line.end) if characters else end) if start < line.end else None
    if 0 in levels and not line.whole and characters:
        after = line.end + len(block.text[line.end:]) - len(block.text[line.end:].lstrip())
        return (max(start, after), end) if max(start, after) < end else None
    return None


def _conditions_hold(when: dict, ctx: Context) -> bool:
    if "sealed" in when and ctx.draft.has("印章") != bool(when["sealed"]):
        return False
    if "signer" in when and ctx.draft.has("签发人") != bool(when["signer"]):
        return False
    return True


INDENT_WORDS = {"first_indent": "首行左空", "wrap_indent": "回行左空", "right_indent": "右空"}


def judge(s: dict, fonts, ctx: Context, block, start: int, end: int):
    """(expected, actual, severity or None) when the paragraph is wrong in the rule's aspects, else None.
    Aspects are judged in order (font/size, alignment, indents, colour, spacing); the first wrong one speaks."""
    if s.get("font") or s.get("size") is not None:
        verdict = _font_and_size(s, fonts, block, start, end)
        if verdict:
            return verdict
    if s.get("alignment"):
        got = F.alignment(block)
        if "right" in s["alignment"] and got in ("left", "both") and F.leading_space_chars(block.text) >= 6:
            return None  # a line pushed to the right with spaces: its place cannot be measured
        if "right" in s["alignment"] and got not in s["alignment"] and F.spaced_items(block.text):
            return None  # several items on one line set apart by spaces (joint 署名, 署名 and date): same
        if got not in s["alignment"]:
            return F.describe_alignment(s["alignment"][0]), F.describe_alignment(got), None
    first, wrap, right = F.indents(block)
    tol = s["indent_tolerance"]
    for key, got in (("first_indent", first), ("wrap_indent", wrap), ("right_indent", right)):
        want = s.get(key)
        if want is None:
            continue
        accepted = want if isinstance(want, list) else [want]
        if all(abs(got - float(w)) > tol for w in accepted):
            word = INDENT_WORDS[key]
            return f"{word} " + " 或 ".join(F.chars_text(float(w)) for w in accepted), f"{word} {F.chars_text(got)}", None
    if s.get("color"):
        return _color(s["color"], block, start, end)
    if s.get("line_spacing"):
        return _line_spacing(s["line_spacing"], ctx, block)
    return None


def _font_and_size(s: dict, fonts, block, start: int, end: int):
    family, size = s.get("font"), s.get("size")
    font_counts = F.char_fonts(block, start, end, s["chars"])
    size_counts = F.char_sizes(block, start, end, "han" if s["chars"] == "han" else "visible")
    wrong_font, uncertain = None, False
    if family and fonts is not None and font_counts:
        # the font most of the Chinese characters are in: a few characters set off in 黑体 or 楷体 for
        # emphasis (一是…) are house style the standard does not speak about
        for font, _ in font_counts.most_common(1):
            verdict = fonts.classify(font)
            if verdict.family == family and not verdict.stand_in:
                continue
            if verdict.family == family:  # a tolerated stand-in (华文中宋 for 小标宋)
                wrong_font, uncertain = f"{font}（{family}的替代字体）", True
            elif verdict.family is None:  # alias lists are practice: an unknown name is only a warning
                wrong_font, uncertain = f"{font}（未能识别为{family}）", True
            else:
                wrong_font = font
            break
    wrong_size = None
    if size is not None:
        for got, _ in size_counts.most_common():
            if abs(got - size) > s["size_tolerance"]:
                wrong_size = got
                break
    if wrong_font is None and wrong_size is None:
        return None
    severity = "warning" if uncertain and wrong_size is None else None
    main_font = wrong_font or (font_counts.most_common(1)[0][0] if font_counts and family else "")
    main_size = wrong_size if wrong_size is not None else (size_counts.most_common(1)[0][0] if size_counts else None)
    expected = (family or "") + (size_name(size) if size is not None else "")
    actual = main_font + (size_name(main_size) if size is not None and main_size is not None else "")
    return expected, actual, severity


def _color(want: str, block, start: int, end: int):
    colors = F.char_colors(block, start, end)
    if not colors:
        return None
    if want == "red":
        red = sum(n for c, n in colors.items() if F.is_red(c))
        if red * 2 >= sum(colors.values()):
            return None
        return "红色", _color_name(colors.most_common(1)[0][0]), None
    for color, _ in colors.most_common():
        if not F.is_black(color):
            return "黑色", _color_name(color), None
    return None


def _color_name(color: str) -> str:
    if F.is_red(color):
        return f"红色（{color}）"
    if F.is_black(color):
        return "黑色"
    return f"#{color}"


def _line_spacing(bounds: dict, ctx: Context, block):
    props = block.props
    low, high = float(bounds.get("min", 28)), float(bounds.get("max", 30))
    want = f"固定值 {low:g}–{high:g} 磅"
    if props is None or props.line_rule is None:
        return None
    if props.line_rule == "exact" and props.line_value is not None:
        if low - 0.05 <= props.line_value <= high + 0.05:
            return None
        return want, f"固定值 {props.line_value:g} 磅", None
    sections = ctx.document.sections
    section = sections[block.section] if 0 <= block.section < len(sections) else None
    pitch = section.grid_line_pitch_pt if section and section.grid_type in ("lines", "linesAndChars") else None
    multiple = props.line_value or 1.0
    if props.line_rule == "auto" and pitch and low - 1 <= pitch <= high + 1 and multiple <= 1.05:
        return None  # single spacing snapped to a 22-line document grid is the same layout
    if props.line_rule == "atLeast":
        return want, f"最小值 {props.line_value:g} 磅", None
    return want, f"{multiple:g} 倍行距", None
