"""What the format rule types (format, page, pagenum, numbering, lines, special) share.

- `Settings`: a rule's params with the office's profile applied.  `.officekit.yaml` may hold

      profile:
        fonts: {仿宋: [华文仿宋]}          # more names for a font family (all format rules)
        F012: {size: 15}                  # any param of one rule, by rule id (sizes, tolerances, styles)

- `applies(ctx)`: format rules judge formatting, so plain text (Document.kind == "text") gets none;
  a rule may also be limited to some layouts (文件/信函/命令/纪要/无版头) with its `layout` param.
- helpers reading the resolved formatting of a block (fonts of the characters, sizes, indents in chars).
- `example_draft`: build a small formatted draft from a YAML example such as
  `{element: 正文, font: 宋体, size: 12}` (see `build_example`).
"""

from __future__ import annotations

import re
from collections import Counter

from officekit.document.model import Block, Border, Document, ParagraphProps, Run, RunProps, Section, Shape
from officekit.engine.fonts import FontTable
from officekit.engine.rule import Context, RuleSpec
from officekit.structure.model import LAYOUTS, Draft, ElementSpan
from officekit.structure.patterns import leading_space_chars

BODY_SIZE_PT = 16.0  # 3号: the size 字 (a character width) is measured in when a block says nothing


class Settings(dict):
    """A rule's params overlaid with `profile: {<rule id>: {...}}` of the configuration."""

    @classmethod
    def of(cls, ctx: Context) -> "Settings":
        merged = cls(ctx.rule.params)
        override = ctx.setting(ctx.rule.id)
        if isinstance(override, dict):
            merged.update(override)
        return merged


def font_table(ctx: Context, aliases: dict | None) -> FontTable:
    extra = ctx.setting("fonts")
    return FontTable(aliases or {}, extra if isinstance(extra, dict) else None)


def applies(ctx: Context, settings: dict | None = None) -> bool:
    if not ctx.document.has_format:
        return False
    layouts = (settings or ctx.rule.params).get("layout") or []
    return not layouts or ctx.draft.layout in layouts


def check_layouts(rule: RuleSpec) -> None:
    from officekit.engine.rule import RuleError

    for layout in rule.params.get("layout") or []:
        if layout not in LAYOUTS:
            raise RuleError(f"规则 {rule.id} 的 layout {layout!r} 应为 {'/'.join(LAYOUTS)} 之一")


# -- reading a block's formatting ----------------------------------------------------------------------


def build_check(judge):
    """The build() of a format type whose rules need no compiling: per draft, the rule's settings are
    resolved (profile overrides applied) and its layout/text filters checked, then `judge(ctx, s)` yields
    the hits."""

    def build(rule: RuleSpec):
        check_layouts(rule)

        def check(ctx: Context):
            s = Settings.of(ctx)
            if applies(ctx, s):
                yield from judge(ctx, s)

        return check

    return build


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _run_slices(block: Block, start: int, end: int):
    """(run props, the run's visible characters inside [start, end)) for every formatted run."""
    for run in block.runs:
        if run.props is None:
            continue
        a, b = max(start, run.start), min(end, run.start + len(run.text))
        if a < b:
            yield run.props, [ch for ch in run.text[a - run.start : b - run.start] if not ch.isspace()]


def char_fonts(block: Block, start: int, end: int, chars: str = "han") -> Counter:
    """How many characters of [start, end) render in each font.

    chars="han": only Chinese characters, in the run's East Asian font (digits and Latin letters in
    Times New Roman are not judged); "all": every visible character, ASCII ones in the ASCII font.
    """
    fonts: Counter = Counter()
    for props, visible in _run_slices(block, start, end):
        for ch in visible:
            if chars == "han" and not is_han(ch):
                continue
            font = props.ascii_font if ord(ch) < 128 else props.east_asia_font
            if font:
                fonts[font] += 1
    return fonts


def char_sizes(block: Block, start: int, end: int, chars: str = "visible") -> Counter:
    sizes: Counter = Counter()
    for props, visible in _run_slices(block, start, end):
        n = sum(1 for ch in visible if chars != "han" or is_han(ch))
        if n and props.size_pt is not None:
            sizes[props.size_pt] += n
    return sizes


def char_colors(block: Block, start: int, end: int) -> Counter:
    colors: Counter = Counter()
    for props, visible in _run_slices(block, start, end):
        if visible:
            colors[(props.color or "000000").upper()] += len(visible)
    return colors


def main_size(block: Block) -> float:
    sizes = char_sizes(block, 0, len(block.text))
    return sizes.most_common(1)[0][0] if sizes else BODY_SIZE_PT


def is_red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
    except ValueError:
        return False
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


def is_black(color: str | None) -> bool:
    """Automatic, black or a near-black grey."""
    if not color or color.lower() == "auto":
        return True
    try:
        r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
    except ValueError:
        return True
    return max(r, g, b) <= 0x40


