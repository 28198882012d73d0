"""placement: where a line of the 版头 or 版记 sits horizontally, for the layouts GB/T 9704-2012 states
in characters (字) from the edges of the 版心 — things the per-paragraph `format` type cannot say
because they relate two lines, or a part of a line, to an edge.

    check: signer        # 签发人 居右空一字: the last name ends one character from the right edge (7.2.6)
    check: signers       # several 签发人: at most two names a line; a wrapped line's first name aligned
                         # with the first name of the line above (7.2.6)
    check: attachments   # several attachments: the numbers of the second and later names under the first
                         # number (7.3.4)
    check: attachment_wrap  # a wrapped attachment name aligns with the first character of the name (7.3.4)
    check: copy_to       # 抄送 左空一字, and 右空一字 / wrapped lines after the colon when it wraps (7.4.2)
    check: imprint       # 印发机关 左空一字, 印发日期 右空一字 (7.4.3)
    check: closing       # the 落款 as one relation (7.3.5): without a seal the 署名 右空二字 and the date's
                         # first character two 字 right of the 署名's (a longer date 右空二字, the 署名
                         # moved left by as much); with a seal, or a draft awaiting one, the date 右空四字
                         # and the 署名 centred over it

Positions are measured in 字 of the paragraph's main size from the 版心 edges: exactly from indents when
the paragraph is aligned to the edge in question, estimated from the characters' widths (a Chinese
character or full-width space one 字, an ASCII character half of one) when a line is placed with spaces.
Estimates get the wider `estimate_tolerance`.  A position behind a tab cannot be measured (tab stops are
not in the document model): such lines are accepted, as is a right-aligned tab stop for the 印发日期.
"""

from __future__ import annotations

import re

from officekit.engine.rule import Context, Hit, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.engine.types import _wording

PARAMS = {
    "check": Param("str", required=True,
                   choices=("signer", "signers", "attachments", "attachment_wrap", "copy_to", "imprint", "closing")),
    "tolerance": Param("number", default=0.35, doc="字, when the position follows from indents"),
    "estimate_tolerance": Param("number", default=1.0, doc="字, when the position is estimated from spaces"),
    "layout": Param("list", default=[]),
    "wording": _wording.WORDING,
}
# what each check can find wrong, worded in the rule's `wording` (see _wording); `estimated` is the note
# added when a position was estimated from spaces rather than read from indents
CASES = {
    "signer": ("not_right",),
    "signers": ("too_many", "misaligned"),
    "attachments": ("misaligned",),
    "attachment_wrap": ("misaligned",),
    "copy_to": ("left", "wrap", "right"),
    "imprint": ("organ", "date"),
    "closing": ("not_right", "misplaced"),
}
ESTIMATED = "estimated"

example_draft = F.example_draft

MM_TO_PT = 72 / 25.4
TEXT_WIDTH_MM = 156.0  # 版心 width when the section does not say
NAME = re.compile(r"[\u3400-\u9fff·]{2,5}")
NAMES_ONLY = re.compile(r"^[\s\u3000]*[\u3400-\u9fff·]{2,5}(?:[\s\u3000]+[\u3400-\u9fff·]{2,5})*[\s\u3000]*$")
ITEM = re.compile(r"(\d{1,2})\s*[.．、]")
DATE = re.compile(r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(印发|印)?")


def build(rule: RuleSpec):
    F.check_layouts(rule)
    _wording.require(rule, CASES[rule.params["check"]] + (ESTIMATED,))
    checks = {"signer": _signer, "signers": _signers, "attachments": _attachments,
              "attachment_wrap": _attachment_wrap, "copy_to": _copy_to, "imprint": _imprint, "closing": _closing}

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s):
            return
        yield from checks[s["check"]](ctx, s, _Ruler(ctx))

    return check


# ---------------------------------------------------------------- measuring


def width(text: str) -> float | None:
    """Width in 字; None when a tab, or a run of ASCII spaces (a quarter to half a 字 each, by font),
    makes it unknowable."""
    if "\t" in text or text.count(" ") + text.count("\u00a0") > 2:
        return None
    return sum(0.5 if ord(ch) < 128 or ch == "\u00a0" else 1.0 for ch in text)


