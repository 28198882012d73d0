"""pagenum: the page number (页码) in the footers.

    check: presence     # a multi-page draft has a page number (a PAGE field or a typed number)
    check: form         # `— N —`: one 一字线 (U+2014) each side, a PAGE field; flags 第N页, N/M, bare N
    check: position     # odd pages right, even pages left (different odd/even footers), 1 字 in
    check: first_page   # (信函) no page number on page 1: a different first page without one

"Multi-page" is certain with a hard page break or a second section; otherwise it is an estimate from
the text length (`lines_per_page` × `chars_per_line` of the 版心) and the finding says so and is only
a warning.  `style` (a regular expression over the footer's compact text, digits standing for the
number) lets an office accept its own page-number form.
"""

from __future__ import annotations

import math
import re

from officekit.engine.rule import Context, Hit
from officekit.engine.types import Param
from officekit.engine.types import _format as F
from officekit.engine.types import _wording

PARAMS = {
    "check": Param("str", required=True, choices=("presence", "form", "position", "first_page")),
    "style": Param("regex", default="—N—"),
    "lines_per_page": Param("int", default=22),
    "chars_per_line": Param("int", default=28),
    "indent_tolerance": Param("number", default=0.5),
    "layout": Param("list", default=[]),
    "wording": _wording.WORDING,
}
# what each check can find wrong; the rule's `wording` says each in words (see _wording)
CASES = {
    "presence": (),
    "form": ("page_word", "fraction", "no_dashes", "typed", "wrong_dashes"),
    "position": ("not_odd_even", "misplaced"),
    "first_page": ("first_page",),
}

example_draft = F.example_draft


_build = F.build_check(lambda ctx, s: CHECKS[s["check"]](ctx, s))


def build(rule):
    _wording.require(rule, CASES[rule.params["check"]])
    return _build(rule)


def page_number_blocks(ctx: Context):
    """Footer and header blocks that show a page number (a PAGE field or a typed one)."""
    return [ctx.draft.block(sp.part, sp.block) for sp in ctx.draft.all("页码") if sp.part in ("footer", "header")]


def _has_page_field(block) -> bool:
    return any(re.search(r"\bPAGE\b", f.upper()) for f in block.fields)


def _presence(ctx: Context, s: dict):
    if page_number_blocks(ctx) or any(sp.part == "body" for sp in ctx.draft.all("页码")):
        return
    body = ctx.document.body
    breaks = sum(1 for b in body if b.page_break_before) + max(len(ctx.document.sections) - 1, 0)
    if breaks:
        yield Hit("body", 1, element="页码", vars={"why": f"文档有 {breaks + 1} 页以上（含分页符或分节）"})
        return
    per_line, per_page = s["chars_per_line"], s["lines_per_page"]
    lines = sum(max(1, math.ceil(len(b.text.strip()) / per_line)) for b in body)
    pages = math.ceil(lines / per_page)
    if pages >= 2:
        yield Hit("body", 1, element="页码", severity="warning",
                  vars={"why": f"按字数估算约 {pages} 页（每面 {per_page} 行、每行 {per_line} 字）"})


def _form(ctx: Context, s: dict):
    style = re.compile(s["style"])
    for block in page_number_blocks(ctx):
        flat = re.sub(r"\s+", "", block.text)
        field = _has_page_field(block)
        shape = re.sub(r"\d+", "N", flat)
        if field and "N" not in shape:
            shape = _insert_number(shape)
        if style.fullmatch(shape) and field:
            continue
        if re.search(r"第N页|共N页", shape):
            case = "page_word"
        elif re.search(r"N/N", shape) or any("NUMPAGES" in f.upper() for f in block.fields):
            case = "fraction"
        elif shape == "N":
            case = "no_dashes"
        elif not field:
            case = "typed"
        else:
            case = "wrong_dashes"
        problem = _wording.say(ctx, case, text=flat, shape=shape)
        yield Hit(block.part, block.index, element="页码", vars={"problem": problem})


def _insert_number(shape: str) -> str:
    """The PAGE field's result is not in the text: put N between the dashes."""
    half = len(shape) // 2
    return shape[:half] + "N" + shape[half:]


def _position(ctx: Context, s: dict):
    blocks = page_number_blocks(ctx)
    if not blocks:
        return
    tol = s["indent_tolerance"]
    if not ctx.document.even_and_odd_headers or not any(b.story == "even" for b in blocks):
        b = blocks[0]
        alignment = F.describe_alignment(F.alignment(b))
        yield Hit(b.part, b.index, element="页码",
                  vars={"problem": _wording.say(ctx, "not_odd_even", alignment=alignment)})
        return
    for b in blocks:
        if b.story == "first":
            continue
        first, left, right = F.indents(b)
        align = F.alignment(b)
        if b.story == "even":
            ok, page = align in ("left", "both") and abs(first - 1) <= tol, "双"
            got = f"{F.describe_alignment(align)}、左空 {F.chars_text(first)}"
        else:
            ok, page = align == "right" and abs(right - 1) <= tol, "单"
            got = f"{F.describe_alignment(align)}、右空 {F.chars_text(right)}"
        if not ok:
            side = "左" if page == "双" else "右"
            yield Hit(b.part, b.index, element="页码",
                      vars={"problem": _wording.say(ctx, "misplaced", page=page, side=side, actual=got)})


def _first_page(ctx: Context, s: dict):
    blocks = page_number_blocks(ctx)
    if not blocks:
        return
    section = ctx.document.sections[0] if ctx.document.sections else None
    first_story = [b for b in blocks if b.story == "first"]
    if section is not None and section.title_page and not first_story:
        return
    b = first_story[0] if first_story else blocks[0]
    yield Hit(b.part, b.index, element="页码", vars={"problem": _wording.say(ctx, "first_page")})


CHECKS = {"presence": _presence, "form": _form, "position": _position, "first_page": _first_page}
