"""Open a .docx package safely: sniff what the bytes really are, refuse zip bombs and XML with DTDs.

Everything the reader takes out of the zip goes through `Package.xml()` / `Package.read()`, so the
safety limits live in one place:

- the zip's declared sizes are checked before anything is inflated, and inflation itself stops at the
  limit (declared sizes can lie);
- XML is parsed by lxml with entity resolution, DTD loading and network access off, and a part that
  declares a DTD at all is refused: no .docx writer emits one, so it can only be an attack
  (billion laughs, external entities such as file:///etc/passwd).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from officekit.errors import InputError

MAX_TOTAL_BYTES = 200 * 1024 * 1024  # uncompressed size of the whole package
MAX_RATIO = 200  # compression ratio above which a large member looks like a bomb
RATIO_MIN_BYTES = 10 * 1024 * 1024  # ...but only members larger than this are judged by ratio
CHUNK = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_INFO_UTF16 = "EncryptionInfo".encode("utf-16-le")

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT_REL = "/officeDocument"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False,
    remove_comments=True, remove_pis=True,
)


def sniff(data: bytes) -> str:
    """What the bytes are, whatever the file name says: zip, ole2, pdf, rtf or unknown."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(OLE2_MAGIC):
        return "ole2"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return "unknown"


def is_encrypted_ole(data: bytes) -> bool:
    """An OLE2 file carrying an EncryptionInfo stream is a password-protected OOXML document."""
    return ENCRYPTION_INFO_UTF16 in data[: 1024 * 1024]


def parse_xml(data: bytes, path: str, part: str) -> etree._Element:
    # A DTD has no business in a .docx part; refuse it before the parser even sees it.
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise InputError(path, "unsafe", f"{part} 含有 DTD/实体声明（可能是恶意文件），拒绝读取")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc.msg):  # libxml2's nesting limit (256): a crafted file, not a draft
            raise InputError(path, "too-large", f"{part} 的 XML 嵌套超过 256 层（如表格层层嵌套），拒绝读取") from None
        raise InputError(path, "corrupt", f"{part} 不是格式正确的 XML（{exc.msg}），文件可能已损坏") from None
    if root is None:
        raise InputError(path, "corrupt", f"{part} 为空，文件可能已损坏")
    if root.getroottree().docinfo.doctype:  # e.g. a UTF-16 part that slipped past the byte check
        raise InputError(path, "unsafe", f"{part} 含有 DTD/实体声明（可能是恶意文件），拒绝读取")
    return root


class Package:
    """The parts of one OOXML zip, read lazily and within the size limits."""

    def __init__(self, data: bytes, path: str):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError) as exc:
            # NotImplementedError: a header claiming a zip version or feature zipfile lacks (fuzz: "zip
            # file version 14.8" from one flipped byte) — for us just another damaged file
            raise InputError(path, "corrupt", f"zip 结构已损坏或文件不完整（{exc}），无法作为 .docx 打开") from None
        self.names = {info.filename: info for info in infos}
        self._budget = MAX_TOTAL_BYTES
        self._check_declared_sizes(infos)

    def _check_declared_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
                raise InputError(
                    self.path, "too-large",
                    f"压缩包成员 {info.filename} 解压后 {info.file_size // (1024 * 1024)} MB、压缩比 {ratio:.0f}:1，"
                    "疑似压缩炸弹，拒绝读取",
                )
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                self.path, "too-large",
                f"文件解压后共 {total // (1024 * 1024)} MB，超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB 的上限，拒绝读取",
            )

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """Inflate one member in chunks, stopping as soon as the package budget is spent."""
        chunks = []
        try:
            with self.zip.open(self.names[name]) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise InputError(
                            self.path, "too-large",
                            f"解压 {name} 时超过 {MAX_TOTAL_BYTES // (1024 * 1024)} MB 的上限（疑似压缩炸弹），拒绝读取",
                        )
                    chunks.append(chunk)
        except InputError:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
            raise InputError(self.path, "corrupt", f"无法解压 {name}（{exc}），文件可能已损坏或不完整") from None
        except Exception as exc:  # zlib.error and friends: any failure to inflate is a corrupt file
            raise InputError(self.path, "corrupt", f"无法解压 {name}（{exc}），文件可能已损坏或不完整") from None
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part, or None when the package has no such part."""
        if name not in self.names:
            return None
        return parse_xml(self.read(name), self.path, name)

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (relationship type, target part name) for one part ("" = the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        result: dict[str, tuple[str, str]] = {}
        if root is None:
            return result
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            result[rel.get("Id", "")] = (rel.get("Type", ""), name)
        return result

    def main_part(self) -> str | None:
        """The main document part (normally word/document.xml), from the package relationships."""
        for rel_type, name in self.relationships("").values():
            if rel_type.endswith(OFFICE_DOCUMENT_REL) and name in self.names:
                return name
        return "word/document.xml" if "word/document.xml" in self.names else None

    def describe_other_format(self) -> str | None:
        """For a zip without a Word document: say what it seems to be instead."""
        if "xl/workbook.xml" in self.names:
            return "这是 Excel 表格（.xlsx），不是 Word 文档"
        if "ppt/presentation.xml" in self.names:
            return "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档"
        if "mimetype" in self.names and "content.xml" in self.names:
            return "这是 OpenDocument 文件（如 .odt），请另存为 .docx 或使用 .odt 扩展名"
        return None
