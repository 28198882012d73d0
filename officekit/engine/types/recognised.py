"""recognised: what the recogniser noticed about how the draft is put together, reported once.

    check: placeholder     # a template slot left unfilled: [发文单位], 20XX年XX月XX日, ××局, ____ (one
                           # finding a slot; the other text rules leave the slot to this one)
    check: main_to_in_text # the 主送 written at the start of the first paragraph (支队领导：为进一步……)
    check: title_break     # a title broken by hand inside a word (传↵播): a line break, or the title's next
                           # line, splits a word of the segmentation (GB/T 9704-2012 7.3.1: 回行时词意完整)
    check: attachment_in_text  # an attachment's label (附件1) inside the 正文, before the 落款
    check: attachment_new_page # an attachment (its label line) that does not start on a new page (.docx)
    check: attachment_note_missing  # labelled attachments and no 附件说明 (a 印发/转发 通知 needs none)
    check: closing_order       # the 署名 under the 成文日期 instead of above it
    check: banner_order        # 份号, 密级和保密期限, 紧急程度 out of their order in the 版头

The recogniser reads generously (a faulty line is still the element it stands for); these checks say
what was faulty about the way it was written, where no other rule type can see it.
"""

from __future__ import annotations

import regex

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.structure.patterns import ATTACHMENT_LABEL, compact
from officekit.structure.placeholders import VALUE_ELEMENTS

CHECK_NAMES = ("placeholder", "main_to_in_text", "title_break", "attachment_in_text", "attachment_new_page",
               "attachment_note_missing", "closing_order", "banner_order")
PARAMS = {
    "check": Param("str", required=True, choices=CHECK_NAMES),
}
# How many characters on each side of a title break are segmented to see whether a word crosses it.
BREAK_CONTEXT_CHARS = 6
# Title lines shorter than this are a stacked or vertical layout, not a break.
STACKED_LINE_CHARS = 3
# How far into the 正文 「现将……印发给你们」 is looked for.
ISSUING_TEXT_PARAGRAPHS = 3


def build(rule: RuleSpec):
    judge = CHECKS[rule.params["check"]]

    def check(ctx: Context):
        yield from judge(ctx)

    return check


def _placeholders(ctx: Context):
    wanted = set(ctx.rule.elements)
    for block in ctx.document.body:
        if not block.text:
            continue
        reported: set[tuple[int, int]] = set()
        for slot in ctx.draft.placeholders("body", block.index):
            element = ctx.draft.element_at("body", block.index, slot.start)
            if wanted and element not in wanted:
                continue
            span = next((s for s in ctx.draft.elements_of_block("body", block.index)
                         if s.element in VALUE_ELEMENTS and s.start <= slot.start < s.end), None)
            start, end = (span.start, span.end) if span else (slot.start, slot.end)
            if (start, end) not in reported:
                reported.add((start, end))
                yield Hit("body", block.index, start, end, element=element)


def _main_to_in_text(ctx: Context):
    for span in ctx.draft.all("主送机关"):
        others = [s for s in ctx.draft.elements_of_block(span.part, span.block) if s.element == "正文"]
        if others and others[0].start >= span.end:
            yield Hit(span.part, span.block, span.start, span.end, element="主送机关")


def _title_breaks(ctx: Context):
    """Breaks inside the title: a line break in a title paragraph, or the end of a title line that the
    next title line continues.  A break is reported where a word of the segmentation runs across it."""
    spans = ctx.draft.all("标题")
    breaks: list[tuple[str, str, object, int]] = []  # (text before, text after, span, offset of the break)
    for n, span in enumerate(spans):
        for k, ch in enumerate(span.text):
            if ch in "\n\v":
                breaks.append((span.text[:k], span.text[k + 1 :], span, k))
        following = spans[n + 1] if n + 1 < len(spans) else None
        if following is not None and following.block == span.block + 1:
            breaks.append((span.text, following.text, span, len(span.text.rstrip())))
    if not breaks:
        return
    from officekit.engine import segment

    for before, after, span, at in breaks:
        left = "".join(before.split())[-BREAK_CONTEXT_CHARS:]
        right = "".join(after.split())[:BREAK_CONTEXT_CHARS]
        if len(left) < STACKED_LINE_CHARS or len(right) < STACKED_LINE_CHARS:
            continue  # a title set one or two characters a line (vertically, or 通知 alone) is laid out so
        word = _word_across(segment.tokens(left + right), len(left), segment.frequency)
        if word:
            start = span.start + max(0, at - 1)
            yield Hit(span.part, span.block, start, span.start + at, element="标题", vars={"word": word})


def _word_across(tokens, cut: int, frequency) -> str | None:
    """The word of the segmentation that the cut splits apart: it starts before `cut` and ends after it,
    and the cut does not fall between two words of its own (空间|规划 is a compound broken at a seam; 传|播
    is one word broken in the middle)."""
    for word, _pos, start in tokens:
        if not (start < cut < start + len(word)) or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        head, tail = word[: cut - start], word[cut - start :]
        if len(head) >= 2 and len(tail) >= 2 and frequency(head) and frequency(tail):
            continue
        return word
    return None


