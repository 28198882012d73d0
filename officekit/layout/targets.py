"""What layout each recognised block should get, read from the rules that judge it.

`fix --layout` must settle exactly what `check` reports, so it owns no copy of GB/T 9704: the targets are
the params of the active `format` rules (rules/format/*.yaml) with the office's profile applied
(`F.Settings`), filtered by the same conditions the rule type uses (layout, when, tables, levels, select,
skip; officekit.engine.types.format).  A rule with `font: 仿宋, size: 16` on 正文 level 0 becomes a
character target on the body text of every 正文 paragraph; `first_indent: 2` a paragraph target.

Where two rules speak about the same aspect of a block, the first by rule id decides and the later one is
recorded as overruled (it never happens with the built-in rules; an office's own rule may do it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from officekit.engine.fonts import FontTable
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
# the rule type's own filters: which part of a paragraph a `levels` rule judges, and its `when` conditions
from officekit.engine.types.format import _conditions_hold, _judges_characters, judged_block, judged_range
from officekit.structure.model import Draft

PARAGRAPH_ASPECTS = ("alignment", "first_indent", "wrap_indent", "right_indent", "line_spacing")


@dataclass
class CharTarget:
    """Characters [start, end) of a block: the face, size and colour a rule asks for."""

    rule: str
    start: int
    end: int
    family: str | None = None  # a font family of the rule's aliases (仿宋, 小标宋 …)
    font: str | None = None  # the concrete font written for that family
    fonts: FontTable | None = None  # how the rule classifies font names
    chars: str = "han"  # han: the family is judged on Chinese characters; all: on every character
    size: float | None = None
    size_tolerance: float = 0.3
    color: str | None = None  # red / black


@dataclass
class ParagraphTarget:
    rule: str
    value: object  # accepted alignments; 字 (or a list of accepted 字); {min, max} line spacing
    tolerance: float = 0.3


@dataclass
class BlockPlan:
    part: str
    index: int
    element: str
    chars: list[CharTarget] = field(default_factory=list)
    paragraph: dict[str, ParagraphTarget] = field(default_factory=dict)
    overruled: list[str] = field(default_factory=list)  # rule ids whose aspect an earlier rule decided


def preferred_font(family: str, aliases: dict, office_fonts: dict | None) -> str:
    """The font written for a family: the office's first name for it (profile `fonts`), else the first
    accepted name of the rule's alias list, else the family name itself."""
    for names in ((office_fonts or {}).get(family), aliases.get(family)):
        if isinstance(names, dict):
            names = names.get("ok")
        if names:
            return str(names[0])
    return family


def format_plans(draft: Draft, rules: list[RuleSpec], config, skip_blocks: set) -> dict[tuple[str, int], BlockPlan]:
    """(part, block) → the plan of every block some active `format` rule judges, except `skip_blocks`."""
    plans: dict[tuple[str, int], BlockPlan] = {}
    shared: dict = {}
    for rule in sorted(rules, key=lambda r: r.id):
        if rule.type != "format" or not rule_applies(rule, draft):
            continue
        ctx = Context(draft, rule, config, shared)
        s = F.Settings.of(ctx)
        if not F.applies(ctx, s) or not _conditions_hold(s.get("when") or {}, ctx):
            continue
        for key, element, char_range, para_range in _judged(ctx, s):
            if key in skip_blocks:
                continue
            plan = plans.setdefault(key, BlockPlan(key[0], key[1], element))
            if char_range is not None and _judges_characters(s):
                plan.chars.append(_char_target(ctx, s, rule.id, *char_range))
            if para_range is not None:
                _add_paragraph_targets(plan, s, rule.id)
    return plans


def _judged(ctx: Context, s: dict):
    """(key, element, character range or None, paragraph range or None) of every span the rule judges —
    the walk of format.build's check, without the verdict."""
    select = compile_regex(s["select"], f"规则 {ctx.rule.id} 的 select") if s.get("select") else None
    skip = compile_regex(s["skip"], f"规则 {ctx.rule.id} 的 skip") if s.get("skip") else None
    for span in ctx.spans():
        block = ctx.draft.block(span.part, span.block)
        if not judged_block(block, s, skip):
            continue
        ranges = [judged_range(ctx, s, span, block, select, characters) for characters in (True, False)]
        if ranges[0] is not None or ranges[1] is not None:
            yield (span.part, span.block), span.element, ranges[0], ranges[1]


def _char_target(ctx: Context, s: dict, rule_id: str, start: int, end: int) -> CharTarget:
    family = s.get("font")
    fonts = F.font_table(ctx, s.get("aliases")) if family else None
    office = ctx.setting("fonts")
    font = preferred_font(family, s.get("aliases") or {}, office if isinstance(office, dict) else None) if family else None
    return CharTarget(rule_id, start, end, family=family, font=font, fonts=fonts, chars=s["chars"],
                      size=s.get("size"), size_tolerance=s["size_tolerance"], color=s.get("color"))


def _add_paragraph_targets(plan: BlockPlan, s: dict, rule_id: str) -> None:
    for aspect in PARAGRAPH_ASPECTS:
        value = s.get(aspect)
        if value is None or value == []:
            continue
        if aspect in plan.paragraph:
            if plan.paragraph[aspect].value != value:
                plan.overruled.append(rule_id)
            continue
        plan.paragraph[aspect] = ParagraphTarget(rule_id, value, s["indent_tolerance"])
