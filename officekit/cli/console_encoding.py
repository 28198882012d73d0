"""Output that never fails on the console's encoding.

On Chinese Windows a redirected stdout (`officekit check 草稿.docx > 报告.txt`) is GBK, which has no
✘, ✔ or ↵.  Python's default there is to raise UnicodeEncodeError half-way through the report and leave
an empty file.  We keep the stream's own encoding (Notepad, findstr and PowerShell read it as they read
every other tool's output) and write a look-alike the encoding has for each of our symbols; any other
character it cannot hold (a rare character of the draft itself) is written as "?".  The full text is
always available with `-o 报告.txt`, which writes UTF-8.
"""

from __future__ import annotations

import codecs
import sys

ERROR_HANDLER = "officekit-lookalike"
UNKNOWN = "?"
# Our own symbols and their stand-ins, which GBK, Big5 and the Latin code pages mostly have.
LOOKALIKES = {
    "✔": ("√", "v"),
    "✘": ("×", "x"),
    "❌": ("×", "x"),
    "↵": ("↓", "|"),
    "⏎": ("↓", "|"),
    "‸": ("^",),
    "−": ("-",),
}


def _stand_in(character: str, encoding: str) -> str:
    for candidate in LOOKALIKES.get(character, ()):
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        return candidate
    return UNKNOWN


def _lookalike(error: UnicodeEncodeError):
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(_stand_in(ch, error.encoding) for ch in bad), error.end


codecs.register_error(ERROR_HANDLER, _lookalike)


def encodable(text: str, encoding: str) -> str:
    """`text` as the stream of `encoding` will write it (for tests and previews)."""
    return text.encode(encoding, ERROR_HANDLER).decode(encoding)


def make_stdout_safe(stream=None) -> None:
    """Let stdout fall back to look-alikes instead of raising; an explicit PYTHONIOENCODING error
    handler (gbk:replace) is the user's choice and stays."""
    stream = sys.stdout if stream is None else stream
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) != "strict":
        return
    reconfigure(errors=ERROR_HANDLER)
