"""One uploaded draft on the review desk: check it once, and make its copies (审阅, 修订, 审核意见单) when asked.

The page and the copies speak about the same bytes: a .doc/.wps is converted to .docx once, on arrival,
and everything afterwards reads that .docx.  Every file lives in the draft's own folder inside the
session folder; nothing is written anywhere else.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from officekit.check import FileResult, check_document
from officekit.config.model import Config
from officekit.errors import InputError
from officekit.structure.genre import GONGWEN

READABLE_SUFFIXES = (".docx", ".txt", ".md")
LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")  # read through LibreOffice, when it is installed
ORIGINAL_FOLDER = "original"  # the upload and its conversion; the copies sit one level up, apart from it

# what each download is: (button label, marker in the file name it is saved under)
COPIES = {
    "review": ("审阅稿（批注）", "审阅"),
    "fixed": ("修订稿（修订痕迹）", "修订"),
    "layout": ("排版稿（修订＋一键排版）", "排版"),  # = officekit fix --layout
    "slip": ("审核意见单", "意见单"),  # officekit slip's own marker (desk/slip.py SLIP_MARKER)
}


class CopyUnavailable(Exception):
    """A copy this draft cannot have (a plain-text draft has no Word copy); the message says why."""


@dataclass
class Draft:
    """An uploaded draft: its number in the session, the name the secretary gave it, its folder."""

    number: int
    name: str
    folder: Path
    settings: Config
    batch: int = 0  # drafts uploaded together share it: the page shows the latest upload first, in its order
    result: FileResult | None = None
    converted: bool = False  # a .doc/.wps read as LibreOffice's .docx of it
    copies: dict[str, Path] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def original(self) -> Path:
        """The upload as it came, under its own name (the 审核意见单 names the file it speaks of)."""
        return self.folder / ORIGINAL_FOLDER / self.name

    @property
    def path(self) -> Path:
        """The file the checks read (for a legacy file: its .docx conversion, beside it)."""
        return self.original.with_suffix(".docx") if self.converted else self.original

    @property
    def is_word(self) -> bool:
        return self.path.suffix.lower() == ".docx"

    def offers(self, kind: str) -> bool:
        """Whether the page shows the button for copy `kind`: 一键排版 lays out 公文 only."""
        if kind == "layout":
            return self.result is not None and self.result.draft is not None and self.result.draft.genre == GONGWEN
        return True

    def copy_name(self, kind: str) -> str:
        """DRAFT.docx → DRAFT.审阅.docx, the name the browser saves the copy under."""
        return f"{Path(self.name).stem}.{COPIES[kind][1]}.docx"


def accepted_suffixes(legacy_readable: bool) -> tuple[str, ...]:
    return READABLE_SUFFIXES + (LEGACY_SUFFIXES if legacy_readable else ())


def receive(number: int, name: str, data: bytes, folder: Path, settings: Config) -> Draft:
    """Store an upload in `folder` and check it; an unreadable file becomes a result with its message."""
    from officekit.document.convert import convert_to_docx_bytes

    draft = Draft(number, name, folder, settings)
    draft.original.parent.mkdir(mode=0o700, parents=True)
    draft.original.write_bytes(data)
    try:
        if draft.original.suffix.lower() in LEGACY_SUFFIXES:
            converted = convert_to_docx_bytes(os.fspath(draft.original))
            draft.converted = True
            draft.path.write_bytes(converted)
        draft.result = _check(draft)
    except InputError as exc:
        draft.result = FileResult(path=name, status="error", error={"kind": exc.kind, "message": exc.message})
    return draft


def _check(draft: Draft) -> FileResult:
    from officekit.document import read

    found, findings = _findings(draft, read(os.fspath(draft.path)))
    # Reports name the file by the name the secretary knows, not the session folder's path.
    return FileResult(path=draft.name, draft=found, findings=findings)


def _findings(draft: Draft, document):
    """(recognised draft, findings after suppressions) of `document` with the server's settings."""
    from officekit import suppress

    found, findings = check_document(document, draft.settings)
    return found, suppress.apply(os.fspath(draft.path), findings, draft.settings, found)


def make_copy(draft: Draft, kind: str) -> Path:
    """The file of copy `kind`, made on first request and kept in the draft's folder."""
    if kind not in COPIES:
        raise KeyError(kind)
    with draft._lock:  # two clicks on one button make the copy once
        if kind not in draft.copies:
            if draft.result is None or draft.result.status != "ok":
                raise CopyUnavailable("这份文件无法读取，没有副本")
            if not draft.is_word:
                raise CopyUnavailable("纯文本草稿没有 Word 副本：请上传 .docx 文件")
            target = draft.folder / f"{kind}.docx"
            MAKERS[kind](draft, target)
            draft.copies[kind] = target
        return draft.copies[kind]


def _opened(draft: Draft):
    """(editor, check, findings) over the stored .docx: the findings of exactly the bytes the editor changes."""
    from officekit.output.docx_edit import DocxEditor

    editor = DocxEditor.open(os.fspath(draft.path))

    def check(document_editor):
        return _findings(draft, document_editor.document)[1]

    return editor, check, check(editor)


def _review_copy(draft: Draft, target: Path) -> None:
    from officekit.output.annotate import annotate

    editor, _, findings = _opened(draft)
    target.write_bytes(annotate(editor, findings).data)


def _fixed(draft: Draft) -> bytes:
    from officekit.output.fix import fix_until_settled

    editor, check, findings = _opened(draft)
    return fix_until_settled(editor, check, track=True, findings=findings).data


def _fixed_copy(draft: Draft, target: Path) -> None:
    target.write_bytes(_fixed(draft))


def _layout_copy(draft: Draft, target: Path) -> None:
    """What `officekit fix --layout` writes: the text fixes, then 一键排版 (officekit/layout) of that copy,
    the layout the format rules ask for as tracked formatting changes."""
    from officekit.layout import lay_out
    from officekit.output.docx_edit import DocxEditor

    data = _fixed(draft)
    result = lay_out(DocxEditor(data, os.fspath(draft.path)), draft.settings, track=True, data=data)
    if result.skipped:
        raise CopyUnavailable(result.skipped)
    target.write_bytes(result.data)


def _slip(draft: Draft, target: Path) -> None:
    from officekit.desk.slip import write_slip

    write_slip(draft.path, target, config_path=Path(draft.settings.path) if draft.settings.path else None)


MAKERS = {"review": _review_copy, "fixed": _fixed_copy, "layout": _layout_copy, "slip": _slip}
