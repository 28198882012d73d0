"""A loaded rule, what a check yields (hits), and what a check is given (the context)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from officekit.structure.model import Draft, ElementSpan

if TYPE_CHECKING:
    from officekit.config.model import Config

# How long one regular-expression search may run before the rule is stopped (seconds).
REGEX_TIMEOUT = 2.0
# How many characters of one draft word-level rules may segment (jieba runs at roughly 20,000
# characters a second): beyond it they stop and say so.  A size, not a time, so that results do not
# depend on the machine.  A 公文 is rarely over 10,000 characters; offices may raise it in the
# configuration's profile (segment_budget).
SEGMENT_BUDGET = 30_000


class RuleError(Exception):
    """A rule that cannot be loaded or built; `where` is "file:line" when known."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


@dataclass
class RuleSpec:
    id: str
    name: str
    type: str
    gate: str
    severity: str
    message: str
    source: str
    elements: tuple[str, ...] = ()  # empty = every body block
    doctypes: tuple[str, ...] = ()  # empty = every 文种
    directions: tuple[str, ...] = ()  # empty = every 行文方向
    suggestion: str | None = None
    description: str | None = None
    examples: list[dict] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)  # type-specific keys
    # a guessing rule: its finding is dropped where another rule of the gate already points at overlapping
    # characters with a concrete suggestion (the typo detector gives way to the lexicon and the confusables)
    defer: bool = False
    # rule ids (or prefixes) whose findings on the same characters describe this rule's defect less
    # precisely: the fold stage (officekit.fold) keeps this rule's finding and records theirs as folded
    supersedes: tuple[str, ...] = ()
    # the rule file as a public interface: a rule's maturity, the ids it was known by before a rename
    # (selectors, ignores and baselines naming an old id keep working), and how many findings one draft
    # may get from it (the rest are counted in the last one shown)
    status: str = "stable"  # stable / preview / deprecated
    former_ids: tuple[str, ...] = ()
    limit: int | None = None
    # templates an office rewrote (`override:`): they win over any wording the check computes itself
    reworded: frozenset[str] = frozenset()
    origin: str = ""  # "file:line"
    pack: str = ""
    check: Any = field(default=None, repr=False, compare=False)  # built by the type module at load time

    def where(self) -> str:
        return self.origin or self.id


@dataclass(slots=True)
class Hit:
    """One thing a check found.  Offsets are in the block's text; end is exclusive.

    `message`/`suggestion` override the rule's templates; `vars` fill the templates' {fields}
    (`{match}` is always available).  `fix` is the replacement for [start, end) and `safe` says
    whether `officekit fix` may apply it without a human.
    """

    part: str
    block: int
    start: int | None = None
    end: int | None = None
    message: str | None = None
    suggestion: str | None = None
    vars: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None
    safe: bool = False
    element: str | None = None
    severity: str | None = None  # a check may lower (never raise) the rule's severity for one hit


class Context:
    """What a check is given: the draft, its rule, the configuration, cached segmentation."""

    def __init__(self, draft: Draft, rule: RuleSpec, config: "Config | None" = None, shared: dict | None = None):
        self.draft = draft
        self.rule = rule
        self.config = config
        # per-draft cache shared by all rules (token lists, computed facts)
        self.shared = shared if shared is not None else {}

    @property
    def document(self):
        return self.draft.document

    def spans(self) -> Iterator[ElementSpan]:
        """The text this rule looks at: spans of its elements, or every non-empty body block."""
        if self.rule.elements:
            wanted = set(self.rule.elements)
            for s in self.draft.spans:
                if s.element in wanted:
                    yield s
            return
        # The same for every rule without `element`: built once per draft (long drafts × many rules).
        spans = self.shared.get("body-spans")
        if spans is None:
            spans = self.shared["body-spans"] = tuple(
                ElementSpan(self.draft.element_at("body", b.index) or "正文", "body", b.index, 0, len(b.text), b.text)
                for b in self.draft.document.body if b.text)
        yield from spans

    def block_text(self, part: str, index: int) -> str:
        return self.draft.document.block(part, index).text  # type: ignore[arg-type]

    def tokens(self, part: str, index: int) -> list[tuple[str, str, int]]:
        """jieba words with part of speech and start offset, cached per block for the whole run."""
        return self.segmented("tokens", part, index)

    def segmented(self, how: str, part: str, index: int) -> list:
        """A block segmented by `officekit.engine.segment.<how>` (tokens, dictionary_words): charged to
        the segmentation budget and cached per block for the whole run.  jieba loads on first use."""
        key = (how, part, index)
        cached = self.shared.get(key)
        if cached is None:
            from officekit.engine import segment

            self.charge_segmentation(part, index)
            cached = self.shared[key] = getattr(segment, how)(self.block_text(part, index))
        return cached

    def charge_segmentation(self, part: str, index: int) -> None:
        """Count a block against the draft's segmentation budget (once per block, whichever rule
        asks first); past the budget raise RuleError, so the rule stops and the runner reports it."""
        key = ("segment-budget", part, index)
        if key in self.shared:
            return
        budget = self.setting("segment_budget", SEGMENT_BUDGET)
        used = self.shared.get("segment-budget", 0) + len(self.block_text(part, index))
        if used > budget:
            raise RuleError(f"文档过长：分词类检查只覆盖了前 {budget} 字（第 {index} 段起未检查）；"
                            "可在配置 profile 中调高 segment_budget")
        self.shared["segment-budget"] = used
        self.shared[key] = True

    def wordlist(self, name: str) -> list[str]:
        """A named word list: built in under rules/wordlists/, extended by the configuration."""
        from officekit.engine import wordlists

        return wordlists.get(name, self.config)

    def setting(self, key: str, default: Any = None) -> Any:
        """A value of the configuration's profile (e.g. fonts, tolerances), else `default`."""
        if self.config is None:
            return default
        return self.config.profile.get(key, default)
