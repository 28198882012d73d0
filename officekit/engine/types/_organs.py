"""Reading the elements that name organs and dates: 主送/抄送 lists, the issuer, dates.

Not a rule type (the leading underscore keeps it out of the registry).  Shared by organs.py and
crossref.py so both split a 主送 list the same way.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from officekit.structure.model import Draft, ElementSpan

_LABEL = re.compile(r"^\s*(?:主\s*送|抄\s*送)\s*[:：︰]\s*")
_SEPARATORS = "、，,；;"
_OPEN, _CLOSE = "（(〔[【", "）)〕]】"
DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass(frozen=True)
class Name:
    """One organ named in a list, with where it sits."""

    text: str
    span: ElementSpan
    start: int  # offset in the block
    end: int


def names_in(span: ElementSpan) -> list[Name]:
    """Split a 主送/抄送 line into organ names: separators outside brackets, label and end mark dropped."""
    text = span.text
    label = _LABEL.match(text)
    pos = label.end() if label else 0
    out: list[Name] = []
    depth, start = 0, pos
    for i in range(pos, len(text) + 1):
        ch = text[i] if i < len(text) else "、"
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _SEPARATORS:
            _add(out, span, start, i)
            start = i + 1
    return out


def _add(out: list[Name], span: ElementSpan, start: int, end: int) -> None:
    raw = span.text[start:end]
    core = raw.strip().rstrip("：:︰。.")
    if not core.strip():
        return
    lead = raw.find(core)
    out.append(Name(core, span, span.start + start + lead, span.start + start + lead + len(core)))


def names_of(draft: Draft, element: str) -> list[Name]:
    return [n for s in draft.all(element) for n in names_in(s)]


def normalise(name: str) -> str:
    """Compare organ names without spaces and the 各/有关 of class names."""
    return re.sub(r"\s+", "", name)


def issuer(draft: Draft) -> str | None:
    """The issuing organ: the 发文机关署名, else the 发文机关标志 without 文件 (first organ of a joint issue)."""
    sig = draft.first("发文机关署名")
    if sig is not None and normalise(sig.text):
        return normalise(sig.text)
    mark = draft.first("发文机关标志")
    if mark is not None:
        name = normalise(mark.text)
        for tail in ("文件", "命令", "令", "纪要"):
            if name.endswith(tail) and len(name) > len(tail) + 1:
                return name[: -len(tail)]
        return name or None
    return None


def dates_in(text: str) -> list[tuple[re.Match, datetime.date | None]]:
    """Every Arabic-numeral date in the text with the calendar date it means (None: no such day)."""
    out = []
    for m in DATE.finditer(text):
        try:
            day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            day = None
        out.append((m, day))
    return out


def first_date(draft: Draft, element: str) -> tuple[ElementSpan, re.Match, datetime.date] | None:
    for s in draft.all(element):
        for m, day in dates_in(s.text):
            if day is not None:
                return s, m, day
    return None
