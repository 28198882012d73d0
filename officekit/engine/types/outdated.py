"""outdated: names of organs that no longer exist, unless the sentence is plainly about the past.

    wordlist: outdated_organs     # lines `old name->successor, year`
    historical: '原|时任|曾任|前身|当时|更名|改为|组建|撤销|不再保留|合并|划入|整合'
                                  # words that make a sentence historical (regex, optional)

A name is reported with its successor and the year it changed, except when the same sentence
(between 。；！？ or line ends) says it is history: "原农业部", a year before the change
("2016年农业部印发…"), or one of the `historical` words — nor in a draft dated (成文日期, else the
发文字号's year) before the change: the organ had that name when the document was written.  Longer names win (国家环境保护总局 over
环境保护部); a name inside a current name (建设部 in 住房和城乡建设部: the successors of the list
and the rule's `current` names) or followed by 门/署/… (交通部门) is not an old name.
"""

from __future__ import annotations

import regex

from officekit.engine import matching, wordlists
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param
from officekit.engine.types._history import sentence_around

PARAMS = {
    "wordlist": Param("str", required=True, doc="word list of `old->successor, year` lines"),
    "historical": Param("regex", default="原|时任|曾任|前身|当时|更名|改为|改建|组建|撤销|不再保留|合并|划入|整合|历史",
                        doc="words that mark a sentence as historical"),
    "current": Param("list", default=[], doc="current names that contain an old one (住房城乡建设部 ⊃ 建设部)"),
}

YEAR = regex.compile(r"((?:19|20)\d\d)\s*年")
# Characters that, right after a name, make it part of a longer current name (农业部 → 农业农村部 is
# protected by longest-first; 交通部门 is "the transport departments", not the ministry).
CONTINUES = "门际署长委级属内外分"
# …but 分别/分工 after a name start the next words: 工商总局分别牵头 names the 总局 itself.
NOT_CONTINUING = ("分别", "分工")


def build(rule: RuleSpec):
    p = rule.params
    historical = regex.compile(p["historical"]) if p.get("historical") else None

    @wordlists.per_config
    def table(ctx: Context):
        entries = {}
        for line in ctx.wordlist(p["wordlist"]):
            try:
                old, successor, year = matching.parse_pair(line)
                entries[old] = (successor, int(year))
            except ValueError:
                raise RuleError(f"词表 {p['wordlist']} 的行应为“旧名称->现名称, 年份”：{line}") from None
        # a successor named in the list, or a current name given by the rule, may contain an old
        # name (住房和城乡建设部 ⊃ 建设部): text covered by one of them is not an old name
        current = {str(c) for c in p.get("current") or []}
        for successor, _ in entries.values():
            current.update(x for x in regex.split(r"[、（）()，,]|等$", successor) if len(x) > 2)
        return (entries, matching.literal_alternation(entries),
                matching.literal_alternation(c for c in current if c not in entries))

    def check(ctx: Context):
        entries, pattern, current = table(ctx)
        if pattern is None:
            return
        written = _year_written(ctx.draft)
        for span in ctx.spans():
            text = span.text
            covered = ([(c.start(), c.end()) for c in current.finditer(text, overlapped=True)]
                       if current is not None else [])
            for m in matching.finditer(pattern, text):
                if any(a <= m.start() and m.end() <= b for a, b in covered):
                    continue
                after = text[m.end():m.end() + 1]
                if after and after in CONTINUES and not text.startswith(NOT_CONTINUING, m.end()):
                    continue
                successor, year = entries[m.group(0)]
                if written is not None and written < year:
                    continue  # a document dated before the change named the organ as it then was
                sentence = sentence_around(text, m.start(), m.end())
                if _is_historical(sentence, text[:m.start()], year, historical):
                    continue
                yield Hit(span.part, span.block, span.start + m.start(), span.start + m.end(),
                          suggestion=successor, vars={"expected": successor, "year": year})

    return check


def _is_historical(sentence: str, before: str, year: int, historical) -> bool:
    if before.endswith("原"):
        return True
    if historical is not None and matching.search(historical, sentence):
        return True
    return any(int(y) < year for y in YEAR.findall(sentence))


def _year_written(draft) -> int | None:
    """The year the draft is dated (its 成文日期, else its 发文字号's year), if it says."""
    dated = draft.date_of("成文日期")
    if dated is not None:
        return dated[1].day.year
    zihao = draft.zihao()
    year = zihao[1].year if zihao is not None else None
    return year if year is not None and year >= 1900 else None
