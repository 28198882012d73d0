"""after_closing: what stands between the 落款 and the 附件 or the 版记 (GB/T 9704-2012 7.3.5–7.4).

    check: table      # a table after the 成文日期 that belongs to no 附件 and is no 版记

After the 成文日期 come only the 附注, then the 附件 — each on a page of its own, under its label
「附件」「附件2」 (7.3.7) — and the 版记.  A table standing right under the date, with no label above
it and on the same page, was meant either for the 正文 or as an attachment that lost its label.
The walk from the date stops at an attachment label, a hard page break (an attachment page, even
one without its label), or the 版记 (a 版记 set in a one-column table is no such table).  Tables
holding the 落款 itself are not "after" it.  A .docx only: plain text has no tables.
The message can use {match} (the first cell's text).
"""

from __future__ import annotations

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.structure import patterns as P

PARAMS = {
    "check": Param("str", required=True, choices=("table",)),
}
RECORD = {"抄送机关", "印发机关和印发日期"}  # the 版记: the walk ends there
CLOSING = {"发文机关署名", "成文日期", "印章", "附注"}

example_draft = F.example_draft  # examples describe blocks: {element, text, table, pagebreak}


def build(rule: RuleSpec):
    def check(ctx: Context):
        draft = ctx.draft
        dates = [s for s in draft.all("成文日期") if s.part == "body"]
        if not dates:
            return
        date_block = draft.document.block("body", dates[-1].block)
        blocks = [b for b in draft.document.body if b.index > date_block.index]
        closing_tables = {b.table[0] for b in draft.document.body if b.table
                          and draft.element_at("body", b.index) in CLOSING}
        for n, block in enumerate(blocks):
            if block.page_break_before or draft.element_at("body", block.index) in RECORD:
                return
            flat = "".join(block.text.split())
            if block.table is None:
                if P.ATTACHMENT_LABEL.fullmatch(flat):
                    return
                continue
            table = block.table[0]
            if table in closing_tables:
                continue
            cells = [b for b in blocks[n:] if b.table and b.table[0] == table]
            if any(draft.element_at("body", b.index) in RECORD for b in cells):
                return
            first = next((b for b in cells if b.text.strip()), None)
            if first is None:
                continue  # an empty layout table
            yield Hit("body", first.index, 0, len(first.text))
            return

    return check
