"""Check a configuration against the rules it brings in: every rule selector names something that
exists, every word list it extends is one a rule reads, and every line of those lists has its form.

A mistyped id (`ignore: [W3O2]`, `--select X999`) would otherwise select or silence nothing and the
run would say 通过; a misspelt list name or a malformed line would quietly switch a rule off.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from officekit.config.model import Config
from officekit.engine import wordlists
from officekit.engine.finding import GATES
from officekit.engine.rule import RuleSpec
from officekit.errors import ConfigError

SUGGESTIONS = 3  # closest existing names offered for a mistyped one
SIMILARITY = 0.5  # difflib ratio below which a name is not offered as "closest"
LOOKALIKE_DIGITS = str.maketrans("OIL", "011")  # letters typed for digits in an id


def validate(config: Config, rules: list[RuleSpec]) -> None:
    """Raise ConfigError for the first selector or word list of `config` that `rules` do not know."""
    if config.select or config.ignore or config.severity:
        _check_selectors(config, rules)
    if config.override:
        _check_overrides(config, rules)
    if config.wordlists or config.words:
        _check_wordlists(config, rules)


def _check_selectors(config: Config, rules: list[RuleSpec]) -> None:
    ids = {r.id for r in rules}
    names = (ids | {p for r in rules for p in _prefixes(r.id)} | set(GATES) | {r.pack for r in rules if r.pack}
             | {a for r in rules for a in r.former_ids})
    offered = sorted(ids | set(GATES) | {r.pack for r in rules if r.pack})
    in_file = _file_values(config)
    for key, values in (("select", config.select), ("ignore", config.ignore), ("severity", list(config.severity))):
        for selector in values:
            if selector in names:
                continue
            where = f"{config.path}：{key}" if selector in in_file[key] else f"命令行 --{key}"
            raise ConfigError(f"{where} 中的 {selector!r} 不是已有的规则编号、编号前缀、关口或规则包"
                              f"{_closest(selector, offered, names)}")


def _check_overrides(config: Config, rules: list[RuleSpec]) -> None:
    """`override:` names whole rules (an id or a former id), and a reworded message may only use the
    {fields} that rule fills: a field it never fills would be printed as written, braces and all."""
    by_name = {name: r for r in rules for name in (r.id, *r.former_ids)}
    for selector, change in config.override.items():
        rule = by_name.get(selector)
        if rule is None:
            raise ConfigError(f"{config.path}：override 中的 {selector!r} 不是已有的规则编号"
                              f"{_closest(selector, sorted(by_name), set(by_name))}")
        for case, sentence in change.get("wording", {}).items():
            own = rule.params.get("wording", {})
            if case not in own:
                raise ConfigError(f"{config.path}：override 中 {selector} 的 wording 没有情形 {case!r}"
                                  f"（{'可改：' + '、'.join(own) if own else '这条规则没有分情形的说法'}）")
            unknown = [f for f in dict.fromkeys(FIELD.findall(sentence)) if f not in FIELD.findall(own[case])]
            if unknown:
                raise ConfigError(f"{config.path}：override 中 {selector} 的 wording.{case} 用了这种情形不提供的字段 "
                                  f"{'、'.join('{' + u + '}' for u in unknown)}")
        for key in ("message", "suggestion"):
            if key in change:
                unknown = _unfilled_fields(rule, change[key])
                if unknown:
                    raise ConfigError(f"{config.path}：override 中 {selector} 的 {key} 用了规则不提供的字段 "
                                      f"{'、'.join('{' + u + '}' for u in unknown)}"
                                      f"（可用：{'、'.join('{' + f + '}' for f in sorted(_fields_of(rule)))}）")


FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _unfilled_fields(rule: RuleSpec, template: str) -> list[str]:
    known = _fields_of(rule)
    return [name for name in dict.fromkeys(FIELD.findall(template)) if name not in known]


def _fields_of(rule: RuleSpec) -> set[str]:
    """The {fields} a rule fills: {match} always, and those its own templates use (a rule fills every
    field its built-in message and suggestion name)."""
    own = (rule.message or "") + (rule.suggestion or "")
    return {"match", *FIELD.findall(own)}


def _prefixes(rule_id: str) -> Iterable[str]:
    """F201 → F, F2, F20 (a selector may be any leading part of an id)."""
    return (rule_id[:n] for n in range(1, len(rule_id)))


def _file_values(config: Config) -> dict[str, set[str]]:
    """The selectors the configuration file itself holds (the rest came from the command line)."""
    if not config.path:
        return {"select": set(), "ignore": set(), "severity": set()}
    from officekit.config.load import load

    own = load(config.path)
    return {"select": set(own.select), "ignore": set(own.ignore), "severity": set(own.severity)}


def _closest(wrong: str, offered: list[str], valid: set[str]) -> str:
    """"；最接近的：…" with the likeliest meant names, best first."""
    scored = []
    for name in offered:
        ratio = difflib.SequenceMatcher(None, wrong, name).ratio()
        if ratio >= SIMILARITY:
            same_places = sum(a == b for a, b in zip(wrong, name))  # W3O2: W302 before W320
            scored.append((-ratio, -same_places, name))
    close = [name for *_, name in sorted(scored)]
    meant = _lookalike(wrong)
    if meant in valid:
        close = [meant] + [c for c in close if c != meant]
    if not close:
        return "（officekit rules 可列出全部规则）"
    return f"；最接近的：{'、'.join(close[:SUGGESTIONS])}"


def _lookalike(wrong: str) -> str:
    """The id a typist most likely meant: upper case, and O/I/L after the letter read as 0/1 (W3O2)."""
    return wrong[:1].upper() + wrong[1:].upper().translate(LOOKALIKE_DIGITS)


def _check_wordlists(config: Config, rules: list[RuleSpec]) -> None:
    known = set(wordlists.DECLARED) | _lists_named_by(rules)
    for key, table in (("wordlists", config.wordlists), ("words", config.words)):
        for name in table:
            if name not in known:
                raise ConfigError(f"{config.path}：{key} 中的词表名 {name!r} 没有规则使用"
                                  f"{_closest(name, sorted(known), known)}")
    try:
        for name, files in config.wordlists.items():
            for path in files:
                wordlists.check_file(name, path)
    except wordlists.WordListError as exc:
        raise ConfigError(str(exc)) from None
    for name, entries in config.words.items():
        for entry in entries:
            trouble = wordlists.entry_problem(name, entry)
            if trouble:
                raise ConfigError(f"{config.path}：words 中的{trouble}")


def _lists_named_by(rules: list[RuleSpec]) -> set[str]:
    """Names an office's own rules give their lists (`wordlist: 本单位用语`): any string a rule's
    parameters hold, flat or in a list, may be one."""
    names: set[str] = set()
    for rule in rules:
        for value in rule.params.values():
            if isinstance(value, str):
                names.add(value)
            elif isinstance(value, list):
                names.update(v for v in value if isinstance(v, str))
    return names
