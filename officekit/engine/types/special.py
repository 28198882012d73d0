"""special: what the special layouts of GB/T 9704-2012 §10 need that ordinary documents do not.

    check: letter_mark   # 信函格式: the 发文机关标志 is the organ's name without 「文件」 (10.1)
    check: attendance    # 纪要格式: 出席 (请假, 列席) lines name who attended (10.3)

Fonts and indents of those lines are ordinary `format` rules scoped with `layout`.
"""

from __future__ import annotations

import re

from officekit.engine.rule import Context, Hit
from officekit.engine.types import Param
from officekit.engine.types import _format as F

PARAMS = {
    "check": Param("str", required=True, choices=("letter_mark", "attendance")),
    "layout": Param("list", default=[]),
}
ATTENDANCE = re.compile(r"^\s*(出\s*席|请\s*假|列\s*席)\s*[:：]")

example_draft = F.example_draft


def _judge(ctx: Context, s: dict):
    if s["check"] == "letter_mark":
        for span in ctx.draft.all("发文机关标志"):
            at = span.text.rfind("文件")
            if at >= 0 and not span.text[at + 2:].strip():
                yield Hit(span.part, span.block, span.start + at, span.start + at + 2, element="发文机关标志",
                          fix="")
    else:
        if any(ATTENDANCE.match(b.text) for b in ctx.document.body):
            return
        last = ctx.draft.all("正文")
        where = last[-1].block if last else 1
        yield Hit("body", where, element="正文")


build = F.build_check(_judge)
