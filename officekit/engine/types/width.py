"""Half-width (ASCII) punctuation in Chinese text → the full-width mark (GB/T 15834-2011 5.1).

`marks` chooses what a rule looks at:
  , . : ; ? !   point marks: flagged when a neighbour is Chinese; numbers (1.5, 1,000), times
                (15:40), URLs, e-mail addresses and English phrases are left alone;
  ( )           parentheses: a pair whose content or neighbour is Chinese;
  " '           straight quotes: a pair whose content or neighbour is Chinese (opening → “ ‘,
                closing → ” ’);
  ~             a tilde in a numeric range next to Chinese (5~10天 → 5～10天).
Each offending character is its own hit with a safe fix (the full-width form).
"""

from __future__ import annotations

import regex

from officekit.engine.rule import Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._cjk import inside, is_cjk, is_latin, protected_spans

PARAMS = {
    "marks": Param("str", required=True, doc="ASCII marks to check, a subset of , . : ; ? ! ( ) \" ' ~"),
}

FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", "~": "～"}
POINT_MARKS = ",.:;?!"
ALLOWED = set(POINT_MARKS + "()\"'~")

# A mark quoted on its own (半角点“.”) is being talked about, not used: it stays as written.
_QUOTING_PAIRS = {("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("「", "」"), ("『", "』"), ("（", "）"), ("(", ")")}
# A paragraph-opening ordinal like "一." "一," "（一）." is the 序次语 rules' business, not a width problem.
_ORDINAL_MARK = regex.compile(r"^\s*(?:[一二三四五六七八九十]+|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)])[.,]$")
_PAREN_PAIR = regex.compile(r"\(([^()\n]{0,120})\)")
# one half full-width, the other not: （市、区)  (县、市）
_MIXED_PAREN = regex.compile(r"（[^（）()\n]{0,120}(\))|(\()[^（）()\n]{0,120}）")
_DOUBLE_PAIR = regex.compile(r'"([^"\n]{0,300})"')
_SINGLE_PAIR = regex.compile(r"'([^'\n]{0,120})'")
# a digit, perhaps with its unit (5%~10%, 1.5万~2万元), then ~ and a digit
_TILDE = regex.compile(r"(?<=\d[%‰℃万亿元]{0,2})~(?=\d)")


def build(rule: RuleSpec):
    marks = rule.params["marks"]
    bad = set(marks) - ALLOWED
    if bad:
        raise RuleError(f"width 规则的 marks 只能含 {''.join(sorted(ALLOWED))}，不能含 {''.join(sorted(bad))}")
    points = [m for m in marks if m in POINT_MARKS]

    def check(ctx):
        for span in ctx.spans():
            text = span.text
            zones = protected_spans(text)
            found: list[tuple[int, str]] = []  # (offset in span, full-width replacement)
            if points:
                found += _points(text, points, zones)
            if "(" in marks or ")" in marks:
                found += _pairs(text, _PAREN_PAIR, "（", "）", zones)
                found += _mixed_parens(text, zones)
            if '"' in marks:
                found += _pairs(text, _DOUBLE_PAIR, "“", "”", zones)
            if "'" in marks:
                found += _pairs(text, _SINGLE_PAIR, "‘", "’", zones, content_must_be_chinese=True)
            if "~" in marks:
                found += _tildes(text, zones)
            for offset, full in sorted(found):
                start = span.start + offset
                yield Hit(span.part, span.block, start, start + 1, vars={"expected": full},
                          suggestion=full, fix=full, safe=True)

    return check


def _neighbours(text: str, i: int, j: int) -> tuple[str, str]:
    """The nearest non-space characters before i and from j on ("" at the ends)."""
    a = i - 1
    while a >= 0 and text[a] in " \t":
        a -= 1
    b = j
    while b < len(text) and text[b] in " \t":
        b += 1
    return (text[a] if a >= 0 else ""), (text[b] if b < len(text) else "")


def _points(text: str, points: list[str], zones) -> list[tuple[int, str]]:
    out = []
    for i, ch in enumerate(text):
        if ch not in points or inside(zones, i, i + 1):
            continue
        if 0 < i < len(text) - 1 and (text[i - 1], text[i + 1]) in _QUOTING_PAIRS:
            continue
        before, after = _neighbours(text, i, i + 1)
        if ch in ",.:" and before.isdigit() and after.isdigit():
            continue  # 1,000  3.14  15:40
        if ch == ".":
            # a full stop only where a sentence ends: after Chinese, before Chinese or the end
            if i + 1 < len(text) and text[i + 1] == ".":
                continue  # "..." is the ellipsis rule's business
            if i > 0 and text[i - 1] == ".":
                continue
            if not (is_cjk(before) and (after == "" or is_cjk(after))):
                continue
        elif not (is_cjk(before) or (is_cjk(after) and not is_latin(before))):
            continue
        if ch in ".," and i < 12 and _ORDINAL_MARK.match(text[: i + 1]):
            continue
        out.append((i, FULL[ch]))
    return out


def _pairs(text: str, pattern, open_full: str, close_full: str, zones, content_must_be_chinese=False):
    out = []
    for m in pattern.finditer(text):
        if inside(zones, m.start(), m.end()):
            continue
        content = m.group(1)
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        chinese = any(is_cjk(c) for c in content)
        if not chinese and not content_must_be_chinese:
            chinese = is_cjk(before) or is_cjk(after)
        if chinese:
            out.append((m.start(), open_full))
            out.append((m.end() - 1, close_full))
    return out


def _mixed_parens(text: str, zones) -> list[tuple[int, str]]:
    out = []
    for m in _MIXED_PAREN.finditer(text):
        i = m.start(1) if m.group(1) else m.start(2)
        if not inside(zones, i, i + 1):
            out.append((i, FULL[text[i]]))
    return out


def _tildes(text: str, zones) -> list[tuple[int, str]]:
    out = []
    for m in _TILDE.finditer(text):
        if not inside(zones, m.start(), m.end()):
            out.append((m.start(), "～"))
    return out
