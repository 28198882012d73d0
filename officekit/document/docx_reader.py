"""Read a .docx into the Document model by walking its XML with lxml.

python-docx is the project's library for *writing*; for reading we open the zip ourselves: it is
several times faster (no proxy objects, styles resolved once per document in `styles.StyleSheet`),
and the XML gives us what python-docx hides: text boxes, merged cells only once, field codes,
tracked insertions/deletions, comments anchors.

Reading order of a story (body, one header, one footer):
  paragraphs in document order; a table's cells row by row, each w:tc once (merged cells are one
  w:tc), nested tables in place; the paragraphs of a text box right after the paragraph that anchors
  it; of an mc:AlternateContent only one branch (the first mc:Choice, else mc:Fallback).
Every w:p read becomes exactly one block, so block numbers match the paragraphs annotate/fix touch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from officekit.document.model import Block, Document, Run, Section, Shape
from officekit.document.numbering import Numbering
from officekit.document.ooxml import (
    A, MC, PIC, R, V, VAL, W, WP, WPS, color_value, on_off, to_float, to_int, twips_to_mm, twips_to_pt,
)
from officekit.document.package import Package
from officekit.document.styles import StyleSheet, merge, parse_ppr, parse_rpr, parse_table_borders
from officekit.errors import InputError

MAX_TABLE_DEPTH = 40  # deeper nesting is flattened (a crafted file; Word itself stops far earlier)
M_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_P, _R, _T, _TBL, _TR, _TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
_PPR, _RPR, _SECTPR = W + "pPr", W + "rPr", W + "sectPr"
_ALTERNATE = MC + "AlternateContent"
_TXBX = W + "txbxContent"
# Containers whose children are read as if they stood in the parent.
_TRANSPARENT_INLINE = frozenset(W + t for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "dir", "bdo"))
_SKIPPED_INLINE = frozenset(W + t for t in ("del", "moveFrom", "pPr", "proofErr", "bookmarkStart", "bookmarkEnd"))
_LINE_PRESETS = frozenset({"line", "straightConnector1", "bentConnector2", "bentConnector3"})
_VML_COLORS = {"red": "FF0000", "black": "000000", "blue": "0000FF", "green": "008000", "white": "FFFFFF"}


def choose_alternate(alternate):
    """The one branch of an mc:AlternateContent we read: the first mc:Choice, else mc:Fallback."""
    fallback = None
    for branch in alternate:
        if branch.tag == MC + "Choice" and len(branch):
            return branch
        if branch.tag == MC + "Fallback":
            fallback = branch
    return fallback


def _vml_color(value: str | None) -> str | None:
    if not value:
        return None
    value = value.split()[0].strip().lower()
    if value in _VML_COLORS:
        return _VML_COLORS[value]
    if value.startswith("#") and len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return color_value(value)


@dataclass
class _ParagraphText:
    """What reading one paragraph's content accumulates."""

    para_rpr: dict
    parts: list[str] = field(default_factory=list)
    length: int = 0
    runs: list[Run] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    textboxes: list = field(default_factory=list)
    field_stack: list[list] = field(default_factory=list)  # [instruction, in_result]
    page_break_here: bool = False
    page_break_after: bool = False
    comment_marks: list[tuple[str, str, int]] = field(default_factory=list)  # (start|end|ref, id, offset)
    run_map: list | None = None  # for editing only: [(w:r, start, [(child, start, length), ...]), ...]

    def add(self, text: str, props) -> None:
        if not text:
            return
        self.runs.append(Run(text, props, self.length))
        self.parts.append(text)
        self.length += len(text)

    @property
    def in_instruction(self) -> bool:
        return any(not in_result for _, in_result in self.field_stack)