def spaced_items(text: str) -> bool:
    """A line holding several items set apart by a wide run of spaces (two 字 or more), e.g. two organs'
    署名 side by side or 署名 and date on one line: the line is laid out with spaces, not alignment."""
    inner = text.strip()
    if re.search(r"\S(\u3000{2,}| {4,}|[ \u3000]{3,})\S", inner):
        return True
    # a line pushed in with spaces whose items are one 字 apart: 署名 of several organs
    return leading_space_chars(text) >= 2 and re.search(r"\S[ \u3000]{2,}\S", inner) is not None


def indents(block: Block) -> tuple[float, float, float]:
    """(first line start, wrapped lines start, right) in characters, from the resolved paragraph."""
    props = block.props or ParagraphProps()
    unit = main_size(block)

    def chars(value_chars, value_pt) -> float:
        if value_chars is not None:
            return value_chars
        if value_pt is not None:
            return value_pt / unit
        return 0.0

    left = chars(props.left_chars, props.left_pt)
    first = chars(props.first_line_chars, props.first_line_pt)
    hanging = chars(props.hanging_chars, props.hanging_pt)
    first_start = left + (first if first else -hanging) + leading_space_chars(block.text)
    right = chars(props.right_chars, props.right_pt)
    if alignment(block) == "right":  # a right indent typed as trailing spaces
        right += leading_space_chars(block.text[::-1])
    return first_start, left, right


def alignment(block: Block) -> str:
    value = block.props.alignment if block.props else None
    return {"start": "left", "end": "right", "justify": "both", None: "left"}.get(value, value or "left")


ALIGN_NAMES = {"left": "左对齐", "both": "两端对齐", "center": "居中", "right": "右对齐", "distribute": "分散对齐"}


def describe_alignment(value: str) -> str:
    return ALIGN_NAMES.get(value, value)


def chars_text(value: float) -> str:
    return f"{round(value, 1):g} 字"


# -- examples -----------------------------------------------------------------------------------------

SAMPLE_TEXT = {
    "份号": "000001", "密级和保密期限": "秘密★1年", "紧急程度": "特急", "发文机关标志": "云岭市人民政府文件",
    "发文字号": "云政发〔2026〕12号", "签发人": "签发人：张某", "标题": "云岭市人民政府关于做好森林防火工作的通知",
    "主送机关": "各县（市、区）人民政府：", "正文": "为切实做好森林防火工作，现将有关事项通知如下。",
    "附件说明": "附件：森林防火重点区域名单", "发文机关署名": "云岭市人民政府", "成文日期": "2026年11月16日",
    "附注": "（此件公开发布）", "附件": "附件1", "抄送机关": "抄送：市委办公室，市人大常委会办公室。",
    "印发机关和印发日期": "云岭市人民政府办公室\t2026年11月16日印发", "页码": "— 1 —", "印章": "",
}
_DEFAULT_FONT = {"密级和保密期限": "黑体", "紧急程度": "黑体", "发文机关标志": "方正小标宋简体", "标题": "方正小标宋简体",
                 "附件": "黑体", "页码": "宋体"}
_DEFAULT_SIZE = {"发文机关标志": 36, "标题": 22, "抄送机关": 14, "印发机关和印发日期": 14, "页码": 14}
_DEFAULT_ALIGN = {"发文机关标志": "center", "发文字号": "center", "标题": "center", "发文机关署名": "right",
                  "成文日期": "right", "页码": "right"}
_DEFAULT_INDENT = {"正文": 2, "附件说明": 2, "附注": 2}
_HEADING_TEXT = {1: "一、压实防火责任", 2: "（一）健全工作机制", 3: "1.建立联席会议制度", 4: "（1）每月调度一次"}
_HEADING_FONT = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}


def example_draft(rule: RuleSpec, example: dict, key: str) -> Draft:
    """The example's formatting spec → a Draft (no recogniser: elements are given)."""
    spec = example[key]
    if not isinstance(spec, dict):
        spec = {"text": str(spec)}
    return build_example(spec, rule.elements[0] if rule.elements else "正文")


