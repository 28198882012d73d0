"""The built-in rule packs, validated once and kept in the user cache folder.

Parsing and validating the ~170 built-in rules (YAML, schema checks, building each check) is a large
part of a cold start, and its outcome only changes when a rule file or the code that reads it
changes.  So the validated rules of a pack are pickled into the cache folder (officekit/cache.py)
under a key made of the content of the pack's rule files, the size and time of every module of the
engine (the loader, the rule types and what they import), the officekit and Python versions.

A check cannot be pickled (it is a closure over compiled patterns), so a rule read back from the
cache gets a `LazyCheck`: the rule type builds the real check the first time the rule runs.  A rule
whose 文种 or 行文方向 does not fit the draft is then never built at all.  The configuration (select,
ignore, severity, override) is applied after this, on every run, as before; an office's own rules
are never cached, since they run their examples when loaded.

Anything wrong with the cache (unwritable folder, a corrupt or stale file) means loading the YAML as
before; several processes writing the same entry at once each write a temporary file and rename it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from officekit import __version__, cache
from officekit.engine.rule import RuleSpec

CACHE_FORMAT = 1  # bump when what is pickled changes shape
ENGINE = Path(__file__).resolve().parent
# Besides the engine: the recogniser's element, 文种 and direction names the loader validates against.
OTHER_MODULES = (ENGINE.parent / "structure" / "model.py",)
DISABLE_VARIABLE = "OFFICEKIT_NO_RULE_CACHE"  # set (to anything) to load the YAML every time


class LazyCheck:
    """Stands in for a rule's check until the rule first runs; then builds it with the rule's type."""

    __slots__ = ("_rule", "_check")

    def __init__(self, rule: RuleSpec):
        self._rule, self._check = rule, None

    def __call__(self, ctx):
        check = self._check
        if check is None:
            from officekit.engine import types as rule_types
            from officekit.engine.loader import trusted_rules

            with trusted_rules():  # as when loaded from YAML: the built-in patterns compile on first use
                check = self._check = rule_types.get_type(self._rule.type).build(self._rule)
        return check(ctx)


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Size and modification time of every module that decides what a validated rule looks like."""
    modules = sorted(ENGINE.rglob("*.py")) + list(OTHER_MODULES)
    return "\n".join(cache.stat_key(m) for m in modules if m.exists())


def pack_key(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for part in (str(CACHE_FORMAT), __version__, sys.version, _code_stamp()):
        digest.update(part.encode("utf-8") + b"\x00")
    for f in files:
        digest.update(f.name.encode("utf-8") + b"\x00" + f.read_bytes() + b"\x00")
    return digest.hexdigest()[:16]


def pack_rules(folder: Path, pack: str, load) -> list[RuleSpec]:
    """The rules of the pack in `folder` as `load(files)` (validating and building them) returns
    them, from the cache when it holds them."""
    files = sorted(folder.glob("*.yaml"))
    if os.environ.get(DISABLE_VARIABLE):
        return load(files)
    try:
        target = cache.cache_dir() / f"rules-{pack}-{pack_key(files)}.pickle"
    except OSError:
        return load(files)
    try:
        with open(target, "rb") as fh:
            rules = pickle.load(fh)
        for rule in rules:
            rule.check = LazyCheck(rule)
        return rules
    except Exception:  # absent, unreadable, corrupt or from another version: load the YAML
        pass
    rules = load(files)
    _store(target, [dataclasses.replace(rule, check=None) for rule in rules])
    return rules


def _store(target: Path, rules: list[RuleSpec]) -> None:
    try:
        tmp = cache.temporary_path(target)
        try:
            with open(tmp, "wb") as fh:
                pickle.dump(rules, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time: the rules are loaded all the same
