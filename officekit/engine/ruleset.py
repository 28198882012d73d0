"""Assemble the rules that apply to a file: built-in packs, the office's additions, select/ignore/severity."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from officekit.config.model import Config
from officekit.config.validate import validate
from officekit.engine import rulecache
from officekit.engine.finding import GATES
from officekit.engine.loader import OFFICE_ID_PATTERN, build_spec, load_file, trusted_rules
from officekit.engine.packs import builtin_packs, builtin_root
from officekit.engine.rule import RuleError, RuleSpec


@lru_cache(maxsize=None)
def _pack_rules(pack: str) -> tuple[RuleSpec, ...]:
    def load(files) -> list[RuleSpec]:
        rules: list[RuleSpec] = []
        with trusted_rules():  # every built-in pattern is compiled by the test suite's example runs
            for f in files:
                rules.extend(load_file(f, pack))
        return rules

    return tuple(rulecache.pack_rules(builtin_root() / pack, pack, load))  # validated once, kept in the user cache


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
    builtin: list[RuleSpec] = []
    office: list[RuleSpec] = []  # an office's own: rule packs named by path, rule_files, inline rules
    for name in config.extends:
        if name == "default":
            for pack in builtin_packs():
                builtin.extend(_pack_rules(pack))
        elif name in builtin_packs():
            builtin.extend(_pack_rules(name))
        elif Path(name).exists():
            office.extend(_file_rules(str(Path(name).resolve())))
        else:
            raise RuleError(f"extends 中的 {name!r} 既不是内置规则包（{', '.join(builtin_packs())}），也不是存在的文件",
                            config.path)
    for f in config.rule_files:
        office.extend(_verified(_file_rules(f), config))
    for item in config.rules:
        office.extend(_verified([build_spec(item, config.path or "<config>", "config")], config))
    _check_ranges(builtin, office)
    seen: dict[str, RuleSpec] = {}
    for r in builtin + office:
        if r.id in seen and seen[r.id] is not r:
            raise RuleError(f"规则编号 {r.id} 重复：另见 {seen[r.id].origin}", r.origin)
        seen[r.id] = r
    _check_former_ids(list(seen.values()))
    return list(seen.values())


def _check_ranges(builtin: list[RuleSpec], office: list[RuleSpec]) -> None:
    """Built-in rules never take an office id (U…), and an office's rules only take U…: a built-in rule
    added later can then never collide with a rule an office wrote."""
    for r in builtin:
        if OFFICE_ID_PATTERN.match(r.id):
            raise RuleError(f"内置规则 {r.id} 用了留给本单位规则的编号（U 开头）", r.origin)
    for r in office:
        if not OFFICE_ID_PATTERN.match(r.id):
            raise RuleError(f"本单位规则 {r.id} 的编号应以 U 开头（U001–U9999）：F/P/W 编号留给内置规则，"
                            f"以免日后新增的内置规则与之冲突；请改为 U{r.id[1:]}", r.origin)


def _check_former_ids(rules: list[RuleSpec]) -> None:
    """A former id names one rule only, and no rule that exists today."""
    owner = {r.id: r for r in rules}
    for r in rules:
        for alias in r.former_ids:
            other = owner.get(alias)
            if other is not None and other is not r:
                what = "现有规则的编号" if other.id == alias else f"规则 {other.id} 的旧编号"
                raise RuleError(f"规则 {r.id} 的 former_ids 中 {alias} 已是{what}", r.origin)
            owner[alias] = r


def canonical_id(rules: list[RuleSpec], rule_id: str) -> str:
    """The current id of a rule named by a former one (former_ids); other ids as given."""
    for r in rules:
        if rule_id in r.former_ids:
            return r.id
    return rule_id


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
    """A selector is a rule id (or a former id, see former_ids), an id prefix (F2, W), a gate (格式关) or a
    pack name."""
    return (rule.id.startswith(selector) or selector == rule.gate or selector == rule.pack
            or selector in rule.former_ids)


def named(rule: RuleSpec, selector: str) -> bool:
    """The selector names this very rule (its id or a former id), not a prefix, gate or pack."""
    return selector == rule.id or selector in rule.former_ids


# Rules that run only when selected by their own id: a preview rule is still being tried out, a
# deprecated one is on its way out (ruff's model); a prefix, gate or pack never brings them in.
OPT_IN_STATUSES = ("preview", "deprecated")


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
        if rule.status in OPT_IN_STATUSES and not any(named(rule, s) for s in config.select):
            continue
        if config.select and not any(matches(rule, s) for s in config.select):
            continue
        if any(matches(rule, s) for s in config.ignore):
            continue
        rule = _override(rule, config.severity)
        if rule is not None:
            out.append(_reworded(rule, config))
    return sorted(out, key=lambda r: r.id)


def _reworded(rule: RuleSpec, config: Config) -> RuleSpec:
    """An office's own wording (and limit) for a rule, from the configuration's `override:`."""
    for selector, change in config.override.items():
        if named(rule, selector):
            change = dict(change)
            reworded = frozenset(key for key in change if key in ("message", "suggestion"))
            wording = change.pop("wording", None)
            if wording:  # the sentences of a check's cases (engine/types/_wording.py) are parameters
                params = {**rule.params, "wording": {**rule.params.get("wording", {}), **wording}}
                change["params"] = params
            return dataclasses.replace(rule, **change, reworded=reworded)
    return rule


__all__ = ["all_rules", "active_rules", "canonical_id", "matches", "named", "GATES"]
