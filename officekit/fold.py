"""One defect, one finding: findings that cover the same characters and describe the same defect are
folded into the finding of the most specific rule.

Two findings are about the same defect when they are in the same block, their spans overlap, and

1. the rule of one declares `supersedes: [W101]` (ids or prefixes) for the rule of the other, and the
   other's correction is part of the first's: the superseding finding has no suggestion to compare,
   the other has none, or writing the other's suggestion into the superseding finding's span gives
   the superseding suggestion (F221's 「各科室、各站所：」 contains W101's 「：」 for the final colon,
   but not W101's 「，」 for a comma in the middle: that one is another defect and stays); or
2. with nothing declared, they point at exactly the same characters with the same suggestion.

The most specific rule is the superseding one in case 1; in case 2 a rule scoped to 公文要素
(`element:`) beats a generic one, then the higher severity, then the lower rule id.  The kept
finding takes the highest severity of what it absorbs (folding never makes a defect weigh less), the
fix of a finding on the same span when it has none (folding never loses an automatic fix; a fix on
other characters is not folded away), and records the folded rules' ids (`Finding.folded`, JSON
`folded`).
"""

from __future__ import annotations

from officekit.engine.finding import SEVERITY_RANK, Finding
from officekit.engine.rule import RuleSpec
from officekit.structure.model import Draft


def fold(findings: list[Finding], rules: list[RuleSpec], draft: Draft) -> list[Finding]:
    """The findings with every duplicate folded into its most specific finding (order kept)."""
    specs = {r.id: r for r in rules}
    by_block: dict[tuple[str, int], list[int]] = {}
    for n, f in enumerate(findings):
        if not f.rule_failed:
            by_block.setdefault((f.location.part, f.location.block), []).append(n)
    keeper_of: dict[int, int] = {}
    for (part, block), members in by_block.items():
        if len(members) < 2:
            continue
        text = _block_text(draft, part, block)
        overlapping = _overlapping(members, {n: _span(findings[n], text) for n in members})
        for i in members:
            for j in overlapping[i]:
                if j not in keeper_of and i not in keeper_of and _folds_into(findings[j], findings[i], specs, text):
                    keeper_of[j] = i
    if not keeper_of:
        return findings
    for folded, keeper in keeper_of.items():
        while keeper in keeper_of:  # a chain folds into its last keeper
            keeper = keeper_of[keeper]
        kept, gone = findings[keeper], findings[folded]
        kept.folded = tuple(sorted(set(kept.folded) | {gone.rule} | set(gone.folded)))
        if SEVERITY_RANK[gone.severity] > SEVERITY_RANK[kept.severity]:
            kept.severity = gone.severity
        if kept.fix is None and gone.fix is not None:
            kept.fix = gone.fix  # same span (see _folds_into): the fix still applies
    return [f for n, f in enumerate(findings) if n not in keeper_of]


def _overlapping(members: list[int], spans: dict[int, tuple[int, int]]) -> dict[int, list[int]]:
    """For each finding, the others whose spans overlap it (or share its empty span), in `members` order:
    a sweep over the spans sorted by start, so a paragraph with thousands of findings is not compared
    pair by pair (only overlapping pairs can fold)."""
    rank = {n: k for k, n in enumerate(members)}
    order = sorted(members, key=lambda n: spans[n])
    out: dict[int, list[int]] = {n: [] for n in members}
    for k, i in enumerate(order):
        a, b = spans[i]
        for j in order[k + 1 :]:
            c, d = spans[j]
            if c >= b and not (a == b == c == d):
                break
            if a < d and c < b or a == b == c == d:
                out[i].append(j)
                out[j].append(i)
    for n in out:
        out[n].sort(key=rank.__getitem__)
    return out


def _folds_into(other: Finding, keeper: Finding, specs: dict[str, RuleSpec], text: str) -> bool:
    """Whether `other` is the same defect as `keeper`, told less precisely."""
    if other.rule == keeper.rule:
        return False
    a, b = _span(keeper, text)
    c, d = _span(other, text)
    if not (a < d and c < b or a == b == c == d):
        return False
    if other.fix is not None and keeper.fix is None and (a, b) != (c, d):
        return False  # folding it would lose an automatic fix the keeper cannot apply
    if supersedes(specs.get(keeper.rule), other.rule):
        return _correction_included(other, keeper, text, (a, b), (c, d))
    if supersedes(specs.get(other.rule), keeper.rule):
        return False
    same = (a, b) == (c, d) and keeper.suggestion is not None and keeper.suggestion == other.suggestion
    return same and _rank(keeper, specs) < _rank(other, specs)


def supersedes(spec: RuleSpec | None, rule: str) -> bool:
    return spec is not None and any(rule.upper().startswith(s.upper()) for s in spec.supersedes)


def _correction_included(other: Finding, keeper: Finding, text: str, outer: tuple[int, int],
                         inner: tuple[int, int]) -> bool:
    if other.suggestion is None or keeper.suggestion is None:
        return True
    (a, b), (c, d) = outer, inner
    if not (a <= c and d <= b):
        return False
    return text[a:c] + other.suggestion + text[d:b] == keeper.suggestion


def _span(f: Finding, text: str) -> tuple[int, int]:
    loc = f.location
    if loc.start is None:
        return 0, len(text)
    return loc.start, loc.end if loc.end is not None else loc.start


def _rank(f: Finding, specs: dict[str, RuleSpec]) -> tuple:
    """Lower is more specific: scoped to an element, more severe, lower id."""
    spec = specs.get(f.rule)
    return (0 if spec is not None and spec.elements else 1, -SEVERITY_RANK[f.severity], f.rule)


def _block_text(draft: Draft, part: str, block: int) -> str:
    blocks = draft.document.blocks(part)
    return blocks[block - 1].text if 0 < block <= len(blocks) else ""
