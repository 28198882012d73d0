"""confusable: a word that is right in one context and wrong in another, decided by its neighbours.

    cases:
      - word: 截止                      # the form to check (literal)
        right: 截至                     # what to write instead in this context
        followed_by: '目前|今年|\\d'     # regex the text right after the word must start with (optional)
        preceded_by: '…'                # regex the text right before the word must end with (optional)
        not_followed_by: '日期|时间'     # the case does not apply when this follows (optional)
        not_preceded_by: '…'            # … or this precedes (optional)
        next_pos: [v, vn]               # jieba part of speech of the next word (optional; loads jieba)
        reason: 表示“到某时为止”用“截至”
        severity: info                  # optional, may only lower the rule's severity

A case applies when every condition it names holds; a case without conditions always applies
(其它 → 其他).  The word itself must be a word of its own in the segmentation when `next_pos` is
used.  An office adds cases by writing a rule of its own with this type in its configuration.
The message can use {match}, {expected} and {reason}.
"""

from __future__ import annotations

import bisect

import regex

from officekit.engine import matching
from officekit.engine.finding import SEVERITIES
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._words import dictionary_words, split_by_other_word


PARAMS = {
    "cases": Param("list", required=True, doc="list of {word, right, conditions…, reason}"),
    "fix": Param("bool", default=False, doc="offer `right` as a replacement (never safe: it is a judgement)"),
    "segmentation": Param("bool", default=False, doc="skip a match that is only part of another word"),
}

CASE_KEYS = {"word", "right", "followed_by", "preceded_by", "not_followed_by", "not_preceded_by", "next_pos",
             "reason", "severity"}
LOOK = 12  # characters of context the conditions see on each side


class Case:
    def __init__(self, raw: dict, rule_id: str):
        unknown = set(raw) - CASE_KEYS
        if unknown or "word" not in raw or "right" not in raw:
            raise RuleError(f"规则 {rule_id} 的 cases 每项需要 word 和 right，可选 {', '.join(sorted(CASE_KEYS))}"
                            + (f"；未知的键：{', '.join(sorted(unknown))}" if unknown else ""))
        self.word, self.right = str(raw["word"]), str(raw["right"])
        self.reason = str(raw.get("reason", ""))
        self.severity = raw.get("severity")
        if self.severity is not None and self.severity not in SEVERITIES:
            raise RuleError(f"规则 {rule_id} 的 cases 中 severity 应为 {'/'.join(SEVERITIES)} 之一")
        self.after = self._compile(raw, "followed_by", rule_id, anchor="^")
        self.before = self._compile(raw, "preceded_by", rule_id, anchor="$")
        self.not_after = self._compile(raw, "not_followed_by", rule_id, anchor="^")
        self.not_before = self._compile(raw, "not_preceded_by", rule_id, anchor="$")
        pos = raw.get("next_pos")
        self.next_pos = tuple(pos) if isinstance(pos, list) else ((pos,) if pos else ())

    @staticmethod
    def _compile(raw: dict, key: str, rule_id: str, anchor: str):
        if not raw.get(key):
            return None
        body = f"(?:{raw[key]})"
        try:
            return regex.compile("^" + body if anchor == "^" else body + "$")
        except regex.error as exc:
            raise RuleError(f"规则 {rule_id} 的 {key} 不是合法的正则表达式：{exc}") from None

    def applies(self, ctx: Context, part: str, block: int, text: str, start: int, end: int) -> bool:
        after, before = text[end:end + LOOK], text[max(0, start - LOOK):start]
        if self.after and not matching.search(self.after, after):
            return False
        if self.before and not matching.search(self.before, before):
            return False
        if self.not_after and matching.search(self.not_after, after):
            return False
        if self.not_before and matching.search(self.not_before, before):
            return False
        if self.next_pos:
            following = next_word(ctx, part, block, end)
            if following is None or not following[1].startswith(self.next_pos):
                return False
        return True


def next_word(ctx: Context, part: str, block: int, end: int) -> tuple[str, str] | None:
    """The first word (and its part of speech) that starts at or after offset `end`, found by bisection:
    a paragraph full of candidates must not be rescanned for each (18,000 characters took 18 s)."""
    tokens = ctx.tokens(part, block)
    first = bisect.bisect_left(tokens, end, key=lambda t: t[2])
    return next(((w, f) for w, f, _ in tokens[first:] if w.strip()), None)


def build(rule: RuleSpec):
    p = rule.params
    cases_by_word: dict[str, list[Case]] = {}
    for raw in p["cases"]:
        if not isinstance(raw, dict):
            raise RuleError(f"规则 {rule.id} 的 cases 每项应为一个映射")
        case = Case(raw, rule.id)
        cases_by_word.setdefault(case.word, []).append(case)
    pattern = matching.literal_alternation(cases_by_word)

    def check(ctx: Context):
        for span in ctx.spans():
            text = ctx.block_text(span.part, span.block)
            for m in matching.finditer(pattern, span.text):
                start, end = span.start + m.start(), span.start + m.end()
                for case in cases_by_word[m.group(0)]:
                    if not case.applies(ctx, span.part, span.block, text, start, end):
                        continue
                    if p["segmentation"] and split_by_other_word(dictionary_words(ctx, span.part, span.block), start, end):
                        break
                    yield Hit(span.part, span.block, start, end, suggestion=case.right,
                              fix=case.right if p["fix"] else None, severity=case.severity,
                              vars={"expected": case.right, "reason": case.reason})
                    break

    return check