class _Ruler:
    """Horizontal positions of characters on the first line of a paragraph, in 字 from the 版心 edges."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.document.body
        self._row_sizes: dict = {}
        for block in self.body:
            if block.container == "table" and block.table:
                key = block.table[:2]
                self._row_sizes.setdefault(key, set()).add(block.table[2])

    def capacity(self, block) -> float:
        """How many 字 of the block's size fit between the 版心 edges."""
        sections = self.ctx.document.sections
        section = sections[block.section] if 0 <= block.section < len(sections) else None
        text_mm = TEXT_WIDTH_MM
        if section and section.page_width_mm and section.margin_left_mm is not None and section.margin_right_mm is not None:
            text_mm = section.page_width_mm - section.margin_left_mm - section.margin_right_mm - (section.gutter_mm or 0)
        by_size = text_mm * MM_TO_PT / F.main_size(block)
        grid = section.chars_per_line if section and section.grid_type in ("linesAndChars", "snapToChars") else None
        if grid and abs(grid - by_size) <= 0.1 * by_size:
            return float(grid)  # on a character grid every Chinese character takes one cell
        return by_size

    def _edges(self, block) -> tuple[bool, bool]:
        """Whether the block's left / right edges are the 版心's (a cell of a several-cell row is not)."""
        if block.container != "table" or not block.table:
            return block.container == "body", block.container == "body"
        columns = self._row_sizes.get(block.table[:2], {block.table[2]})
        return block.table[2] == min(columns), block.table[2] == max(columns)

    def from_left(self, block, offset: int) -> tuple[float, bool] | None:
        """(position of the character at `offset` from the left edge, estimated?) or None."""
        line_end = block.text.find("\n")
        if line_end >= 0 and offset > line_end:
            return None
        line = block.text if line_end < 0 else block.text[:line_end]
        first, _, right = F.indents(block)
        align = F.alignment(block)
        left_edge, right_edge = self._edges(block)
        lead = len(line) - len(line.lstrip(" \u3000\u00a0\t"))
        if align in ("left", "both"):
            before = width(line[lead:offset]) if offset >= lead else 0.0
            if before is None or not left_edge:
                return None
            return first + before, " " in line[:lead] or offset > lead and _spaced(line[lead:offset])
        if align == "right":
            after = width(line[offset:].rstrip(" \u3000\u00a0"))
            if after is None or not right_edge:
                return None
            return self.capacity(block) - right - after, False
        return None  # centred or distributed lines are not placed against an edge

    def from_right(self, block, end: int) -> tuple[float, bool] | None:
        """(gap between the end of the character before `end` and the right edge, estimated?) or None."""
        line_end = block.text.find("\n")
        if line_end >= 0 and end > line_end:
            return None
        line = block.text if line_end < 0 else block.text[:line_end]
        align = F.alignment(block)
        left_edge, right_edge = self._edges(block)
        if align == "right":
            if not right_edge:
                return None
            _, _, right = F.indents(block)  # trailing spaces count as right indent
            after = width(line[end:].rstrip(" \u3000\u00a0"))
            return (None if after is None else (right + after, False))
        start = self.from_left(block, end)
        if start is None or not right_edge:
            return None
        return self.capacity(block) - start[0], True

    def wraps(self, block) -> bool:
        """Whether the paragraph's text is estimated to run over one line."""
        first, _, right = F.indents(block)
        w = width(block.text.strip())
        return w is not None and first + w > self.capacity(block) - right + 0.5


def _spaced(text: str) -> bool:
    """Text positioned with runs of spaces (not indents) gives only an estimate."""
    return bool(re.search(r"[ \u3000\u00a0]{2,}|\u3000", text))


def _tolerance(s: dict, estimated: bool) -> float:
    return s["estimate_tolerance"] if estimated else s["tolerance"]


def _chars(value: float) -> str:
    return F.chars_text(value)


def _hit(ctx: Context, block, start, end, element, case: str, estimated=False, **values) -> Hit:
    problem = _wording.say(ctx, case, **values) + (_wording.say(ctx, ESTIMATED) if estimated else "")
    return Hit("body", block.index, start, end, element=element, vars={"problem": problem})