# What may not follow an attachment's label: the text, or the 落款 (an 附件 stands after the 成文日期).
_BEFORE_ATTACHMENTS = frozenset({"正文", "发文机关署名", "成文日期"})


def _attachment_in_text(ctx: Context):
    """An attachment page's label (read as 正文, or as an 附件 put before the end of the text) with 正文
    or the 落款 after it: the attachment was put inside the text."""
    spans = [s for s in ctx.draft.spans if s.part == "body"]
    later = [False] * len(spans)  # 正文 or a 落款 line follows this span
    seen = False
    for n in range(len(spans) - 1, -1, -1):
        later[n] = seen
        seen = seen or spans[n].element in _BEFORE_ATTACHMENTS
    for n, span in enumerate(spans):
        if later[n] and span.element in ("正文", "附件") and ATTACHMENT_LABEL.fullmatch(compact(span.text)):
            yield Hit(span.part, span.block, span.start, span.start + len(span.text.rstrip()), element="附件")


def _attachment_labels(ctx: Context):
    """The label lines (附件, 附件2) that open the attachments after the 落款."""
    for span in ctx.draft.all("附件"):
        if ATTACHMENT_LABEL.fullmatch(compact(span.text)):
            yield span


def _attachment_new_page(ctx: Context):
    if not ctx.document.has_format:
        return  # a text file has no pages
    attachments = ctx.draft.all("附件")
    openings = {s.block: s for s in _attachment_labels(ctx)}
    if attachments:
        openings.setdefault(attachments[0].block, attachments[0])  # 印发 notices attach without a label
    for span in sorted(openings.values(), key=lambda s: s.block):
        if not _starts_page(ctx.document.body, span.block):
            yield Hit(span.part, span.block, span.start, span.start + len(span.text.rstrip()), element="附件")


def _starts_page(blocks, index: int) -> bool:
    """Block `index` (1-based) opens a page: a page or section break stands before it, with only empty
    paragraphs between."""
    for k in range(index, 0, -1):
        block = blocks[k - 1]
        if block.page_break_before:
            return True
        if k != index and block.text.strip():
            return False
    return False


# Notices whose attached document is their subject carry no 附件说明: 印发/转发/批转 in the title, or
# 「现将《…》印发给你们」 in the text; nor do 决定/公告/通告/命令 that publish a list (名单, 目录) after them.
_ISSUING_TITLE = regex.compile(r"印发|转发|批转|颁布|发布|公布")
_ISSUING_TEXT = regex.compile(r"(?:印发|转发|批转|发)给你们|现予(?:印发|公布|发布)|予以公布")
_PUBLISHING_DOCTYPES = frozenset({"决定", "公告", "通告", "命令", "令"})


def _attachment_note_missing(ctx: Context):
    draft = ctx.draft
    if draft.has("附件说明") or draft.doctype in _PUBLISHING_DOCTYPES or _ISSUING_TITLE.search(draft.text_of("标题")):
        return
    if any(_ISSUING_TEXT.search(span.text) for span in draft.all("正文")[:ISSUING_TEXT_PARAGRAPHS]):
        return
    first = next(_attachment_labels(ctx), None)
    if first is not None:
        yield Hit(first.part, first.block, first.start, first.start + len(first.text.rstrip()), element="附件说明")


def _closing_order(ctx: Context):
    dates = ctx.draft.all("成文日期")
    if not dates:
        return
    for span in ctx.draft.all("发文机关署名"):
        if span.block > dates[0].block:
            yield Hit(span.part, span.block, span.start, span.end, element="发文机关署名")


_BANNER_ORDER = ("份号", "密级和保密期限", "紧急程度")


def _banner_order(ctx: Context):
    """GB/T 9704-2012 7.2: 份号 on the first line, then 密级和保密期限, then 紧急程度."""
    seen = [s for s in ctx.draft.spans if s.element in _BANNER_ORDER and s.part == "body"]
    for earlier, later in zip(seen, seen[1:]):
        if _BANNER_ORDER.index(later.element) < _BANNER_ORDER.index(earlier.element):
            yield Hit(earlier.part, earlier.block, earlier.start, earlier.end, element=earlier.element,
                      vars={"above": earlier.element, "below": later.element})


CHECKS = {"placeholder": _placeholders, "main_to_in_text": _main_to_in_text, "title_break": _title_breaks,
          "attachment_in_text": _attachment_in_text, "attachment_new_page": _attachment_new_page,
          "attachment_note_missing": _attachment_note_missing, "closing_order": _closing_order,
          "banner_order": _banner_order}  # every name of CHECK_NAMES; each has a rule whose examples run
