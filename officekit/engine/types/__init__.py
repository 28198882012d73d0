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

A type may also answer to other names, kept so that rule files written for a type that was merged into
it load unchanged: the module lists them in `ALIASES` (name → `Alias`: its own names for some keys and
its own defaults), and `TYPE_ALIASES` below says which module holds each, so that looking one up
imports only that module.  A rule keeps the name it was written with (`explain` shows both).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Iterable

from officekit.engine.rule import Context, Hit, RuleError, RuleSpec

__all__ = ["Alias", "Param", "Context", "Hit", "RuleError", "RuleSpec", "Check", "get_type", "type_names",
           "canonical_name", "aliases_of"]

Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Param:
    """A type-specific key of a rule.  `kind`: str, regex, bool, int, number, list, dict, any."""

    kind: str
    required: bool = False
    default: Any = None
    choices: tuple = field(default_factory=tuple)
    doc: str = ""


@dataclass(frozen=True)
class Alias:
    """Another name of a type: `keys` maps the alias's key names to the type's, `defaults` replaces the
    type's defaults for rules written under the alias, and `required` names keys it cannot do without."""

    keys: dict = field(default_factory=dict)
    defaults: dict = field(default_factory=dict)
    required: tuple = ()
    doc: str = ""


# alias → the type (module) that declares it in its ALIASES
TYPE_ALIASES = {
    "guarded": "pattern",
    "typo": "substitution",
}

_cache: dict[str, Any] = {}


def type_names() -> list[str]:
    """The types, each once (aliases are not listed: see aliases_of)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def canonical_name(name: str) -> str:
    """The type a name stands for: itself, or the type an alias belongs to."""
    return TYPE_ALIASES.get(name, name)


def aliases_of(name: str) -> list[str]:
    return sorted(alias for alias, target in TYPE_ALIASES.items() if target == name)


def get_type(name: str) -> Any:
    """The module of a type, or for an alias a stand-in with the alias's keys and defaults; None if unknown."""
    if name in _cache:
        return _cache[name]
    if name in TYPE_ALIASES:
        target = get_type(TYPE_ALIASES[name])
        found = _AliasedType(name, TYPE_ALIASES[name], target, target.ALIASES[name])
    elif name.startswith("_") or name not in type_names():
        return None
    else:
        found = importlib.import_module(f"{__name__}.{name}")
    _cache[name] = found
    return found


def _as_alias_has_it(param: Param, key: str, alias: Alias) -> Param:
    if key in alias.defaults:
        param = dataclasses.replace(param, default=alias.defaults[key])
    if key in alias.required:
        param = dataclasses.replace(param, required=True)
    return param


class _AliasedType:
    """A type under another name: PARAMS spelt and defaulted the alias's way; build() hands the type's
    own build a rule whose keys are the type's.  Everything else (example_draft, GATE_SHOWN…) is the type's."""

    def __init__(self, name: str, target_name: str, target: ModuleType, alias: Alias):
        self.__name__ = f"{__name__}.{name}"
        self.alias_of = target_name
        self._target = target
        self._to_target = dict(alias.keys)
        from_target = {v: k for k, v in alias.keys.items()}
        shadowed = set(alias.keys) - set(alias.keys.values())  # the type's keys whose names the alias reuses
        self.PARAMS = {from_target.get(key, key): _as_alias_has_it(param, key, alias)
                       for key, param in target.PARAMS.items() if key not in shadowed}
        self.__doc__ = f"{name}: another name of `{target_name}`" + (f" ({alias.doc})" if alias.doc else "")

    def build(self, rule: RuleSpec) -> Check:
        params = {self._to_target.get(key, key): value for key, value in rule.params.items()}
        return self._target.build(dataclasses.replace(rule, params=params))

    def __getattr__(self, attr: str):
        if attr.startswith("__") or attr == "_target":  # copy/pickle probing a half-made object
            raise AttributeError(attr)
        return getattr(self._target, attr)
