"""Edit a .docx in the reader's block numbering: split runs at character offsets, find the runs of a
span, add parts, and write the package back.

The paragraphs and runs come from the reader's own walk (`read_docx_for_editing`), so block N here is
block N of every report.  Nothing here knows about findings; annotate.py and fix.py do.
"""

from __future__ import annotations

import copy
import io
import os
import posixpath
import time
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from officekit.document.ooxml import W
from officekit.errors import InputError

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
AUTHOR = "officekit"
# Entries written for new parts get a fixed zip timestamp, so the same input gives the same zip layout.
NEW_PART_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class RunSpan:
    """One w:r of a paragraph and the characters [start, end) of the block text it produces."""

    element: object
    start: int
    end: int
    children: list  # [(child element, start in the run text, length)]


@dataclass
class ParagraphEdit:
    element: object
    runs: list[RunSpan] = field(default_factory=list)

    def split_at(self, offset: int) -> None:
        """Make `offset` a run boundary (no-op when it already is one, or falls outside every run)."""
        for number, run in enumerate(self.runs):
            if run.start < offset < run.end:
                left, right = _split_run(run, offset - run.start)
                self.runs[number:number + 1] = [left, right]
                return

    def runs_within(self, start: int, end: int) -> list[RunSpan]:
        """The runs inside [start, end) that carry text, after split_at(start) and split_at(end)."""
        return [r for r in self.runs if r.end > r.start and r.start >= start and r.end <= end]


def _split_run(run: RunSpan, at: int) -> tuple[RunSpan, RunSpan]:
    """Split one w:r at character `at` of its text into two runs with the same properties."""
    element = run.element
    children = list(run.children)
    index = next(i for i, (_, s, n) in enumerate(children) if n > 0 and s + n > at)
    child, child_start, child_len = children[index]
    straddles = child_start < at
    if straddles and child.tag != W + "t":  # only w:t holds more than one character
        raise ValueError("cannot split inside a non-text run child")
    right = copy.deepcopy(element)
    right_children = list(right)
    # Left keeps children before `index` (plus the straddling w:t cut short); right keeps rPr and the rest.
    for position, (node, _, _) in enumerate(children):
        keep_left = position < index or (straddles and position == index) or node.tag == W + "rPr"
        keep_right = position >= index or node.tag == W + "rPr"
        if not keep_left:
            element.remove(node)
        if not keep_right:
            right.remove(right_children[position])
    if straddles:
        cut = at - child_start
        text = child.text or ""
        child.text = text[:cut]
        child.set(XML_SPACE, "preserve")
        twin = right_children[index]
        twin.text = text[cut:]
        twin.set(XML_SPACE, "preserve")
    element.addnext(right)

    left_children, right_children_map = [], []
    for position, (node, s, n) in enumerate(children):
        if node.tag == W + "rPr":
            left_children.append((node, 0, 0))
            right_children_map.append((right_children[position], 0, 0))
            continue
        if position < index:
            left_children.append((node, s, n))
        elif position == index and straddles:
            left_children.append((node, s, at - s))
            right_children_map.append((right_children[position], 0, s + n - at))
        else:
            right_children_map.append((right_children[position], s - at, n))
    offset = run.start + at
    return (RunSpan(element, run.start, offset, left_children),
            RunSpan(right, offset, run.end, right_children_map))


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) when set to a number of seconds, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else None


def revision_date() -> str:
    """The w:date of comments and revisions: now, or SOURCE_DATE_EPOCH for reproducible output."""
    seconds = source_date_epoch()
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(time.time()) if seconds is None else seconds))


def zip_date(member_date: tuple = NEW_PART_DATE) -> tuple:
    """The time stamp of a zip member: SOURCE_DATE_EPOCH when set (so the same input and settings give
    the same bytes even when the input's own stamps differ, e.g. a fresh LibreOffice conversion), else the
    member's own stamp.  Zip can only hold 1980-2107."""
    seconds = source_date_epoch()
    if seconds is None:
        return member_date
    return max(NEW_PART_DATE, min(time.gmtime(seconds)[:6], (2107, 12, 31, 23, 59, 58)))


def w(tag: str, **attrs) -> etree._Element:
    element = etree.Element(W + tag)
    for key, value in attrs.items():
        element.set(W + key, str(value))
    return element


