"""Set run, paragraph and section properties in WordprocessingML, as tracked formatting changes or directly.

A tracked change keeps the properties as they were in a `w:rPrChange` / `w:pPrChange` / `w:sectPrChange`
(ECMA-376 17.13.5): Word and WPS show it as a 「设置格式」 revision, rejecting it restores the snapshot.
The snapshot is taken once, before the first edit of an element; an element that already holds another
author's property change is left alone (its revision is the secretary's to settle first).

Children are inserted in the order the schema asks (Word refuses a w:rPr whose w:sz precedes w:rFonts).
"""

from __future__ import annotations

import copy

from lxml import etree

from officekit.document.ooxml import W
from officekit.output.docx_edit import AUTHOR, highest_w_id

# Schema order of the children of w:rPr (CT_RPr), w:pPr (CT_PPr) and w:sectPr (CT_SectPr).
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")

# What a property-change snapshot leaves out: the revision itself, and what the base type cannot hold
_NOT_IN_PPR_SNAPSHOT = frozenset(W + t for t in ("rPr", "sectPr", "pPrChange"))
_NOT_IN_SECTPR_SNAPSHOT = frozenset(W + t for t in ("headerReference", "footerReference", "sectPrChange"))


def child(parent, name: str, order: tuple[str, ...], create: bool = True):
    """The child w:<name> of `parent`, created in schema position when missing (and `create`)."""
    found = parent.find(W + name)
    if found is not None or not create:
        return found
    new = etree.Element(W + name)
    rank = order.index(name)
    for position, existing in enumerate(parent):
        local = etree.QName(existing).localname if isinstance(existing.tag, str) else ""
        if local in order and order.index(local) > rank:
            parent.insert(position, new)
            return new
    parent.append(new)
    return new


def set_attrs(element, values: dict[str, str | None]) -> None:
    """Set w: attributes; None removes one."""
    for key, value in values.items():
        if value is None:
            element.attrib.pop(W + key, None)
        else:
            element.set(W + key, value)


def _props_of(element, name: str):
    """The w:rPr / w:pPr of a run or paragraph, created empty in first place when missing."""
    props = element.find(W + name)
    if props is None:
        props = etree.Element(W + name)
        element.insert(0, props)
    return props


class Revisions:
    """Opens elements for editing: with `track`, snapshots their properties into a property change first."""

    def __init__(self, editor, track: bool, date: str):
        self.editor, self.track, self.date = editor, track, date
        self.changed = 0  # property changes opened
        self._next_id: int | None = None

    def next_id(self) -> int:
        """A w:id no comment or revision of the document uses.  Counted here rather than by the editor's
        own next_id, which opens the comments part for writing: a layout must leave that part as it was."""
        if self._next_id is None:
            trees = list(self.editor.map.roots.values()) + list(self.editor.new_parts.values())
            for rel_type, name in self.editor.package.relationships(self.editor.map.main).values():
                if rel_type.endswith("/comments"):
                    comments = self.editor.package.xml(name)
                    if comments is not None:
                        trees.append(comments)
            self._next_id = highest_w_id(trees) + 1
        value, self._next_id = self._next_id, self._next_id + 1
        return value

    def _stamp(self, change) -> None:
        change.set(W + "id", str(self.next_id()))
        change.set(W + "author", AUTHOR)
        change.set(W + "date", self.date)

    def _foreign(self, change) -> bool:
        return change is not None and change.get(W + "author") != AUTHOR

    def run_props(self, run):
        """The w:rPr of `run`, ready to edit; None when another author's change is pending on it."""
        return self._opened(_props_of(run, "rPr"), "rPr", frozenset())

    def paragraph_props(self, paragraph):
        """The w:pPr of `paragraph`, ready to edit; None when another author's change is pending on it."""
        return self._opened(_props_of(paragraph, "pPr"), "pPr", _NOT_IN_PPR_SNAPSHOT)

    def section_props(self, sect):
        """`sect` (a w:sectPr), ready to edit; None when another author's change is pending on it."""
        return self._opened(sect, "sectPr", _NOT_IN_SECTPR_SNAPSHOT)

    def _opened(self, props, name: str, leave_out: frozenset):
        """`props` (a w:rPr, w:pPr or w:sectPr) opened for editing: when tracking, a w:<name>Change holding
        a snapshot of its children (but `leave_out`) is added first, once; None under a foreign change."""
        existing = props.find(W + name + "Change")
        if self._foreign(existing):
            return None
        if self.track and existing is None:
            change = etree.Element(W + name + "Change")
            self._stamp(change)
            snapshot = etree.SubElement(change, W + name)
            for node in props:
                if node.tag not in leave_out:
                    snapshot.append(copy.deepcopy(node))
            props.append(change)
            self.changed += 1
        return props

    def inserted(self, nodes: list):
        """Wrap new runs in a w:ins (tracked) or return them as they are."""
        if not self.track:
            return nodes
        wrapper = etree.Element(W + "ins")
        self._stamp(wrapper)
        for node in nodes:
            wrapper.append(node)
        return [wrapper]

    def mark_paragraph_inserted(self, paragraph) -> None:
        """Record a new paragraph's mark as inserted (so rejecting removes the paragraph too)."""
        if not self.track:
            return
        ppr = _props_of(paragraph, "pPr")
        rpr = child(ppr, "rPr", PPR_ORDER)
        if rpr.find(W + "ins") is None:
            mark = etree.Element(W + "ins")  # CT_ParaRPr: the revision marks come before the properties
            self._stamp(mark)
            rpr.insert(0, mark)