class _StoryReader:
    """Turns one story (the body, or one header/footer part) into blocks."""

    def __init__(self, reader: "DocxReader", part: str, blocks: list[Block], story: str | None = None):
        self.reader = reader
        self.sheet = reader.sheet
        self.part = part
        self.blocks = blocks
        self.story = story
        self.section = 0
        self.table_count = 0
        self.pending_page_break = False
        self.pending_comment_starts: list[str] = []
        self.comment_marks: dict[str, dict[str, tuple[int, int]]] = {}
        self.cell_borders: dict = {}  # effective borders of the table cell being read

    # ------------------------------------------------------------ block level

    def walk(self, container, kind: str = "body", table=None, depth: int = 0) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, kind, table, depth)
            elif tag == _TBL:
                self.table(child, depth + 1)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.walk(content, kind, table, depth)
            elif tag == W + "customXml":
                self.walk(child, kind, table, depth)
            elif tag == _ALTERNATE:
                branch = choose_alternate(child)
                if branch is not None:
                    self.walk(branch, kind, table, depth)
            elif tag == W + "commentRangeStart":
                self.pending_comment_starts.append(child.get(W + "id", ""))
            elif tag == W + "commentRangeEnd" and self.blocks:
                last = self.blocks[-1]
                self._mark("end", child.get(W + "id", ""), last.index, len(last.text))

    def table(self, tbl, depth: int) -> None:
        self.table_count += 1
        number = self.table_count
        if depth > MAX_TABLE_DEPTH:
            # Pathological nesting: keep the text, drop the structure, never recurse further.
            self.reader.warn(f"表格嵌套超过 {MAX_TABLE_DEPTH} 层，内层表格按普通段落读取")
            for p in tbl.iter(_P):
                self.paragraph(p, "table", (number, 1, 1), depth, read_textboxes=False)
            return
        table_borders = self._table_borders(tbl)
        rows = list(_unwrap(tbl, _TR))
        for row_number, tr in enumerate(rows, 1):
            column = 1
            tr_pr = tr.find(W + "trPr")
            if tr_pr is not None:
                before = tr_pr.find(W + "gridBefore")
                if before is not None:
                    column += to_int(before.get(VAL)) or 0
            row_borders = merge_borders(table_borders, parse_table_borders(tr.find(f"{W}tblPrEx/{W}tblBorders")))
            cells = list(_unwrap(tr, _TC))
            for cell_number, tc in enumerate(cells, 1):
                span = 1
                tc_pr = tc.find(W + "tcPr")
                if tc_pr is not None:
                    grid_span = tc_pr.find(W + "gridSpan")
                    if grid_span is not None:
                        span = max(to_int(grid_span.get(VAL)) or 1, 1)
                outer = self.cell_borders
                self.cell_borders = _cell_borders(
                    row_borders, parse_table_borders(tc_pr.find(W + "tcBorders") if tc_pr is not None else None),
                    first_row=row_number == 1, last_row=row_number == len(rows),
                    first_column=cell_number == 1, last_column=cell_number == len(cells))
                self.walk(tc, "table", (number, row_number, column), depth)
                self.cell_borders = outer
                column += span

    def _table_borders(self, tbl) -> dict:
        """The table's borders: its style's (cheap: tblBorders of the style chain only), then tblBorders."""
        tbl_pr = tbl.find(W + "tblPr")
        style_el = tbl_pr.find(W + "tblStyle") if tbl_pr is not None else None
        style = self.sheet.table_borders(style_el.get(VAL) if style_el is not None else None)
        direct = parse_table_borders(tbl_pr.find(W + "tblBorders") if tbl_pr is not None else None)
        return merge_borders(style, direct)

    # ------------------------------------------------------------ paragraph level

    def paragraph(self, p, kind: str, table, depth: int, read_textboxes: bool = True) -> None:
        ppr_el = p.find(_PPR)
        direct = parse_ppr(ppr_el)
        para_ppr, para_rpr = self.sheet.paragraph_style(direct.pop("style_id", None))
        num_id = direct.get("num_id", para_ppr.get("num_id"))
        ilvl = direct.get("ilvl", para_ppr.get("ilvl", 0))
        label, level_ppr = (None, None)
        if num_id and num_id != "0":
            label, level_ppr = self.reader.numbering.next_label(num_id, ilvl or 0)
        merged = merge(para_ppr, level_ppr) if level_ppr else para_ppr
        merged = merge(merged, direct)
        props = StyleSheet.paragraph_props(merged)
        props.numbering_label = label

        acc = _ParagraphText(para_rpr)
        editing = self.reader.edit_map is not None
        if editing:
            acc.run_map = []
        self.inline(p, acc)
        index = len(self.blocks) + 1
        if editing:  # annotate/fix edit the very paragraphs (and runs) this walk numbered
            self.reader.edit_map.paragraphs[self.part].append((p, acc.run_map))
        block = Block(
            part=self.part, index=index, text="".join(acc.parts), runs=acc.runs, props=props,
            container=kind, table=table, section=self.section,
            page_break_before=self.pending_page_break or acc.page_break_here or props.page_break_before,
            fields=acc.fields, shapes=acc.shapes, story=self.story,
            cell_borders=dict(self.cell_borders) if kind == "table" else {},
        )
        self.blocks.append(block)
        self.pending_page_break = acc.page_break_after
        for comment_id in self.pending_comment_starts:
            self._mark("start", comment_id, index, 0)
        self.pending_comment_starts.clear()
        for what, comment_id, offset in acc.comment_marks:
            self._mark(what, comment_id, index, offset)

        if read_textboxes:
            for content in acc.textboxes:
                self.walk(content, "textbox", None, depth)
        if ppr_el is not None and kind == "body" and depth == 0 and ppr_el.find(_SECTPR) is not None:
            # This paragraph ends a section; the next one starts a new page unless the break is continuous.
            self.section += 1
            if self.reader.section_starts_page(self.section):
                self.pending_page_break = True

    def _mark(self, what: str, comment_id: str, index: int, offset: int) -> None:
        self.comment_marks.setdefault(comment_id, {}).setdefault(what, (index, offset))

    def inline(self, container, acc: _ParagraphText) -> None:
        for child in container:
            tag = child.tag
            if tag == _R:
                self.run(child, acc)
            elif tag in _TRANSPARENT_INLINE:
                self.inline(child, acc)
            elif tag in _SKIPPED_INLINE:
                continue
            elif tag == W + "fldSimple":
                name = _field_name(child.get(W + "instr", ""))
                if name:
                    acc.fields.append(name)
                self.inline(child, acc)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.inline(content, acc)
            elif tag == _ALTERNATE:
                branch = choose_alternate(child)
                if branch is not None:
                    self.inline(branch, acc)
            elif tag == W + "commentRangeStart":
                acc.comment_marks.append(("start", child.get(W + "id", ""), acc.length))
            elif tag == W + "commentRangeEnd":
                acc.comment_marks.append(("end", child.get(W + "id", ""), acc.length))
            elif tag in (M_NS + "oMath", M_NS + "oMathPara"):
                acc.add("".join(t.text or "" for t in child.iter(M_NS + "t")), None)

    def run(self, r, acc: _ParagraphText) -> None:
        props = None
        pieces: list[str] = []
        segments = [] if acc.run_map is not None else None
        for child in r:
            if segments is not None:
                segments.append((child, len(pieces)))
            tag = child.tag
            if tag == _RPR:
                props = self.sheet.run_props(acc.para_rpr, parse_rpr(child))
            elif tag == _T:
                if not acc.in_instruction:
                    pieces.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                pieces.append("\t")
            elif tag == W + "br" or tag == W + "cr":
                kind = child.get(W + "type")
                if kind == "page" or kind == "column":
                    if acc.length == 0 and not pieces:
                        acc.page_break_here = True
                    else:
                        pieces.append("\n")
                        acc.page_break_after = True
                else:
                    pieces.append("\n")
            elif tag == W + "fldChar":
                self._field_char(child, acc)
            elif tag == W + "instrText":
                if acc.field_stack:
                    acc.field_stack[-1][0] += child.text or ""
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "sym":
                code = child.get(W + "char")
                try:
                    pieces.append(chr(int(code, 16)))
                except (TypeError, ValueError):
                    pass
            elif tag == W + "commentReference":
                acc.comment_marks.append(("ref", child.get(W + "id", ""), acc.length + sum(map(len, pieces))))
            elif tag in (W + "drawing", W + "pict", W + "object", _ALTERNATE):
                self.graphics(child, acc)
        if props is None:
            props = self.sheet.run_props(acc.para_rpr, {})
        if segments is not None:
            acc.run_map.append((r, acc.length, _child_offsets(segments, pieces)))
        acc.add("".join(pieces), props)

    def _field_char(self, el, acc: _ParagraphText) -> None:
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            acc.field_stack.append(["", False])
        elif kind == "separate" and acc.field_stack:
            acc.field_stack[-1][1] = True
            name = _field_name(acc.field_stack[-1][0])
            if name:
                acc.fields.append(name)
        elif kind == "end" and acc.field_stack:
            instruction, in_result = acc.field_stack.pop()
            name = _field_name(instruction)
            if name and not in_result:
                acc.fields.append(name)

    # ------------------------------------------------------------ drawings

    def graphics(self, el, acc: _ParagraphText) -> None:
        """Shapes and text boxes inside a w:drawing / w:pict / mc:AlternateContent of a run."""
        stack = [el]
        while stack:
            node = stack.pop()
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if tag == _ALTERNATE:
                branch = choose_alternate(node)
                if branch is not None:
                    stack.append(branch)
                continue
            if tag == _TXBX:
                acc.textboxes.append(node)
                continue  # its paragraphs are read as blocks of their own
            shape = _shape_of(node)
            if shape is not None:
                acc.shapes.append(shape)
            stack.extend(reversed(node))
        # Stack order visits children in document order; text boxes keep that order.