def text_run(text: str, rpr=None) -> etree._Element:
    run = w("r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, W + "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run



def highest_w_id(trees) -> int:
    """The highest numeric w:id any element of `trees` carries (comments and revisions share the
    numbering), -1 when there is none."""
    highest = -1
    for tree in trees:
        for element in tree.iter():
            value = element.get(W + "id") if isinstance(element.tag, str) else None
            if value and value.lstrip("-").isdigit():
                highest = max(highest, int(value))
    return highest

class DocxEditor:
    """A .docx opened for editing: paragraphs by (part, block), extra parts, save()."""

    def __init__(self, data: bytes, path: str):
        from officekit.document.docx_reader import read_docx_for_editing

        self.path = path
        self.document, self.map = read_docx_for_editing(data, path)
        self.package = self.map.package
        self.changed: dict[str, etree._Element] = {}  # part name → tree to write
        self.new_parts: dict[str, etree._Element] = {}
        self._paragraphs: dict[tuple[str, int], ParagraphEdit] = {}
        self._next_id = None

    @classmethod
    def open(cls, path: str) -> "DocxEditor":
        data = docx_bytes(path)
        return cls(data, path)

    # ------------------------------------------------------------ paragraphs

    def paragraph(self, part: str, block: int) -> ParagraphEdit | None:
        key = (part, block)
        if key not in self._paragraphs:
            entries = self.map.paragraphs[part]
            if not 0 < block <= len(entries):
                return None
            p, run_map = entries[block - 1]
            runs = [RunSpan(r, start, start + sum(n for _, _, n in kids), list(kids)) for r, start, kids in run_map]
            self._paragraphs[key] = ParagraphEdit(p, runs)
            self._touch(p)
        return self._paragraphs[key]

    def _touch(self, element) -> None:
        root = element.getroottree().getroot()
        for name, tree in self.map.roots.items():
            if tree is root:
                self.changed[name] = tree
                return

    def next_id(self) -> int:
        """A w:id not used by any comment or revision in the document."""
        if self._next_id is None:
            trees = list(self.map.roots.values())
            comments = self.comments_part(create=False)
            if comments is not None:
                trees.append(comments)
            self._next_id = highest_w_id(trees) + 1
        value = self._next_id
        self._next_id += 1
        return value

    # ------------------------------------------------------------ parts

    def _main_rels_name(self) -> str:
        folder, base = posixpath.split(self.map.main)
        return posixpath.join(folder, "_rels", base + ".rels")

    def _tree(self, name: str):
        if name in self.new_parts:
            return self.new_parts[name]
        if name in self.changed:
            return self.changed[name]
        tree = self.package.xml(name)
        if tree is not None:
            self.changed[name] = tree
        return tree

    def comments_part(self, create: bool = True):
        """The comments part's tree (word/comments.xml), created with its relationship when missing."""
        rels = self.package.relationships(self.map.main)
        for rel_type, name in rels.values():
            if rel_type.endswith("/comments"):
                return self._tree(name)
        name = posixpath.join(posixpath.dirname(self.map.main), "comments.xml")
        if name in self.new_parts:
            return self.new_parts[name]
        if not create:
            return None
        root = etree.Element(W + "comments", nsmap={"w": W[1:-1]})
        self.new_parts[name] = root
        self._add_relationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
                               "comments.xml")
        self._add_content_type("/" + name, "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
        return root

    def _add_relationship(self, rel_type: str, target: str) -> None:
        name = self._main_rels_name()
        root = self._tree(name)
        if root is None:
            root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
            self.new_parts[name] = root
        used = {rel.get("Id") for rel in root}
        number = 1
        while f"rId{number}" in used:
            number += 1
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=f"rId{number}", Type=rel_type, Target=target)

    def _add_content_type(self, part_name: str, content_type: str) -> None:
        root = self._tree("[Content_Types].xml")
        if root is None:
            raise InputError(self.path, "corrupt", "缺少 [Content_Types].xml，文件已损坏，无法写出副本")
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part_name, ContentType=content_type)

    # ------------------------------------------------------------ output

    def save(self) -> bytes:
        """The edited package: changed parts re-serialised, every other member copied byte for byte.
        Deterministic: the input's member order then new parts by name, fixed stamps (zip_date), one
        creator system, so the same input and SOURCE_DATE_EPOCH give byte-identical output."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            written = set()
            for info in self.package.zip.infolist():
                name = info.filename
                if name in written:  # a duplicated member name: written once, with the data the reader used
                    continue
                written.add(name)
                data = _serialise(self.changed[name]) if name in self.changed else self.package.read(name)
                target.writestr(_entry(name, zip_date(info.date_time), info.external_attr), data)
            for name in sorted(self.new_parts):
                target.writestr(_entry(name, zip_date(), 0o100644 << 16), _serialise(self.new_parts[name]))
        return out.getvalue()


def _entry(name: str, date_time: tuple, external_attr: int) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 3  # not the platform's default (0 on Windows): same bytes everywhere
    entry.external_attr = external_attr
    return entry


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def docx_bytes(path: str) -> bytes:
    """The .docx bytes of a draft: the file itself, or a LibreOffice conversion of a .doc/.wps/.rtf/.odt."""
    from officekit.document.convert import LEGACY_EXTENSIONS, convert_to_docx_bytes
    from officekit.document.package import sniff

    if not os.path.isfile(path):
        raise InputError(path, "not-found", "文件不存在")
    with open(path, "rb") as handle:
        data = handle.read()
    if not data:
        raise InputError(path, "empty", "文件为空（0 字节）")
    extension = os.path.splitext(path)[1].lower()
    kind = sniff(data)
    if extension in LEGACY_EXTENSIONS:
        return convert_to_docx_bytes(path)
    if kind != "zip":
        raise InputError(path, "not-docx", "只能为 Word 文档（.docx，或经 LibreOffice 转换的 .doc/.wps/.rtf/.odt）写出副本")
    return data
