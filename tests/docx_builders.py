"""Build small .docx fixtures for tests.

Two ways, pick the one that states your case most plainly:

1. Raw WordprocessingML (exact control, any feature Word has):

       from docx_builders import build_docx, p, r, tbl
       path = build_docx(tmp_path / "x.docx",
                         body=p(r("关于开展检查的通知", rpr=FONT("方正小标宋简体") + SIZE(22)), ppr=JC("center")),
                         styles=STYLE("Heading1", based_on="Normal", rpr=BOLD()),
                         default_rpr=FONT("仿宋_GB2312") + SIZE(16))

   `p`, `r`, `tbl` return XML strings; the uppercase helpers return property elements to put in a
   w:rPr / w:pPr.  `build_docx` writes a complete package (content types, relationships, styles,
   optional theme, numbering, settings, headers/footers, comments) with a GB/T 9704 A4 page (22 lines ×
   28 characters grid) unless `sect_pr` says otherwise.

2. python-docx, for ordinary drafts as another helper would type them in Word:

       from docx_builders import build_with_python_docx
       path = build_with_python_docx(tmp_path / "x.docx", ["标题", {"text": "正文", "east_asia_font": "仿宋_GB2312"}])

Both return the path written.  pytest puts tests/ on sys.path, so test modules import this file
as `docx_builders`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)

# GB/T 9704-2012 page: A4, margins top 37 / bottom 35 / left 28 / right 26 mm, 22 lines × 28 characters
# (the character grid assumes a 16 pt default font: pass default_rpr=SIZE(16)).
GBT_SECT_PR = (
    '<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
    '{title_pg}<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>'
)


# ---------------------------------------------------------------- XML snippets

def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", rpr: str = "", extra: str = "") -> str:
    """A run: `rpr` = property elements (FONT(...) + SIZE(...)), `extra` = raw content after the text."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}{t(text) if text else ''}{extra}</w:r>"


def p(*content: str, ppr: str = "", style: str | None = None) -> str:
    """A paragraph; each plain string argument that is not XML becomes one run."""
    style_el = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_el}{ppr}</w:pPr>" if (ppr or style_el) else ""
    inner = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{props}{inner}</w:p>"


def tbl(rows: list[list[str]], tbl_pr: str | None = "<w:tblPr/>", grid_cols: int | None = None) -> str:
    """A table; each cell is XML (paragraphs) or a (content, tcPr-xml) pair.  tbl_pr=None omits w:tblPr."""
    cols = grid_cols or max(len(row) for row in rows)
    grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * cols + "</w:tblGrid>"
    body = []
    for row in rows:
        cells = []
        for cell in row:
            content, tc_pr = cell if isinstance(cell, tuple) else (cell, "")
            cells.append(f"<w:tc><w:tcPr>{tc_pr}</w:tcPr>{content or '<w:p/>'}</w:tc>")
        body.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return f"<w:tbl>{tbl_pr or ''}{grid}{''.join(body)}</w:tbl>"


