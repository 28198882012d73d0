"""Every example of every built-in rule behaves: rules cannot be dead (DESIGN.md)."""

import pytest

from officekit.engine.examples import problems
from officekit.engine.packs import builtin_packs
from officekit.engine.ruleset import _pack_rules, all_rules


def _cases():
    for pack in builtin_packs():
        for rule in _pack_rules(pack):
            for i, example in enumerate(rule.examples):
                kind = "fail" if "fail" in example else "pass"
                yield pytest.param(rule, example, id=f"{rule.id}-{i}-{kind}")


@pytest.mark.parametrize("rule,example", list(_cases()))
def test_example(rule, example):
    assert problems(rule, example) == []


def test_all_builtin_rules_load_with_unique_ids():
    rules = all_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {"F201", "F211", "F221", "F231", "F241", "W101"} <= set(ids)


def test_every_rule_cites_a_source_and_has_both_kinds_of_example():
    for rule in all_rules():
        assert rule.source.strip(), rule.id
        kinds = {"fail" if "fail" in e else "pass" for e in rule.examples}
        assert kinds == {"pass", "fail"}, rule.id


def test_every_builtin_pattern_compiles_when_loaded_eagerly():
    """Built-in packs compile their patterns lazily at run time; here each is compiled up front, as an
    office's own rules are, so a broken pattern anywhere in a pack (even one no example reaches) fails."""
    from officekit.engine.loader import load_file
    from officekit.engine.packs import builtin_root

    for pack in builtin_packs():
        for path in sorted((builtin_root() / pack).glob("*.yaml")):
            assert load_file(path, pack)  # raises RuleError naming file and line
