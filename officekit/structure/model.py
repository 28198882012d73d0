"""What the recogniser understood of a draft: its 公文要素, 文种, 行文方向 and layout.

Rules read only this (and the `Document` it wraps); they never re-detect structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from officekit.document.model import Block, Document, Part
from officekit.structure import facts, placeholders
from officekit.structure.placeholders import Placeholder

# The 18 公文要素 of 《党政机关公文处理工作条例》 Art. 9, in the order they appear on paper, plus 版面 for
# findings about page setup.
ELEMENTS: tuple[str, ...] = (
    "份号", "密级和保密期限", "紧急程度", "发文机关标志", "发文字号", "签发人",
    "标题", "主送机关", "正文", "附件说明", "发文机关署名", "成文日期", "印章", "附注",
    "附件", "抄送机关", "印发机关和印发日期", "页码",
)
PAGE_ELEMENT = "版面"
ALL_ELEMENTS: tuple[str, ...] = ELEMENTS + (PAGE_ELEMENT,)

# 条例 Art. 8: the 15 statutory 文种.  命令 is also written 令.
STATUTORY_DOCTYPES: tuple[str, ...] = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报",
    "报告", "请示", "批复", "议案", "函", "纪要",
)

DIRECTIONS: tuple[str, ...] = ("上行文", "下行文", "平行文")

# Layout families of GB/T 9704-2012: the ordinary one (§7) and the special formats of §10.
LAYOUTS: tuple[str, ...] = ("文件", "信函", "命令", "纪要", "无版头")


@dataclass(slots=True)
class ElementSpan:
    """One occurrence of a 公文要素: a block, or a stretch of it (发文字号 and 签发人 share a line)."""

    element: str
    part: Part
    block: int
    start: int
    end: int
    text: str
    why: str = ""  # the evidence that decided it (position, shape, formatting), for --show-structure


@dataclass
class Draft:
    document: Document
    spans: list[ElementSpan] = field(default_factory=list)
    doctype: str | None = None  # 文种 read from the title: a statutory one, or e.g. "请示报告"/"方案"
    doctype_statutory: bool = False
    direction: str | None = None  # 上行文 / 下行文 / 平行文, or None when it cannot be told
    layout: str = "文件"
    heading_levels: dict[int, int] = field(default_factory=dict)  # body block → 1..4 (一、（一）1.（1）)
    genre: str = "公文"  # 公文, or 事务文书 / 书信 (see structure/genre.py): how the draft is to be judged
    genre_reason: str | None = None  # what showed it is not a 公文
    genre_left_out: int = 0  # findings of 公文-only rules left out for a draft that is not a 公文

    # -- queries used by rules -------------------------------------------------------------------
    def all(self, element: str) -> list[ElementSpan]:
        return [s for s in self.spans if s.element == element]

    def first(self, element: str) -> ElementSpan | None:
        for s in self.spans:
            if s.element == element:
                return s
        return None

    def has(self, element: str) -> bool:
        return self.first(element) is not None

    def text_of(self, element: str, sep: str = "") -> str:
        return sep.join(s.text for s in self.all(element))

    def elements_of_block(self, part: Part, index: int) -> list[ElementSpan]:
        return list(self._spans_by_block().get((part, index), ()))

    def _spans_by_block(self) -> dict[tuple[str, int], list[ElementSpan]]:
        # Rules ask for the element of a block thousands of times on a long draft: group the spans
        # once (again whenever `spans` is replaced or grows) instead of scanning the list each time.
        stamp = (id(self.spans), len(self.spans))
        cached = self.__dict__.get("_by_block")
        if cached is None or cached[0] != stamp:
            grouped: dict[tuple[str, int], list[ElementSpan]] = {}
            for s in self.spans:
                grouped.setdefault((s.part, s.block), []).append(s)
            cached = self.__dict__["_by_block"] = (stamp, grouped)
        return cached[1]

    def element_at(self, part: Part, index: int, offset: int = 0) -> str | None:
        """The element a character belongs to (the span that covers it, else the block's first span)."""
        spans = self.elements_of_block(part, index)
        for s in spans:
            if s.start <= offset < s.end:
                return s.element
        return spans[0].element if spans else None

    def block(self, part: Part, index: int) -> Block:
        return self.document.block(part, index)

    # -- typed facts (structure/facts.py): parsed once, for every rule ----------------------------------
    def zihao(self) -> tuple[ElementSpan, facts.ZihaoParts] | None:
        """The first 发文字号 and its parts (机关代字, year, number, brackets), if it can be read."""
        span = self.first("发文字号")
        parts = facts.zihao_parts(span.text) if span is not None else None
        return (span, parts) if parts is not None else None

    def date_of(self, element: str) -> tuple[ElementSpan, facts.DateFact] | None:
        """The first real calendar date written in `element` (成文日期, 印发机关和印发日期)."""
        for span in self.all(element):
            for fact in facts.dates_in(span.text):
                if fact.day is not None:
                    return span, fact
        return None

    def heading_number(self, index: int) -> int | None:
        """The number of the heading in body block `index` (3 for 三、/（三）/3./（3）), Word's label included."""
        if index not in self.heading_levels:
            return None
        block = self.document.block("body", index)
        label = block.props.numbering_label if block.props and block.props.numbering_label else ""
        return facts.heading_number(label + block.text)

    def placeholders(self, part: Part, index: int) -> list[Placeholder]:
        """The template slots left to fill in a block (cached).  A 某某 in the 正文 or an 附件 may be an
        anonymised person (张某某), so it counts only in the other elements (署名, 主送, 标题…)."""
        cache = self.__dict__.setdefault("_placeholders", {})
        key = (part, index)
        if key not in cache:
            found = placeholders.find(self.document.block(part, index).text)
            if any(p.kind == "name" for p in found):
                running_text = {s.element for s in self.elements_of_block(part, index)} <= {"正文", "附件"}
                found = [p for p in found if p.kind != "name" or not running_text]
            cache[key] = found
        return cache[key]