# ---------------------------------------------------------------- 签发人


def _signer_spans(ctx: Context):
    return [sp for sp in ctx.draft.all("签发人") if sp.part == "body"]


def _signer(ctx: Context, s: dict, ruler: _Ruler):
    for span in _signer_spans(ctx)[:1]:
        block = ctx.draft.block("body", span.block)
        if not block.has_format:
            continue
        end = span.start + len(span.text.rstrip(" \u3000\u00a0"))
        gap = ruler.from_right(block, end)
        if gap is None:
            continue
        value, estimated = gap
        if abs(value - 1) > _tolerance(s, estimated):
            yield _hit(ctx, block, span.start, end, "签发人", "not_right", estimated, actual=_chars(value))


def _signer_lines(ctx: Context) -> list[tuple[object, int]]:
    """(block, offset of the first name) of each 签发人 line: the 签发人 span's block, then the lines
    right below it that hold names only (the recogniser may tag those as something else)."""
    spans = _signer_spans(ctx)
    if not spans:
        return []
    first = spans[0]
    block = ctx.draft.block("body", first.block)
    colon = re.search(r"[:：]\s*", block.text[first.start:])
    if not colon:
        return []
    lines = [(block, first.start + colon.end())]
    body = ctx.document.body
    for nxt in body[first.block:]:
        if not nxt.text.strip() or not NAMES_ONLY.match(nxt.text) or nxt.container != "body":
            break
        lines.append((nxt, len(nxt.text) - len(nxt.text.lstrip(" \u3000\u00a0"))))
    return lines


def _signers(ctx: Context, s: dict, ruler: _Ruler):
    lines = _signer_lines(ctx)
    for block, at in lines:
        names = NAME.findall(block.text[at:])
        if len(names) > 2 and block.has_format:
            yield _hit(ctx, block, at, len(block.text.rstrip()), "签发人", "too_many", count=len(names))
    if len(lines) < 2:
        return
    head, head_at = lines[0]
    anchor = ruler.from_left(head, head_at) if head.has_format else None
    if anchor is None:
        return
    for block, at in lines[1:]:
        here = ruler.from_left(block, at) if block.has_format else None
        if here is None:
            continue
        estimated = anchor[1] or here[1]
        if abs(here[0] - anchor[0]) > _tolerance(s, estimated):
            yield _hit(ctx, block, at, len(block.text.rstrip()), "签发人", "misaligned", estimated,
                       offset=_chars(abs(here[0] - anchor[0])))


# ---------------------------------------------------------------- 附件说明


def _attachment_items(ctx: Context):
    """(block, offset of the number, offset of the name) for each numbered 附件说明 line."""
    items, seen = [], set()
    for span in ctx.draft.all("附件说明"):
        if span.part != "body" or span.block in seen:
            continue
        seen.add(span.block)
        block = ctx.draft.block("body", span.block)
        text = block.text
        lead = re.match(r"[\s\u3000]*(附\s*件\s*[:：]\s*)?", text)
        number = ITEM.match(text, lead.end())
        if number:
            items.append((block, number.start(), number.end()))
        else:
            items.append((block, None, lead.end()))
    return items


def _attachments(ctx: Context, s: dict, ruler: _Ruler):
    items = [it for it in _attachment_items(ctx) if it[1] is not None]
    if len(items) < 2 or not items[0][0].has_format:
        return
    first_block, first_number, _ = items[0]
    anchor = ruler.from_left(first_block, first_number)
    if anchor is None:
        return
    for block, number, _ in items[1:]:
        here = ruler.from_left(block, number)
        if here is None:
            continue
        estimated = anchor[1] or here[1]
        if abs(here[0] - anchor[0]) > _tolerance(s, estimated):
            yield _hit(ctx, block, number, len(block.text.rstrip()), "附件说明", "misaligned", estimated,
                       expected=_chars(anchor[0]), actual=_chars(here[0]))


