"""Assemble the rules that apply to a file: built-in packs, the office's additions, select/ignore/severity."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from officekit.config.model import Config
from officekit.config.validate import validate
from officekit.engine.finding import GATES
from officekit.engine.loader import build_spec, load_file, trusted_rules
from officekit.engine.packs import builtin_packs, builtin_root
from officekit.engine.rule import RuleError, RuleSpec


@lru_cache(maxsize=None)
def _pack_rules(pack: str) -> tuple[RuleSpec, ...]:
    folder = builtin_root() / pack
    rules: list[RuleSpec] = []
    with trusted_rules():  # every built-in pattern is compiled by the test suite's example runs
        for f in sorted(folder.glob("*.yaml")):
            rules.extend(load_file(f, pack))
    return tuple(rules)


@lru_cache(maxsize=None)
def _file_rules(path: str) -> tuple[RuleSpec, ...]:
    p = Path(path)
    files = sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    rules: list[RuleSpec] = []
    for f in files:
        rules.extend(load_file(f, p.stem))
    return tuple(rules)


def all_rules(config: Config | None = None) -> list[RuleSpec]:
    """Every rule the configuration brings in, before select/ignore (used by `officekit rules`)."""
    config = config or Config()
    rules: list[RuleSpec] = []
    for name in config.extends:
        if name == "default":
            for pack in builtin_packs():
                rules.extend(_pack_rules(pack))
        elif name in builtin_packs():
            rules.extend(_pack_rules(name))
        elif Path(name).exists():
            rules.extend(_file_rules(str(Path(name).resolve())))
        else:
            raise RuleError(f"extends 中的 {name!r} 既不是内置规则包（{', '.join(builtin_packs())}），也不是存在的文件",
                            config.path)
    for f in config.rule_files:
        rules.extend(_verified(_file_rules(f), config))
    for item in config.rules:
        rules.extend(_verified([build_spec(item, config.path or "<config>", "config")], config))
    seen: dict[str, RuleSpec] = {}
    for r in rules:
        if r.id in seen and seen[r.id] is not r:
            raise RuleError(f"规则编号 {r.id} 重复：另见 {seen[r.id].origin}", r.origin)
        seen[r.id] = r
    return list(seen.values())


_behaving: set[tuple[str, str]] = set()  # (origin, id) of office rules whose examples have been run


def _verified(rules, config: Config) -> list[RuleSpec]:
    """An office's own rules run their examples when loaded (the built-in ones are run by the test
    suite): a rule whose examples do not behave is a load error, not a rule that silently never fires."""
    from officekit.engine.examples import problems

    for rule in rules:
        if (rule.origin, rule.id) in _behaving:
            continue
        for example in rule.examples:
            found = problems(rule, example, config)
            if found:
                raise RuleError(f"规则的示例不成立：{found[0]}", rule.origin)
        _behaving.add((rule.origin, rule.id))
    return list(rules)


def matches(rule: RuleSpec, selector: str) -> bool:
    """A selector is a rule id, an id prefix (F2, W), a gate (格式关) or a pack name."""
    return rule.id.startswith(selector) or selector == rule.gate or selector == rule.pack


def _override(rule: RuleSpec, severities: dict[str, str]) -> RuleSpec | None:
    # the most specific selector wins: a full id over a prefix over a gate
    best = None
    for selector, level in severities.items():
        if matches(rule, selector) and (best is None or len(selector) > len(best[0])):
            best = (selector, level)
    if best is None:
        return rule
    if best[1] == "off":
        return None
    return dataclasses.replace(rule, severity=best[1])


def active_rules(config: Config | None = None) -> list[RuleSpec]:
    config = config or Config()
    every = all_rules(config)
    validate(config, every)  # a mistyped id or list name is an error, not a silent no-op
    out = []
    for rule in every:
        if config.select and not any(matches(rule, s) for s in config.select):
            continue
        if any(matches(rule, s) for s in config.ignore):
            continue
        rule = _override(rule, config.severity)
        if rule is not None:
            out.append(rule)
    return sorted(out, key=lambda r: r.id)


__all__ = ["all_rules", "active_rules", "matches", "GATES"]
