"""Accept or reject every tracked change of a .docx, as Word's 「接受所有修订」/「拒绝所有修订」 does.

Used by the tests to show that `fix --layout`'s revisions are sound: accepting them all must give the
layout `--no-track` writes, rejecting them all the draft as it was.  Covers what officekit writes —
property changes (w:rPrChange, w:pPrChange, w:sectPrChange, w:tblPrChange …), inserted and deleted runs
(w:ins, w:del) and inserted paragraph marks; a deleted paragraph mark is not merged with the next one.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from officekit.document.ooxml import W

PROPERTY_CHANGES = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                    "tblGridChange", "tblPrExChange", "numberingChange")
_XML_PARTS = (".xml",)


def libreoffice_accept_all(source: Path, target: Path, work: Path, soffice: str = "soffice",
                           timeout: int = 180) -> None:
    """LibreOffice's own 「接受所有修订」 on `source`, saved as .docx to `target` — the reference the
    routine above is checked against.  Runs headless, a Basic macro in a profile of its own under `work`
    (so another LibreOffice on the machine does not lock it)."""
    profile = Path(work) / "lo-accept-profile"
    command = [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless"]
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.exists() or ACCEPT_MACRO_NAME not in module.read_text(encoding="utf-8"):
        subprocess.run(command + ["--terminate_after_init"], check=True, capture_output=True, timeout=timeout)
        module.write_text(ACCEPT_MACRO, encoding="utf-8")
    subprocess.run(command + [f'macro:///Standard.Module1.{ACCEPT_MACRO_NAME}("{Path(source).resolve()}","{Path(target).resolve()}")'],
                   check=True, capture_output=True, timeout=timeout)


ACCEPT_MACRO_NAME = "OfficekitAcceptAll"
ACCEPT_MACRO = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub {ACCEPT_MACRO_NAME}(inPath As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.close(True)
End Sub
</script:module>
"""


def accept_all(data: bytes) -> bytes:
    return _rewrite(data, _accept)


def reject_all(data: bytes) -> bytes:
    return _rewrite(data, _reject)


def _rewrite(data: bytes, job) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(_XML_PARTS):
                root = etree.fromstring(content)
                job(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, content)
    return out.getvalue()


def _unwrap(node) -> None:
    parent = node.getparent()
    position = parent.index(node)
    for offset, kid in enumerate(list(node)):
        parent.insert(position + offset, kid)
    parent.remove(node)


def _is_mark(node) -> bool:
    """A revision mark on a paragraph mark (w:pPr/w:rPr/w:ins), not a wrapper of runs."""
    return node.getparent() is not None and node.getparent().tag == W + "rPr"


def _accept(root) -> None:
    for name in PROPERTY_CHANGES:
        for change in list(root.iter(W + name)):
            change.getparent().remove(change)
    for node in list(root.iter(W + "del")):
        if node.getparent() is not None:
            node.getparent().remove(node)
    for node in list(root.iter(W + "ins")):
        if _is_mark(node):
            rpr = node.getparent()
            rpr.remove(node)
            if len(rpr) == 0:  # it held only the mark
                rpr.getparent().remove(rpr)
        else:
            _unwrap(node)


def _reject(root) -> None:
    for name in PROPERTY_CHANGES:
        for change in list(root.iter(W + name)):
            owner = change.getparent()
            snapshot = change[0] if len(change) else None
            owner.remove(change)
            kept = {W + "rPr", W + "sectPr", W + "headerReference", W + "footerReference"} if name != "rPrChange" else set()
            for node in list(owner):
                if node.tag not in kept:
                    owner.remove(node)
            if snapshot is not None:
                for position, node in enumerate(list(snapshot)):
                    owner.insert(position, node)
            if name == "sectPrChange":  # references stay first
                refs = [n for n in owner if n.tag in (W + "headerReference", W + "footerReference")]
                for position, ref in enumerate(refs):
                    owner.insert(position, ref)
    for node in list(root.iter(W + "ins")):
        if node.getparent() is None:
            continue
        if _is_mark(node):
            paragraph = node.getparent().getparent().getparent()
            if paragraph.tag == W + "p" and paragraph.getparent() is not None:
                paragraph.getparent().remove(paragraph)
            else:
                node.getparent().remove(node)
        else:
            node.getparent().remove(node)
    for node in list(root.iter(W + "del")):
        if node.getparent() is None or _is_mark(node):
            if node.getparent() is not None:
                node.getparent().remove(node)
            continue
        for text in node.iter(W + "delText"):
            text.tag = W + "t"
        _unwrap(node)


def layout_view(data: bytes):
    """What a reader sees of the layout: page setup, and per paragraph alignment, indents, spacing and
    the face, size and colour every character renders in."""
    from officekit.engine.types import _format as F
    from officekit.output.docx_edit import DocxEditor

    document = DocxEditor(data, "<layout>").document
    paragraphs = []
    for block in document.body:
        if not block.text.strip():
            continue
        characters = tuple((ch, run.props.east_asia_font if ord(ch) > 127 else run.props.ascii_font,
                            run.props.size_pt, F.is_red(run.props.color))
                           for run in block.runs if run.props for ch in run.text if not ch.isspace())
        # (LibreOffice writes a page break before a paragraph as a break at the end of the one before)
        paragraphs.append((block.text.rstrip("\n"), F.alignment(block), tuple(round(v, 1) for v in F.indents(block)),
                           block.props.line_rule, block.props.line_value, characters))
    s = document.sections[0]
    # (not chars_per_line: LibreOffice writes the grid's character pitch against its own default size)
    page = (s.page_width_mm, s.page_height_mm, s.margin_top_mm, s.margin_left_mm, s.grid_line_pitch_pt)
    return page, paragraphs