def build_example(spec: dict, default_element: str = "正文") -> Draft:
    """Build a formatted draft from a compact mapping.

    Block keys: element, text, level (heading 1–4), font, ascii, size, bold, color, align, indent (first
    line, chars), left, right (chars), hanging, line (exact pt), border ({side, color, size, style}
    or a list of them), cell_border (the same for the borders of the table cell), shape (colour of a line
    shape), pagebreak, table (true = cell (1, 1, 1), or [table, row, column]), space (space before, pt),
    runs (list of {text, font, ascii, size, color}).
    A single block is written inline; several go under `blocks:`.  Draft keys: blocks, footers (blocks
    with `story` default/first/even and `page_field`), page (width, height, top, bottom, left, right,
    orientation, grid_lines, grid_chars, title_page), even_odd, layout, doctype, direction, kind (text).
    """
    inline = {k: v for k, v in spec.items() if k not in _DRAFT_KEYS}
    blocks_spec = spec.get("blocks") or ([inline] if inline or not spec.get("footers") else [])
    document = Document(path="<example>", kind="text" if spec.get("kind") == "text" else "docx")
    page = dict(spec.get("page") or {})
    section = Section(
        page_width_mm=page.get("width", 210), page_height_mm=page.get("height", 297),
        orientation=page.get("orientation", "portrait"),
        margin_top_mm=page.get("top", 37), margin_bottom_mm=page.get("bottom", 35),
        margin_left_mm=page.get("left", 28), margin_right_mm=page.get("right", 26),
        grid_type="linesAndChars" if "grid_chars" in page else "lines",
        lines_per_page=page.get("grid_lines", 22), chars_per_line=page.get("grid_chars"),
        title_page=bool(page.get("title_page")),
    )
    document.sections.append(section)
    draft = Draft(document=document)
    for n, b in enumerate(blocks_spec, 1):
        element = b.get("element", default_element)
        block = _example_block(b, element, "body", n, document.kind)
        document.body.append(block)
        if b.get("level"):
            draft.heading_levels[n] = int(b["level"])
        if element and element != "-":
            draft.spans.append(ElementSpan(element, "body", n, 0, len(block.text), block.text))
    for n, f in enumerate(spec.get("footers") or [], 1):
        block = _example_block({"page_field": True, **f}, "页码", "footer", n, document.kind)
        block.story = f.get("story", "default")
        document.footer.append(block)
        section.footers.setdefault(block.story, []).append(n)
        if block.text.strip() or block.fields:
            draft.spans.append(ElementSpan("页码", "footer", n, 0, len(block.text), block.text))
    document.even_and_odd_headers = bool(spec.get("even_odd"))
    draft.layout = spec.get("layout", "文件")
    draft.doctype = spec.get("doctype")
    draft.direction = spec.get("direction")
    return draft


_DRAFT_KEYS = {"blocks", "footers", "page", "even_odd", "layout", "doctype", "direction", "kind"}


def _example_block(b: dict, element: str, part: str, index: int, kind: str) -> Block:
    level = b.get("level")
    text = str(b.get("text", _HEADING_TEXT.get(level) if level else SAMPLE_TEXT.get(element, "示例文字")))
    if kind == "text":
        return Block(part, index, text, [Run(text, None, 0)])

    def props(r: dict) -> RunProps:
        font = r.get("font", b.get("font", _HEADING_FONT.get(level) if level else _DEFAULT_FONT.get(element, "仿宋_GB2312")))
        return RunProps(east_asia_font=font, ascii_font=r.get("ascii", b.get("ascii", "Times New Roman")),
                        size_pt=float(r.get("size", b.get("size", _DEFAULT_SIZE.get(element, 16)))),
                        bold=bool(r.get("bold", b.get("bold", False))), color=r.get("color", b.get("color")))

    runs: list[Run] = []
    if b.get("runs"):
        pos = 0
        for r in b["runs"]:
            runs.append(Run(str(r["text"]), props(r), pos))
            pos += len(str(r["text"]))
        text = "".join(r.text for r in runs)
    else:
        runs = [Run(text, props({}), 0)]
    align = b.get("align", _DEFAULT_ALIGN.get(element, "both" if element == "正文" else "left"))
    indent = b.get("indent", _DEFAULT_INDENT.get(element))
    pprops = ParagraphProps(alignment=align, first_line_chars=indent, left_chars=b.get("left"),
                            right_chars=b.get("right"), hanging_chars=b.get("hanging"),
                            line_rule="exact", line_value=float(b.get("line", 28)), space_before_pt=b.get("space"))
    pprops.borders.update(_borders(b.get("border")))
    shapes = [Shape("line", color=b["shape"], width_mm=156)] if b.get("shape") else []
    fields = ["PAGE"] if part == "footer" and b.get("page_field") else []
    table = b.get("table")
    cell = tuple(table) if isinstance(table, list) else (1, 1, 1) if table else None
    return Block(part, index, text, runs, pprops, shapes=shapes, fields=fields,
                 page_break_before=bool(b.get("pagebreak")), container="table" if table else "body",
                 table=cell, cell_borders=_borders(b.get("cell_border")))


def _borders(spec) -> dict[str, Border]:
    """`{side, color, size, style}` or a list of them → side → Border (size in points)."""
    specs = spec if isinstance(spec, list) else [spec] if spec else []
    return {one.get("side", "bottom"): Border(one.get("style", "single"), float(one.get("size", 1.5)), one.get("color"))
            for one in specs}
