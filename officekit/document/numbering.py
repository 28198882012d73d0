"""Automatic numbering: the label Word draws in front of a numbered paragraph ("一、", "（二）", "3.").

numbering.xml maps a w:num (numId) to an abstract definition whose levels give start value, number
format and label template (w:lvlText "%1、").  Counters live per abstract definition, as in Word: two
w:num instances of one abstractNum continue one list unless a w:lvlOverride/w:startOverride restarts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.document.ooxml import VAL, W, to_int
from officekit.document.styles import parse_ppr

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting/Thousand)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    parts = []
    zero_pending = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = (n // power) % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (digit == 1 and power == 10 and not parts and digits is _CN_DIGITS):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    # Word repeats the letter: 27 → "aa"
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        if fmt == "ideographDigital":
            return "".join(_CN_DIGITS[int(d)] for d in str(n))
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _CN_LEGAL_DIGITS, "拾佰仟")
    if fmt in ("ideographTraditional",):
        return _HEAVENLY_STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "none":
        return ""
    return str(n)  # decimal and everything we do not know


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # w:lvlText; None = no label
    legal: bool = False  # w:isLgl: all levels shown as decimal
    restart: int | None = None  # w:lvlRestart
    ppr: dict | None = None


class Numbering:
    """Definitions from numbering.xml plus the running counters of one reading pass."""

    def __init__(self, root=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, Level | int]] = {}  # numId → ilvl → Level or start value
        self.counters: dict[str, dict[int, int]] = {}
        self._override_applied: set[tuple[str, int]] = set()
        if root is not None:
            self._load(root)

    @staticmethod
    def _level(el) -> Level:
        level = Level()
        for child in el:
            tag = child.tag
            if tag == W + "start":
                level.start = to_int(child.get(VAL)) or 0
            elif tag == W + "numFmt":
                level.fmt = child.get(VAL) or "decimal"
            elif tag == W + "lvlText":
                level.text = child.get(VAL)
            elif tag == W + "isLgl":
                level.legal = child.get(VAL, "1") not in ("0", "false")
            elif tag == W + "lvlRestart":
                level.restart = to_int(child.get(VAL))
            elif tag == W + "pPr":
                level.ppr = parse_ppr(child)
        return level

    def _load(self, root) -> None:
        for abstract in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(W + "lvl"):
                levels[to_int(lvl.get(W + "ilvl")) or 0] = self._level(lvl)
            self.abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iterchildren(W + "num"):
            num_id = num.get(W + "numId", "")
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.num_to_abstract[num_id] = ref.get(VAL, "")
            overrides: dict[int, Level | int] = {}
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = to_int(override.get(W + "ilvl")) or 0
                lvl = override.find(W + "lvl")
                start = override.find(W + "startOverride")
                if lvl is not None:
                    overrides[ilvl] = self._level(lvl)
                elif start is not None:
                    overrides[ilvl] = to_int(start.get(VAL)) or 0
            if overrides:
                self.overrides[num_id] = overrides

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if isinstance(override, Level):
            return override
        levels = self.abstract.get(self.num_to_abstract.get(num_id, ""))
        return levels.get(ilvl) if levels else None

    def next_label(self, num_id: str | None, ilvl: int) -> tuple[str | None, dict | None]:
        """Advance the counters for one numbered paragraph; return (label, level paragraph partial)."""
        if not num_id or num_id == "0":
            return None, None
        abstract_id = self.num_to_abstract.get(num_id)
        if abstract_id is None:
            return None, None
        level = self.level(num_id, ilvl)
        if level is None:
            return None, None
        counters = self.counters.setdefault(abstract_id, {})
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None and (num_id, ilvl) not in self._override_applied:
            # A startOverride restarts the level the first time this num instance is used.
            self._override_applied.add((num_id, ilvl))
            start = override if isinstance(override, int) else override.start
            counters[ilvl] = start
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        # Deeper levels restart after this one (lvlRestart can make them keep counting; rare).
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = self.level(num_id, deeper)
            if deeper_level is None or deeper_level.restart != 0:
                del counters[deeper]
        if level.text is None or level.fmt == "bullet":
            return (level.text or None), level.ppr
        label = level.text
        for k in range(ilvl, -1, -1):
            placeholder = f"%{k + 1}"
            if placeholder not in label:
                continue
            k_level = self.level(num_id, k) or Level()
            value = counters.get(k, k_level.start)
            fmt = "decimal" if (level.legal and k_level.fmt != "decimalZero") else k_level.fmt
            label = label.replace(placeholder, format_number(value, fmt))
        return label, level.ppr
