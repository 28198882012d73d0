"""Read the files of one browser upload (multipart/form-data) into (name, bytes) pairs.

A form post is small and local, so it is read whole, after its declared size has been checked against
the limit.  The parser knows just what a browser sends for <input type="file" multiple>: parts with a
Content-Disposition naming the field and the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # one upload, all its files together; real drafts are a few MB
MAX_NAME_CHARS = 120  # a longer file name is cut (the suffix kept): it is only shown and used for copies

_PARAM = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def size_text(size: int) -> str:
    """50 MB, 1.5 MB, 64 KB: a size as the page says it."""
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} MB"
    return f"{max(1, round(size / 1024))} KB"


class UploadError(Exception):
    """An upload that cannot be read; the message is for the page."""


@dataclass
class UploadedFile:
    name: str
    data: bytes


def boundary_of(content_type: str) -> bytes:
    kind, _, params = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        raise UploadError("上传的不是文件表单，请用页面上的按钮选择文件")
    match = re.search(r'boundary=(?:"([^"]+)"|([^;\s]+))', params)
    if not match:
        raise UploadError("上传内容不完整（缺少分隔符），请重新上传")
    return (match.group(1) or match.group(2)).encode("latin-1")


def parse(content_type: str, body: bytes, field: str = "drafts") -> list[UploadedFile]:
    """The files of form field `field`, in the order sent; parts without a file name are skipped."""
    delimiter = b"\r\n--" + boundary_of(content_type)
    chunks = (b"\r\n" + body).split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise UploadError("上传内容不完整（可能在传送中断开），请重新上传")
    files = []
    for chunk in chunks[1:-1]:
        head, separator, data = chunk.partition(b"\r\n\r\n")
        if not separator:
            raise UploadError("上传内容不完整，请重新上传")
        params = _disposition(head.decode("utf-8", "replace"))
        if params.get("name") == field and params.get("filename"):
            files.append(UploadedFile(safe_name(params["filename"]), data))
    return files


def _disposition(head: str) -> dict[str, str]:
    for line in head.split("\r\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-disposition":
            return {key.lower(): re.sub(r"\\(.)", r"\1", text) for key, text in _PARAM.findall(value)}
    return {}


def safe_name(name: str) -> str:
    """The file's own name, with no folder part and nothing a file system or a header chokes on."""
    # Old browsers send the whole Windows path; browsers escape quotes and line breaks as %22 %0D %0A.
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = name.replace("%22", "＂").replace("%0D", "").replace("%0A", "")
    name = _UNSAFE_IN_NAME.sub("_", name).strip(" .")
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        keep_suffix = dot and len(suffix) < 10
        name = stem[:MAX_NAME_CHARS - len(suffix) - 1] + dot + suffix if keep_suffix else name[:MAX_NAME_CHARS]
    return name or "草稿"
