"""Write hostile and broken inputs: each function takes a path, writes the file and returns the path.

The files are made at test time so that nothing large or binary is committed; the big ones
(10,000 paragraphs, a 1,000,000-character paragraph, a zip bomb) take well under a second to build.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from docx_builders import build_docx, p, r, tbl

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A realistic sentence of a draft (with the punctuation the rules look at), repeated for size.
SENTENCE = "为深入贯彻落实党中央、国务院决策部署，进一步加强和改进公文处理工作，现将有关事项通知如下。"


def good_docx(path: Path, text: str = "关于开展安全生产检查的通知") -> Path:
    return build_docx(path, p(text) + p("各区人民政府：") + p(SENTENCE))


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def not_a_zip(path: Path) -> Path:
    path.write_bytes("这不是压缩包，只是一段文字。\n".encode("utf-8") * 20)
    return path


def truncated_zip(path: Path) -> Path:
    good = good_docx(path.with_name("whole-" + path.name)).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("docProps/app.xml", "<Properties/>")
    return path


def encrypted_ole(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE2 container with EncryptionInfo."""
    path.write_bytes(OLE2_MAGIC + b"\0" * 1016 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 2048)
    return path


def doc_renamed(path: Path) -> Path:
    path.write_bytes(OLE2_MAGIC + b"\0" * 1016 + "WordDocument".encode("utf-16-le") + b"\0" * 2048)
    return path


def pdf_renamed(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    return path


def tables_without_tblpr(path: Path) -> Path:
    table = tbl([[p("序号"), p("事项")], [p("1"), p("开展安全生产检查")]], tbl_pr=None)
    return build_docx(path, p("关于开展安全生产检查的通知") + table + p("特此通知。"))


def many_paragraphs(path: Path, count: int = 10_000) -> Path:
    body = "".join(p(f"{i}. {SENTENCE}") for i in range(count))
    return build_docx(path, p("关于开展安全生产检查的通知") + body)


def huge_paragraph(path: Path, chars: int = 1_000_000) -> Path:
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    return build_docx(path, p("关于开展安全生产检查的通知") + p(text))


def nested_tables(path: Path, depth: int) -> Path:
    inner = p("最里层")
    for _ in range(depth):
        inner = tbl([[inner]], tbl_pr=None)
    return build_docx(path, inner + p("表后"))


def billion_laughs(path: Path) -> Path:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    return build_docx(path, document_xml=xml)


def external_entity(path: Path, secret_file: Path) -> Path:
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "{secret_file.as_uri()}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>内容：&secret;</w:t></w:r></w:p></w:body></w:document>")
    return build_docx(path, document_xml=xml)


def zip_bomb(path: Path, megabytes: int = 64) -> Path:
    """An honest bomb: a member that declares it inflates to `megabytes` of zeros (ratio ~1000:1)."""
    good_docx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/media/zeros.bin", "w", force_zip64=True) as out:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(megabytes):
            out.write(chunk)
    return path


def lying_zip_bomb(path: Path, megabytes: int = 400) -> Path:
    """A bomb that lies: word/document.xml declares 1 KB but inflates to `megabytes` (zip headers
    forged), so only a limit enforced while inflating can stop it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    pieces = [compressor.compress(head)]
    chunk = "文".encode("utf-8") * (1024 * 1024 // 3)
    for _ in range(megabytes):
        pieces.append(compressor.compress(chunk))
    pieces.append(compressor.flush())
    deflated = b"".join(pieces)
    crc = 0  # never checked: inflation must stop long before the end
    name = b"word/document.xml"
    declared = 1024
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), declared, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), declared,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(deflated), 0)
    path.write_bytes(local + deflated + central + end)
    return path


def invalid_encoding_text(path: Path) -> Path:
    path.write_bytes("通知".encode("utf-8") + b"\xff\xfe\xff\x80\x80" + "事项".encode("utf-8"))
    return path


def gb18030_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("gb18030"))
    return path


def odd_characters_docx(path: Path, text: str) -> Path:
    """Characters XML 1.0 can carry (zero-width, RTL marks, C1 controls) inside a run."""
    return build_docx(path, p("关于开展安全生产检查的通知") + p(r(text)))
