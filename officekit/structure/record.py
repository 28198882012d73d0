"""Pass 3, the 版记 at the very end: 抄送, 主送 moved there, 印发机关和印发日期 (also in table cells).
"""

from __future__ import annotations

import re

from officekit.structure import patterns as P
from officekit.structure.reading import Reading

# Lines between 版记 lines (wrapped names, table cells) that keep them one 版记.
RECORD_GAP_LINES = 3
# A form field under the 版记 (审核：, 校对：): a label of its own, not more 抄送 names.
FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{1,6}[:：]")


class RecordPass(Reading):
    """Tags the 版记; `_record(pos)` returns the line position where it starts."""

    def _record(self, pos: int) -> int:
        """Tag the 版记 (抄送, 主送, 印发) at the end; return the line position where it starts."""
        found: list[tuple[int, str]] = []  # (line position, element)
        for k in range(pos, len(self.lines)):
            flat = self.flat[self.lines[k]]
            if P.COPY_TO.match(flat):
                found.append((k, "抄送机关"))
            elif P.MAIN_TO_IN_RECORD.match(flat):
                found.append((k, "主送机关"))
            elif P.ISSUE_LINE.fullmatch(flat):
                found.append((k, "印发机关和印发日期"))
        if found and found[-1][1] != "印发机关和印发日期":
            # 国务院办公厅  2021年4月21日 under the 抄送 without 印发: still the 印发 line (its rule says so)
            last = found[-1][0]
            for k in range(last + 1, min(last + 1 + RECORD_GAP_LINES, len(self.lines))):
                if P.SIGNATURE_AND_DATE.fullmatch(self.flat[self.lines[k]]):
                    found.append((k, "印发机关和印发日期"))
                    break
        if not found:
            return len(self.lines)
        # Keep the last cluster: 版记 lines with at most a few short lines (wrapped names, table cells) between.
        cluster = [found[-1]]
        for k, element in reversed(found[:-1]):
            gap = range(k + 1, cluster[0][0])
            if len(gap) > RECORD_GAP_LINES or any(len(self.flat[self.lines[g]]) > 120 for g in gap):
                break
            cluster.insert(0, (k, element))
        start = cluster[0][0]
        rows = self._table_rows_of([self.lines[k] for k, e in cluster if e == "印发机关和印发日期"])
        current: str | None = None
        for k in range(start, len(self.lines)):
            i = self.lines[k]
            element = next((e for kk, e in cluster if kk == k), None)
            if element:
                current = element
                self._tag(i, element, why="版记行（抄送、主送、印发）")
            elif self._row_of(i) in rows:
                self._tag(i, "印发机关和印发日期", why="版记表格中印发行的同一行")
            elif current in ("抄送机关", "主送机关") and len(self.flat[i]) <= 120 and not FIELD_LABEL.match(self.flat[i]):
                self._tag(i, current, why="版记名单回行")  # wrapped list of names
            elif current == "印发机关和印发日期" and P.COPIES_PRINTED.fullmatch(self.flat[i]):
                self._tag(i, current, why="印发行下的印数")  # 共印2份 under the 印发 line
        return start

    def _row_of(self, i: int) -> tuple[int, int] | None:
        table = self.blocks[i].table
        return (table[0], table[1]) if table else None

    def _table_rows_of(self, blocks: list[int]) -> set[tuple[int, int]]:
        return {row for i in blocks if (row := self._row_of(i)) is not None}
