"""leaders: a leader's name written with a title that is not theirs, from the office's own list.

    wordlist: leaders        # lines `姓名 职务[ 职务…]`, e.g. `张三 市长 市委副书记` (from the configuration)

Every title named anywhere in the list is a title this rule knows.  When a listed name stands right
after (市长张三) or right before (张三市长) a known title that is not one of that person's titles,
the title is reported and the person's titles are suggested.  Titles outside the list are not judged.
"""

from __future__ import annotations

from officekit.engine import matching, wordlists
from officekit.engine.rule import Context, Hit, RuleError, RuleSpec
from officekit.engine.types import Param

PARAMS = {
    "wordlist": Param("str", default="leaders", doc="word list of `姓名 职务 …` lines"),
}


def _people(lines: list[str], name: str) -> dict[str, tuple[str, ...]]:
    people: dict[str, tuple[str, ...]] = {}
    for line in lines:
        parts = line.replace("\u3000", " ").split()
        if len(parts) < 2:
            raise RuleError(f"词表 {name} 的行应为“姓名 职务”：{line}")
        people[parts[0]] = people.get(parts[0], ()) + tuple(parts[1:])
    return people


def build(rule: RuleSpec):
    name = rule.params["wordlist"]

    @wordlists.per_config
    def table(ctx: Context):
        people = _people(ctx.wordlist(name), name)
        titles = {t for ts in people.values() for t in ts}
        return people, matching.literal_alternation(people), sorted(titles, key=len, reverse=True)

    def check(ctx: Context):
        people, pattern, titles = table(ctx)
        if pattern is None:
            return
        for span in ctx.spans():
            text = span.text
            for m in matching.finditer(pattern, text):
                own = people[m.group(0)]
                after = next((t for t in titles if text.startswith(t, m.end())), None)
                before = next((t for t in titles if text.endswith(t, 0, m.start())), None)
                for title, start in ((after, m.end()), (before, m.start() - len(before or ""))):
                    if title is None or title in own:
                        continue
                    # 副市长 ends with 市长: a shorter own title inside a longer wrong one is still wrong,
                    # but a longer own title that contains the found one is right (常务副市长 ⊃ 副市长)
                    if any(o.endswith(title) and text.endswith(o, 0, start + len(title)) for o in own):
                        continue
                    yield Hit(span.part, span.block, span.start + start, span.start + start + len(title),
                              suggestion="、".join(own),
                              vars={"expected": "、".join(own), "name": m.group(0), "title": title})

    return check
