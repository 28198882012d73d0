"""Accept or reject every tracked change of a .docx, as Word's 「接受所有修订」/「拒绝所有修订」 does.

Used by the tests to show that `fix --layout`'s revisions are sound: accepting them all must give the
layout `--no-track` writes, rejecting them all the draft as it was.  Covers what officekit writes —
property changes (w:rPrChange, w:pPrChange, w:sectPrChange, w:tblPrChange …), inserted and deleted runs
(w:ins, w:del) and inserted paragraph marks; a deleted paragraph mark is not merged with the next one.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from officekit.document.ooxml import W

PROPERTY_CHANGES = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                    "tblGridChange", "tblPrExChange", "numberingChange")
_XML_PARTS = (".xml",)


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
