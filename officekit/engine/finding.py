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


def fingerprint(rule: str, element: str, block_text: str, matched: str, occurrence: int) -> str:
    """Stable under edits elsewhere: it hashes what was found and the text of its own block, not positions."""
    normalized = "".join(block_text.split())
    key = "\x1f".join((rule, element, normalized, matched, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def assign_fingerprints(findings: list[Finding], block_text) -> None:
    """Give each finding its fingerprint; `block_text(part, block)` returns a block's text."""
    seen: dict[tuple, int] = {}
    for f in sorted(findings, key=Finding.sort_key):
        loc = f.location
        text = block_text(loc.part, loc.block)
        matched = text[loc.start:loc.end] if loc.start is not None else ""
        key = (f.rule, f.element, loc.part, text, matched)
        n = seen.get(key, 0)
        seen[key] = n + 1
        f.fingerprint = fingerprint(f.rule, f.element, text, matched, n)
