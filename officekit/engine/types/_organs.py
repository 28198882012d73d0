"""Reading the elements that name organs and dates: 主送/抄送 lists, the issuer, dates.

Not a rule type (the leading underscore keeps it out of the registry).  Shared by organs.py and
crossref.py so both split a 主送 list the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from officekit.structure.model import Draft, ElementSpan

_LABEL = re.compile(r"^\s*(?:主\s*送|抄\s*送)\s*[:：︰]\s*")
_SEPARATORS = "、，,；;"
_OPEN, _CLOSE = "（(〔[【", "）)〕]】"


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


# -- joint issue (联合行文) -------------------------------------------------------------------------

# How an organ's name ends: a line of the 发文机关标志 that does not end like this is not read as an organ
# (a long single name wrapped over two lines must not become a "joint issue").
_ORGAN_END = re.compile(r"(?:政府|委员会|办公厅|办公室|党组|委|厅|局|部|院|署|会|办|处|科|中心|公司|集团|"
                        r"组|队|站|所|馆|社|行|团|联|校|学)$")
# The kind mark that ends a 机关代字 (云林发, 云林函): not part of the organ's abbreviation.
_CODE_KIND = "发函字电"
_CODE = re.compile(r"^\s*([^\s〔\[［【(（]+?)\s*[〔\[［【(（]\s*(?:19|20)\d{2}")


def joint_organs(draft: Draft) -> list[str]:
    """The organs of a joint 发文机关标志, 主办机关 first (one a line, or several on a line apart by spaces).

    Empty when the 标志 names one organ or a line does not read as an organ name.
    """
    organs: list[str] = []
    for span in draft.all("发文机关标志"):
        for part in span.text.split():
            part = part.removesuffix("文件")
            if not part:
                continue
            if not _ORGAN_END.search(part):
                return []
            organs.append(part)
    return organs if len(organs) > 1 else []


def agency_code(zihao: str) -> tuple[str, int, int] | None:
    """The 机关代字 of a 发文字号 with its offsets: 云林发〔2026〕5号 → ("云林发", 0, 3)."""
    m = _CODE.match(zihao)
    return (m.group(1), m.start(1), m.end(1)) if m else None


def code_owners(code: str, organs: list[str]) -> list[set[str]]:
    """For each organ, the characters of the 代字 that point to it alone among the organs.

    A character every organ shares (the place name 云 of 云岭市…) says nothing; the kind mark at the end
    (发/函/字/电) is not the organ's.
    """
    core = code[:-1] if len(code) > 1 and code[-1] in _CODE_KIND else code
    shared = {c for c in core if all(c in o for o in organs)}
    return [{c for c in core if c in organ and c not in shared} for organ in organs]


_REGION = re.compile(r"^.*?(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区)(?=.{2,})")


def organ_keys(organ: str) -> list[str]:
    """Ways a title may name an organ: 云岭市林业局 → 云岭市林业局, 市林业局, 林业局."""
    keys = [organ]
    m = _REGION.match(organ)
    if m:
        rest = organ[m.end():]
        keys += [m.group(0)[-1] + rest, rest]
    return keys


def signer_names(draft: Draft) -> list[tuple[str, ElementSpan, int, int]]:
    """Each name of the 签发人 spans, in reading order, with its offsets in the block."""
    out = []
    for span in draft.all("签发人"):
        label = re.search(r"签\s*发\s*人\s*[:：︰]", span.text)
        pos = label.end() if label else 0
        for m in re.finditer(r"\S+", span.text[pos:]):
            out.append((m.group(0), span, span.start + pos + m.start(), span.start + pos + m.end()))
    return out


def listed(name: str, entries: list[str]) -> str | None:
    """The entry of an office's organ list that this name is (or starts with), else None."""
    flat = normalise(name)
    return next((e for e in entries if e and (flat == e or flat.startswith(e))), None)
