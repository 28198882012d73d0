"""Rule types: the only place where checking logic lives.

A YAML rule names a type (`type: pattern`); the type is the module of that name in this package.
Each module defines:

    PARAMS: dict[str, Param]
        the type-specific keys a rule may (or must) carry; the loader validates them and rejects
        unknown keys.
    def build(rule: RuleSpec) -> Check
        turn a validated rule into a callable `check(ctx: Context) -> Iterable[Hit]`; raise
        `RuleError` for a rule that cannot work (the loader reports it with file and line).

and optionally

    def example_draft(rule: RuleSpec, example: dict, key: str) -> Draft
        how to build a draft from one of the rule's examples when the default (the example text
        as one block tagged with the rule's first element) does not fit, e.g. format rules whose
        examples describe formatting.

A type that needs words calls ctx.tokens() (or the helpers in _words.py) inside its check: jieba is
loaded on the first such call, so a run whose rules never ask for words never loads it.

Adding a type is adding a module: nothing else is registered by hand.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Iterable

from officekit.engine.rule import Context, Hit, RuleError, RuleSpec

__all__ = ["Param", "Context", "Hit", "RuleError", "RuleSpec", "Check", "get_type", "type_names"]

Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Param:
    """A type-specific key of a rule.  `kind`: str, regex, bool, int, number, list, dict, any."""

    kind: str
    required: bool = False
    default: Any = None
    choices: tuple = field(default_factory=tuple)
    doc: str = ""


_cache: dict[str, ModuleType] = {}


def type_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def get_type(name: str) -> ModuleType | None:
    if name in _cache:
        return _cache[name]
    if name.startswith("_") or name not in type_names():
        return None
    module = importlib.import_module(f"{__name__}.{name}")
    _cache[name] = module
    return module