def merge_borders(base: dict, over: dict) -> dict:
    if not over:
        return base
    merged = dict(base)
    merged.update(over)
    return merged


def _cell_borders(table: dict, cell: dict, *, first_row: bool, last_row: bool, first_column: bool,
                  last_column: bool) -> dict:
    """The borders Word draws around one cell: the cell's own tcBorders where stated (a stated nil
    removes the line), else the table's outer edge or its insideH/insideV line for inner edges."""
    from_table = {
        "top": table.get("top" if first_row else "insideH"),
        "bottom": table.get("bottom" if last_row else "insideH"),
        "left": table.get("left" if first_column else "insideV"),
        "right": table.get("right" if last_column else "insideV"),
    }
    result = {}
    for side, inherited in from_table.items():
        border = cell[side] if side in cell else inherited
        if border is not None:
            result[side] = border
    return result


def _child_offsets(segments, pieces) -> list[tuple]:
    """(child, start, length) of each child of a run: which characters of the run text it produced."""
    out, offset = [], 0
    for number, (child, first_piece) in enumerate(segments):
        last_piece = segments[number + 1][1] if number + 1 < len(segments) else len(pieces)
        length = sum(len(piece) for piece in pieces[first_piece:last_piece])
        out.append((child, offset, length))
        offset += length
    return out


