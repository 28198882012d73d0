"""Template placeholders: the slots a template leaves to fill in.

One list of shapes, used by the rule that says a slot is unfilled (F227) and by the runner, which keeps
the other text rules off a placeholder (「20XX年XX月XX日」 is an unfilled date, not a wrongly written one).

Shapes: a bracketed field ([发文单位], 【日期】, <文号>), runs of X/×/□ standing for digits or names
(XX, 20XX, ××局, □□□□年), fill-in blanks of underscores (____), a number left as spaces (第  号), and
某某 where a name belongs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# [主送单位], 【发文字号】: a bracketed field without digits ([2018] is a wrongly bracketed year instead).
_BRACKET_FIELD = re.compile(r"[\[［【<＜]\s*[^\[\]［］【】<>＜＞\d\s：:]{1,10}\s*[\]］】>＞]")
# 【背景】多年来……: a bold lead-in label at the start of a paragraph, not a field to fill in.
_LEAD_IN_LABEL = re.compile(r"\s*【[^】]*】\s*\S")
_RUNS = re.compile(
    r"(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])"  # XX, XXXX (Latin letters around: an abbreviation, not a slot)
    r"|(?<=\d)[XＸ]+(?![A-Za-z])"  # 202X, 20X
    r"|(?<![A-Za-z\d])[XＸ](?=[年月日号])"  # X月X日
    r"|×{2,}|(?<!\d)×(?=[年月日号])"  # ××局, ×月 (3×4 is a product)
    r"|□{2,}|□(?=[年月日号])"
    r"|_{2,}|＿{2,}"
)
# 第  号: a number left blank between its 第 and 号 (a 令号 or 发文字号 in a template), blank spaces only.
_BLANK_NUMBER = re.compile(r"第[ \u3000\u00a0]{2,}号")
# 某某 stands for a name still to write; in running text it may be an anonymised person (张某某).
_NAME_SLOT = re.compile(r"(?<![\u4e00-\u9fff])某某|某某(?=[市县区省局厅委办部])")


# Elements that hold one value: a date or a number with XX in it is one unfilled slot as a whole.
VALUE_ELEMENTS = frozenset({"成文日期", "发文字号", "份号", "签发人", "印发机关和印发日期"})


@dataclass(frozen=True, slots=True)
class Placeholder:
    start: int
    end: int
    kind: str  # "field", "run", "name" or "blank"


def find(text: str) -> list[Placeholder]:
    """The placeholders in `text`, in order, not overlapping."""
    found: list[Placeholder] = []
    if not _LEAD_IN_LABEL.match(text):
        found += [Placeholder(m.start(), m.end(), "field") for m in _BRACKET_FIELD.finditer(text)]
    found += [Placeholder(m.start(), m.end(), "run") for m in _RUNS.finditer(text)]
    found += [Placeholder(m.start(), m.end(), "name") for m in _NAME_SLOT.finditer(text)]
    found += [Placeholder(m.start(), m.end(), "blank") for m in _BLANK_NUMBER.finditer(text)]
    found.sort(key=lambda p: (p.start, -p.end))
    kept: list[Placeholder] = []
    for p in found:
        if kept and p.start < kept[-1].end:
            continue  # inside a field already found ([XX单位])
        kept.append(p)
    return kept
