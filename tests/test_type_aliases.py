"""Merged rule types: an old type name is an alias that loads its rule files unchanged and finds the same."""

import pytest
from click.testing import CliRunner

from officekit.cli import main as cli
from officekit.document.text_reader import from_text
from officekit.engine import types
from officekit.engine.loader import load_text
from officekit.engine.rule import Context, RuleError
from officekit.structure.model import Draft, ElementSpan

RULE = """\
- id: U001
  name: 测试
  type: {type}
  gate: 文字关
  severity: error
  message: “{{match}}”
  source: 实务
  {body}
  examples:
    - fail: 二零二四年
    - pass: 二〇二四年
"""


def draft_of(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def found(rule_yaml: str, text: str):
    [rule] = load_text(rule_yaml, "house.yaml")
    return [(h.start, h.end, h.fix, h.suggestion, h.vars.get("fixed")) for h in rule.check(Context(draft_of(text), rule))]


def test_an_alias_is_looked_up_but_not_listed_as_a_type():
    assert "guarded" not in types.type_names() and "pattern" in types.type_names()
    assert types.canonical_name("guarded") == "pattern" and types.canonical_name("format") == "format"
    assert types.aliases_of("pattern") == ["guarded"]
    assert set(types.get_type("guarded").PARAMS) == {"pattern", "replace", "translate", "unless", "protect", "exclude", "safe",
                                                            "unless_between"}
    assert types.get_type("telepathy") is None


def test_guarded_is_pattern_with_renamed_keys_and_every_stretch_protected():
    guarded = RULE.format(type="guarded", body="pattern: '[一二三四零]{4}年'\n  translate: {零: 〇}")
    same = RULE.format(type="pattern", body="forbid: '[一二三四零]{4}年'\n  swap: {零: 〇}")
    assert found(guarded, "二零二四年") == found(same, "二零二四年") == [(0, 5, "二〇二四年", "二〇二四年", "二〇二四年")]
    dots = "等等... 见 www.a.cn/x...y"
    assert [f[:3] for f in found(RULE.format(type="guarded", body="pattern: '[.]{3}'\n  replace: ……"), dots)] == [(2, 5, "……")]
    # pattern protects nothing unless told: the dots in the web address are found too
    assert len(found(RULE.format(type="pattern", body="forbid: '[.]{3}'"), dots)) == 2
    told = RULE.format(type="pattern", body="forbid: '[.]{3}'\n  protect: [url]")
    assert [f[:2] for f in found(told, dots)] == [(2, 5)]


def test_pattern_translate_looks_up_the_whole_match_and_swap_changes_characters():
    lookup = RULE.format(type="pattern", body="forbid: '二零|零二'\n  translate: {二零: 二〇}")
    assert [f[2] for f in found(lookup, "二零 零二")] == ["二〇", None]  # 零二 is not in the table: no fix
    chars = RULE.format(type="pattern", body="forbid: '二零|零二'\n  swap: {零: 〇}")
    assert [f[2] for f in found(chars, "二零 零二")] == ["二〇", "〇二"]


def test_a_rule_that_writes_its_suggestion_keeps_it():
    own = RULE.format(type="pattern", body="forbid: '零'\n  replace: '〇'\n  suggestion: 写作“{expected}”")
    [(_, _, fix, suggestion, _)] = found(own, "二零二四年")
    assert (fix, suggestion) == ("〇", None)  # the runner fills the rule's suggestion: 写作“〇”


def test_explain_names_the_type_an_alias_stands_for():
    out = CliRunner().invoke(cli, ["explain", "W201"]).stdout
    assert "类型：guarded（即 pattern）" in out
    assert "类型：pattern\n" in CliRunner().invoke(cli, ["explain", "F229"]).stdout


def test_rules_types_lists_each_type_once_with_its_aliases():
    out = CliRunner().invoke(cli, ["rules", "--types"]).stdout
    assert "── guarded\n" not in out
    pattern_entry = out.split("── pattern\n", 1)[1].split("\n── ", 1)[0]
    assert "  别名 guarded：\n    pattern (regex, 必填)" in pattern_entry


def test_typo_is_substitution_that_needs_a_word_list_and_reads_the_segmentation():
    typo, substitution = types.get_type("typo"), types.get_type("substitution")
    assert typo.PARAMS["wordlist"].required and not substitution.PARAMS["wordlist"].required
    assert typo.PARAMS["segmentation"].default is True and substitution.PARAMS["segmentation"].default is False
    with pytest.raises(RuleError, match="缺少必填项 wordlist"):  # the alias keeps typo's required key
        load_text(RULE.format(type="typo", body="swap: {零: 〇}"), "house.yaml")


def test_substitution_skips_a_match_inside_another_word_only_when_asked():
    plain = RULE.format(type="substitution", body="swap: {既使: 即使}")
    text = "既使用了旧稿"  # 既 + 使用: not the misspelling of 即使
    assert [f[:3] for f in found(plain, text)] == [(0, 2, "即使")]
    assert found(RULE.format(type="substitution", body="swap: {既使: 即使}\n  segmentation: true"), text) == []
    assert [f[:3] for f in found(RULE.format(type="substitution", body="swap: {既使: 即使}\n  fix: false"), text)] == [(0, 2, None)]


def test_every_alias_is_declared_by_its_type_with_keys_the_type_has():
    for alias, target in types.TYPE_ALIASES.items():
        module = types.get_type(target)
        declared = module.ALIASES[alias]
        assert set(declared.keys.values()) | set(declared.defaults) | set(declared.required) <= set(module.PARAMS)
        assert alias not in types.type_names()  # no module of its own: the alias is the only way in
