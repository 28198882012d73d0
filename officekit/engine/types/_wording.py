"""Wording that lives in the rule file.

A check that can find several different things wrong (a page number written 第N页, one without its
dashes, one typed instead of a PAGE field) names each case, and the rule's YAML holds the sentence for
every case under `wording:` with the {fields} the check fills.  So every sentence a secretary reads is
in YAML, and an office rewords any of them with `override: {F062: {wording: {page_word: …}}}`.

    wording:
      page_word: 页码不用“第N页”的形式（此处为“{text}”）
      no_dashes: 页码两侧应各有一条一字线“—”（此处只有数字）
"""

from __future__ import annotations

from typing import Iterable

from officekit.engine import matching
from officekit.engine.rule import Context, RuleError, RuleSpec
from officekit.engine.types import Param

WORDING = Param("dict", default={}, doc="case → the sentence reported for it ({fields} filled by the check)")


def require(rule: RuleSpec, cases: Iterable[str]) -> None:
    """At load time: the rule's `wording` has a sentence for every case its check can report."""
    wording = rule.params.get("wording") or {}
    missing = [case for case in cases if not isinstance(wording.get(case), str)]
    if missing:
        raise RuleError(f"规则 {rule.id} 的 wording 缺少这些情形的说法：{'、'.join(missing)}")
    unknown = sorted(set(wording) - set(cases))
    if unknown:
        raise RuleError(f"规则 {rule.id} 的 wording 中 {'、'.join(unknown)} 不是它会报告的情形（{'、'.join(cases)}）")


def say(ctx: Context, case: str, **values) -> str:
    """The rule's sentence for `case` (as reworded by the office, if it was), its fields filled."""
    return matching.fill(ctx.rule.params["wording"][case], values) or ""
