"""Style resolution for .docx: docDefaults, paragraph/character styles with basedOn chains, theme fonts.

Formatting is gathered as *partial* property dicts (only what an element states) and merged from
the weakest layer to the strongest:

    docDefaults → paragraph style chain (root first) → [numbering level] → character style chain → direct

A style's merged partials are computed once per document and cached, so resolving a run costs one
dict merge however long the basedOn chain is.  Toggles (bold, italic) are treated as plain
overrides, which is what Word shows in all but contrived cases; a direct w:b w:val="0" turns bold off.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from officekit.document.model import Border, ParagraphProps, RunProps
from officekit.document.ooxml import (
    A, VAL, W, color_value, on_off, to_float, to_int, twips_to_pt,
)

_JC = {"start": "left", "end": "right", "justify": "both"}
_BORDER_SIDES = ("top", "bottom", "left", "right", "between")
_IND_FIRST = ("first_line_pt", "first_line_chars")
_IND_HANGING = ("hanging_pt", "hanging_chars")


# ---------------------------------------------------------------- parsing one rPr / pPr

def _font_slot(rfonts, plain: str, theme: str):
    # Within one w:rFonts the theme attribute wins over the explicit name (ECMA-376 17.3.2.26).
    value = rfonts.get(W + theme)
    if value:
        return ("theme", value)
    value = rfonts.get(W + plain)
    if value:
        return ("font", value)
    return None


def parse_rpr(rpr) -> dict:
    """The character properties one w:rPr states, as a partial dict."""
    props: dict = {}
    if rpr is None:
        return props
    for child in rpr:
        tag = child.tag
        if tag == W + "rFonts":
            ea = _font_slot(child, "eastAsia", "eastAsiaTheme")
            if ea:
                props["ea"] = ea
            ascii_ = _font_slot(child, "ascii", "asciiTheme") or _font_slot(child, "hAnsi", "hAnsiTheme")
            if ascii_:
                props["ascii"] = ascii_
        elif tag == W + "sz":
            half_points = to_float(child.get(VAL))
            if half_points is not None and half_points > 0:  # Word reads 0 or less as "not set" (fuzz case)
                props["size_pt"] = half_points / 2
        elif tag == W + "b":
            props["bold"] = on_off(child)
        elif tag == W + "i":
            props["italic"] = on_off(child)
        elif tag == W + "u":
            props["underline"] = (child.get(VAL) or "single") != "none"
        elif tag == W + "color":
            props["color"] = color_value(child.get(VAL))
        elif tag == W + "highlight":
            value = child.get(VAL)
            props["highlight"] = None if value in (None, "none") else value
        elif tag == W + "rStyle":
            props["rstyle"] = child.get(VAL)
    return props


def parse_border(el) -> Border | None:
    style = el.get(VAL) or "none"
    if style in ("none", "nil"):
        return None
    size = to_float(el.get(W + "sz"))
    return Border(style=style, size_pt=(size or 0) / 8, color=color_value(el.get(W + "color")))


_TABLE_BORDER_SIDES = {"top": "top", "bottom": "bottom", "left": "left", "start": "left", "right": "right",
                       "end": "right", "insideH": "insideH", "insideV": "insideV"}


def parse_table_borders(el) -> dict:
    """A w:tblBorders or w:tcBorders as side → Border, or None where the side is stated as none/nil
    (a stated "no border" overrides what a weaker layer draws)."""
    borders: dict = {}
    if el is None:
        return borders
    for side_el in el:
        side = _TABLE_BORDER_SIDES.get(etree.QName(side_el).localname)
        if side:
            borders[side] = parse_border(side_el)
    return borders


def parse_ppr(ppr) -> dict:
    """The paragraph properties one w:pPr states, as a partial dict (borders: side → Border|None)."""
    props: dict = {}
    if ppr is None:
        return props
    for child in ppr:
        tag = child.tag
        if tag == W + "pStyle":
            props["style_id"] = child.get(VAL)
        elif tag == W + "jc":
            value = child.get(VAL)
            if value:
                props["alignment"] = _JC.get(value, value)
        elif tag == W + "ind":
            _parse_ind(child, props)
        elif tag == W + "spacing":
            before = child.get(W + "before")
            if before is not None:
                props["space_before_pt"] = twips_to_pt(before)
            after = child.get(W + "after")
            if after is not None:
                props["space_after_pt"] = twips_to_pt(after)
            line = to_float(child.get(W + "line"))
            if line is not None:
                rule = child.get(W + "lineRule") or "auto"
                props["line_rule"] = rule
                props["line_value"] = round(line / 240, 3) if rule == "auto" else line / 20
        elif tag == W + "pBdr":
            borders = {}
            for side_el in child:
                side = etree.QName(side_el).localname
                if side in _BORDER_SIDES:
                    borders[side] = parse_border(side_el)
            props["borders"] = borders
        elif tag == W + "outlineLvl":
            props["outline_level"] = to_int(child.get(VAL))
        elif tag == W + "pageBreakBefore":
            props["page_break_before"] = on_off(child)
        elif tag == W + "numPr":
            for num_child in child:
                if num_child.tag == W + "numId":
                    props["num_id"] = num_child.get(VAL)
                elif num_child.tag == W + "ilvl":
                    props["ilvl"] = to_int(num_child.get(VAL)) or 0
    return props


def _parse_ind(ind, props: dict) -> None:
    def put(key: str, value) -> None:
        if value is not None:
            props[key] = value

    put("left_pt", twips_to_pt(ind.get(W + "left") or ind.get(W + "start")))
    put("right_pt", twips_to_pt(ind.get(W + "right") or ind.get(W + "end")))
    left_chars = to_float(ind.get(W + "leftChars") or ind.get(W + "startChars"))
    put("left_chars", None if left_chars is None else left_chars / 100)
    right_chars = to_float(ind.get(W + "rightChars") or ind.get(W + "endChars"))
    put("right_chars", None if right_chars is None else right_chars / 100)
    first = twips_to_pt(ind.get(W + "firstLine"))
    first_chars = to_float(ind.get(W + "firstLineChars"))
    hanging = twips_to_pt(ind.get(W + "hanging"))
    hanging_chars = to_float(ind.get(W + "hangingChars"))
    # First-line and hanging indents are one quantity with two signs: stating one cancels the other.
    if hanging is not None or hanging_chars is not None:
        props["first_line_pt"] = None
        props["first_line_chars"] = None
        put("hanging_pt", hanging)
        put("hanging_chars", None if hanging_chars is None else hanging_chars / 100)
    if first is not None or first_chars is not None:
        props["hanging_pt"] = None
        props["hanging_chars"] = None
        put("first_line_pt", first)
        put("first_line_chars", None if first_chars is None else first_chars / 100)


def merge(base: dict, over: dict) -> dict:
    """`over` on top of `base`; borders merge side by side."""
    if not over:
        return base
    merged = dict(base)
    for key, value in over.items():
        if key == "borders" and "borders" in merged:
            borders = dict(merged["borders"])
            borders.update(value)
            merged["borders"] = borders
        else:
            merged[key] = value
    return merged


# ---------------------------------------------------------------- theme

@dataclass
class ThemeFonts:
    major_latin: str | None = None
    minor_latin: str | None = None
    major_ea: str | None = None
    minor_ea: str | None = None

    @classmethod
    def from_xml(cls, root) -> "ThemeFonts":
        fonts = cls()
        if root is None:
            return fonts
        for which in ("major", "minor"):
            scheme = root.find(f".//{A}{which}Font")
            if scheme is None:
                continue
            latin = scheme.find(A + "latin")
            ea = scheme.find(A + "ea")
            ea_name = ea.get("typeface") if ea is not None else None
            if not ea_name:  # an empty <a:ea> means: use the script-specific entry for Simplified Chinese
                for font in scheme.findall(A + "font"):
                    if font.get("script") == "Hans":
                        ea_name = font.get("typeface") or None
                        break
            setattr(fonts, f"{which}_latin", (latin.get("typeface") or None) if latin is not None else None)
            setattr(fonts, f"{which}_ea", ea_name)
        return fonts

    def resolve(self, theme_name: str) -> str | None:
        """minorEastAsia → the theme's East Asian minor font, majorHAnsi → major Latin font, …"""
        which = "major" if theme_name.startswith("major") else "minor"
        if theme_name.endswith("EastAsia"):
            return getattr(self, f"{which}_ea")
        if theme_name.endswith("Bidi"):
            return None
        return getattr(self, f"{which}_latin")


