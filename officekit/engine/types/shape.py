"""shape: the whole element must have one form; common wrong forms get a targeted message and fix.

    must_match: '\\S+〔\\d{4}〕[1-9]\\d*号'     # the right form (matched against the whole text)
    hints:                                    # tried in order; every hint that applies is used
      - when: '[\\[［【(（](\\d{4})[\\]］】)）]'   # a wrong form (searched)
        say: 年份应使用六角括号〔〕               # message for it (the first applying hint speaks)
        fix: '〔\\1〕'                           # replacement of `when` (optional)
        safe: true                             # the replacement is mechanical (optional)
    join: true      # judge all spans of the element as one text (a title over several lines)

When the fixes of the applying hints together turn the text into the right form, that result is the
suggestion (and the fix: safe when every applied hint is safe).
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "must_match": Param("regex", required=True),
    "hints": Param("list", default=[]),
    "join": Param("bool", default=False),
    "strip": Param("bool", default=True, doc="ignore white space around the text"),
}
HINT_KEYS = {"when", "say", "fix", "safe"}


def build(rule: RuleSpec):
    p = rule.params
    right = compile_regex(p["must_match"], f"规则 {rule.id} 的 must_match")
    hints = []
    for i, h in enumerate(p["hints"] or [], 1):
        if not isinstance(h, dict) or "when" not in h or set(h) - HINT_KEYS:
            raise RuleError(f"规则 {rule.id} 的第 {i} 个 hint 应为含 when（及 say/fix/safe）的映射")
        hints.append((compile_regex(str(h["when"]), f"规则 {rule.id} 的 hint {i}"), h.get("say"), h.get("fix"),
                      bool(h.get("safe"))))

    def judge(text: str):
        """None when the text has the right form, else (message, suggestion, safe)."""
        if matching.fullmatch(right, text):
            return None
        message, fixed, safe, applied = None, text, True, False
        for when, say, fix, hint_safe in hints:
            if not matching.search(when, fixed):
                continue
            if message is None and say:
                message = str(say)
            if fix is not None:
                fixed = matching.sub(when, str(fix), fixed)
                safe = safe and hint_safe
                applied = True
        suggestion = fixed if applied and fixed != text and matching.fullmatch(right, fixed) else None
        return message, suggestion, safe and suggestion is not None

    def check(ctx: Context):
        spans = list(ctx.spans())
        if p["join"]:
            groups: dict[str, list] = {}
            for s in spans:
                groups.setdefault(s.element, []).append(s)
            units = [(g, "".join(s.text for s in g)) for g in groups.values()]
        else:
            units = [([s], s.text) for s in spans]
        for group, text in units:
            body = text.strip() if p["strip"] else text
            verdict = judge(body)
            if verdict is None:
                continue
            message, suggestion, safe = verdict
            if len(group) == 1:
                s = group[0]
                lead = len(s.text) - len(s.text.lstrip()) if p["strip"] else 0
                start, end = s.start + lead, s.start + lead + len(body)
                yield Hit(s.part, s.block, start, end, message=message and _with_match(message, body),
                          suggestion=suggestion, fix=suggestion, safe=safe, element=s.element,
                          vars={"expected": suggestion or ""})
            else:  # a joined element: point at its last line, suggest without an automatic fix
                s = group[-1]
                yield Hit(s.part, s.block, s.start, s.end, message=message and _with_match(message, body),
                          suggestion=suggestion, element=s.element, vars={"match": body, "expected": suggestion or ""})

    return check


def _with_match(message: str, text: str) -> str:
    return matching.fill(message, {"match": text}) or message


