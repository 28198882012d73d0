"""Plain text (.txt, .md, stdin): one block a line, no formatting."""

from __future__ import annotations

from officekit.document.model import Block, Document, Run, Section
from officekit.errors import InputError


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 — the two encodings Chinese offices actually use."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(path, "encoding", f"不是 UTF-8 或 GB18030 编码的文本（第 {exc.start} 字节无法解码）") from None


def from_text(text: str, path: str = "-") -> Document:
    # Normalise Windows and old Mac line ends; keep every line, empty ones included, so that block
    # numbers are the line numbers a person sees in an editor.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    body = [Block("body", i, line, [Run(line)] if line else []) for i, line in enumerate(lines, 1)]
    return Document(path=path, kind="text", body=body, sections=[Section()])


def read_bytes(data: bytes, path: str) -> Document:
    return from_text(decode(data, path), path)