# ---------------------------------------------------------------- the style sheet

class Style:
    """One w:style; its properties are parsed on first use (a styles.xml often holds hundreds of
    styles, of which a draft uses a handful)."""

    __slots__ = ("style_id", "kind", "name", "based_on", "_element", "_ppr", "_rpr")

    def __init__(self, style_id: str, kind: str, name: str | None, based_on: str | None, element=None):
        self.style_id, self.kind, self.name, self.based_on = style_id, kind, name, based_on
        self._element = element
        self._ppr: dict | None = None
        self._rpr: dict | None = None

    @property
    def ppr(self) -> dict:
        if self._ppr is None:
            self._ppr = parse_ppr(self._element.find(W + "pPr")) if self._element is not None else {}
            self._ppr.pop("style_id", None)
        return self._ppr

    @property
    def rpr(self) -> dict:
        if self._rpr is None:
            self._rpr = parse_rpr(self._element.find(W + "rPr")) if self._element is not None else {}
        return self._rpr


class StyleSheet:
    """Styles of one document, with per-style resolution cached."""

    def __init__(self, styles_root=None, theme_root=None, theme_loader=None):
        # The theme is parsed only when a theme font is actually used: pass theme_loader to defer it.
        self._theme = ThemeFonts.from_xml(theme_root) if theme_loader is None else None
        self._theme_loader = theme_loader
        self.styles: dict[str, Style] = {}
        self.default_paragraph_style: str | None = None
        self.default_character_style: str | None = None
        self.defaults_ppr: dict = {}
        self.defaults_rpr: dict = {}
        self._para_cache: dict[str | None, tuple[dict, dict]] = {}
        self._char_cache: dict[str | None, dict] = {}
        self._run_cache: dict = {}
        self._table_cache: dict[str | None, dict] = {}
        if styles_root is not None:
            self._load(styles_root)

    def _load(self, root) -> None:
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self.defaults_rpr = parse_rpr(defaults.find(f"{W}rPrDefault/{W}rPr"))
            self.defaults_ppr = parse_ppr(defaults.find(f"{W}pPrDefault/{W}pPr"))
        for el in root.iterchildren(W + "style"):
            style_id = el.get(W + "styleId")
            if not style_id:
                continue
            kind = el.get(W + "type") or "paragraph"
            name_el = el.find(W + "name")
            based_el = el.find(W + "basedOn")
            self.styles[style_id] = Style(
                style_id, kind,
                name_el.get(VAL) if name_el is not None else None,
                based_el.get(VAL) if based_el is not None else None,
                el,
            )
            if on_off_attr(el.get(W + "default")):
                if kind == "paragraph" and self.default_paragraph_style is None:
                    self.default_paragraph_style = style_id
                elif kind == "character" and self.default_character_style is None:
                    self.default_character_style = style_id

    def _chain(self, style_id: str | None, kind: str) -> list[Style]:
        """The style and its basedOn ancestors, root first; loops and dangling ids end the chain."""
        chain: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen:
            style = self.styles.get(style_id)
            if style is None or style.kind != kind:
                break
            seen.add(style_id)
            chain.append(style)
            style_id = style.based_on
        chain.reverse()
        return chain

    def paragraph_style(self, style_id: str | None) -> tuple[dict, dict]:
        """(paragraph partial, run partial) of docDefaults + the paragraph style chain."""
        cached = self._para_cache.get(style_id)
        if cached is not None:
            return cached
        effective = style_id if style_id in self.styles else self.default_paragraph_style
        ppr, rpr = dict(self.defaults_ppr), dict(self.defaults_rpr)
        for style in self._chain(effective, "paragraph"):
            ppr = merge(ppr, style.ppr)
            rpr = merge(rpr, style.rpr)
        if effective:
            ppr["style_id"] = effective
            ppr["style_name"] = self.styles[effective].name if effective in self.styles else None
        result = (ppr, rpr)
        self._para_cache[style_id] = result
        return result

    def character_style(self, style_id: str | None) -> dict:
        cached = self._char_cache.get(style_id)
        if cached is not None:
            return cached
        rpr: dict = {}
        for style in self._chain(style_id or self.default_character_style, "character"):
            rpr = merge(rpr, style.rpr)
        self._char_cache[style_id] = rpr
        return rpr

    @property
    def theme(self) -> ThemeFonts:
        if self._theme is None:
            self._theme = ThemeFonts.from_xml(self._theme_loader())
        return self._theme

    def font_name(self, slot) -> str | None:
        if slot is None:
            return None
        kind, value = slot
        return self.theme.resolve(value) if kind == "theme" else value

    def run_props(self, para_rpr: dict, direct: dict) -> RunProps:
        """Resolved RunProps for a run with direct partial `direct` in a paragraph whose style gave `para_rpr`."""
        key = (id(para_rpr), tuple(sorted(direct.items())))
        cached = self._run_cache.get(key)
        if cached is None:
            merged = para_rpr
            rstyle = direct.get("rstyle")
            if rstyle or self.default_character_style:
                merged = merge(merged, self.character_style(rstyle))
            merged = merge(merged, direct)
            cached = (
                self.font_name(merged.get("ea")), self.font_name(merged.get("ascii")), merged.get("size_pt"),
                bool(merged.get("bold")), bool(merged.get("italic")), bool(merged.get("underline")),
                merged.get("color"), merged.get("highlight"),
            )
            self._run_cache[key] = cached
        return RunProps(*cached)

    @staticmethod
    def paragraph_props(merged: dict) -> ParagraphProps:
        borders = {side: b for side, b in (merged.get("borders") or {}).items() if b is not None}
        return ParagraphProps(
            style_id=merged.get("style_id"), style_name=merged.get("style_name"),
            alignment=merged.get("alignment"),
            first_line_pt=merged.get("first_line_pt"), first_line_chars=merged.get("first_line_chars"),
            hanging_pt=merged.get("hanging_pt"), hanging_chars=merged.get("hanging_chars"),
            left_pt=merged.get("left_pt"), left_chars=merged.get("left_chars"),
            right_pt=merged.get("right_pt"), right_chars=merged.get("right_chars"),
            line_rule=merged.get("line_rule"), line_value=merged.get("line_value"),
            space_before_pt=merged.get("space_before_pt"), space_after_pt=merged.get("space_after_pt"),
            borders=borders, outline_level=merged.get("outline_level"),
            page_break_before=bool(merged.get("page_break_before")),
        )

    def table_borders(self, style_id: str | None) -> dict:
        """Borders a table style (with its basedOn chain) gives the whole table; a table without
        w:tblStyle uses the default table style.  Conditional parts (first row…) are not read."""
        cached = self._table_cache.get(style_id)
        if cached is not None:
            return cached
        requested = style_id
        if style_id is None or style_id not in self.styles:
            style_id = next((s.style_id for s in self.styles.values() if s.kind == "table"
                             and on_off_attr(s._element.get(W + "default") if s._element is not None else None)), None)
        borders: dict = {}
        for style in self._chain(style_id, "table"):
            if style._element is not None:
                borders.update(parse_table_borders(style._element.find(f"{W}tblPr/{W}tblBorders")))
        self._table_cache[requested] = borders
        return borders

    def default_font_size(self) -> float | None:
        """Font size of the default paragraph style: what Word sizes the character grid with."""
        return self.paragraph_style(None)[1].get("size_pt")


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
