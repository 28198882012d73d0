"""presence: which 要素 a draft must (or must not) have, given the others.

    require: [签发人]          # all of these must be present …
    forbid: [签发人]           # … none of these may be present
    when_present: [发文字号]    # only judge drafts that have all of these (e.g. a 版头)
    when_text: '绝密|机密|秘密'  # … and whose first when_present element contains this (optional)
    anchor: [发文字号, 标题]     # where a missing element is reported: the first of these found
    anchor_at: last            # … on its last line (a title over two lines: the 主送 would follow it)
    when_main_to: superior_organs  # only judge drafts whose 主送 names an organ of this word list (an
                                   # office's configuration; nothing is judged while the list is empty)
    except_doctypes: [请示, 报告]  # not these 文种 (another rule already judges them)
    when_match: {附注: '公开发布'}    # only drafts where each of these elements' text has a match
    unless_match: {附注: '公开发布'}  # not drafts where one of these elements' text has a match

With `doctype:`/`direction:` on the rule this says e.g. 「上行文应标注签发人」 (条例 第九条（六）).
A missing element is a finding on that element (a 上行文 without 签发人 is about the 签发人, a 密级
without 份号 about the 份号), placed at the anchor; a forbidden element is reported where it stands.
The message can use {element}, and {name} (the 主送 organ found in the list) with `when_main_to`.
"""

from __future__ import annotations

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._organs import listed, names_of, normalise
from officekit.structure.model import ELEMENTS

PARAMS = {
    "require": Param("list", default=[]),
    "forbid": Param("list", default=[]),
    "when_present": Param("list", default=[]),
    "when_text": Param("regex"),
    "anchor": Param("list", default=["标题"]),
    "anchor_at": Param("str", default="first", choices=("first", "last"),
                       doc="which line of a multi-line anchor: last, where what is missing would follow it"),
    "when_main_to": Param("str", doc="word list of organs; judge only drafts whose 主送 names one of them"),
    "except_doctypes": Param("list", default=[], doc="文种 this rule does not judge"),
    "when_match": Param("dict", default={}, doc="element → regex: judge only drafts where every one matches"),
    "unless_match": Param("dict", default={}, doc="element → regex: drafts where one matches are not judged"),
}


def build(rule: RuleSpec):
    p = rule.params
    for key in ("require", "forbid", "when_present", "anchor"):
        for e in p[key]:
            if e not in ELEMENTS:
                raise RuleError(f"规则 {rule.id} 的 {key} 中 {e!r} 不是公文要素")
    if not p["require"] and not p["forbid"]:
        raise RuleError(f"规则 {rule.id} 需要 require 或 forbid")
    when_text = compile_regex(p["when_text"], f"规则 {rule.id} 的 when_text") if p.get("when_text") else None
    if when_text is not None and not p["when_present"]:
        raise RuleError(f"规则 {rule.id} 的 when_text 需要 when_present")
    when_match = _element_patterns(rule, "when_match")
    unless_match = _element_patterns(rule, "unless_match")

    def check(ctx: Context):
        draft = ctx.draft
        if draft.doctype in p["except_doctypes"]:
            return
        if not all(draft.has(e) for e in p["when_present"]):
            return
        if when_text is not None and not matching.search(when_text, draft.first(p["when_present"][0]).text):
            return
        if not all(matching.search(rx, _text_of(draft, e)) for e, rx in when_match.items()):
            return
        if any(matching.search(rx, _text_of(draft, e)) for e, rx in unless_match.items()):
            return
        extra: dict[str, str] = {}
        if p.get("when_main_to"):
            organs = [normalise(e) for e in ctx.wordlist(p["when_main_to"])]
            named = next((n for n in names_of(draft, "主送机关") if listed(n.text, organs)), None)
            if named is None:
                return
            extra["name"] = named.text
        for element in p["require"]:
            if draft.has(element):
                continue
            where = next((draft.all(a)[0 if p["anchor_at"] == "first" else -1] for a in p["anchor"] if draft.has(a)),
                         None)
            if where is None:
                first = next((b for b in draft.document.body if b.text.strip()), None)
                if first is None:
                    return
                yield Hit("body", first.index, 0, len(first.text), element=element, vars={"element": element, **extra})
            else:
                yield Hit(where.part, where.block, where.start, where.end, element=element,
                          vars={"element": element, **extra})
        for element in p["forbid"]:
            s = draft.first(element)
            if s is not None:
                yield Hit(s.part, s.block, s.start, s.end, element=s.element, vars={"element": element})

    return check


def _element_patterns(rule: RuleSpec, key: str) -> dict:
    compiled = {}
    for element, regex in rule.params[key].items():
        if element not in ELEMENTS:
            raise RuleError(f"规则 {rule.id} 的 {key} 中 {element!r} 不是公文要素")
        compiled[element] = compile_regex(str(regex), f"规则 {rule.id} 的 {key}.{element}")
    return compiled


def _text_of(draft, element: str) -> str:
    """All the text of an element (a 附注 or 主送 may run over several lines); empty when absent."""
    return "\n".join(s.text for s in draft.all(element))
