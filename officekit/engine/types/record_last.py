"""record_last: the 版记 closes the document — it stands on the last page, after the 正文 and the
附件 (which are placed before the 版记 and bound with the 正文, 7.3.7, 7.4), so nothing but 版记 lines
may follow it.

    (no parameters besides layout)

The 版记 starts at the first 抄送机关 or 印发机关和印发日期 line (or a 主送 line moved to the 版记);
the first non-empty body paragraph after it that is not a 版记 element is reported.
"""

from __future__ import annotations

import re

from officekit.engine.rule import Context, Hit
from officekit.engine.types import Param
from officekit.engine.types import _format as F

PARAMS = {"layout": Param("list", default=[])}
RECORD = ("抄送机关", "印发机关和印发日期")
# lines that belong to a 版记 though no element names them: a print run, a 主送/分送 line, a seal note
RECORD_EXTRA = re.compile(r"^[\s\u3000]*(（?共印\s*\d+\s*份）?|主\s*送[:：]|分\s*送[:：]|发\s*[:：])")

example_draft = F.example_draft


def _judge(ctx: Context, s: dict):
    draft = ctx.draft
    record = [sp.block for sp in draft.spans if sp.part == "body" and sp.element in RECORD]
    if not record:
        return
    start = min(record)
    for block in ctx.document.body[start:]:
        if not block.text.strip() or RECORD_EXTRA.match(block.text):
            continue
        elements = {sp.element for sp in draft.elements_of_block("body", block.index)}
        if elements & set(RECORD) or elements == {"页码"}:
            continue
        yield Hit("body", block.index, element=next(iter(elements), None) or "正文")
        return


build = F.build_check(_judge)
