"""numbering: the heading ladder of 正文 — 一、→（一）→1.→（1）(GB/T 9704-2012 7.3.3).

    check: sequence     # numbers of one level go 1, 2, 3 under one parent: no skip (一、 then 三、),
                        # no repeat; a deeper level starts again at 1 under each new parent
    check: nesting      # a level opens under its own parent: （一） must not start under a 1.
    check: consistency  # one level is written one way in the whole draft (1. and 1． mixed)

Levels come from the recogniser (Draft.heading_levels, Word's automatic numbering included: the label
Word draws is what the reader sees, and a finding on it says so).  The punctuation of a marker itself
(「1、」「（一）、」) is 文字关 and not judged here.  Numbering starts afresh in each 附件 (a 附件 page,
or a line 「附件2」 the recogniser left in the 正文) and under each chapter (第一章 …), and is not
judged in table cells (lists in tables are not headings).  Many 意见 number （一）…（二十） on
across their 一、/二、 sections: under a new parent a level may start at 1 or run on from the last number.
"""

from __future__ import annotations

import re

from officekit.engine.rule import Context, Hit
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.engine.types import _wording
from officekit.structure.facts import chinese_number

PARAMS = {
    "check": Param("str", required=True, choices=("sequence", "nesting", "consistency")),
    "restart_lists": Param("list", default=[3, 4], doc="levels where a new run from 1 is a new list, not an error"),
    "layout": Param("list", default=[]),
    "text_levels": Param("list", default=[], doc="levels judged in plain text too (where no formatting tells a "
                                                "heading from a quoted list, only 一、 is safe)"),
    "wording": _wording.WORDING,
}
# what each check can find wrong, worded in the rule's `wording` (see _wording); `automatic` is the note
# added when Word draws the number
CASES = {
    "sequence": ("restart", "gap", "gap_at_start", "repeated", "reversed", "automatic"),
    "nesting": ("inverted",),
    "consistency": ("mixed",),
}
LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_MARKER = re.compile(r"\s*(?P<open>[（(]?)\s*(?P<num>[一二三四五六七八九十百〇零]+|\d+)\s*(?P<close>[）)、.．]?)")
# Lines after which the numbering starts again: a chapter of a 规章-like text, an 附件 label.
# An article of a 条例 (第五条　……, also written without the space) starts its own enumeration too.
LADDER_BREAK = re.compile(
    r"\s*(?:第[一二三四五六七八九十百〇零\d]+(?:[编章节](?:\s|$)|条)|附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*$)")

# In an 附件, the title line of a further attached document (印发 notices attach several in a row, not
# always under labels of their own): its numbering starts afresh.
ATTACHED_TITLE = re.compile(
    r"\s*[^，。；：:、！？!?\s]{4,40}(?:方案|办法|规定|细则|意见|规划|计划|要点|标准|名单|清单|目录|章程|规则|措施|指引|指南)\s*")

example_draft = F.example_draft


def marker_name(level: int, number: int) -> str:
    cn = _to_chinese(number)
    return {1: f"{cn}、", 2: f"（{cn}）", 3: f"{number}.", 4: f"（{number}）"}[level]


def _to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def headings(ctx: Context, levels=None):
    """(block, level, number, shape, automatic) of the draft's headings in reading order (of `levels`
    only, when given); None where the numbering starts again (附件, chapters).  `automatic`: the marker is
    Word's numbering label."""
    draft = ctx.draft
    previous = None  # the element of the last non-empty block
    for block in ctx.document.body:
        element = draft.element_at("body", block.index)
        level = draft.heading_levels.get(block.index)
        entering_attachment = element == "附件" and previous != "附件"
        if block.text.strip():
            previous = element
        restarts = LADDER_BREAK.match(block.text) or element == "附件" and ATTACHED_TITLE.fullmatch(block.text)
        if entering_attachment or not level and restarts:
            yield None  # an attachment begins, or a new chapter: numbering starts again
            continue
        if not level or block.container != "body" or levels is not None and level not in levels:
            continue
        label = block.props.numbering_label if block.props and block.props.numbering_label else ""
        m = _MARKER.match(label + block.text)
        if not m:
            continue
        number = chinese_number(m.group("num"))
        if number is None:
            continue
        shape = m.group("open") + ("一" if level <= 2 else "1") + m.group("close")
        yield block, level, number, shape, bool(label)


