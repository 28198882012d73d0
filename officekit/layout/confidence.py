"""Which recognised blocks `fix --layout` may lay out: only those the recogniser is sure of.

The recogniser reads generously (structure/recognize.py): a line nothing else claimed becomes 正文, a
name under the title without its colon becomes the 主送, an organ name after the text without a date
becomes the 署名.  Those guesses are right often enough for a finding a person reads, but setting a whole
paragraph's fonts and indents on a guess would typeset a 主送 as body text or a byline as a 署名.  The
evidence each span records (ElementSpan.why) tells the guesses apart; these blocks are listed, not touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from officekit.structure.model import Draft

# Evidence phrases (ElementSpan.why) that mark a fallback or a repaired reading, not a sure one.
WEAK_EVIDENCE = (
    "未归入其他要素",  # a line after the 版头 nothing else claimed
    "缺冒号或末尾标点有误",  # a 主送 without its colon
    "（无成文日期）",  # a 署名 found without a date under it
    "署名与日期位置颠倒",
    "署名与日期同行",  # 署名 and date share a line: set with spaces, not indents
    "主送与正文写在同一段",  # one paragraph holding two elements
    "落款处的图片或形状",
    "电报表格",  # a 明传电报 form: its cells are laid out by the form
)


@dataclass(frozen=True)
class WeakBlock:
    part: str
    index: int
    element: str
    why: str


def weak_blocks(draft: Draft) -> list[WeakBlock]:
    """The blocks holding a span recognised only on weak evidence, or more than one element."""
    weak: dict[tuple[str, int], WeakBlock] = {}
    for span in draft.spans:
        key = (span.part, span.block)
        if key in weak:
            continue
        if any(phrase in span.why for phrase in WEAK_EVIDENCE):
            weak[key] = WeakBlock(span.part, span.block, span.element, span.why)
            continue
        elements = {s.element for s in draft.elements_of_block(span.part, span.block)}
        if len(elements) > 1 and not elements <= {"发文字号", "签发人"}:  # 字号 and 签发人 share a line by design
            weak[key] = WeakBlock(span.part, span.block, "、".join(sorted(elements)), "一段中含有多个要素")
    return sorted(weak.values(), key=lambda w: (w.part, w.index))
