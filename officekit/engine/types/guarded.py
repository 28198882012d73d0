"""A regular expression with protected stretches and a replacement template.

For punctuation and number forms: the pattern says what is wrong, `protect` names stretches where it
must not fire (URLs, e-mail addresses, 发文字号, domain and file names), `exclude` adds the rule's own
protected stretches (e.g. "一、二年级", where the 顿号 is correct), and `replace` turns a match into
the correction with group references (\\1, \\g<name>).  Named groups become message variables, and
`{fixed}` is the expanded replacement.  `translate` swaps single characters in the replacement (or in
the match when there is no template): a mapping a template cannot express, like 零→〇 in a year.

`safe: true` marks the replacement as mechanical (applied by `officekit fix` without asking); keep it
false for anything that needs a human reading the sentence.
"""

from __future__ import annotations

import regex

from officekit.engine import matching
from officekit.engine.rule import Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._cjk import PROTECTED_KINDS, inside, protected_spans

PARAMS = {
    "pattern": Param("regex", required=True, doc="what is wrong; named groups become message variables"),
    "replace": Param("str", doc="replacement template for the match (\\1, \\g<name>); omitted = no fix"),
    "translate": Param("dict", default={}, doc="characters to swap in the (expanded) match, e.g. 零: 〇"),
    "safe": Param("bool", default=False, doc="the replacement is mechanical and may be applied unasked"),
    "protect": Param("list", default=list(PROTECTED_KINDS), doc=f"protected stretches: {', '.join(PROTECTED_KINDS)}"),
    "exclude": Param("list", default=[], doc="regexes: a match overlapping one of their matches is ignored"),
}


def build(rule: RuleSpec):
    p = rule.params
    try:
        pattern = regex.compile(p["pattern"])
        excludes = [regex.compile(x) for x in p.get("exclude") or []]
    except regex.error as exc:
        raise RuleError(f"正则表达式不合法：{exc}") from None
    protect = tuple(p.get("protect") or ())
    unknown = set(protect) - set(PROTECTED_KINDS)
    if unknown:
        raise RuleError(f"protect 只能是 {', '.join(PROTECTED_KINDS)}，不能是 {', '.join(sorted(unknown))}")
    replace = p.get("replace")
    translate = p.get("translate") or {}
    if not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in translate.items()):
        raise RuleError("translate 的每一项应为“单个字符: 替换文字”")
    table = str.maketrans(dict(translate)) if translate else None
    safe = bool(p.get("safe"))
    def check(ctx):
        for span in ctx.spans():
            text = span.text
            zones = None
            for m in matching.finditer(pattern, text):
                if m.end() == m.start():
                    continue
                if zones is None:  # computed lazily: most blocks have no match at all
                    zones = protected_spans(text, protect)
                    for x in excludes:
                        zones += [(e.start(), e.end()) for e in matching.finditer(x, text)]
                if inside(zones, m.start(), m.end()):
                    continue
                values = {k: v for k, v in m.groupdict().items() if v is not None}
                fixed = m.expand(replace) if replace is not None else None
                if table is not None:
                    fixed = (fixed if fixed is not None else m.group(0)).translate(table)
                if fixed is not None:
                    values["fixed"] = fixed
                yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(), vars=values,
                          fix=fixed, safe=safe and fixed is not None)

    return check
