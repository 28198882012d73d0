"""Hanging indents where GB/T 9704-2012 aligns wrapped lines with a label's end, as the placement rules
measure them (engine/types/placement.py):

- 附件说明 (7.3.4, F036/F092/F093): 「附件：」 左空二字; a wrapped name aligns with the name's first
  character, the numbers of the second and later attachments sit under the first number;
- 抄送机关 (7.4.2, F094): 左右各空一字, a wrapped line aligns with the first character after the colon.

Each paragraph gets the left indent its wrapped lines need and a hanging first line, so the first line
still starts where the rule asks.  Lines placed with tabs or many ASCII spaces cannot be measured and are
left alone, as the rules leave them; so are table cells (their own margins move the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
from officekit.engine.types import placement
from officekit.structure.model import Draft
from officekit.structure.patterns import leading_space_chars

ATTACHMENT_FIRST = 2  # 字: 「附件」 左空二字 (7.3.4)
COPY_TO_SIDES = 1  # 字: 抄送机关左右各空一字 (7.4.2)
COPY_TO_LABEL = re.compile(r"[\s\u3000]*((?:抄\s*送|主\s*送|分\s*送)\s*[:：])")
ATTACHMENT_LABEL = re.compile(r"[\s\u3000]*(附\s*件\s*[:：]\s*)?")


@dataclass
class Hanging:
    block: int  # body block
    first: float  # 字: where the first line starts
    wrap: float  # 字: where wrapped lines start (the left indent)
    right: float | None  # 字 from the right, None = keep
    rule: str
    tolerance: float


def wraps(draft: Draft, block) -> bool:
    """Whether the paragraph runs over one line, as the placement rules estimate it."""
    return placement._Ruler(Context(draft, None, None, {})).wraps(block)


def shares_border_box(draft: Draft, block) -> bool:
    """Whether a neighbour has the same paragraph borders (Word draws them as one box, if indents match)."""
    if not block.props or not block.props.borders:
        return False
    body = draft.document.body
    neighbours = [body[i - 1] for i in (block.index - 1, block.index + 1) if 1 <= i <= len(body)]
    return any(n.props is not None and n.props.borders == block.props.borders for n in neighbours)


def _placement_rules(rules: list[RuleSpec], draft: Draft, check: str):
    for rule in rules:
        if rule.type == "placement" and rule.params.get("check") == check and rule_applies(rule, draft):
            ctx = Context(draft, rule, None, {})
            s = F.Settings.of(ctx)
            if F.applies(ctx, s):
                yield rule, s


def hanging_indents(draft: Draft, rules: list[RuleSpec], skip_blocks: set) -> dict[int, Hanging]:
    out: dict[int, Hanging] = {}
    for rule, s in _placement_rules(rules, draft, "attachment_wrap"):
        for item in _attachment_lines(draft, skip_blocks):
            out.setdefault(item[0], Hanging(item[0], item[1], item[2], None, rule.id, s["tolerance"]))
    for rule, s in _placement_rules(rules, draft, "copy_to"):
        for block, label_width in _copy_to_lines(draft, skip_blocks):
            out.setdefault(block, Hanging(block, COPY_TO_SIDES, COPY_TO_SIDES + label_width, COPY_TO_SIDES,
                                          rule.id, s["tolerance"]))
    return out


def _measurable(block) -> bool:
    return block.has_format and block.container == "body" and "\n" not in block.text \
        and F.alignment(block) in ("left", "both") and placement.width(block.text) is not None


def _attachment_lines(draft: Draft, skip_blocks: set):
    """(block, first line start, name start) of each 附件说明 line: the first 「附件：1.」 line 左空二字, the
    later numbers under the first number, every name starting where the first name starts."""
    lines, seen = [], set()
    for span in draft.all("附件说明"):
        if span.part != "body" or span.block in seen or ("body", span.block) in skip_blocks:
            continue
        seen.add(span.block)
        block = draft.block("body", span.block)
        if not _measurable(block):
            return []  # one line that cannot be measured: the alignment of the list cannot be set
        text = block.text
        label = ATTACHMENT_LABEL.match(text, len(text) - len(text.lstrip(" \u3000")))
        number = placement.ITEM.match(text, label.end())
        lines.append((block, label, number))
    if not lines or not lines[0][1].group(1):
        return []  # the list must open with 「附件：」
    first_block, label, number = lines[0]
    number_at = ATTACHMENT_FIRST + placement.width(first_block.text[label.start(1):label.end()])
    name_at = number_at + (placement.width(number.group(0)) if number else 0)
    out = [(first_block.index, ATTACHMENT_FIRST, name_at)]
    for block, label, number in lines[1:]:
        if label.group(1) or number is None:
            return out[:1]  # a second 「附件：」 or an unnumbered line: only the first line is certain
        out.append((block.index, name_at - placement.width(number.group(0)), name_at))
    return out


def _copy_to_lines(draft: Draft, skip_blocks: set):
    seen = set()
    for span in draft.all("抄送机关"):
        if span.part != "body" or span.block in seen or ("body", span.block) in skip_blocks:
            continue
        seen.add(span.block)
        block = draft.block("body", span.block)
        label = COPY_TO_LABEL.match(block.text)
        if not label or not _measurable(block):
            continue
        yield block.index, placement.width(label.group(1))


def indent_edit(block, hanging: Hanging, unit_pt: float, wraps: bool, shares_border_box: bool) -> dict | None:
    """w:ind attributes giving the first line and the wrapped lines their places, or None when they have them."""
    from officekit.layout.paragraphs import TWIPS_PER_PT

    first, wrap, right = F.indents(block)
    lead = leading_space_chars(block.text)
    tol = hanging.tolerance
    # as the rules see it: the first line's start always shows, the wrapped lines' only when it wraps
    off_first = abs(first - hanging.first) > tol
    off_wrap = wraps and (abs(wrap - hanging.wrap) > tol or hanging.right is not None and abs(right - hanging.right) > tol)
    if not off_first and not off_wrap:
        return None
    if shares_border_box:
        return None  # the 版记 lines are one border box of equal indents: new indents would split it
    first_line = hanging.first - lead - hanging.wrap  # negative: a hanging first line
    ind = {"left": str(round(hanging.wrap * unit_pt * TWIPS_PER_PT)), "leftChars": str(round(hanging.wrap * 100)),
           "start": None, "startChars": None}
    if first_line >= 0:
        ind.update({"firstLine": str(round(first_line * unit_pt * TWIPS_PER_PT)),
                    "firstLineChars": str(round(first_line * 100)), "hanging": None, "hangingChars": None})
    else:
        ind.update({"hanging": str(round(-first_line * unit_pt * TWIPS_PER_PT)),
                    "hangingChars": str(round(-first_line * 100)), "firstLine": None, "firstLineChars": None})
    if hanging.right is not None:
        ind.update({"right": str(round(hanging.right * unit_pt * TWIPS_PER_PT)),
                    "rightChars": str(round(hanging.right * 100)), "end": None, "endChars": None})
    return ind
