"""The document model: what a reader produces and every later stage consumes.

A `Document` is a list of sections (page setup) and three parts of blocks: `body`, `header`, `footer`.
A block is one paragraph in reading order.  Its `index` is 1-based within its part and is the block
number of the location contract (DESIGN.md): reports, Word comments, fixes and `textconv` all use it.

For .docx every block carries its *resolved* formatting (styles, `basedOn` chains, document defaults
and theme fonts already applied), so no later stage needs to look at styles again.  Plain text has
`props is None` and runs without properties: there is no formatting to judge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Part = Literal["body", "header", "footer"]
PARTS: tuple[Part, ...] = ("body", "header", "footer")


@dataclass(slots=True)
class RunProps:
    """Resolved character formatting of one run."""

    east_asia_font: str | None = None  # font the Chinese characters render in (w:eastAsia)
    ascii_font: str | None = None  # font of Latin letters and digits (w:ascii)
    size_pt: float | None = None  # w:sz / 2
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str | None = None  # "RRGGBB" upper case; None = automatic (black)
    highlight: str | None = None


@dataclass(slots=True)
class Run:
    text: str
    props: RunProps | None = None
    start: int = 0  # offset of this run's text in the block text


@dataclass(slots=True)
class Border:
    style: str  # w:val, e.g. "single", "thickThinSmallGap"
    size_pt: float  # w:sz is in eighths of a point
    color: str | None  # "RRGGBB" or None (auto)


@dataclass(slots=True)
class ParagraphProps:
    """Resolved paragraph formatting."""

    style_id: str | None = None
    style_name: str | None = None
    alignment: str | None = None  # left/center/right/both/distribute (w:jc, "start"→left, "end"→right)
    first_line_pt: float | None = None  # positive first-line indent in points
    first_line_chars: float | None = None  # w:firstLineChars / 100 (wins over points in Word)
    hanging_pt: float | None = None
    hanging_chars: float | None = None
    left_pt: float | None = None
    left_chars: float | None = None
    right_pt: float | None = None
    right_chars: float | None = None
    line_rule: str | None = None  # "exact", "atLeast" or "auto"
    line_value: float | None = None  # points for exact/atLeast, a multiple (1.0 = single) for auto
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    borders: dict[str, Border] = field(default_factory=dict)  # top/bottom/left/right/between
    outline_level: int | None = None
    numbering_label: str | None = None  # text Word draws for automatic numbering, e.g. "一、"
    page_break_before: bool = False


@dataclass(slots=True)
class Shape:
    """A drawing anchored in a paragraph: a line, a picture, a text box."""

    kind: str  # "line", "picture", "textbox", "shape"
    color: str | None = None  # stroke colour "RRGGBB"
    width_mm: float | None = None


@dataclass(slots=True)
class Block:
    part: Part
    index: int  # 1-based within the part, in reading order
    text: str  # line breaks inside a paragraph are "\n", tabs "\t"
    runs: list[Run] = field(default_factory=list)
    props: ParagraphProps | None = None  # None for plain text input
    container: str = "body"  # "body", "table" or "textbox"
    table: tuple[int, int, int] | None = None  # (table number, row, column), 1-based, for table cells
    section: int = 0  # index into Document.sections
    page_break_before: bool = False  # a hard page break (or section break) precedes this block
    fields: list[str] = field(default_factory=list)  # field instructions, e.g. ["PAGE"]
    shapes: list[Shape] = field(default_factory=list)
    story: str | None = None  # for header/footer blocks: "default", "first" or "even"
    # for table-cell paragraphs: the borders Word draws around the cell (its tcBorders, else the table's
    # tblBorders — insideH/insideV for inner edges — else the table style's), side → Border
    cell_borders: dict[str, Border] = field(default_factory=dict)

    @property
    def has_format(self) -> bool:
        return self.props is not None


@dataclass(slots=True)
class Section:
    """Page setup of one section, in millimetres."""

    page_width_mm: float | None = None
    page_height_mm: float | None = None
    orientation: str = "portrait"
    margin_top_mm: float | None = None
    margin_bottom_mm: float | None = None
    margin_left_mm: float | None = None
    margin_right_mm: float | None = None
    gutter_mm: float | None = None
    grid_type: str | None = None  # w:docGrid/@w:type: "lines", "linesAndChars", "snapToChars"
    grid_line_pitch_pt: float | None = None
    lines_per_page: int | None = None  # derived from the grid and the margins
    chars_per_line: int | None = None  # derived from the grid when it has characters
    title_page: bool = False  # different first-page header/footer
    # header/footer blocks of this section by story ("default", "first", "even") → block indexes
    headers: dict[str, list[int]] = field(default_factory=dict)
    footers: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Document:
    path: str
    kind: Literal["docx", "text"]
    body: list[Block] = field(default_factory=list)
    header: list[Block] = field(default_factory=list)
    footer: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    even_and_odd_headers: bool = False  # settings.xml w:evenAndOddHeaders
    comments: list[tuple[int, int, int, str]] = field(default_factory=list)  # (block, start, end, text) of existing 批注
    warnings: list[str] = field(default_factory=list)  # things the reader could not fully read

    @property
    def has_format(self) -> bool:
        return self.kind == "docx"

    def blocks(self, part: Part = "body") -> list[Block]:
        return {"body": self.body, "header": self.header, "footer": self.footer}[part]

    def block(self, part: Part, index: int) -> Block:
        return self.blocks(part)[index - 1]
