"""Every command that shows rules works on every rule: `explain`, `rules`, `rules --types` and the
examples, over the whole built-in registry and over the sample office rules of docs/writing-rules.md.

Parametrised over the registry, so a rule added tomorrow is covered without touching this file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from docs_pack import rule_blocks, write_pack
from output_helpers import run_cli

from officekit.engine import types
from officekit.engine.examples import problems
from officekit.engine.ruleset import all_rules

UNFILLED_FIELD = re.compile(r"\{[A-Za-z_]\w*\}")  # a template field the check left empty-handed
EMPTY_BRACKETS = re.compile(r"（\s*）|“\s*”")  # a field that filled in as nothing
BUILTIN = all_rules()


def _first_line(example: dict) -> str:
    """How `explain` starts showing an example: a text's first line, a mapping's first key."""
    value = example.get("fail", example.get("pass"))
    if isinstance(value, str):
        return value.rstrip("\n").split("\n")[0]
    return "{" + str(next(iter(value))) + ":"


def _assert_explains(rule, stdout: str) -> None:
    assert stdout.startswith(f"{rule.id}  {rule.name}\n"), stdout[:200]
    assert f"依据：{rule.source}" in stdout
    fails = [e for e in rule.examples if "fail" in e]
    passes = [e for e in rule.examples if "pass" in e]
    assert stdout.count("\n  ✘ ") == len(fails) and stdout.count("\n  ✔ ") == len(passes), stdout
    for example in rule.examples:
        assert _first_line(example) in stdout, (_first_line(example), stdout)
    reported = re.findall(r"^      报告：(.*)$", stdout, re.MULTILINE)
    assert len(reported) >= len(fails), stdout  # every failing example says what it reports
    for message in reported:
        assert not UNFILLED_FIELD.search(message), message


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.id for r in BUILTIN])
def test_explain_every_builtin_rule(rule):
    result = run_cli("explain", rule.id.lower())
    assert result.exit_code == 0, result.output
    _assert_explains(rule, result.stdout)


def test_explain_shows_an_example_that_is_a_mapping():
    # F051's examples describe paragraphs (colour, borders), not text: explain used to end in a traceback
    out = run_cli("explain", "F051").stdout
    assert "  ✘ {blocks: [{element: 发文机关标志, color: FF0000}, {element: 发文字号}, {element: 标题}]}" in out
    assert "说明：随问题而定" in out  # its message template is only `{problem}`: the examples say it


def test_rules_lists_every_builtin_rule():
    result = run_cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == sorted(r.id for r in BUILTIN)
    assert result.stderr.strip() == f"共 {len(BUILTIN)} 条规则"


def test_rules_types_lists_every_type_with_its_keys():
    result = run_cli("rules", "--types")
    assert result.exit_code == 0
    for name in types.type_names():
        assert f"── {name}\n" in result.stdout
        for key in getattr(types.get_type(name), "PARAMS", {}):
            assert f"    {key} (" in result.stdout, (name, key)


def test_the_example_suite_covers_every_registered_rule():
    from test_rule_examples import _cases

    covered = {case.values[0].id for case in _cases()}
    assert covered == {r.id for r in BUILTIN}


# ── the sample office rules of docs/writing-rules.md ──────────────────────────────────────────────

def _doc_rule_blocks() -> list[str]:
    """The YAML blocks of the doc that are rule lists (a newcomer copies them into a rule file)."""
    return rule_blocks()


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A folder holding the doc's office pack (configuration, word list, rule file)."""
    assert _doc_rule_blocks(), "docs/writing-rules.md has no sample rule"
    write_pack(tmp_path, with_reference=True)
    monkeypatch.chdir(tmp_path)
    from officekit.config.load import load

    config = load(str(tmp_path / ".officekit.yaml"))
    builtin = {r.id for r in BUILTIN}
    return config, [r for r in all_rules(config) if r.id not in builtin]


def test_the_docs_sample_rules_load_and_their_examples_behave(office):
    config, rules = office
    assert [r.id for r in rules] == [r["id"] for b in _doc_rule_blocks() for r in yaml.safe_load(b)]
    for rule in rules:
        for example in rule.examples:
            assert problems(rule, example, config) == []


def test_explain_and_rules_work_on_the_docs_sample_rules(office):
    _, rules = office
    listed = run_cli("rules").stdout
    for rule in rules:
        assert re.search(rf"^{rule.id}  .*  {rule.name}  （{re.escape(rule.source)}）$", listed, re.MULTILINE)
        result = run_cli("explain", rule.id)
        assert result.exit_code == 0, result.output
        _assert_explains(rule, result.stdout)
        assert f"定义于：{Path.cwd() / '本单位规则.yaml'}:" in result.stdout


def test_the_docs_sample_rules_report_whole_messages(office):
    """A field the type does not fill (the sample once used {reason} over a swap table) printed 「…（）」."""
    _, rules = office
    for rule in rules:
        for example in (e for e in rule.examples if "fail" in e):
            draft = Path("草稿.txt")
            draft.write_text(f"关于办理事项的请示\n{example['fail']}", encoding="utf-8")
            result = run_cli("check", "--select", rule.id, "-f", "json", str(draft))
            messages = [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]]
            assert messages, (rule.id, example)
            for message in messages:
                assert not UNFILLED_FIELD.search(message) and not EMPTY_BRACKETS.search(message), message

