"""The recogniser: tag the blocks of a `Document` with the 18 公文要素 and infer 文种, 行文方向 and layout.

A 公文 is read the way a reviewer reads it, in a few linear passes over the body blocks, one module each
(all mixins over `reading.Reading`, which holds the shared state, the block helpers and the thresholds):

1. front.py — the front (版头 and 标题): 份号, 密级, 紧急程度, 发文机关标志, 发文字号 (+签发人) and the title
   lines, up to the first line that reads like a 主送 or like body text;
2. main_to.py — the 主送机关 right after it (with its colon, without it, or merged into the first paragraph);
3. record.py — the 版记 at the very end (抄送 / 主送 / 印发 lines, also in table cells);
4. closing.py — the 落款 between them, found from the end: the 成文日期, the 署名 lines just above it, the
   附件说明 above those, the 附注 just below it; whatever follows the 落款 up to the 版记 is 附件;
5. here — everything between the 主送 and the 落款 is 正文, with heading levels 一、/（一）/1./（1）; then
   the 页码 and the 文种, 方向, 版式 and genre (structure/genre.py).

Recognise generously, judge strictly: where a line stands, how it is set and a loose shape decide what it
is (a 版头 line that is almost a 密级 is a faulty 密级); the rules judge whether it is written right.
Patterns decide on plain text; for .docx, formatting adds evidence where text cannot (a red or very large
line at the top is the 发文机关标志 even without "文件"; a 署名 is set to the right — aligned, indented or
pushed with spaces — never first-line indented like 正文 or centred large like the title).  Every span
records the evidence that decided it.  Templates are read too ([发文单位], 20XX年XX月XX日, [此处输入文号]号),
and the cells of a 明传电报 form give 紧急程度 and 发文字号 while its labels stay untagged.  Some lines carry
no element at all: form labels, a byline under the title, a table of contents.  Nothing here is
quadratic: each pass walks the blocks once with precompiled patterns.
"""

from __future__ import annotations

from officekit.document.model import Document
from officekit.structure import patterns as P
from officekit.structure.closing import ClosingPass
from officekit.structure.doctype import direction_of, doctype_of
from officekit.structure.front import Front, FrontPass
from officekit.structure.genre import genre_of
from officekit.structure.main_to import MainToPass
from officekit.structure.model import ElementSpan, Draft
from officekit.structure.reading import alignment, heading_level, heading_text
from officekit.structure.record import RecordPass


def recognize(document: Document) -> Draft:
    """Tag `document` with 公文要素 and read its 文种, 行文方向 and layout."""
    return _Recogniser(document).run()


