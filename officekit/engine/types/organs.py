"""organs: the organ names listed in 主送机关 / 抄送机关, one by one.

    max_names: 1                      # more names than this: flag the first name over the limit
    forbid: '(?:书记|局长|领导)$'        # a name that matches (searched) is flagged
    forbid_wordlist: lower_organs     # a name that starts with an entry of this word list is flagged
    only_wordlist: superior_organs    # when the list has entries, a name not starting with one is flagged
    also_allowed: [higher_organs]     # … unless it starts with an entry of one of these lists

The list is split at 、，； outside brackets (各县（市、区）人民政府 stays one name); the label 「抄送：」 and
the closing mark are dropped.  The message can use {name}, {count} and {max}.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._organs import names_in, normalise

PARAMS = {
    "max_names": Param("int"),
    "forbid": Param("regex"),
    "forbid_wordlist": Param("str"),
    "only_wordlist": Param("str"),
    "also_allowed": Param("list", default=[], doc="more word lists whose organs only_wordlist accepts"),
}


def build(rule: RuleSpec):
    p = rule.params
    if not any(p.get(k) is not None for k in PARAMS):
        raise RuleError(f"规则 {rule.id} 需要 max_names、forbid、forbid_wordlist 或 only_wordlist 之一")
    forbid = compile_regex(p["forbid"], f"规则 {rule.id} 的 forbid") if p.get("forbid") else None

    def starts_with_any(name: str, entries: list[str]) -> str | None:
        flat = normalise(name)
        return next((e for e in entries if flat == e or flat.startswith(e)), None)

    def hit(name, **vars_):
        return Hit(name.span.part, name.span.block, name.start, name.end, element=name.span.element,
                   vars={"name": name.text, "match": name.text, **vars_})

    def check(ctx: Context):
        names = [n for s in ctx.spans() for n in names_in(s)]
        if p.get("max_names") is not None and len(names) > p["max_names"]:
            yield hit(names[p["max_names"]], count=len(names), max=p["max_names"])
        lower = [normalise(e) for e in ctx.wordlist(p["forbid_wordlist"])] if p.get("forbid_wordlist") else []
        allowed = [normalise(e) for e in ctx.wordlist(p["only_wordlist"])] if p.get("only_wordlist") else []
        if allowed:
            allowed += [normalise(e) for name in p["also_allowed"] for e in ctx.wordlist(name)]
        for name in names:
            if forbid is not None and matching.search(forbid, name.text):
                yield hit(name)
            elif lower and starts_with_any(name.text, lower):
                yield hit(name)
            elif allowed and not starts_with_any(name.text, allowed):
                yield hit(name)

    return check