def _unwrap(parent, tag: str):
    """Children with `tag`, looking through w:sdt/w:sdtContent/w:customXml wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _unwrap(content, tag)
        elif child.tag == W + "customXml":
            yield from _unwrap(child, tag)


def _field_name(instruction: str) -> str | None:
    words = instruction.split()
    return words[0].upper() if words else None


def _extent_mm(node) -> float | None:
    for ancestor in node.iterancestors(WP + "anchor", WP + "inline"):
        extent = ancestor.find(WP + "extent")
        if extent is not None:
            cx = to_float(extent.get("cx"))
            return None if cx is None else round(cx / 36000, 2)
        break
    return None


def _drawingml_line_color(sp_pr) -> str | None:
    if sp_pr is None:
        return None
    srgb = sp_pr.find(f"{A}ln/{A}solidFill/{A}srgbClr")
    return color_value(srgb.get("val")) if srgb is not None else None


def _shape_of(node) -> Shape | None:
    tag = node.tag
    if tag == WPS + "wsp":
        sp_pr = node.find(WPS + "spPr")
        geometry = sp_pr.find(A + "prstGeom") if sp_pr is not None else None
        preset = geometry.get("prst") if geometry is not None else None
        if node.find(WPS + "txbx") is not None:
            kind = "textbox"
        elif preset in _LINE_PRESETS:
            kind = "line"
        else:
            kind = "shape"
        color = _drawingml_line_color(sp_pr)
        if color is None:
            style_color = node.find(f"{WPS}style/{A}lnRef/{A}srgbClr")
            color = color_value(style_color.get("val")) if style_color is not None else None
        return Shape(kind=kind, color=color, width_mm=_extent_mm(node))
    if tag == PIC + "pic":
        return Shape(kind="picture", width_mm=_extent_mm(node))
    if tag == V + "line":
        return Shape(kind="line", color=_vml_stroke(node))
    if tag in (V + "shape", V + "rect", V + "roundrect", V + "oval", V + "polyline"):
        if node.find(V + "imagedata") is not None:
            return Shape(kind="picture")
        if node.find(V + "textbox") is not None:
            return Shape(kind="textbox", color=_vml_stroke(node))
        shape_type = node.get("type") or ""
        kind = "line" if shape_type.endswith(("_x0000_t32", "_x0000_t20")) else "shape"
        return Shape(kind=kind, color=_vml_stroke(node))
    return None


def _vml_stroke(node) -> str | None:
    if (node.get("stroked") or "t").lower() in ("f", "false"):
        return None
    stroke = node.find(V + "stroke")
    color = node.get("strokecolor") or (stroke.get("color") if stroke is not None else None)
    return _vml_color(color) if color else "000000"  # VML's default stroke is black


# ---------------------------------------------------------------- the document

class DocxReader:
    """One .docx package → Document."""

    def __init__(self, package: Package, path: str):
        self.package = package
        self.path = path
        self.warnings: list[str] = []
        main = package.main_part()
        if main is None:
            other = package.describe_other_format()
            raise InputError(path, "not-docx", other or "压缩包中没有 word/document.xml，不是 Word 文档（.docx）")
        self.main = main
        self.rels = package.relationships(main)
        self.sheet = StyleSheet(self._related("/styles"), theme_loader=lambda: self._related("/theme"))
        self._numbering: Numbering | None = None
        self.section_elements: list = []
        self.edit_map: EditMap | None = None  # set by read_docx_for_editing()

    @property
    def numbering(self) -> Numbering:
        """numbering.xml, parsed the first time a paragraph is numbered."""
        if self._numbering is None:
            self._numbering = Numbering(self._related("/numbering"))
        return self._numbering

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _related_name(self, suffix: str) -> str | None:
        for rel_type, name in self.rels.values():
            if rel_type.endswith(suffix) and self.package.has(name):
                return name
        return None

    def _related(self, suffix: str):
        name = self._related_name(suffix)
        return self.package.xml(name) if name else None

    def section_starts_page(self, section_index: int) -> bool:
        if section_index >= len(self.section_elements):
            return True
        kind = self.section_elements[section_index].find(W + "type")
        return kind is None or kind.get(VAL) not in ("continuous",)

    def read(self) -> Document:
        root = self.package.xml(self.main)
        if self.edit_map is not None:
            self.edit_map.roots[self.main] = root
        body = root.find(W + "body") if root is not None else None
        if body is None:
            raise InputError(self.path, "corrupt", f"{self.main} 中没有正文（w:body），文件可能已损坏")
        self.section_elements = _section_elements(body)
        doc = Document(path=self.path, kind="docx")

        story = _StoryReader(self, "body", doc.body)
        story.walk(body)
        doc.sections = [self._section(el) for el in self.section_elements] or [Section()]
        self._headers_and_footers(doc)

        settings = self._related("/settings")
        if settings is not None:
            even = settings.find(W + "evenAndOddHeaders")
            doc.even_and_odd_headers = even is not None and on_off(even)
        doc.comments = self._comments(story, doc)
        doc.warnings = self.warnings
        return doc

    # ------------------------------------------------------------ sections

    def _section(self, sect) -> Section:
        section = Section()
        size = sect.find(W + "pgSz")
        if size is not None:
            section.page_width_mm = twips_to_mm(size.get(W + "w"))
            section.page_height_mm = twips_to_mm(size.get(W + "h"))
            orient = size.get(W + "orient")
            if orient:
                section.orientation = orient
            elif section.page_width_mm and section.page_height_mm and section.page_width_mm > section.page_height_mm:
                section.orientation = "landscape"
        margins = sect.find(W + "pgMar")
        if margins is not None:
            section.margin_top_mm = twips_to_mm(margins.get(W + "top"))
            section.margin_bottom_mm = twips_to_mm(margins.get(W + "bottom"))
            section.margin_left_mm = twips_to_mm(margins.get(W + "left"))
            section.margin_right_mm = twips_to_mm(margins.get(W + "right"))
            section.gutter_mm = twips_to_mm(margins.get(W + "gutter"))
        grid = sect.find(W + "docGrid")
        if grid is not None:
            section.grid_type = grid.get(W + "type")
            section.grid_line_pitch_pt = twips_to_pt(grid.get(W + "linePitch"))
            self._grid_counts(section, to_float(grid.get(W + "charSpace")) or 0.0)
        title_pg = sect.find(W + "titlePg")
        section.title_page = title_pg is not None and on_off(title_pg)
        return section

    def _grid_counts(self, section: Section, char_space: float) -> None:
        """Lines per page and characters per line the document grid gives (GB/T 9704: 22 × 28)."""
        mm_to_pt = 72 / 25.4
        pitch = section.grid_line_pitch_pt
        if section.grid_type in ("lines", "linesAndChars", "snapToChars") and pitch and section.page_height_mm:
            usable = (section.page_height_mm - abs(section.margin_top_mm or 0) - abs(section.margin_bottom_mm or 0))
            section.lines_per_page = max(math.floor(usable * mm_to_pt / pitch + 0.01), 0)
        if section.grid_type in ("linesAndChars", "snapToChars") and section.page_width_mm:
            char_pitch = (self.sheet.default_font_size() or 10.0) + char_space / 4096
            width = (section.page_width_mm - (section.margin_left_mm or 0) - (section.margin_right_mm or 0)
                     - (section.gutter_mm or 0))
            if char_pitch > 0:
                section.chars_per_line = max(math.floor(width * mm_to_pt / char_pitch + 0.01), 0)

    def _headers_and_footers(self, doc: Document) -> None:
        read_parts: dict[str, list[int]] = {}
        for number, sect in enumerate(self.section_elements):
            section = doc.sections[number]
            for ref_tag, part, blocks, mapping in (
                ("headerReference", "header", doc.header, section.headers),
                ("footerReference", "footer", doc.footer, section.footers),
            ):
                for ref in sect.iterchildren(W + ref_tag):
                    story = ref.get(W + "type") or "default"
                    target = self.rels.get(ref.get(R + "id") or "")
                    if target is None or not self.package.has(target[1]):
                        continue
                    name = target[1]
                    if name not in read_parts:
                        read_parts[name] = self._read_story(name, part, blocks, story, number)
                    mapping[story] = list(read_parts[name])
                # A section without its own reference of a story inherits the previous section's.
                if number > 0:
                    previous = doc.sections[number - 1].headers if part == "header" else doc.sections[number - 1].footers
                    for story, indexes in previous.items():
                        mapping.setdefault(story, list(indexes))

    def _read_story(self, name: str, part: str, blocks: list[Block], story: str, section: int) -> list[int]:
        root = self.package.xml(name)
        if root is None:
            return []
        if self.edit_map is not None:
            self.edit_map.roots[name] = root
        before = len(blocks)
        reader = _StoryReader(self, part, blocks, story)
        reader.section = section
        reader.walk(root)
        for block in blocks[before:]:
            block.section = section
        return [block.index for block in blocks[before:]]

    # ------------------------------------------------------------ comments

    def _comments(self, story: _StoryReader, doc: Document) -> list[tuple[int, int, int, str]]:
        root = self._related("/comments")
        if root is None:
            return []
        texts = {}
        for comment in root.iterchildren(W + "comment"):
            paragraphs = ["".join(t.text or "" for t in p.iter(_T)) for p in comment.iter(_P)]
            texts[comment.get(W + "id", "")] = "\n".join(paragraphs)
        result = []
        for comment_id, text in texts.items():
            marks = story.comment_marks.get(comment_id, {})
            start = marks.get("start") or marks.get("ref")
            if start is None:
                continue
            end = marks.get("end") or marks.get("ref") or start
            block, offset = start
            if end[0] != block:  # a range over several paragraphs: keep the first paragraph's part
                end = (block, len(doc.body[block - 1].text))
            result.append((block, offset, max(end[1], offset), text))
        result.sort()
        return result


def _section_elements(body) -> list:
    """The w:sectPr of the body in order: those ending a section in a body-level paragraph, then the
    final one.  (A sectPr anywhere else — a table cell, a revision record — does not end a section.)"""
    wrappers = {W + "sdtContent", W + "sdt", W + "customXml"}
    elements = []
    for sect in body.iter(_SECTPR):
        parent = sect.getparent()
        if parent is body:
            elements.append(sect)
            continue
        if parent.tag != _PPR or parent.getparent().tag != _P:
            continue
        container = parent.getparent().getparent()
        while container is not None and container.tag in wrappers:
            container = container.getparent()
        if container is body:
            elements.append(sect)
    return elements


def read_docx(data: bytes, path: str) -> Document:
    return DocxReader(Package(data, path), path).read()


@dataclass
class EditMap:
    """What annotate/fix need to edit a .docx in the reader's own block numbering.

    `paragraphs[part][i]` is the w:p element of block i+1 of that part with its runs
    [(w:r, start offset in the block text, [(child, start in the run text, length), ...]), ...];
    `roots` maps each part name read (word/document.xml, word/header1.xml, ...) to its parsed tree,
    the same elements, so editing them and serialising `roots` edits the document."""

    package: Package
    main: str
    paragraphs: dict[str, list] = field(default_factory=lambda: {"body": [], "header": [], "footer": []})
    roots: dict[str, object] = field(default_factory=dict)


def read_docx_for_editing(data: bytes, path: str) -> tuple[Document, EditMap]:
    """Read like read_docx and also keep the XML elements behind every block."""
    package = Package(data, path)
    reader = DocxReader(package, path)
    reader.edit_map = EditMap(package, reader.main)
    return reader.read(), reader.edit_map
