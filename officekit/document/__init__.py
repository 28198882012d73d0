"""read: a path → the Document model (officekit/document/model.py).

Dispatch is on what the bytes are as much as on the extension: a .docx that is really a PDF, an
old .doc or an encrypted file gets a message saying so (InputError), never a traceback.
"""

from __future__ import annotations

import os
import sys

from officekit.document import text_reader
from officekit.document.model import Block, Border, Document, ParagraphProps, Run, RunProps, Section, Shape
from officekit.document.package import is_encrypted_ole, sniff
from officekit.errors import InputError

__all__ = [
    "read", "read_bytes", "Document", "Block", "Run", "RunProps", "ParagraphProps", "Section", "Shape", "Border",
]

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text"})
DOCX_EXTENSIONS = frozenset({".docx", ".docm", ".dotx", ".dotm"})


def read(path: str) -> Document:
    """Read a file (or "-" for stdin, as plain text) into a Document."""
    if path == "-":
        return text_reader.read_bytes(sys.stdin.buffer.read(), "-")
    if not os.path.exists(path):
        if os.path.islink(path):  # a dangling link or a loop (a → b → a): say which, not 文件不存在
            raise InputError(path, "not-found", "符号链接指向不存在的文件，或链接成环")
        raise InputError(path, "not-found", "文件不存在")
    if os.path.isdir(path):
        raise InputError(path, "not-found", "这是一个目录，不是文件")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(path, "not-found", f"无法打开文件（{exc.strerror}）") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str) -> Document:
    """Read a file's bytes; `path` gives the extension and names the file in messages."""
    extension = os.path.splitext(path)[1].lower()
    if not data:
        raise InputError(path, "empty", "文件为空（0 字节）")
    if extension in TEXT_EXTENSIONS:
        return text_reader.read_bytes(data, path)

    from officekit.document.convert import LEGACY_EXTENSIONS, convert_legacy

    kind = sniff(data)
    if kind == "zip":
        if extension in LEGACY_EXTENSIONS and extension in (".odt", ".ott"):
            return convert_legacy(path)
        from officekit.document.docx_reader import read_docx

        return read_docx(data, path)
    if kind == "ole2":
        if is_encrypted_ole(data):
            raise InputError(path, "encrypted", "文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后再检查")
        if extension in LEGACY_EXTENSIONS:
            return convert_legacy(path)
        raise _legacy_renamed(path, extension)
    if kind == "rtf":
        if extension in LEGACY_EXTENSIONS:
            return convert_legacy(path)
        raise _legacy_renamed(path, extension, "RTF")
    if kind == "pdf":
        raise InputError(path, "not-docx", "这是 PDF 文件，不是 Word 文档；请提供 .docx 原稿（PDF 没有可检查的格式信息）")
    if extension in DOCX_EXTENSIONS:
        raise InputError(path, "not-docx", "不是 .docx 文件（内容不是 zip 压缩包），可能已损坏或扩展名有误")
    if extension in LEGACY_EXTENSIONS:
        return convert_legacy(path)
    # Unknown extension and not a known binary format: try it as plain text.
    return text_reader.read_bytes(data, path)


def _legacy_renamed(path: str, extension: str, what: str = "旧版 Word（.doc/.wps）") -> InputError:
    from officekit.document.convert import find_soffice

    message = f"这是{what}格式的文件，却以 {extension or '无扩展名'} 命名"
    if find_soffice():
        # LibreOffice reads by content, not by name: convert it anyway.
        message += "；请改成正确的扩展名后重试"
    else:
        message += "；请在 Word/WPS 中“另存为” .docx 后再检查（或安装 LibreOffice 以读取 .doc/.wps）"
    return InputError(path, "legacy-format", message)
