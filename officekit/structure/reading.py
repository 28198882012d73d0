"""Reading a draft's body: the state every recognition pass shares, the block helpers they judge lines
with, and the named thresholds.

The passes (front.py 版头/标题, main_to.py 主送, record.py 版记, closing.py 落款/附件) are mixins over
`Reading`; recognize.py runs them in order.  A pass tags lines with `_tag`, giving the evidence that
decided (shown by `officekit check --show-structure`).
"""

from __future__ import annotations

import re

from officekit.document.model import Block, Document
from officekit.structure import patterns as P
from officekit.structure.doctype import doctype_of, ends_with_statutory_doctype
from officekit.structure.model import Draft, ElementSpan

# How far a line must be pushed right to read as a 落款 line: leading spaces (字), or an indent.
PUSHED_RIGHT_SPACES = 4
PUSHED_RIGHT_CHARS = 8
PUSHED_RIGHT_PT = 120
# A line of organ names (for a 主送 written without its colon): every name ends like an organ.
NAME_SPLIT = re.compile(r"[、，,；;]")
ORGAN_NAME = re.compile(r"(?:政府|委员会|办公厅|办公室|党委|党组|机关|部门|单位|机构|局|厅|委|办|部|院|署|处|科|中心|站|场|所|校|学|公司|集团|队|会"
                         r"|省|市|县|区|州|盟|旗|乡|镇|街道|兵团|军区|各部委|直属机构)$")
# How long one name of a 主送 list may be (各省、自治区、直辖市人民政府 is one list of short names).
ORGAN_NAME_MAX_CHARS = 24
SHARED_ENDING_MAX_CHARS = 4  # 甘肃、青海省人民政府: a short name that borrows the next one's ending


def organ_names(text: str) -> bool:
    """Every name of the list (、，；-separated) ends like an organ: 市人民政府、市财政局 — or shares the
    ending of the next name (甘肃、青海省人民政府: 甘肃省人民政府 and 青海省人民政府)."""
    names = [n for n in NAME_SPLIT.split(text) if n]
    if not names or any(len(n) > ORGAN_NAME_MAX_CHARS for n in names):
        return False
    for name, following in zip(names, names[1:] + [None]):
        if ORGAN_NAME.search(name):
            continue
        if following is None or len(name) > SHARED_ENDING_MAX_CHARS or not ORGAN_NAME.search(following):
            return False
    return True


ALIGNMENT_NAMES = {"center": "居中", "right": "居右", "left": "居左", "both": "两端对齐", "distribute": "分散对齐"}


def format_evidence(block: Block) -> str:
    """How a .docx line is set, in a reviewer's words: （居中，22磅，红色）."""
    if not block.has_format:
        return ""
    notes = []
    if (align := alignment(block)) in ALIGNMENT_NAMES:
        notes.append(ALIGNMENT_NAMES[align])
    if size := max_size(block):
        notes.append(f"{size:g}磅")
    if is_red(block):
        notes.append("红色")
    if pushed_right(block) and alignment(block) != "right":
        notes.append("推向右侧")
    return f"（{'，'.join(notes)}）" if notes else ""


def is_red(block: Block) -> bool:
    """Most visible characters are in a red colour (the 发文机关标志 is printed red)."""
    red = total = 0
    for run in block.runs:
        n = len(P.compact(run.text))
        total += n
        color = run.props.color if run.props else None
        if color and len(color) == 6:
            try:
                r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
            except ValueError:
                continue
            if r >= 0xC0 and g <= 0x70 and b <= 0x70:
                red += n
    return total > 0 and red * 2 >= total


def max_size(block: Block) -> float:
    sizes = [run.props.size_pt for run in block.runs if run.props and run.props.size_pt and run.text.strip()]
    return max(sizes, default=0.0)


def alignment(block: Block) -> str | None:
    return block.props.alignment if block.props else None


def pushed_right(block: Block) -> bool:
    """The line is set towards the right margin, as a 落款 is: right-aligned, or pushed there by spaces or a
    deep left indent (templates do all three)."""
    if P.leading_space_chars(block.text) >= PUSHED_RIGHT_SPACES:
        return True
    props = block.props
    if props is None:
        return False
    if props.alignment == "right":
        return True
    # a deep left or first-line indent (an organ name pushed right with the first-line indent)
    indent_chars = max(props.left_chars or 0, props.first_line_chars or 0)
    indent_pt = max(props.left_pt or 0, props.first_line_pt or 0)
    return indent_chars >= PUSHED_RIGHT_CHARS or indent_pt >= PUSHED_RIGHT_PT


