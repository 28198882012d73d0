"""The rule loader rejects broken rules with the file and line, and builds working ones."""

import pytest

from officekit.engine.loader import load_text
from officekit.engine.rule import RuleError

GOOD = """\
- id: W901
  name: 测试规则
  type: pattern
  gate: 文字关
  severity: warning
  message: 不要写“{match}”
  source: 实务
  forbid: 坏词
  examples:
    - fail: 这是坏词
    - pass: 这是好词
"""


def test_a_good_rule_loads_with_its_origin_line():
    [rule] = load_text(GOOD, "house.yaml")
    assert rule.id == "W901" and rule.severity == "warning"
    assert rule.origin == "house.yaml:1"
    assert callable(rule.check)


@pytest.mark.parametrize("change,expected", [
    (("  forbid: 坏词\n", "  forbid: 坏词\n  colour: red\n"), "未知的键：colour"),
    (("  forbid: 坏词\n", "  forbid: '(坏词'\n"), "不是合法的正则表达式"),
    (("  severity: warning\n", "  severity: fatal\n"), "severity"),
    (("  gate: 文字关\n", "  gate: 内容关\n"), "gate"),
    (("  type: pattern\n", "  type: telepathy\n"), "类型 'telepathy' 不存在"),
    (("    - pass: 这是好词\n", ""), "至少要有一个 fail 和一个 pass"),
    (("- id: W901\n", "- id: X1\n"), "规则编号"),
    (("  source: 实务\n", ""), "缺少必填项 source"),
    (("  type: pattern\n", "  type: pattern\n  element: 落款\n"), "不是公文要素"),
])
def test_broken_rules_name_file_line_and_problem(change, expected):
    text = "# a comment line\n" + GOOD.replace(*change)
    with pytest.raises(RuleError) as info:
        load_text(text, "house.yaml")
    assert expected in str(info.value)
    assert "house.yaml:2" in str(info.value)


def test_yaml_syntax_error_names_the_line():
    with pytest.raises(RuleError) as info:
        load_text("- id: W901\n  name: [unclosed\n", "bad.yaml")
    assert "bad.yaml:" in str(info.value) and "YAML" in str(info.value)


def test_yaml_tags_cannot_construct_objects():
    with pytest.raises(RuleError):
        load_text("- !!python/object/apply:os.system ['true']\n", "evil.yaml")


def test_catastrophic_user_regex_is_stopped_with_a_clear_message():
    from officekit.document.text_reader import from_text
    from officekit.engine import runner
    from officekit.engine.rule import REGEX_TIMEOUT
    from officekit.structure.model import Draft, ElementSpan

    text = GOOD.replace("forbid: 坏词", "forbid: '(a|aa)+c'").replace("这是坏词", "aac").replace(
        "这是好词", "b")
    [rule] = load_text(text, "slow.yaml")
    doc = from_text("a" * 80)
    draft = Draft(doc, [ElementSpan("正文", "body", 1, 0, len(doc.body[0].text), doc.body[0].text)])
    import time

    t = time.monotonic()
    [finding] = runner.run(draft, [rule])
    # unstopped, this pattern would run for years on 80 characters; stopped, it ends near the timeout
    assert time.monotonic() - t < REGEX_TIMEOUT * 10
    assert "超时" in finding.message and finding.rule == "W901"


def test_doctype_scope_can_exclude_with_a_bang():
    from officekit.document.text_reader import from_text
    from officekit.engine import runner
    from officekit.structure.model import Draft, ElementSpan

    [rule] = load_text(GOOD.replace("  forbid: 坏词\n", "  forbid: 坏词\n  doctype: ['!纪要']\n"), "house.yaml")
    doc = from_text("这是坏词")
    draft = Draft(doc, [ElementSpan("正文", "body", 1, 0, 4, "这是坏词")])
    for doctype, expected in (("通知", 1), (None, 1), ("纪要", 0)):
        draft.doctype = doctype
        assert len(runner.run(draft, [rule])) == expected, doctype
    with pytest.raises(RuleError) as info:
        load_text(GOOD.replace("  forbid: 坏词\n", "  forbid: 坏词\n  doctype: ['!便条']\n"), "house.yaml")
    assert "不是已知文种" in str(info.value)


def test_a_deferring_rule_gives_way_to_a_surer_finding_on_the_same_characters():
    from officekit.document.text_reader import from_text
    from officekit.engine import runner
    from officekit.structure.model import Draft, ElementSpan

    def pattern_rule(rid, forbid, extra="", gate="文字关"):
        text = (GOOD.replace("W901", rid).replace("forbid: 坏词", f"forbid: {forbid}\n  replace: 好\n{extra}")
                .replace("gate: 文字关", f"gate: {gate}"))
        return load_text(text, "house.yaml")[0]

    guess = pattern_rule("W902", "坏词", "  defer: true")
    sure = pattern_rule("W903", "坏")
    other_gate = pattern_rule("F904", "坏", gate="格式关")
    doc = from_text("这是坏词，那是坏词")
    draft = Draft(doc, [ElementSpan("正文", "body", 1, 0, 9, doc.body[0].text)])
    assert sorted(f.rule for f in runner.run(draft, [guess])) == ["W902", "W902"]
    # the surer W903 covers both places: the guess gives way; a finding of another gate does not count
    assert sorted(f.rule for f in runner.run(draft, [guess, sure])) == ["W903", "W903"]
    assert sorted(f.rule for f in runner.run(draft, [guess, other_gate])) == ["F904", "F904", "W902", "W902"]
    with pytest.raises(RuleError) as info:
        pattern_rule("W905", "坏", "  defer: maybe")
    assert "defer" in str(info.value)