def _marker_hit(ctx: Context, block, automatic: bool, problem: str) -> Hit:
    """A finding on the typed marker; on the whole paragraph when Word draws the number (the message
    says so: the number is not in the text the secretary edits)."""
    if automatic:
        return Hit("body", block.index, element="正文", vars={"problem": problem + _wording.say(ctx, "automatic")})
    m = _MARKER.match(block.text)
    lead = len(m.group()) - len(m.group().lstrip()) if m else 0
    return Hit("body", block.index, lead if m else None, m.end() if m else None, element="正文",
               vars={"problem": problem})


def build(rule):
    F.check_layouts(rule)
    _wording.require(rule, CASES[rule.params["check"]])

    def check(ctx: Context):
        s = F.Settings.of(ctx)
        if F.applies(ctx, s):
            yield from CHECKS[s["check"]](ctx, s)
        elif not ctx.document.has_format and s.get("text_levels") and (
                not s.get("layout") or ctx.draft.layout in s["layout"]):
            yield from CHECKS[s["check"]](ctx, {**s, "levels": set(s["text_levels"])})

    return check


def _sequence(ctx: Context, s: dict):
    counters = {1: 0, 2: 0, 3: 0, 4: 0}  # last number under the current parent
    runs = {1: 0, 2: 0, 3: 0, 4: 0}  # last number of the level anywhere since the numbering started
    for item in headings(ctx, s.get("levels")):
        if item is None:
            counters, runs = {1: 0, 2: 0, 3: 0, 4: 0}, {1: 0, 2: 0, 3: 0, 4: 0}
            continue
        block, level, number, _, automatic = item
        last = counters[level]
        if last == 0 and runs[level] and number == runs[level] + 1:
            last = runs[level]  # numbering that runs on across parents: （四） under 一、, （五） under 二、
        expected = last + 1
        problem = None
        names = {"first": marker_name(level, 1), "actual": marker_name(level, number)}
        if number == expected or number == 1 and (level in s["restart_lists"] or last == 0):
            pass
        elif last == 0 and runs[level]:
            problem = _wording.say(ctx, "restart", **names, previous=marker_name(level, runs[level]),
                                   next=marker_name(level, runs[level] + 1))
        elif number > expected:
            missing = "、".join(f"“{marker_name(level, n)}”" for n in range(expected, min(number, expected + 3)))
            if last:
                problem = _wording.say(ctx, "gap", **names, previous=marker_name(level, last), missing=missing)
            else:
                problem = _wording.say(ctx, "gap_at_start", **names, missing=missing)
        elif number == last:
            problem = _wording.say(ctx, "repeated", **names)
        else:
            problem = _wording.say(ctx, "reversed", **names, previous=marker_name(level, last))
        if problem and "levels" in s and not (last and number > expected):
            problem = None  # plain text: a restart may be an unlabelled 附件 or a quoted list; only a gap is sure
        if problem:
            yield _marker_hit(ctx, block, automatic, problem)
        counters[level] = number
        runs[level] = max(runs[level], number) if problem is None else number
        for deeper in range(level + 1, 5):
            counters[deeper] = 0


def _nesting(ctx: Context, s: dict):
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    stack: list[int] = []
    for item in headings(ctx, s.get("levels")):
        if item is None:
            counters, stack = {1: 0, 2: 0, 3: 0, 4: 0}, []
            continue
        block, level, number, _, _ = item
        deeper_open = [lv for lv in stack if lv > level]
        if counters[level] == 0 and deeper_open:
            yield Hit("body", block.index, element="正文", vars={"problem": _wording.say(
                ctx, "inverted", level=LEVEL_NAMES[level], deeper=LEVEL_NAMES[max(deeper_open)])})
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        counters[level] = number
        for deeper in range(level + 1, 5):
            counters[deeper] = 0


def _consistency(ctx: Context, s: dict):
    seen: dict[int, str] = {}
    for item in headings(ctx, s.get("levels")):
        if item is None:
            continue
        block, level, _, shape, _ = item
        first = seen.setdefault(level, shape)
        if shape != first:
            yield Hit("body", block.index, element="正文",
                      vars={"problem": _wording.say(ctx, "mixed", first=first, actual=shape)})


CHECKS = {"sequence": _sequence, "nesting": _nesting, "consistency": _consistency}