def _attachment_wrap(ctx: Context, s: dict, ruler: _Ruler):
    for block, _, name_at in _attachment_items(ctx):
        if not block.has_format or not ruler.wraps(block):
            continue
        name = ruler.from_left(block, name_at)
        if name is None:
            continue
        _, wrap, _ = F.indents(block)
        estimated = name[1]
        if abs(wrap - name[0]) > _tolerance(s, estimated) + 0.25:  # "1." in a proportional font
            yield _hit(ctx, block, name_at, len(block.text.rstrip()), "附件说明", "misaligned", estimated,
                       expected=_chars(name[0]), actual=_chars(wrap))


# ---------------------------------------------------------------- 版记


def _record_tolerance(s: dict, block) -> float:
    # a table cell's own margin (Word: 0.19 cm) moves the text a little
    return s["tolerance"] + (0.2 if block.container == "table" else 0.0)


def _copy_to(ctx: Context, s: dict, ruler: _Ruler):
    seen = set()
    for span in ctx.draft.all("抄送机关"):
        if span.part != "body" or span.block in seen:
            continue
        seen.add(span.block)
        block = ctx.draft.block("body", span.block)
        label = re.match(r"[\s\u3000]*(抄\s*送|主\s*送|分\s*送)\s*[:：]", block.text)
        if not block.has_format or not label or F.alignment(block) not in ("left", "both"):
            continue
        left_edge, _ = ruler._edges(block)
        first, wrap, right = F.indents(block)
        tol = _record_tolerance(s, block)
        if left_edge and abs(first - 1) > tol:
            yield _hit(ctx, block, label.start(1), label.end(), "抄送机关", "left", actual=_chars(first))
            continue
        if not ruler.wraps(block):
            continue  # a one-line 抄送: its right indent does not show
        after_colon = first + width(block.text[len(block.text) - len(block.text.lstrip(" \u3000\u00a0")):label.end()])
        if abs(wrap - after_colon) > tol:
            yield _hit(ctx, block, label.start(1), label.end(), "抄送机关", "wrap",
                       expected=_chars(after_colon), actual=_chars(wrap))
        elif abs(right - 1) > tol:
            yield _hit(ctx, block, label.start(1), label.end(), "抄送机关", "right", actual=_chars(right))


def _imprint(ctx: Context, s: dict, ruler: _Ruler):
    spans = [sp for sp in ctx.draft.all("印发机关和印发日期") if sp.part == "body"]
    blocks = []
    for sp in spans:
        block = ctx.draft.block("body", sp.block)
        if block not in blocks and block.has_format:
            blocks.append(block)
    if not blocks:
        return
    # 印发机关: the first line's start
    organ = blocks[0]
    lead = len(organ.text) - len(organ.text.lstrip(" \u3000\u00a0"))
    if not DATE.match(organ.text, lead):
        start = ruler.from_left(organ, lead)
        if start is not None:
            value, estimated = start
            estimated = estimated or lead > 0 and F.alignment(organ) != "left"
            if abs(value - 1) > max(_tolerance(s, estimated), _record_tolerance(s, organ)):
                end = DATE.search(organ.text)
                yield _hit(ctx, organ, lead, end.start() if end else len(organ.text.rstrip()), "印发机关和印发日期",
                           "organ", estimated, actual=_chars(value))
    # 印发日期: where it ends
    for block in blocks:
        date = None
        for date in DATE.finditer(block.text):
            pass
        if date is None:
            continue
        if "\t" in block.text[: date.start()] and F.alignment(block) != "right":
            continue  # placed with a tab: the tab stop is not in the model (a right tab stop is fine)
        gap = ruler.from_right(block, date.end())
        if gap is None:
            continue
        value, estimated = gap
        if abs(value - 1) > max(_tolerance(s, estimated), _record_tolerance(s, block)):
            yield _hit(ctx, block, date.start(), date.end(), "印发机关和印发日期", "date", estimated,
                       actual=_chars(value))
        break


# ---------------------------------------------------------------- 落款 (署名 and 成文日期)

UNSEALED_RIGHT = 2  # 7.3.5.2: 署名 右空二字 (or the date, when it is the longer line)
DATE_SHIFT = 2  # 7.3.5.2: the date's first character two 字 right of the 署名's first
SEALED_DATE_RIGHT = 4  # 7.3.5.1: the date 右空四字, the 署名 centred over it


