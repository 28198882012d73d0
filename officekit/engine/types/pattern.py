"""pattern: flag every match of a regular expression, optionally with its correction.

    forbid: '(\\d{4})年0(\\d)月'      # what is wrong; named groups become message variables
    replace: '\\1年\\2月'            # the fix, as a regex replacement of the match (optional)
    translate: {",": "，"}           # or: the fix looked up by the whole matched text (optional)
    swap: {零: 〇}                   # characters to swap in the fix (or in the match when there is no
                                    # `replace`): a mapping a template cannot express (optional)
    unless: '〔\\d{4}〕'              # skip a span whose text contains this (optional)
    protect: [url, email]           # stretches where it must not fire (see below; default none)
    exclude: ['一、二年级']           # the rule's own protected stretches, as regexes (optional)
    unless_between: [n, s, j]       # skip a match whose neighbouring words both carry one of these
                                    # part-of-speech tags (jieba; a tag covers its longer forms: n → ns)
    safe: true                      # the fix is mechanical: `officekit fix` may apply it

Protected kinds: url, email, docnumber (发文字号), domain (gov.cn, 附件.docx), code (literal values in a
technical appendix).  A match overlapping a protected stretch or an `exclude` match is skipped.

The message and suggestion can use {match}, {expected} and {fixed} (the fix), {g1}, {g2}… and named
groups.  The rule's own `suggestion` is shown when it has one; otherwise the fix is the suggestion.

Alias `guarded` (the punctuation and number rules): its key `pattern:` is `forbid:`, its `translate:`
is `swap:`, and `protect` defaults to every protected kind.
"""

from __future__ import annotations

import regex

from officekit.engine import matching
from officekit.engine.loader import compile_regex
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Alias, Param
from officekit.engine.types._cjk import PROTECTED_KINDS, inside, protected_spans

PARAMS = {
    "forbid": Param("regex", required=True, doc="regular expression of what is wrong; named groups become message variables"),
    "replace": Param("str", doc="replacement template for the match (\\1 and \\g<name> refer to groups)"),
    "translate": Param("dict", doc="matched text → replacement"),
    "swap": Param("dict", default={}, doc="single characters to swap in the fix (or the match), e.g. 零: 〇"),
    "unless": Param("regex", doc="skip spans whose text contains a match of this"),
    "protect": Param("list", default=[], doc=f"protected stretches: {', '.join(PROTECTED_KINDS)}"),
    "exclude": Param("list", default=[], doc="regexes: a match overlapping one of their matches is ignored"),
    "safe": Param("bool", default=False, doc="the replacement may be applied without review"),
    "unless_between": Param("list", default=[], doc="part-of-speech tags: skip a match between two words that both carry one (n covers ns, nr…)"),
}

ALIASES = {
    "guarded": Alias(keys={"pattern": "forbid", "translate": "swap"}, defaults={"protect": list(PROTECTED_KINDS)},
                     doc="punctuation and number forms: protects URLs, e-mail addresses, 发文字号… by default"),
}


def build(rule: RuleSpec):
    p = rule.params
    forbid = compile_regex(p["forbid"], f"规则 {rule.id} 的 forbid")
    unless = compile_regex(p["unless"], f"规则 {rule.id} 的 unless") if p.get("unless") else None
    try:
        excludes = [regex.compile(x) for x in p.get("exclude") or []]
    except regex.error as exc:
        raise RuleError(f"规则 {rule.id} 的 exclude 不是合法的正则表达式：{exc}") from None
    protect = tuple(p.get("protect") or ())
    unknown = set(protect) - set(PROTECTED_KINDS)
    if unknown:
        raise RuleError(f"protect 只能是 {', '.join(PROTECTED_KINDS)}，不能是 {', '.join(sorted(unknown))}")
    replace, translate = p.get("replace"), p.get("translate")
    if replace is not None and translate is not None:
        raise RuleError(f"规则 {rule.id} 不能同时有 replace 和 translate")
    swap = p.get("swap") or {}
    if not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in swap.items()):
        raise RuleError("swap（guarded 规则的 translate）的每一项应为“单个字符: 替换文字”")
    if translate is not None and swap:
        raise RuleError(f"规则 {rule.id} 不能同时有 translate 和 swap")
    table = str.maketrans(dict(swap)) if swap else None
    safe = bool(p.get("safe"))
    between_tags = tuple(p.get("unless_between") or ())
    if not all(isinstance(t, str) and t for t in between_tags):
        raise RuleError(f"规则 {rule.id} 的 unless_between 应为词性标记的列表（如 [n, s, j]）")
    fix_is_suggestion = rule.suggestion is None  # a rule that writes its own suggestion keeps it

    def correction(m) -> str | None:
        if replace is not None:
            fixed = m.expand(replace)
        elif translate is not None:
            fixed = translate.get(m.group(0))
        else:
            fixed = None
        if table is not None:
            fixed = (fixed if fixed is not None else m.group(0)).translate(table)
        return fixed

    def check(ctx: Context):
        for span in ctx.spans():
            text = span.text
            if unless is not None and matching.search(unless, text):
                continue
            zones = None
            for m in matching.finditer(forbid, text):
                if m.end() == m.start():
                    continue
                if protect or excludes:
                    if zones is None:  # computed lazily: most blocks have no match at all
                        zones = protected_spans(text, protect)
                        for x in excludes:
                            zones += [(e.start(), e.end()) for e in matching.finditer(x, text)]
                    if inside(zones, m.start(), m.end()):
                        continue
                if between_tags and _between_tagged_words(ctx, span, m, between_tags):
                    continue
                fixed = correction(m)
                values = {f"g{i}": g for i, g in enumerate(m.groups(), 1) if g is not None}
                values.update((k, v) for k, v in m.groupdict().items() if v is not None)
                values["expected"] = fixed or ""
                if fixed is not None:
                    values["fixed"] = fixed
                yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(),
                          suggestion=fixed if fix_is_suggestion else None, fix=fixed,
                          safe=safe and fixed is not None, vars=values)

    return check


def _between_tagged_words(ctx: Context, span, m, tags: tuple[str, ...]) -> bool:
    """True when the word ending where the match starts and the word starting where it ends both carry
    one of `tags`: a mark between two nouns (中国—东盟, 兰州—西宁) links them, it is no dash."""
    start, end = span.start + m.start(), span.start + m.end()
    try:
        words = ctx.tokens(span.part, span.block)
    except RuleError:  # past the draft's segmentation budget: judge by the pattern alone, as before
        return False
    before = after = None
    for word, tag, offset in words:
        if offset + len(word) == start:
            before = tag
        elif offset == end:
            after = tag
            break
    return before is not None and after is not None and before.startswith(tags) and after.startswith(tags)
