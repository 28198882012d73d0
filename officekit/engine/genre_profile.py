"""Judge a draft as what it is: the 公文-only rules stand aside for a draft that is not a 公文.

A 转正申请, a 工作总结 or a tender file is proof-read (文字关, and the wording rules of the 政策关 that hold
for any official writing), but GB/T 9704 layout and the 行文规则 are not held against it: their findings
are left out, and the report says so once.  `profile: {genre: 公文}` in the configuration restores the
full check for offices that want every file judged as a 公文.
"""

from __future__ import annotations

from officekit.engine.finding import Finding
from officekit.engine.rule import RuleSpec
from officekit.structure.genre import GONGWEN
from officekit.structure.model import Draft

# Rule packs that hold a draft against the 公文 conventions (GB/T 9704 layout, 要素, 行文规则).
GONGWEN_ONLY_PACKS = frozenset({"core", "elements", "format", "xingwen"})
FORCE_KEY = "genre"  # profile key: genre: 公文 judges every file as a 公文


def forced_genre(config) -> str | None:
    profile = getattr(config, "profile", None) or {}
    value = profile.get(FORCE_KEY)
    return str(value) if value else None


def apply(draft: Draft, findings: list[Finding], rules: list[RuleSpec], config) -> tuple[list[Finding], int]:
    """(the findings that apply to the draft's genre, how many were left out)."""
    forced = forced_genre(config)
    if forced:
        draft.genre, draft.genre_reason = forced, None
    if draft.genre == GONGWEN:
        return findings, 0
    gongwen_only = {r.id for r in rules if r.pack in GONGWEN_ONLY_PACKS}
    kept = [f for f in findings if f.rule not in gongwen_only]
    draft.genre_left_out = len(findings) - len(kept)
    return kept, draft.genre_left_out
