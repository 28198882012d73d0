"""Findings and their locations: the contract every output speaks (DESIGN.md)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

GATES: tuple[str, ...] = ("政策关", "格式关", "文字关")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
PART_ORDER = {"header": 0, "body": 1, "footer": 2}


@dataclass(frozen=True, slots=True)
class Location:
    part: str  # body / header / footer
    block: int  # 1-based within the part (for text input: the line number)
    start: int | None = None  # 0-based character offset in the block, None = the whole block
    end: int | None = None  # exclusive


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the finding's span with `replacement`.  Only `safe` fixes are applied by `officekit fix`."""

    replacement: str
    safe: bool = False


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    gate: str
    severity: str
    element: str
    message: str
    suggestion: str | None
    location: Location
    excerpt: str
    source: str | None
    fingerprint: str = ""
    fix: Fix | None = None
    # the rule stopped (it raised, timed out, ran over a budget): this finding says so, it is not a
    # problem found in the draft (an example that expects a problem must not count it as found)
    rule_failed: bool = False
    # rules whose findings on the same characters said the same thing and were folded into this one
    folded: tuple[str, ...] = ()
    # a guess (a rule with `defer: true`, the typo detector): shown as one, never decides a gate
    guess: bool = False
    # findings of the same rule left out after this one by the rule's per-draft limit (officekit.limit)
    more: int = 0

    @property
    def applicability(self) -> str | None:
        """How far the fix may be trusted (ruff's terms): `safe` — `officekit fix` applies it; `unsafe` —
        right in most drafts, applied only when a person asks; `display` — a guess, shown, never applied."""
        if self.fix is None:
            return None
        if self.guess:
            return "display"
        return "safe" if self.fix.safe else "unsafe"

    def sort_key(self) -> tuple:
        loc = self.location
        return (PART_ORDER.get(loc.part, 9), loc.block, loc.start if loc.start is not None else -1,
                loc.end if loc.end is not None else -1, self.rule, self.message)

    def to_json(self) -> dict:
        loc = self.location
        return {
            "rule": self.rule, "name": self.name, "gate": self.gate, "severity": self.severity,
            "element": self.element, "message": self.message, "suggestion": self.suggestion,
            "location": {"part": loc.part, "block": loc.block, "start": loc.start, "end": loc.end},
            "excerpt": self.excerpt, "source": self.source, "fingerprint": self.fingerprint,
            **({"folded": list(self.folded)} if self.folded else {}),
            **({"guess": True} if self.guess else {}),
            **({"fix": {"replacement": self.fix.replacement, "applicability": self.applicability}}
               if self.fix is not None else {}),
            **({"more": self.more} if self.more else {}),
        }


# Fingerprints (baselines, GitLab, SARIF partialFingerprints) say "the same finding" across versions of a
# draft.  They hash the offending text with a few characters either side of it — not the whole paragraph,
# so an edit elsewhere in the same paragraph leaves them alone — and never positions.  A finding about a
# whole block anchors on the block's opening characters.  Whitespace is left out (re-wrapping is no edit).
CONTEXT_CHARS = 8  # characters of the neighbourhood on each side that anchor a span's fingerprint
WHOLE_BLOCK_CHARS = 16  # opening characters that anchor a whole-block finding
RAW_SLICE_FACTOR = 3  # read this many times the context from the raw text, so that spaces do not starve it


def _squeeze(text: str) -> str:
    return "".join(text.split())


def anchor(text: str, start: int | None, end: int | None) -> str:
    """The text a fingerprint hashes: 「before」matched「after」 for a span, the opening for a whole block.
    Reads only the slices it needs: a 1,000,000-character paragraph costs what a short one does."""
    if start is None:
        return _squeeze(text[:WHOLE_BLOCK_CHARS * RAW_SLICE_FACTOR])[:WHOLE_BLOCK_CHARS]
    end = start if end is None else end
    reach = CONTEXT_CHARS * RAW_SLICE_FACTOR
    before = _squeeze(text[max(0, start - reach):start])[-CONTEXT_CHARS:]
    after = _squeeze(text[end:end + reach])[:CONTEXT_CHARS]
    return f"{before}\x1e{text[start:end]}\x1e{after}"


def side_anchors(text: str, start: int | None, end: int | None) -> tuple[str, str]:
    """Each half of the anchor on its own: 「before」matched and matched「after」 for a span, the opening and
    the closing characters for a whole block.  A baseline entry matches on either half when the whole
    anchor no longer does, so an edit just before or just after the offending text does not bring it back."""
    if start is None:
        return "^" + anchor(text, None, None), "$" + _squeeze(text[-WHOLE_BLOCK_CHARS * RAW_SLICE_FACTOR:])[-WHOLE_BLOCK_CHARS:]
    before, matched, after = anchor(text, start, end).split("\x1e")
    return f"{before}\x1e{matched}", f"{matched}\x1e{after}"


def near_fingerprints(rule: str, element: str, text: str, start: int | None, end: int | None) -> list[str]:
    return [fingerprint(rule, element, side, 0) for side in side_anchors(text, start, end)]


def fingerprint(rule: str, element: str, anchor_text: str, occurrence: int) -> str:
    key = "\x1f".join(("2", rule, element, anchor_text, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def legacy_fingerprint(rule: str, element: str, squeezed_block: str, matched: str, occurrence: int) -> str:
    """The fingerprint of baseline files written before version 2 (officekit/baseline@1): the whole block's
    text, whitespace removed (`squeezed_block`), so that old baselines still match (suppress.py)."""
    key = "\x1f".join((rule, element, squeezed_block, matched, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def assign_fingerprints(findings: list[Finding], block_text) -> None:
    """Give each finding its fingerprint; `block_text(part, block)` returns a block's text.  Identical
    anchors (the same phrase twice in one context) are told apart by their order."""
    seen: dict[tuple, int] = {}
    for f in sorted(findings, key=Finding.sort_key):
        loc = f.location
        text = block_text(loc.part, loc.block)
        anchored = anchor(text, loc.start, loc.end)
        key = (f.rule, f.element, loc.part, anchored)
        n = seen.get(key, 0)
        seen[key] = n + 1
        f.fingerprint = fingerprint(f.rule, f.element, anchored, n)