def indented_like_body(block: Block) -> bool:
    """A first-line indent: the mark of a 正文 paragraph, never of a 署名."""
    props = block.props
    return props is not None and ((props.first_line_chars or 0) >= 1 or (props.first_line_pt or 0) >= 10)


def title_like(block: Block) -> bool:
    return block.has_format and alignment(block) == "center" and max_size(block) >= 18


def names_only(block: Block) -> bool:
    """A line of personal names only (the second line of several 签发人): 2–4 characters each, set apart by
    spaces, or one name pushed right."""
    text = block.text
    names = text.split()
    if not names or len(names) > 4:
        return False
    if not all(re.fullmatch(r"[\u4e00-\u9fff·□Ｘ×X]{2,4}", n) for n in names):
        return False
    if ends_with_statutory_doctype(names[-1]) or doctype_of(names[-1], strict=True)[0]:
        return False
    return len(names) > 1 or P.leading_space_chars(text) >= 2 or pushed_right(block)


def heading_text(block: Block) -> str:
    """The text as the reader sees it: Word's automatic numbering label in front."""
    label = block.props.numbering_label if block.props and block.props.numbering_label else ""
    return label + block.text.lstrip()


def heading_level(text: str) -> int | None:
    """1–4 for 一、/（一）/1./（1） at the start of `text`, else None."""
    stripped = text.lstrip()
    for level, pattern in P.HEADINGS:
        if pattern.match(stripped):
            return level
    return None


class Reading:
    """The body blocks, their compact text, the lines that carry text and the spans tagged so far."""

    def __init__(self, document: Document):
        self.document = document
        self.blocks = document.body
        self.flat = [P.compact(b.text) for b in self.blocks]
        self.spans: dict[int, list[ElementSpan]] = {}
        self.draft = Draft(document=document)
        # Body blocks that carry text, page-number lines left out (text exported from a PDF has them).
        self.lines: list[int] = []
        # Lines a page break stands before, also when Word put it in an empty paragraph above them.
        self.new_page: set[int] = set()
        pending_break = False
        for i, flat in enumerate(self.flat):
            pending_break = pending_break or self.blocks[i].page_break_before
            if not flat:
                continue
            if pending_break:
                self.new_page.add(i)
                pending_break = False
            if P.PAGE_NUMBER.fullmatch(flat):
                self._tag(i, "页码", why="单独一行的页码")
                continue
            self.lines.append(i)
        self.telegram_tables = self._telegram_tables()  # front.py: the 明传电报 form, if any
        self.telegram = False  # a telegram form was read in the front
        # Lines that are no 公文要素 at all: a byline under the title, a table of contents.
        self.no_element: set[int] = set()

    def _tag(self, i: int, element: str, start: int | None = None, end: int | None = None, why: str = "") -> None:
        """Tag block `i` (or [start, end) of it) as `element`; `why` is the evidence, shown by
        --show-structure: where the line stands and what shape it has, plus its formatting in a .docx."""
        block = self.blocks[i]
        s = 0 if start is None else start
        e = len(block.text) if end is None else end
        evidence = why + format_evidence(block)
        self.spans.setdefault(i, []).append(
            ElementSpan(element, block.part, block.index, s, e, block.text[s:e], evidence))

    def _tagged(self, i: int) -> bool:
        return i in self.spans

    def _next_line(self, pos: int) -> int | None:
        return self.lines[pos] if pos < len(self.lines) else None

    def _tag_signature_and_date(self, i: int) -> None:
        """署名 and 成文日期 on one line: two spans (found on the compact text, mapped back)."""
        text = self.blocks[i].text
        match = P.SIGNATURE_AND_DATE.fullmatch(self.flat[i])
        kept = [k for k, ch in enumerate(text) if not ch.isspace()]
        if not match or len(kept) != len(self.flat[i]):
            self._tag(i, "成文日期", why="署名与日期同行")
            return
        org_end = kept[match.end("org") - 1] + 1
        self._tag(i, "发文机关署名", kept[0], org_end, why="署名与日期同行")
        self._tag(i, "成文日期", kept[match.start("date")], kept[match.end("date") - 1] + 1, why="署名与日期同行")
