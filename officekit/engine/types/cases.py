"""cases: an element's text read against an ordered list of known shapes, the first that applies decides.

    cases:
      - ok: '(?:绝密|机密|秘密)★[1-9]\\d*年'        # the right shapes (whole text), no finding
      - when: '^(绝密|机密|秘密)$'                   # a known wrong shape (searched)
        say: 未标保密期限……                          # its message ({match}, {g1}… from the match)
        severity: warning                          # lower than the rule's severity for this shape
        fix: '\\1★10年'                            # replacement of `when` in the text (optional)
        safe: false
    otherwise: true      # text that no case names gets the rule's own message (default true)
    join: false          # judge all spans of the element as one text

Where `shape` knows one right form and stacks hints, `cases` suits an element with several right forms
and wrong forms that need different severities (密级: a missing period is a warning, 「内部」 an error).
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "cases": Param("list", required=True),
    "otherwise": Param("bool", default=True, doc="flag text no case names, with the rule's message"),
    "join": Param("bool", default=False),
}
_KEYS = {"ok", "when", "say", "severity", "fix", "safe"}


def build(rule: RuleSpec):
    cases = []
    for i, c in enumerate(rule.params["cases"], 1):
        if not isinstance(c, dict) or set(c) - _KEYS or ("ok" in c) == ("when" in c):
            raise RuleError(f"规则 {rule.id} 的第 {i} 个 case 应含 ok 或 when（及 say/severity/fix/safe）")
        if c.get("severity") not in (None, "error", "warning", "info"):
            raise RuleError(f"规则 {rule.id} 的第 {i} 个 case 的 severity 应为 error/warning/info")
        pattern = compile_regex(str(c.get("ok") or c.get("when")), f"规则 {rule.id} 的 case {i}")
        cases.append((pattern, c))

    def decide(text: str):
        """None (fine or unknown and not flagged) or (message, severity, suggestion, safe)."""
        for pattern, c in cases:
            if "ok" in c:
                if matching.fullmatch(pattern, text):
                    return None
                continue
            m = matching.search(pattern, text)
            if m is None:
                continue
            values = {"match": text, **{f"g{k}": g for k, g in enumerate(m.groups(), 1) if g is not None}}
            fixed = matching.sub(pattern, str(c["fix"]), text) if c.get("fix") is not None else None
            return (matching.fill(c.get("say"), values), c.get("severity"), fixed if fixed != text else None,
                    bool(c.get("safe")))
        return (None, None, None, False) if rule.params["otherwise"] else None

    def check(ctx: Context):
        spans = list(ctx.spans())
        if rule.params["join"] and spans:
            units = [(spans, "".join(s.text for s in spans))]
        else:
            units = [([s], s.text) for s in spans]
        for group, text in units:
            body = text.strip()
            if not body:
                continue
            verdict = decide(body)
            if verdict is None:
                continue
            message, severity, suggestion, safe = verdict
            s = group[-1] if len(group) > 1 else group[0]
            if len(group) == 1:
                lead = len(s.text) - len(s.text.lstrip())
                start, end = s.start + lead, s.start + lead + len(body)
                fix = suggestion
            else:  # a joined element: point at its last line, no automatic fix
                start, end, fix = s.start, s.end, None
            yield Hit(s.part, s.block, start, end, message=message, suggestion=suggestion, fix=fix,
                      safe=safe and fix is not None, element=s.element, severity=severity, vars={"match": body})

    return check
