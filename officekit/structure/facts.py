"""Typed facts of the recognised elements: what a rule needs to know about an element's text, parsed once.

The recogniser says *which* line is the 发文字号; this module says what it holds (机关代字, year, number, the
brackets used), what date a 成文日期 means, which organs a 主送 names.  Rules ask the draft
(`draft.zihao()`, `draft.date_of(element)`, `draft.heading_number(block)`) instead of parsing again.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# 机关代字 〔年份〕 序号 号, read loosely (any bracket pair, 第, spaces) so a faulty number still has parts.
_ZIHAO_PARTS = re.compile(
    r"^\s*(?P<code>[^\s〔\[［【(（﹝〖{｛]*?)\s*(?P<open>[〔\[［【(（﹝〖{｛])\s*(?P<year>\d{2,4})\s*"
    r"(?P<close>[〕\]］】)）﹞〗}｝])\s*(?P<di>第)?\s*(?P<number>\d+)?\s*(?P<hao>号)?"
)
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_HEADING_NUMBER = re.compile(r"^\s*[（(]?\s*([一二三四五六七八九十百]+|\d+)\s*[）)、.．]?")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True, slots=True)
class ZihaoParts:
    code: str  # 机关代字 (empty when missing)
    year: int | None  # as written: 2026, or 26 for a two-digit year
    number: int | None
    brackets: str  # the pair used, e.g. "〔〕" or "[]"
    has_di: bool  # 第 before the number
    has_hao: bool  # 号 after it
    year_start: int  # offsets of the year in the text
    year_end: int


def zihao_parts(text: str) -> ZihaoParts | None:
    match = _ZIHAO_PARTS.match(text)
    if not match:
        return None
    number = match.group("number")
    return ZihaoParts(
        code=match.group("code"), year=int(match.group("year")), number=int(number) if number else None,
        brackets=match.group("open") + match.group("close"), has_di=bool(match.group("di")),
        has_hao=bool(match.group("hao")), year_start=match.start("year"), year_end=match.end("year"))


@dataclass(frozen=True, slots=True)
class DateFact:
    text: str  # as written
    start: int  # offsets in the span's text
    end: int
    day: datetime.date | None  # None when no such day (2月30日)


def dates_in(text: str) -> list[DateFact]:
    """Every Arabic-numeral date of the text with the day it means."""
    out = []
    for m in _DATE.finditer(text):
        try:
            day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            day = None
        out.append(DateFact(m.group(0), m.start(), m.end(), day))
    return out


def heading_number(text: str) -> int | None:
    """The number of a heading: 3 for 三、, （三）, 3. and （3）; None when it cannot be read."""
    match = _HEADING_NUMBER.match(text)
    if not match:
        return None
    return chinese_number(match.group(1))


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103; Arabic digits as they are; None when not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