class _Recogniser(FrontPass, MainToPass, RecordPass, ClosingPass):
    """The passes in reading order, then the 正文 between them, the 页码, and 文种/方向/版式."""

    def run(self) -> Draft:
        front = self._front()
        body_start_pos = self._main_to(front.end)
        record_pos = self._record(body_start_pos)
        closing = self._closing(body_start_pos, record_pos)
        self._body(body_start_pos, closing, front)
        self._page_numbers()

        draft = self.draft
        draft.spans = [s for i in sorted(self.spans) for s in self.spans[i]] + self._footer_spans
        self._infer(front)
        return draft

    def _body(self, start: int, end: int, front: Front) -> None:
        in_contents = False
        self._no_element_in_forms(start, end, front)
        for k in range(start, end):
            i = self.lines[k]
            # 目录 and its entries (第一章 总则<tab>3) list the text, they are not part of it
            entry = in_contents and P.CONTENTS_ENTRY.fullmatch(self.blocks[i].text.strip()) is not None
            in_contents = self.flat[i] == "目录" or entry
            if in_contents or P.NO_TEXT_PAGE.fullmatch(self.flat[i]):
                self.no_element.add(i)  # F229 still reads （此页无正文）: untagged lines are scanned as text
            if not self._tagged(i) and i not in self.no_element:
                self._tag(i, "正文", why="主送与落款之间的正文")
        # Lines the front skipped over before the body (a title line that was not the first group).
        for k in range(front.end, start):
            if not self._tagged(self.lines[k]) and self.lines[k] not in self.no_element:
                self._tag(self.lines[k], "正文", why="版头之后未归入其他要素的行")
        for i, spans in self.spans.items():
            if spans[0].element in ("正文", "附件"):
                level = heading_level(heading_text(self.blocks[i]))
                if level:
                    self.draft.heading_levels[self.blocks[i].index] = level

    def _no_element_in_forms(self, start: int, end: int, front: Front) -> None:
        """Lines of a cover page or a form that are no 要素: the other cells of a cover table that holds
        the title (编号：, the revision table, the company's name) when the text starts on a new page after
        it; a form's header line of 「label：value」 fields; an empty labelled field of a form (公司意见：) and
        the 「年 月 日」 slot under it."""
        cover = self._cover_table(front)
        for k in range(start, end):
            i = self.lines[k]
            block, flat = self.blocks[i], self.flat[i]
            if self._tagged(i):
                continue
            if cover is not None and block.table is not None and block.table[0] == cover:
                self.no_element.add(i)
            elif block.table is None and P.FORM_HEADER.fullmatch(block.text):
                self.no_element.add(i)
            elif block.table is not None and flat == P.EMPTY_DATE_SLOT:
                self.no_element.add(i)
            elif block.table is not None and flat.endswith(("：", ":")) and self._empty_field(k, end):
                self.no_element.add(i)

    def _cover_table(self, front: Front) -> int | None:
        """The table that holds every title line, when the line after it opens a new page (a cover)."""
        tables = {self.blocks[i].table[0] if self.blocks[i].table else None for i in front.title}
        if len(tables) != 1 or None in tables:
            return None
        cover = tables.pop()
        after = next((i for i in self.lines if i > front.title[-1] and self.blocks[i].table is None), None)
        if after is None:
            return None
        new_section = self.blocks[after].section != self.blocks[front.title[-1]].section
        return cover if after in self.new_page or new_section else None

    def _empty_field(self, k: int, end: int) -> bool:
        """The label at line position `k` has no value: the next line is in another cell, or is the
        empty date slot."""
        cell = self.blocks[self.lines[k]].table
        if k + 1 >= end:
            return True
        following = self.lines[k + 1]
        return self.blocks[following].table != cell or self.flat[following] == P.EMPTY_DATE_SLOT

    def _page_numbers(self) -> None:
        self._footer_spans: list[ElementSpan] = []
        for block in self.document.footer + self.document.header:
            flat = P.compact(block.text)
            has_field = any(" PAGE " in f" {instr.upper()} " for instr in block.fields)
            if has_field or (flat and P.PAGE_NUMBER.fullmatch(flat)):
                self._footer_spans.append(
                    ElementSpan("页码", block.part, block.index, 0, len(block.text), block.text)
                )

    def _infer(self, front: Front) -> None:
        draft = self.draft
        title = "".join(self.flat[i] for i in front.title if draft.element_at("body", self.blocks[i].index) == "标题")
        mark = "".join(self.flat[i] for i in front.marks)
        doctype, statutory = doctype_of(title)

        zihao = draft.first("发文字号")
        zihao_text = P.compact(zihao.text) if zihao else ""
        if mark:
            if mark.endswith("文件"):
                layout = "文件"
            elif mark.endswith("纪要"):
                layout = "纪要"
            elif mark.endswith("令"):
                layout = "命令"
            elif doctype == "函" or "函" in zihao_text or self._right_aligned(zihao):
                layout = "信函"
            else:
                layout = "文件"
        else:
            layout = "文件" if front.head_before_title else "无版头"
        if doctype is None:
            # 命令 and 纪要 layouts have no separate title, a 公告 标志 names its 文种: use the 标志.
            doctype, statutory = doctype_of(mark, strict=True)
        if doctype is None and self.telegram:
            doctype, statutory = "电报", False  # a 明传电报 form whose title names no 文种
        draft.layout = layout
        draft.doctype, draft.doctype_statutory = doctype, statutory
        body_text = draft.text_of("正文")
        draft.direction = direction_of(doctype, draft.has("签发人"), draft.text_of("主送机关"), body_text)
        draft.genre, draft.genre_reason = genre_of(draft)

    def _right_aligned(self, span: ElementSpan | None) -> bool:
        return span is not None and alignment(self.document.block("body", span.block)) == "right"
