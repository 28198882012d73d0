"""The page: paper, margins and document grid of each section, and the page-number footers.

Targets are the params of the active `page` and `pagenum` rules (rules/format/page.yaml, pagenum.yaml)
with the profile applied; a section is changed only in what the rule's own judge (engine/types/page.py)
finds wrong.  Landscape sections (tables turned with the paper, GB/T 9704-2012 8) are left alone.

Page numbers (7.5): a draft the presence rule says needs one and that has none gets an odd footer
(右空一字) and an even footer (左空一字) holding 「— PAGE —」 in the page-number rule's font and size,
inserted as tracked content; a draft whose page number is not set odd/even gets the even footer.
"""

from __future__ import annotations

import dataclasses
import math
import posixpath

from lxml import etree

from officekit.document.docx_reader import _section_elements
from officekit.document.ooxml import R, W
from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
from officekit.engine.types import page as page_type
from officekit.engine.types.pagenum import page_number_blocks
from officekit.layout.ooxml_edit import PPR_ORDER, SECTPR_ORDER, Revisions, child, set_attrs
from officekit.layout.targets import preferred_font
from officekit.structure.model import Draft

TWIPS_PER_MM = 1440 / 25.4
PT_PER_MM = 72 / 25.4
DEFAULT_FONT_PT = 10.0  # Word's size when docDefaults say nothing (the reader assumes the same)
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
SETTINGS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
SETTINGS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
PAGE_NUMBER_DASH = "\u2014"  # 一字线 either side of the number (7.5)
PAGE_NUMBER_INDENT = 1  # 字 from the edge: 单页码居右空一字，双页码居左空一字
# settings.xml children after w:evenAndOddHeaders (CT_Settings), to insert it in schema order
_AFTER_EVEN_ODD = ("bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
                   "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
                   "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
                   "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
                   "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
                   "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
                   "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
                   "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr",
                   "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                   "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                   "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                   "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _rules_of(rules: list[RuleSpec], draft: Draft, type_name: str, check: str | None = None):
    for rule in rules:
        if rule.type == type_name and rule_applies(rule, draft) and (check is None or rule.params.get("check") == check):
            yield rule


def _fires(rule: RuleSpec, draft: Draft, config) -> bool:
    return any(True for _ in rule.check(Context(draft, rule, config, {})))


class PageLayout:
    def __init__(self, editor, draft: Draft, rules: list[RuleSpec], config, revisions: Revisions):
        self.editor, self.draft, self.rules, self.config, self.revisions = editor, draft, rules, config, revisions
        self.notes: list[str] = []  # what was changed, one line each
        self.left: list[str] = []  # what was not, and why

    def settings(self, rule: RuleSpec) -> dict:
        ctx = Context(self.draft, rule, self.config, {})
        s = F.Settings.of(ctx)
        return s if F.applies(ctx, s) else {}

    # ------------------------------------------------------------ sections

    def sections(self) -> dict[int, float]:
        """Set paper, margins and grid; section number → line pitch (pt) of its grid afterwards."""
        main = self.editor.map.roots[self.editor.map.main]
        body = main.find(W + "body")
        elements = _section_elements(body) if body is not None else []
        pitches: dict[int, float] = {}
        self.char_pitches = {}
        for n, (sect, section) in enumerate(zip(elements, self.draft.document.sections)):
            pitches[n] = section.grid_line_pitch_pt if section.grid_type in ("lines", "linesAndChars") else None
            turned = False
            if section.orientation == "landscape" or (section.page_width_mm or 0) > (section.page_height_mm or 0):
                if not self._turn_to_portrait(n, section):
                    continue  # a table turned with the paper (8): its page stays as it is
                section, turned = _portrait(section), True
            edits = self._section_edits(section, n, turned)
            values = self._section_values(section, edits)
            # a value already in place (the rule judges by something else, e.g. the body's line spacing)
            # is not written again: a second run must change nothing
            values = {tag: attrs for tag, attrs in values.items() if not _holds(sect.find(W + tag), attrs)}
            if "docGrid" in values:
                pitches[n] = int(values["docGrid"]["linePitch"]) / 20
            self.char_pitches[n] = self._char_pitch(section, edits, "docGrid" in values or "grid" in edits)
            if not values:
                continue
            if self.revisions.section_props(sect) is None:
                self.left.append(f"第 {n + 1} 节已有他人的页面设置修订，未改")
                continue
            self.editor._touch(sect)
            for tag, attrs in values.items():
                set_attrs(child(sect, tag, SECTPR_ORDER), attrs)
            names = {"pgSz": "纸张 A4 纵向", "pgMar": "页边距", "docGrid": "文档网格"}
            self.notes.append(f"第 {n + 1} 节页面：" + "、".join(names[tag] for tag in values))
        return pitches

    def _char_pitch(self, section, edits: dict, grid_set: bool) -> float | None:
        """The width (pt) of one cell of the section's character grid after layout, None without one."""
        chars = edits["grid"][1] if grid_set and "grid" in edits else (
            section.chars_per_line if section.grid_type in ("linesAndChars", "snapToChars") else None)
        if not chars:
            return None
        width, _ = edits.get("paper", (section.page_width_mm, section.page_height_mm))
        margins = {side: getattr(section, f"margin_{side}_mm") or 0 for side in ("left", "right")}
        margins.update({k: v for k, v in edits.get("margins", {}).items() if k in margins})
        return ((width or 0) - margins["left"] - margins["right"] - (section.gutter_mm or 0)) * PT_PER_MM / chars

    def _section_values(self, section, edits: dict) -> dict[str, dict[str, str]]:
        """w:pgSz / w:pgMar / w:docGrid attributes that carry out `edits`."""
        values: dict[str, dict[str, str]] = {}
        width, height = edits.get("paper", (section.page_width_mm, section.page_height_mm))
        if "paper" in edits:
            values["pgSz"] = {"w": _twips(width), "h": _twips(height), "orient": None}
        margins = {side: getattr(section, f"margin_{side}_mm") for side in ("top", "bottom", "left", "right")}
        if "margins" in edits:
            margins.update(edits["margins"])
            values["pgMar"] = {side: _twips(v) for side, v in edits["margins"].items()}
        if "grid" in edits and width and height:
            lines, chars = edits["grid"]
            usable_pt = (height - (margins["top"] or 0) - (margins["bottom"] or 0)) * PT_PER_MM
            width_pt = (width - (margins["left"] or 0) - (margins["right"] or 0) - (section.gutter_mm or 0)) * PT_PER_MM
            char_space = math.floor((width_pt / chars - self._default_font_pt()) * 4096)
            values["docGrid"] = {"type": "linesAndChars", "linePitch": str(math.floor(usable_pt * 20 / lines)),
                                 "charSpace": str(char_space)}
        return values

    def _turn_to_portrait(self, n: int, section) -> bool:
        """Whether the orientation rule finds this landscape section holds no table (so it should be portrait)."""
        for rule in _rules_of(self.rules, self.draft, "page", "orientation"):
            s = self.settings(rule)
            if s and page_type.JUDGES["orientation"](s, section, n, Context(self.draft, rule, self.config, {})):
                return True
        return False

    def _section_edits(self, section, n: int, turned: bool = False) -> dict:
        """What the page rules find off in `section`; a section `turned` to portrait gets its paper set."""
        edits: dict = {}
        if turned:
            edits["paper"] = (section.page_width_mm, section.page_height_mm)
        ctx_rules = list(_rules_of(self.rules, self.draft, "page"))
        for rule in ctx_rules:
            s = self.settings(rule)
            check = s.get("check")
            if check not in ("paper", "margins", "grid"):
                continue
            ctx = Context(self.draft, rule, self.config, {})
            if page_type.JUDGES[check](s, section, n, ctx) is None:
                continue
            if check == "paper":
                edits["paper"] = (float(s["paper"]["width"]), float(s["paper"]["height"]))
            elif check == "margins":
                edits.setdefault("margins", {}).update({side: float(v) for side, v in s["margins"].items()})
            else:
                edits["grid"] = (int(s["grid"]["lines"]), int(s["grid"]["chars"]))
        return edits

    def _default_font_pt(self) -> float:
        """The size Word sizes the character grid with: the default paragraph style's (as the reader does)."""
        from officekit.document.styles import StyleSheet

        styles = None
        for rel_type, name in self.editor.package.relationships(self.editor.map.main).values():
            if rel_type.endswith("/styles"):
                styles = self.editor.package.xml(name)
        return StyleSheet(styles).default_font_size() or DEFAULT_FONT_PT if styles is not None else DEFAULT_FONT_PT

    # ------------------------------------------------------------ page numbers

    def page_numbers(self) -> None:
        presence = next(_rules_of(self.rules, self.draft, "pagenum", "presence"), None)
        position = next(_rules_of(self.rules, self.draft, "pagenum", "position"), None)
        if presence is None and position is None:
            return
        ctx = Context(self.draft, presence or position, self.config, {})
        blocks = page_number_blocks(ctx)
        main = self.editor.map.roots[self.editor.map.main]
        body = main.find(W + "body")
        sects = _section_elements(body) if body is not None else []
        if not sects:
            return
        has_refs = any(s.find(W + "footerReference") is not None for s in sects)
        if not blocks:
            if presence is None or not self.settings(presence) or not _fires(presence, self.draft, self.config):
                return
            if has_refs:
                self.left.append("页脚已有其他内容，未自动插入页码")
                return
            self._add_footers(sects[0], ("default", "even"))
            self.notes.append("插入页码：单页居右空一字、双页居左空一字（— N —）")
            return
        if position is None or not self.settings(position):
            return
        even = [b for b in blocks if b.story == "even"]
        if not even:
            if any(ref.get(W + "type") == "even" for s in sects for ref in s.iterchildren(W + "footerReference")):
                self.left.append("双页页脚已有其他内容，未自动插入双页页码")
            else:
                self._add_footers(sects[0], ("even",))
                self.notes.append("插入双页页码（居左空一字），设置奇偶页不同")
        elif not self.draft.document.even_and_odd_headers:
            self._even_and_odd()
            self.notes.append("设置奇偶页不同")
        tolerance = float(self.settings(position).get("indent_tolerance", 0.5))
        for block in blocks:
            if block.part == "footer" and block.story in ("default", "even"):
                self._place(block, "right" if block.story == "default" else "left", tolerance)

    def _place(self, block, side: str, tolerance: float) -> None:
        """Put an existing page-number paragraph 右空一字 (odd) or 左空一字 (even); its text stays."""
        first, _, right = F.indents(block)
        align = F.alignment(block)
        if side == "right" and align == "right" and abs(right - PAGE_NUMBER_INDENT) <= tolerance:
            return
        if side == "left" and align in ("left", "both") and abs(first - PAGE_NUMBER_INDENT) <= tolerance:
            return
        paragraph = self.editor.paragraph(block.part, block.index)
        if paragraph is None:
            return
        ppr = self.revisions.paragraph_props(paragraph.element)
        if ppr is None:
            return
        indent = {"twips": str(round(PAGE_NUMBER_INDENT * F.main_size(block) * 20)), "chars": str(PAGE_NUMBER_INDENT * 100)}
        set_attrs(child(ppr, "jc", PPR_ORDER), {"val": side})
        if side == "right":
            values = {"right": indent["twips"], "rightChars": indent["chars"], "end": None, "endChars": None}
        else:  # the first line starts one 字 in: no first-line or hanging indent of its own
            values = {"left": indent["twips"], "leftChars": indent["chars"], "start": None, "startChars": None,
                      "firstLine": "0", "firstLineChars": "0", "hanging": None, "hangingChars": None}
        set_attrs(child(ppr, "ind", PPR_ORDER), values)
        self.notes.append("单页码居右空一字" if side == "right" else "双页码居左空一字")

    def _page_number_font(self) -> tuple[str, float]:
        for rule in self.rules:
            if rule.type == "format" and "页码" in rule.elements and rule.params.get("font"):
                s = self.settings(rule)
                if s:
                    office = self.config.profile.get("fonts") if self.config is not None else None
                    font = preferred_font(s["font"], s.get("aliases") or {}, office if isinstance(office, dict) else None)
                    return font, float(s.get("size") or 14)
        return "宋体", 14.0

    def _add_footers(self, sect, stories: tuple[str, ...]) -> None:
        font, size = self._page_number_font()
        opened = self.revisions.section_props(sect)
        if opened is None:
            self.left.append("首节已有他人的页面设置修订，未插入页码")
            return
        self.editor._touch(sect)
        for story in stories:
            name = self._new_footer_name()
            self.editor.new_parts[name] = self._footer_xml("right" if story == "default" else "left", font, size)
            target = posixpath.relpath(name, posixpath.dirname(self.editor.map.main))
            self.editor._add_relationship(FOOTER_REL, target)
            self.editor._add_content_type("/" + name, FOOTER_TYPE)
            ref = etree.Element(W + "footerReference", nsmap={"r": R[1:-1]})
            ref.set(W + "type", story)
            ref.set(R + "id", self._relationship_id(target))
            _insert_reference(sect, ref)
        if "even" in stories:
            self._even_and_odd()

    def _new_footer_name(self) -> str:
        folder = posixpath.dirname(self.editor.map.main)
        used = set(self.editor.package.names) | set(self.editor.new_parts)
        number = 1
        while posixpath.join(folder, f"footer{number}.xml") in used:
            number += 1
        return posixpath.join(folder, f"footer{number}.xml")

    def _relationship_id(self, target: str) -> str:
        rels = self.editor._tree(self.editor._main_rels_name())
        for rel in rels:
            if rel.get("Target") == target and rel.get("Type") == FOOTER_REL:
                return rel.get("Id")
        raise RuntimeError("footer relationship not written")

    def _footer_xml(self, side: str, font: str, size: float):
        root = etree.Element(W + "ftr", nsmap={"w": W[1:-1], "r": R[1:-1]})
        paragraph = etree.SubElement(root, W + "p")
        ppr = etree.SubElement(paragraph, W + "pPr")
        indent = str(round(PAGE_NUMBER_INDENT * size * 20))
        if side == "right":
            etree.SubElement(ppr, W + "ind", {W + "right": indent, W + "rightChars": "100"})
        else:
            etree.SubElement(ppr, W + "ind", {W + "left": indent, W + "leftChars": "100"})
        etree.SubElement(ppr, W + "jc", {W + "val": side})
        runs = [_run(f"{PAGE_NUMBER_DASH} ", font, size), _field_char("begin", font, size),
                _run(" PAGE ", font, size, tag="instrText"), _field_char("separate", font, size),
                _run("1", font, size), _field_char("end", font, size), _run(f" {PAGE_NUMBER_DASH}", font, size)]
        for node in self.revisions.inserted(runs):
            paragraph.append(node)
        self.revisions.mark_paragraph_inserted(paragraph)
        return root

    def _even_and_odd(self) -> None:
        for rel_type, name in self.editor.package.relationships(self.editor.map.main).values():
            if rel_type.endswith("/settings"):
                settings = self.editor._tree(name)
                if settings is None:
                    break
                switch = settings.find(W + "evenAndOddHeaders")
                if switch is not None:
                    switch.attrib.pop(W + "val", None)  # present without w:val is on (w:val="false" is off)
                else:
                    node = etree.Element(W + "evenAndOddHeaders")
                    for position, existing in enumerate(settings):
                        if isinstance(existing.tag, str) and etree.QName(existing).localname in _AFTER_EVEN_ODD:
                            settings.insert(position, node)
                            break
                    else:
                        settings.append(node)
                return
        # no settings part at all (some generators write none): add one holding just this switch
        root = etree.Element(W + "settings", nsmap={"w": W[1:-1]})
        etree.SubElement(root, W + "evenAndOddHeaders")
        name = posixpath.join(posixpath.dirname(self.editor.map.main), "settings.xml")
        if name in self.editor.package.names:
            self.left.append("settings 部件无法读取，未能设置奇偶页不同")
            return
        self.editor.new_parts[name] = root
        self.editor._add_relationship(SETTINGS_REL, "settings.xml")
        self.editor._add_content_type("/" + name, SETTINGS_TYPE)


ROUNDING = 0.002  # page values are read back in rounded millimetres: a number this close is the same


def _holds(element, attrs: dict) -> bool:
    """Whether `element` already has these attribute values (numbers up to the reader's rounding)."""
    if element is None:
        return False
    for key, value in attrs.items():
        got = element.get(W + key)
        if got == value:
            continue
        try:
            if abs(float(got) - float(value)) <= max(1.0, ROUNDING * abs(float(value))):
                continue
        except (TypeError, ValueError):
            pass
        return False
    return True


def _portrait(section):
    """The section as it is once its paper is turned upright (margins keep their sides)."""
    width, height = sorted((section.page_width_mm or 0, section.page_height_mm or 0))
    return dataclasses.replace(section, page_width_mm=width, page_height_mm=height, orientation="portrait")


def _insert_reference(sect, ref) -> None:
    """Header and footer references come first in a w:sectPr."""
    position = 0
    for position, node in enumerate(sect):
        if node.tag not in (W + "headerReference", W + "footerReference"):
            break
    else:
        position = len(sect)
    sect.insert(position, ref)


def _rpr(font: str, size: float):
    rpr = etree.Element(W + "rPr")
    etree.SubElement(rpr, W + "rFonts", {W + "ascii": font, W + "hAnsi": font, W + "eastAsia": font})
    etree.SubElement(rpr, W + "sz", {W + "val": f"{size * 2:g}"})
    etree.SubElement(rpr, W + "szCs", {W + "val": f"{size * 2:g}"})
    return rpr


def _run(text: str, font: str, size: float, tag: str = "t"):
    """A run of `text` in `font` at `size` points; tag "instrText" makes it a field's instruction."""
    run = etree.Element(W + "r")
    run.append(_rpr(font, size))
    node = etree.SubElement(run, W + tag)
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _field_char(kind: str, font: str, size: float):
    run = etree.Element(W + "r")
    run.append(_rpr(font, size))
    etree.SubElement(run, W + "fldChar", {W + "fldCharType": kind})
    return run


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))
