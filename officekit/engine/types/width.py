"""Half-width (ASCII) punctuation in Chinese text → the full-width mark (GB/T 15834-2011 5.1).

`marks` chooses what a rule looks at:
  , . : ; ? !   point marks: flagged when a neighbour is Chinese; numbers (1.5, 1,000), times
                (15:40), URLs, e-mail addresses and English phrases are left alone;
  ( )           parentheses: a pair whose content or neighbour is Chinese;
  " '           straight quotes: a pair whose content or neighbour is Chinese (opening → “ ‘,
                closing → ” ’);
  ~             a tilde in a numeric range next to Chinese (5~10天 → 5～10天).
A lone offending character is its own hit with a safe fix (the full-width form).  A half-width pair
is one defect, so it is one hit: its span runs from the opening to the closing mark and its safe fix
rewrites both (and any pair of the same rule nested inside), leaving the text between untouched.
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
# A pair's suggestion is the pair as corrected up to this length, else its two marks around …
PAIR_SHOWN_WHOLE = 16


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
            pairs: list[tuple[int, int]] = []  # (opening, closing) offsets of half-width pairs
            if points:
                found += _points(text, points, zones)
            if "(" in marks or ")" in marks:
                pairs += _pairs(text, _PAREN_PAIR, "（", "）", zones, found)
                found += _mixed_parens(text, zones)
            if '"' in marks:
                pairs += _pairs(text, _DOUBLE_PAIR, "“", "”", zones, found)
            if "'" in marks:
                pairs += _pairs(text, _SINGLE_PAIR, "‘", "’", zones, found, content_must_be_chinese=True)
            if "~" in marks:
                found += _tildes(text, zones)
            yield from _hits(span, text, found, pairs)

    return check


def _hits(span, text: str, found: list[tuple[int, str]], pairs: list[tuple[int, int]]):
    """One hit per outermost pair (its fix rewrites every mark found inside it) and one per mark
    outside every pair, in text order."""
    full = dict(found)
    outermost: list[tuple[int, int]] = []
    for a, b in sorted(pairs, key=lambda p: (p[0], -p[1])):
        if not outermost or a > outermost[-1][1]:
            outermost.append((a, b))
    units = [(a, b + 1) for a, b in outermost]
    units += [(i, i + 1) for i in full if not any(a <= i < b for a, b in units)]
    for a, b in sorted(units):
        start = span.start + a
        fixed = "".join(full.get(i, text[i]) for i in range(a, b))
        if b - a == 1:
            yield Hit(span.part, span.block, start, start + 1, vars={"expected": fixed},
                      suggestion=fixed, fix=fixed, safe=True)
            continue
        shown = fixed if b - a <= PAIR_SHOWN_WHOLE else fixed[0] + "…" + fixed[-1]
        yield Hit(span.part, span.block, start, span.start + b,
                  vars={"expected": fixed[0] + fixed[-1], "match": text[a] + text[b - 1]},
                  suggestion=shown, fix=fixed, safe=True)


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


def _pairs(text: str, pattern, open_full: str, close_full: str, zones, found: list[tuple[int, str]],
           content_must_be_chinese=False) -> list[tuple[int, int]]:
    """The (opening, closing) offsets of the half-width pairs in Chinese context; their full-width
    marks are added to `found`."""
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
            found += [(m.start(), open_full), (m.end() - 1, close_full)]
            out.append((m.start(), m.end() - 1))
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