def textbox(*paragraphs: str, alternate: bool = True) -> str:
    """A run holding a DrawingML text box, by default wrapped in mc:AlternateContent with a VML fallback
    holding the same paragraphs (as Word writes it)."""
    content = "".join(paragraphs)
    drawing = (
        '<w:drawing><wp:anchor><wp:extent cx="1800000" cy="360000"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>'
        '<a:prstGeom prst="rect"/></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    if not alternate:
        return f"<w:r>{drawing}</w:r>"
    vml = f'<w:pict><v:shape type="#_x0000_t202"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>'
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">' + drawing + "</mc:Choice>"
        "<mc:Fallback>" + vml + "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def line_shape(color: str = "FF0000", width_emu: int = 5652000) -> str:
    """A run holding a DrawingML straight line (the red 版头 separator drawn as a shape)."""
    return (
        f'<w:r><w:drawing><wp:anchor><wp:extent cx="{width_emu}" cy="0"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>'
        f'<a:prstGeom prst="line"/><a:ln w="19050"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></a:ln>'
        "</wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def field(instruction: str, result: str, rpr: str = "") -> str:
    """A complex field (fldChar begin/separate/end) whose current result is `result`."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{r(result, rpr)}"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )


# Property elements (concatenate them into rpr= / ppr=).
def FONT(east_asia: str | None = None, ascii: str | None = None, east_asia_theme: str | None = None) -> str:
    attrs = ""
    if east_asia:
        attrs += f' w:eastAsia="{east_asia}"'
    if ascii:
        attrs += f' w:ascii="{ascii}" w:hAnsi="{ascii}"'
    if east_asia_theme:
        attrs += f' w:eastAsiaTheme="{east_asia_theme}"'
    return f"<w:rFonts{attrs}/>"


def SIZE(points: float) -> str:
    return f'<w:sz w:val="{int(points * 2)}"/><w:szCs w:val="{int(points * 2)}"/>'


def BOLD(on: bool = True) -> str:
    return "<w:b/>" if on else '<w:b w:val="0"/>'


def COLOR(value: str) -> str:
    return f'<w:color w:val="{value}"/>'


def JC(value: str) -> str:
    return f'<w:jc w:val="{value}"/>'


def IND(**attrs) -> str:
    """w:ind with attributes named as in OOXML: IND(firstLineChars=200), IND(left=640, hanging=320)."""
    return "<w:ind" + "".join(f' w:{k}="{v}"' for k, v in attrs.items()) + "/>"


def SPACING(**attrs) -> str:
    """w:spacing: SPACING(line=560, lineRule="exact", before=0, after=0)."""
    return "<w:spacing" + "".join(f' w:{k}="{v}"' for k, v in attrs.items()) + "/>"


def BORDER(side: str = "bottom", val: str = "single", sz: int = 8, color: str = "FF0000") -> str:
    return f'<w:pBdr><w:{side} w:val="{val}" w:sz="{sz}" w:space="1" w:color="{color}"/></w:pBdr>'


def NUM(num_id: int, ilvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def STYLE(style_id: str, *, name: str | None = None, kind: str = "paragraph", based_on: str | None = None,
          ppr: str = "", rpr: str = "", default: bool = False) -> str:
    """One w:style element for `styles=`."""
    default_attr = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{default_attr}>'
        f'<w:name w:val="{name or style_id}"/>'
        + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        + "</w:style>"
    )


def ABSTRACT_NUM(abstract_id: int, levels: list[tuple[str, str]], start: int = 1) -> str:
    """An abstractNum whose level i has (numFmt, lvlText), e.g. [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def NUM_INSTANCE(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


THEME_XML = (
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>'
    '<a:fontScheme name="Office">'
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="{major_hans}"/></a:majorFont>'
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="{minor_ea}"/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="{minor_hans}"/></a:minorFont>'
    "</a:fontScheme></a:themeElements></a:theme>"
)


def theme(minor_ea: str = "", minor_hans: str = "等线", major_hans: str = "等线 Light") -> str:
    """theme1.xml with the given East Asian fonts (empty <a:ea> → the Hans script entry applies)."""
    return THEME_XML.format(minor_ea=minor_ea, minor_hans=minor_hans, major_hans=major_hans)


# ---------------------------------------------------------------- the package

_CT = {
    "document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
}
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def build_docx(
    path, body: str = "", *, styles: str = "", default_rpr: str = "", default_ppr: str = "",
    theme_xml: str | None = None, numbering: str | None = None, settings: str | None = None,
    headers: dict[str, str] | None = None, footers: dict[str, str] | None = None, comments: str | None = None,
    sect_pr: str | None = None, title_page: bool = False, extra_parts: dict[str, bytes] | None = None,
    document_xml: str | None = None,
) -> Path:
    """Write a .docx built from raw XML.

    body: the content of w:body before the final sectPr (paragraphs and tables).
    styles: w:style elements; a "Normal" default paragraph style is added unless styles defines one.
    default_rpr / default_ppr: docDefaults rPrDefault / pPrDefault content.
    headers / footers: story ("default", "first", "even") → content of w:hdr / w:ftr (paragraphs);
        each becomes its own part referenced from the final sectPr.
    comments: w:comment elements (anchor them in the body with commentRangeStart/End).
    sect_pr: a complete final w:sectPr; default GBT_SECT_PR with the header/footer references.
    document_xml: replace word/document.xml entirely (for malformed-input tests).
    """
    parts: dict[str, tuple[str, str | bytes]] = {}  # name → (content type key, content)
    rels: list[tuple[str, str, str]] = []  # (rId, type, target)

    if 'w:styleId="Normal"' not in styles and not re.search(r'w:type="paragraph" w:styleId="[^"]+" w:default="1"', styles):
        styles = STYLE("Normal", name="Normal", default=True) + styles
    styles_xml = (
        f"<w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr>{default_rpr}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{default_ppr}</w:pPr></w:pPrDefault></w:docDefaults>{styles}</w:styles>"
    )
    parts["word/styles.xml"] = ("styles", styles_xml)
    rels.append(("rIdStyles", "styles", "styles.xml"))
    if theme_xml is not None:
        parts["word/theme/theme1.xml"] = ("theme", theme_xml)
        rels.append(("rIdTheme", "theme", "theme/theme1.xml"))
    if numbering is not None:
        parts["word/numbering.xml"] = ("numbering", f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>")
        rels.append(("rIdNumbering", "numbering", "numbering.xml"))
    if settings is not None:
        parts["word/settings.xml"] = ("settings", f"<w:settings {NAMESPACES}>{settings}</w:settings>")
        rels.append(("rIdSettings", "settings", "settings.xml"))
    if comments is not None:
        parts["word/comments.xml"] = ("comments", f"<w:comments {NAMESPACES}>{comments}</w:comments>")
        rels.append(("rIdComments", "comments", "comments.xml"))

    refs = []
    for kind, stories in (("header", headers or {}), ("footer", footers or {})):
        root = "w:hdr" if kind == "header" else "w:ftr"
        for number, (story, content) in enumerate(stories.items(), 1):
            name = f"{kind}{number}.xml"
            rid = f"rId{kind.capitalize()}{number}"
            parts[f"word/{name}"] = (kind, f"<{root} {NAMESPACES}>{content}</{root}>")
            rels.append((rid, kind, name))
            refs.append(f'<w:{kind}Reference w:type="{story}" r:id="{rid}"/>')
    if sect_pr is None:
        sect_pr = GBT_SECT_PR.format(refs="".join(refs), title_pg="<w:titlePg/>" if title_page else "")
    if document_xml is None:
        document_xml = f"<w:document {NAMESPACES}><w:body>{body}{sect_pr}</w:body></w:document>"
    parts["word/document.xml"] = ("document", document_xml)

    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="/{name}" ContentType="{_CT[kind]}"/>' for name, (kind, _) in parts.items())
        + "</Types>"
    )
    package_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{target}"/>' for rid, kind, target in rels)
        + "</Relationships>"
    )
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/_rels/document.xml.rels", document_rels)
        for name, (_, content) in parts.items():
            archive.writestr(name, content)
        for name, content in (extra_parts or {}).items():
            archive.writestr(name, content)
    return path


# ---------------------------------------------------------------- python-docx

def build_with_python_docx(path, paragraphs: list, *, page: str = "gbt9704") -> Path:
    """Write a .docx with python-docx.

    paragraphs: each a string, or a dict with "text" and optional "style" (a built-in style name such
    as "Heading 1"), "east_asia_font", "ascii_font", "size_pt", "bold", "color" ("FF0000"),
    "alignment" ("left"/"center"/"right"/"both"), "first_line_chars" (e.g. 2), "line_exact_pt" (e.g. 28).
    page: "gbt9704" (A4, 37/35/28/26 mm margins) or "default" (python-docx's template page).
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = docx.Document()
    if page == "gbt9704":
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    alignments = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                  "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
    for spec in paragraphs:
        spec = {"text": spec} if isinstance(spec, str) else spec
        paragraph = document.add_paragraph(style=spec.get("style"))
        run = paragraph.add_run(spec["text"])
        if spec.get("east_asia_font"):
            run.font.name = spec.get("ascii_font") or spec["east_asia_font"]
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), spec["east_asia_font"])
        elif spec.get("ascii_font"):
            run.font.name = spec["ascii_font"]
        if spec.get("size_pt"):
            run.font.size = Pt(spec["size_pt"])
        if "bold" in spec:
            run.font.bold = spec["bold"]
        if spec.get("color"):
            run.font.color.rgb = RGBColor.from_string(spec["color"])
        if spec.get("alignment"):
            paragraph.alignment = alignments[spec["alignment"]]
        if spec.get("first_line_chars"):
            ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
            ind.set(qn("w:firstLineChars"), str(int(spec["first_line_chars"] * 100)))
        if spec.get("line_exact_pt"):
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            paragraph.paragraph_format.line_spacing = Pt(spec["line_exact_pt"])
    path = Path(path)
    document.save(path)
    return path
