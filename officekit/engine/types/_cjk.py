"""Character classes and protected stretches shared by the punctuation and number types.

Not a rule type (the leading underscore keeps it out of the type registry).  "Chinese context"
means a CJK ideograph or a full-width Chinese mark next to the character being judged; protected
stretches (URLs, e-mail addresses, 发文字号) are text where Chinese punctuation rules do not apply.
"""

from __future__ import annotations

import regex

# Full-width marks that only occur in Chinese text: a neighbour like this makes the context Chinese.
CJK_MARKS = "，。、；：？！“”‘’（）《》〈〉〔〕【】［］…—～·「」『』"


def is_cjk(ch: str) -> bool:
    """A Chinese character (ideograph, 〇) or a full-width Chinese mark."""
    if not ch:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF
            or 0xF900 <= o <= 0xFAFF or ch == "〇" or ch in CJK_MARKS)


def is_ideograph(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or ch == "〇"


def is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


# Stretches where Chinese punctuation rules do not apply.
_PROTECTED = {
    "url": r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+",
    "email": r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
    # 发文字号 such as 国办发〔2020〕13号 (also with wrong brackets, which other rules report)
    "docnumber": r"[\p{Han}A-Za-z]{1,12}[〔\[［【(（]\d{2,4}[〕\]］】)）]\d+号",
    # domain names and file names written without a scheme: gov.cn, 附件.docx
    "domain": r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:cn|com|net|org|gov|edu|docx?|xlsx?|pdf|wps|ofd|txt|zip|rar)(?![A-Za-z])",
    # code in a technical appendix: the literal values ('…', "…", […]) of a line that documents a field
    # of a configuration file (arm_num：…，如：['bottom']), and coordinates written as in maths: (1279,719)
    "code": r"(?<=^\s*-?\s*(?=[\w.]*[a-z_])[A-Za-z_][\w.]*\s*[:：].*?)(?:'[^'\n]*'|\"[^\"\n]*\"|\[[^\[\]\n]*\])"
            r"|\(\s*[-+]?\d+(?:\.\d+)?(?:\s*,\s*[-+]?\d+(?:\.\d+)?)+\s*\)",
}
PROTECTED_KINDS = tuple(_PROTECTED)
_COMPILED = {k: regex.compile(p) for k, p in _PROTECTED.items()}


def protected_spans(text: str, kinds=PROTECTED_KINDS) -> list[tuple[int, int]]:
    spans = []
    for kind in kinds:
        for m in _COMPILED[kind].finditer(text):
            spans.append((m.start(), m.end()))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the spans."""
    return any(a < end and start < b for a, b in spans)