def closing_layouts(signature: float, date: float) -> dict[str, tuple[float, float]]:
    """Where GB/T 9704-2012 7.3.5 puts a 署名 `signature` 字 wide and a date `date` 字 wide:
    {layout: (署名 右空, 日期 右空)} for the unsealed (7.3.5.2) and the sealed (7.3.5.1) layout."""
    date_right = signature - DATE_SHIFT - date + UNSEALED_RIGHT  # the 署名 右空二字, the date under it
    if date_right >= UNSEALED_RIGHT:
        unsealed = (UNSEALED_RIGHT, date_right)
    else:  # the date is the longer line: it keeps 右空二字 and the 署名 moves left
        unsealed = (UNSEALED_RIGHT + date + DATE_SHIFT - signature, UNSEALED_RIGHT)
    sealed = (SEALED_DATE_RIGHT + (date - signature) / 2, SEALED_DATE_RIGHT)
    return {"不加盖印章": unsealed, "加盖印章": sealed}


def _awaiting_seal(signature_right: float, date_right: float, tol: float) -> bool:
    """House practice for a draft awaiting its seal: the 署名 right-aligned with a date 右空四字 (both
    右空四字): where the seal will go is the same, and the 署名 is centred when the seal is added."""
    return abs(date_right - SEALED_DATE_RIGHT) <= tol and abs(signature_right - SEALED_DATE_RIGHT) <= tol


def _closing_line(ctx: Context, element: str):
    spans = [sp for sp in ctx.draft.all(element) if sp.part == "body"]
    blocks = {sp.block for sp in spans}
    if len(blocks) != 1:
        return None  # none, or a joint 署名 over several lines: laid out by other rules of 7.3.5.3
    span = spans[0]
    block = ctx.draft.block("body", span.block)
    text = block.text[span.start:span.end]
    if not block.has_format or block.container != "body" or F.spaced_items(block.text) or "\n" in block.text:
        return None
    if ctx.draft.placeholders("body", block.index):
        return None  # a template's 「XXXX人民政府」「20XX年XX月XX日」: the real widths are not known yet
    return block, span, text.strip()


def _closing(ctx: Context, s: dict, ruler: _Ruler):
    signature, date = _closing_line(ctx, "发文机关署名"), _closing_line(ctx, "成文日期")
    if signature is None or date is None or signature[0] is date[0]:
        return
    measured = []
    for block, span, text in (signature, date):
        align = F.alignment(block)
        at_left = align in ("left", "both") and F.leading_space_chars(block.text) < 2
        if align in ("center", "distribute") or at_left:
            yield _hit(ctx, block, span.start, span.end, span.element, "not_right",
                       name=span.element, alignment=F.describe_alignment(align))
            return
        end = span.start + len(block.text[span.start:span.end].rstrip(" \u3000\u00a0"))
        gap, wide = ruler.from_right(block, end), width(text)
        if gap is None or wide is None:
            return
        measured.append((block, span, gap[0], gap[1], wide))
    (sig_block, sig_span, sig_right, sig_est, sig_w), (date_block, date_span, date_right, date_est, date_w) = measured
    tol = max(_tolerance(s, sig_est), _tolerance(s, date_est))
    layouts = closing_layouts(sig_w, date_w)
    sealed = ctx.draft.has("印章")
    if sealed:
        layouts = {"加盖印章": layouts["加盖印章"]}
    elif _awaiting_seal(sig_right, date_right, tol):
        return
    for want_sig, want_date in layouts.values():
        if abs(sig_right - want_sig) <= tol and abs(date_right - want_date) <= tol:
            return
    name, (want_sig, want_date) = min(layouts.items(), key=lambda kv: abs(sig_right - kv[1][0]) + abs(date_right - kv[1][1]))
    off_date = abs(date_right - want_date) > abs(sig_right - want_sig)
    block, span = (date_block, date_span) if off_date else (sig_block, sig_span)
    how = ("成文日期首字比署名首字右移二字" if name == "不加盖印章" else "署名以成文日期为准居中")
    yield _hit(ctx, block, span.start, span.end, span.element, "misplaced", sig_est or date_est, layout=name,
               signature=_chars(want_sig), date=_chars(want_date), how=how,
               actual_signature=_chars(sig_right), actual_date=_chars(date_right))
