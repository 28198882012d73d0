"""Named word lists: built-in files under rules/wordlists/, extended by the configuration.

A list file is UTF-8 text, one entry a line; `#` starts a comment line, blank lines are skipped.
What an entry means (a plain word, `wrong->right, reason`, …) is up to the rule type reading it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from officekit.engine.packs import builtin_root


def read_list(path: Path) -> list[str]:
    entries = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


@lru_cache(maxsize=None)
def _builtin(name: str) -> tuple[str, ...]:
    path = builtin_root() / "wordlists" / f"{name}.txt"
    return tuple(read_list(path)) if path.is_file() else ()


@lru_cache(maxsize=256)
def _extra(files: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for f in files:
        out.extend(read_list(Path(f)))
    return tuple(out)


def get(name: str, config=None) -> list[str]:
    entries = list(_builtin(name))
    if config is not None:
        entries.extend(_extra(tuple(config.wordlists.get(name, ()))))
        entries.extend(config.words.get(name, ()))
    return entries


def cache_key(config) -> tuple:
    """A hashable key for what a configuration adds to the word lists.

    Types cache their compiled lists under it.  (Not id(config): a configuration that has been
    freed can hand its id to a new one with other lists, which would then get a stale table.)
    """
    if config is None:
        return ()
    return (tuple((k, tuple(v)) for k, v in sorted(config.wordlists.items())),
            tuple((k, tuple(v)) for k, v in sorted(config.words.items())))


def per_config(build):
    """Wrap `build(ctx)`, which compiles a rule's tables from word lists, so that it runs once per
    configuration (offices extend word lists) and the result is reused for every draft after."""
    built: dict[tuple, object] = {}

    def tables(ctx):
        key = cache_key(ctx.config)
        if key not in built:
            built[key] = build(ctx)
        return built[key]

    return tables
