"""文种 from a title, 行文方向 from 文种 and the other elements.

A title is 发文机关 + 事由 + 文种 (条例 Art. 9(七)), so the 文种 is the word the title ends with.
"""

from __future__ import annotations

import re

from officekit.structure.model import STATUTORY_DOCTYPES
from officekit.structure.patterns import compact

# Non-statutory words that end real titles (standards.md §2.1: not 文种 under 2012, reported as they are).
# Longer words first where one ends another (请示报告 before 报告, 讲话稿 before 讲话).
NON_STATUTORY_DOCTYPES: tuple[str, ...] = (
    "请示报告", "汇报材料", "汇报", "总结", "方案", "规划", "纲要", "要点", "安排", "计划",
    "讲话稿", "讲话", "发言", "简报", "专报", "办法", "规定", "条例", "细则", "规则", "章程", "指南",
    "指引", "预案", "倡议书", "倡议", "申请书", "申请", "建议", "说明", "贺电", "贺信", "唁电", "电报",
    "声明", "指示", "任务书", "名单", "清单", "标准", "制度", "公约", "守则", "答复", "回复",
    "报告书", "意见书", "可行性研究报告", "可行性报告",
)

# Endings that map onto a statutory 文种 (longest first).
_STATUTORY_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [(d, d) for d in STATUTORY_DOCTYPES]
        + [("令", "命令"), ("复函", "函"), ("会议纪要", "纪要")],
        key=lambda pair: -len(pair[0]),
    )
)
_NON_STATUTORY_SORTED = tuple(sorted(NON_STATUTORY_DOCTYPES, key=len, reverse=True))
# Non-statutory words that end in a statutory one.
_COMPOUNDS = tuple(w for w in _NON_STATUTORY_SORTED if any(w.endswith(d) and w != d for d in STATUTORY_DOCTYPES))

# Trailing decorations that are not part of the 文种: （试行）, （草案）, （2021—2025年）, quotes, punctuation.
_TRAILING = re.compile(r"(?:[（(][^（）()]{0,20}[）)]|[：:。，,；;])+$")
# "国务院关于…的通知" / "…的复函": the word after the last 的 when it is short.
_AFTER_DE = re.compile(r"的([\u4e00-\u9fff]{1,5})$")
# A title that only names the matter ("[此处输入文件标题]", "通知标题") has no 文种.
_PLACEHOLDER = re.compile(r"^[\[［【<＜].*[\]］】>＞]$|标题$")


def doctype_of(title: str, strict: bool = False) -> tuple[str | None, bool]:
    """(文种, statutory?) of a title; (None, False) when the title does not end in a 文种.

    Without `strict`, an unknown short word after the last 的 of a 关于-title counts too (…的贺信).
    """
    text = compact(title)
    if not text or _PLACEHOLDER.search(text):
        return None, False
    stripped = _TRAILING.sub("", text) or text
    for candidate in (stripped, text):
        for word in _COMPOUNDS:  # "请示报告" must win over "报告"
            if candidate.endswith(word):
                return word, False
        for ending, doctype in _STATUTORY_ENDINGS:
            if candidate.endswith(ending):
                if ending == "令" and not _is_order_title(candidate):
                    continue
                return doctype, True
        for word in _NON_STATUTORY_SORTED:
            if candidate.endswith(word):
                return word, False
    match = _AFTER_DE.search(stripped)
    if match and "关于" in stripped and not strict:
        return match.group(1), False
    return None, False


def _is_order_title(text: str) -> bool:
    """令 as a 文种: 国务院令, 嘉奖令, 第N号令 — not 司令, 口令 and the like."""
    return not text.endswith(("司令", "口令", "指令", "法令", "禁令", "政令"))


def ends_with_statutory_doctype(text: str) -> bool:
    """The text ends in a statutory 文种 (a title is complete there)."""
    return doctype_of(text, strict=True)[1]


# Closing formulas of 请示 and 报告: they mark a document going up even when its title is odd.
_UPWARD_CLOSINGS = re.compile(r"妥否|当否|请批示|请审批|请予审批|请审示|请审定|请予批准|特此报告|特此请示|请审阅")


def direction_of(doctype: str | None, has_signer: bool, main_to: str, body: str) -> str | None:
    """上行文 / 下行文 / 平行文, or None when it cannot be told."""
    if has_signer or doctype in ("请示", "报告", "议案", "请示报告", "汇报"):
        return "上行文"
    if doctype == "函":
        return "平行文"
    # The 文种 decides before the closing words: a 批复 often quotes the 请示's 「妥否，请批复」.
    if doctype in ("批复", "命令", "决定", "决议", "通知", "通报"):
        return "下行文"
    if doctype == "意见" and compact(main_to).startswith("各"):
        return "下行文"
    if _UPWARD_CLOSINGS.search(body[-400:]):
        return "上行文"
    return None
