"""Unreadable input gives InputError with a kind and a message naming the problem — never a traceback."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest

from docx_builders import build_docx, p, tbl
from officekit.document import package, read
from officekit.errors import InputError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_error(path) -> InputError:
    with pytest.raises(InputError) as caught:
        read(str(path))
    assert caught.value.path == str(path)
    return caught.value


def good_docx(tmp_path, name="good.docx"):
    return build_docx(tmp_path / name, p("正文"))


def test_missing_file(tmp_path):
    error = read_error(tmp_path / "nope.docx")
    assert error.kind == "not-found" and "不存在" in error.message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    error = read_error(path)
    assert error.kind == "empty" and "空" in error.message


def test_not_a_zip(tmp_path):
    path = tmp_path / "text.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    error = read_error(path)
    assert error.kind == "not-docx" and "zip" in error.message


def test_truncated_zip(tmp_path):
    data = good_docx(tmp_path).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    error = read_error(path)
    assert error.kind == "corrupt" and "损坏" in error.message


def test_corrupt_member_data(tmp_path):
    source = good_docx(tmp_path)
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(source.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start, start + info.compress_size):  # scramble the deflated bytes, keep the zip structure
        data[i] ^= 0x5A
    path = tmp_path / "scrambled.docx"
    path.write_bytes(bytes(data))
    error = read_error(path)
    assert error.kind == "corrupt" and "word/document.xml" in error.message


def test_zip_without_document_xml(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    error = read_error(path)
    assert error.kind == "not-docx" and "Excel" in error.message
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("hello.txt", "hi")
    error = read_error(plain)
    assert error.kind == "not-docx" and "word/document.xml" in error.message


def test_encrypted_docx(tmp_path):
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE2 + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600)
    error = read_error(path)
    assert error.kind == "encrypted" and "密码" in error.message


def test_legacy_doc_renamed_docx(tmp_path, monkeypatch):
    monkeypatch.setattr("officekit.document.convert.find_soffice", lambda: None)
    path = tmp_path / "old.docx"
    path.write_bytes(OLE2 + b"\0" * 2000 + "WordDocument".encode("utf-16-le"))
    error = read_error(path)
    assert error.kind == "legacy-format" and ".doc" in error.message and "另存为" in error.message


def test_legacy_doc_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(OLE2 + b"\0" * 2000)
    error = read_error(path)
    assert error.kind == "legacy-format" and "LibreOffice" in error.message and "apt install" in error.message
    wps = tmp_path / "old.wps"
    wps.write_bytes(OLE2 + b"\0" * 2000)
    assert read_error(wps).kind == "legacy-format"


def test_pdf_renamed_docx(tmp_path):
    path = tmp_path / "scan.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    error = read_error(path)
    assert error.kind == "not-docx" and "PDF" in error.message


def test_malformed_xml(tmp_path):
    path = build_docx(tmp_path / "bad.docx", document_xml="<w:document><w:body><w:p></w:body>")
    error = read_error(path)
    assert error.kind == "corrupt" and "word/document.xml" in error.message and "XML" in error.message


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_dtd_entities_are_refused(tmp_path, xml):
    path = build_docx(tmp_path / "evil.docx", document_xml=xml)
    error = read_error(path)
    assert error.kind == "unsafe" and "DTD" in error.message


def test_dtd_in_a_utf16_part_is_refused_after_parsing():
    data = EXTERNAL_ENTITY.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
    with pytest.raises(InputError) as caught:
        package.parse_xml(data, "x.docx", "word/document.xml")
    assert caught.value.kind == "unsafe"


def test_zip_bomb_by_declared_ratio(tmp_path):
    path = good_docx(tmp_path, "bomb.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", b"\0" * (11 * 1024 * 1024))
    error = read_error(path)
    assert error.kind == "too-large" and "压缩炸弹" in error.message


def test_inflation_stops_at_the_budget_even_when_sizes_lie(tmp_path, monkeypatch):
    path = good_docx(tmp_path, "liar.docx")
    # Pretend the declared sizes passed the check (they can be forged) and shrink the budget.
    monkeypatch.setattr(package.Package, "_check_declared_sizes", lambda self, infos: None)
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 500)
    error = read_error(path)
    assert error.kind == "too-large"


def nested_tables(depth: int) -> str:
    inner = p("最里层")
    for _ in range(depth):
        inner = tbl([[inner]], tbl_pr=None)
    return inner + p("表后")


def test_deeply_nested_tables_are_read_without_recursion_trouble(tmp_path):
    doc = read(str(build_docx(tmp_path / "deep.docx", nested_tables(60))))
    assert [b.text for b in doc.body] == ["最里层", "表后"]
    assert doc.warnings  # beyond the reader's own depth cap the inner tables are flattened, and it says so


def test_nesting_beyond_the_xml_parser_limit_is_refused(tmp_path):
    error = read_error(build_docx(tmp_path / "deeper.docx", nested_tables(100)))
    assert error.kind == "too-large" and "嵌套" in error.message


def test_unknown_extension_is_read_as_text(tmp_path):
    path = tmp_path / "draft"
    path.write_text("关于开展检查的通知\n各单位：", encoding="utf-8")
    assert [b.text for b in read(str(path)).body] == ["关于开展检查的通知", "各单位："]


def test_stdin_dash_reads_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("第一行\n第二行\n".encode("utf-8"))))
    doc = read("-")
    assert doc.kind == "text" and [b.text for b in doc.body] == ["第一行", "第二行"]
