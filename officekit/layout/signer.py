"""The 签发人 of a 上行文 (GB/T 9704-2012 7.2.6): 居右空一字, when the signer rule (type placement,
check: signer) finds it elsewhere and the line holds the 签发人 alone — a line shared with the 发文字号
is placed with spaces or a tab, which layout cannot move without touching the text.
"""

from __future__ import annotations

from officekit.engine.rule import Context, RuleSpec
from officekit.engine.runner import applies as rule_applies
from officekit.engine.types import _format as F
from officekit.structure.model import Draft

SIGNER_RIGHT = 1  # 字: 签发人居右空一字


def signer_edit(draft: Draft, rules: list[RuleSpec], config, skip_blocks: set) -> tuple[int, float, str] | None:
    """(body block, 字 from the right, rule id) for a 签发人 line to right-align, or None."""
    for rule in rules:
        if rule.type != "placement" or rule.params.get("check") != "signer" or not rule_applies(rule, draft):
            continue
        ctx = Context(draft, rule, config, {})
        if not F.applies(ctx, F.Settings.of(ctx)):
            continue
        for hit in rule.check(ctx):
            block = draft.block("body", hit.block)
            elements = {s.element for s in draft.elements_of_block("body", hit.block)}
            if elements != {"签发人"} or ("body", hit.block) in skip_blocks or block.container != "body" \
                    or "\t" in block.text or "\n" in block.text:
                return None
            return hit.block, SIGNER_RIGHT, rule.id
    return None
