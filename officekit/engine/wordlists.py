"""Named word lists: built-in files under rules/wordlists/, extended by the configuration.

A list file is UTF-8 text, one entry a line; `#` starts a comment line, blank lines are skipped.
Every list the built-in rules read is declared below with the form of its lines, so that an office's
list with a misspelt name or a malformed line is an error naming the file and line when it is loaded,
not a rule that quietly stops working.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import regex

from officekit.engine import matching
from officekit.engine.packs import builtin_root


HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class LineForm:
    """What one line of a list looks like: `shown` tells the writer, `problem` says what is wrong."""

    shown: str
    problem: Callable[[str], str | None]


def _any_word(line: str) -> str | None:
    return None


def _pair(line: str) -> str | None:
    if "->" not in line:
        return "缺少“->”"
    try:
        matching.parse_pair(line)
    except ValueError:
        return "“->”两边都要有词语"
    return None


def _pair_with_year(line: str) -> str | None:
    trouble = _pair(line)
    if trouble:
        return trouble
    year = matching.parse_pair(line)[2]
    return None if year.isdigit() and len(year) == 4 else f"逗号后应为四位年份，而不是 {year!r}"


def _person(line: str) -> str | None:
    return None if len(line.split()) >= 2 else "姓名后要有职务，用空格隔开"


def _shape_group(line: str) -> str | None:
    return None if len(HAN.findall(line)) >= 2 else "一组至少两个汉字"


WORD = LineForm("一个词语", _any_word)
PAIR = LineForm("错->正, 理由", _pair)
PAIR_WITH_YEAR = LineForm("旧名称->现名称, 年份", _pair_with_year)
PERSON = LineForm("姓名 职务 [职务…]", _person)
SHAPE_GROUP = LineForm("一组形近字（如 己已巳）", _shape_group)

# Every list a built-in rule reads, with the form of its lines (docs/writing-rules.md lists them too).
DECLARED: dict[str, LineForm] = {
    "typos": PAIR,
    "redundancy": PAIR,
    "banned_words": PAIR,
    "repealed_citations": PAIR,
    "organ_short_names": PAIR,
    "sensitive": PAIR,
    "outdated_organs": PAIR_WITH_YEAR,
    "leaders": PERSON,
    "similar_shapes": SHAPE_GROUP,
    "similar_shapes_open": SHAPE_GROUP,
    "accept": WORD,
    "gongwen_vocab": WORD,
    "superior_organs": WORD,
    "higher_organs": WORD,
    "lower_organs": WORD,
}


class WordListError(ValueError):
    """A list line that does not have its list's form; `where` is "file:line"."""

    def __init__(self, message: str, where: str):
        super().__init__(f"{where}: {message}")
        self.where = where


def numbered_entries(path: Path) -> list[tuple[int, str]]:
    """(line number, entry) for every entry of a list file."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append((number, line))
    return entries


def read_list(path: Path) -> list[str]:
    return [entry for _, entry in numbered_entries(path)]


def entry_problem(name: str, entry: str) -> str | None:
    """What is wrong with one entry of list `name`, None when it has the declared form (lists that no
    declaration covers, an office's own, take any line)."""
    form = DECLARED.get(name)
    trouble = form.problem(entry) if form else None
    return f"词表 {name} 的行应为“{form.shown}”：{entry}（{trouble}）" if trouble else None


def check_entries(name: str, entries: list[tuple[int, str]], origin: str) -> None:
    """Raise WordListError at the first numbered entry that lacks the form of list `name`."""
    for number, entry in entries:
        trouble = entry_problem(name, entry)
        if trouble:
            raise WordListError(trouble, f"{origin}:{number}")


@lru_cache(maxsize=256)
def check_file(name: str, path: str) -> None:
    """check_entries over a list file (once per file and process); an unreadable file is a WordListError."""
    try:
        entries = numbered_entries(Path(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise WordListError(f"无法读取词表 {name}：{exc}", path) from None
    check_entries(name, entries, path)


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
