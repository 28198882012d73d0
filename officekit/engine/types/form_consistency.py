"""One form per class of things in one document (GB/T 15835-2011 4.3: 同类数字形式一致).

`forms` maps a form's name to a regex that finds it (e.g. 阿拉伯数字年份: \\d{4}年, 汉字数字年份:
[〇一二…]{4}年).  When a document uses more than one form, every occurrence of the less frequent
forms is reported (the majority form is what the document "means"); on a tie the form met first
wins.  The whole draft is read before anything is reported: this is a document-level check.
"""

from __future__ import annotations

import regex

from officekit.engine import matching
from officekit.engine.rule import Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "forms": Param("dict", required=True, doc="form name → regex; at least two forms"),
    "min_count": Param("int", default=1, doc="the majority form must occur at least this often"),
}


def build(rule: RuleSpec):
    forms = rule.params["forms"]
    if len(forms) < 2:
        raise RuleError("forms 至少要列出两种写法")
    try:
        compiled = {str(name): regex.compile(str(p)) for name, p in forms.items()}
    except regex.error as exc:
        raise RuleError(f"forms 中的正则表达式不合法：{exc}") from None
    min_count = int(rule.params.get("min_count") or 1)

    def check(ctx):
        seen: dict[str, list[tuple]] = {name: [] for name in compiled}
        for span in ctx.spans():
            for name, pattern in compiled.items():
                for m in matching.finditer(pattern, span.text):
                    seen[name].append((span.part, span.block, span.start + m.start(), span.start + m.end()))
        used = [name for name in compiled if seen[name]]
        if len(used) < 2:
            return
        first = {name: min(seen[name]) for name in used}
        major = max(used, key=lambda n: (len(seen[n]), tuple(-x if isinstance(x, int) else 0 for x in first[n])))
        if len(seen[major]) < min_count:
            return
        for name in used:
            if name == major:
                continue
            for part, block, start, end in seen[name]:
                yield Hit(part, block, start, end, vars={"form": name, "major": major, "count": len(seen[major])})

    return check
