"""Pass 2, the 主送机关 right under the title: lines ending in a colon, or written without it (a wrong end
mark, a line of organ names), or merged into the first paragraph (two spans).
"""

from __future__ import annotations

import re

from officekit.structure import patterns as P
from officekit.structure.reading import Reading, organ_names, heading_level

MAIN_TO_MAX_LINES = 5  # a 主送 list wrapped by hand over at most this many lines
# A 主送 line ended with a wrong mark instead of its colon, and how far into the first paragraph a merged
# 主送 (支队领导：为进一步……) may reach.
MAIN_TO_WRONG_END = "。．.；;，,、"
MERGED_MAIN_TO_MAX_CHARS = 40
DIGIT = re.compile(r"[0-9０-９]")  # organ names carry none: 共排查隐患126处。 is a sentence
# Who a 主送 may address besides organs: 支队领导, 各位领导, 全体同志.
SALUTATION = re.compile(r"(?:各位|全体)?(?:[\u4e00-\u9fff]{0,8})(?:领导|同志们?|委员|代表|成员)")


class MainToPass(Reading):
    """Tags the 主送; `_main_to(pos)` returns the line position where the 正文 starts."""

    def _main_to(self, pos: int) -> int:
        """Tag the 主送 lines starting at line `pos`; return the line position where 正文 starts."""
        chosen: list[int] = []
        for k in range(pos, min(pos + MAIN_TO_MAX_LINES, len(self.lines))):
            i = self.lines[k]
            flat = self.flat[i]
            if (
                P.SENTENCE_END.search(flat)
                or "如下" in flat
                or len(flat) > 200
                or heading_level(flat)
                or self._tagged(i)
                or self.blocks[i].table is not None  # a form's 编号：/日期： field, not a 主送
            ):
                return self._main_to_without_colon(pos)
            chosen.append(i)
            if flat.endswith(("：", ":")):
                # lines above the colon line belong to it only as a wrapped list of names (…人民政府，
                # 国务院各部委、); a stray label above it (a template's 称谓) stays out
                while len(chosen) > 1 and not self._main_to_wraps(chosen[0]):
                    label = chosen.pop(0)
                    if self.flat[label] in P.SLOT_LABELS:
                        self.no_element.add(label)
                    pos += 1
                for j in chosen:
                    self._tag(j, "主送机关", why="标题下以冒号结尾的机关名称")
                return k + 1
        return self._main_to_without_colon(pos)

    def _main_to_wraps(self, i: int) -> bool:
        flat = self.flat[i]
        return flat.endswith(("、", "，", ",", "；")) or organ_names(flat)

    def _main_to_without_colon(self, pos: int) -> int:
        """A 主送 whose colon was forgotten (市人民政府、市财政局): one short line of organ names right under
        the title, with text below it.  Rules then report the missing colon instead of missing the 主送."""
        if pos < len(self.lines) - 1 and P.SALUTATION_LINE.fullmatch(self.flat[self.lines[pos]]):
            # 尊敬的 先生/女士 opening a letter (often in a text box, under no title of its own)
            self._tag(self.lines[pos], "主送机关", why="开头的称呼“尊敬的……”（缺冒号）")
            return pos + 1
        if pos == 0 or pos >= len(self.lines) or not self._title_above(pos):
            return pos
        i = self.lines[pos]
        flat = self.flat[i]
        if self._tagged(i) or heading_level(flat) or self.blocks[i].table is not None:
            return pos
        if self._main_to_merged(i):
            return pos  # the 正文 starts on this very line, after the colon
        if pos + 1 >= len(self.lines):
            return pos  # a line of names with no text under it is no 主送
        names_text = flat.rstrip(MAIN_TO_WRONG_END)  # 市财政局。 — a wrong end mark, still the 主送
        if len(flat) > 60 or P.SENTENCE_END.search(names_text):
            return pos
        if organ_names(names_text) and not DIGIT.search(names_text):  # 共排查隐患126处。 is a sentence
            self._tag(i, "主送机关", why="标题下一行机关名称（缺冒号或末尾标点有误）")
            return pos + 1
        return pos

    def _main_to_merged(self, i: int) -> bool:
        """「支队领导：为进一步……」: the 主送 written at the start of the first paragraph.  Two spans: the
        主送 up to its colon, the 正文 after it (a rule then asks for a line of its own)."""
        text = self.blocks[i].text
        colon = next((k for k, ch in enumerate(text) if ch in "：:"), None)
        if colon is None or colon > MERGED_MAIN_TO_MAX_CHARS or not text[colon + 1 :].strip():
            return False
        head = P.compact(text[:colon])
        if not head or P.SENTENCE_END.search(head) or not (organ_names(head) or SALUTATION.fullmatch(head)):
            return False
        lead = len(text) - len(text.lstrip())
        self._tag(i, "主送机关", lead, colon + 1, why="主送与正文写在同一段：冒号之前")
        rest = colon + 1 + (len(text[colon + 1 :]) - len(text[colon + 1 :].lstrip()))
        self._tag(i, "正文", rest, len(text.rstrip()), why="主送与正文写在同一段：冒号之后")
        return True

    def _title_above(self, pos: int) -> bool:
        above = self.spans.get(self.lines[pos - 1], [])
        return any(s.element == "标题" for s in above)
