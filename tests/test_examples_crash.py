"""A rule that crashes on its own example is reported as crashed, never as "found the problem".

The runner marks the finding it writes for a rule that stopped (`Finding.rule_failed`); the example
check reads that mark, not the wording of the message (which once said 无法运行 where the check looked
for 未能运行, so a rule raising RuleError inside a `fail` example passed)."""

from __future__ import annotations

import dataclasses

import pytest

from officekit.engine import runner
from officekit.engine.examples import problems, run_example
from officekit.engine.loader import load_text
from officekit.engine.rule import RuleError

RULE = """
- id: W990
  name: 测试用规则
  type: pattern
  gate: 文字关
  severity: warning
  element: 正文
  forbid: 超时
  message: 不宜写“{match}”，请写明期限
  source: 测试
  examples:
    - fail: 项目已超时。
      at: 超时
    - pass: 项目按期完成。
"""


@pytest.fixture
def rule():
    return load_text(RULE, "<test>")[0]


def _raising(exc: Exception):
    def check(ctx):
        raise exc
        yield  # a generator, as a type's check is

    return check


@pytest.mark.parametrize("exc", [RuleError("文档过长"), ValueError("坏值"), TimeoutError()],
                         ids=["RuleError", "ValueError", "TimeoutError"])
def test_a_rule_that_raises_in_a_fail_example_is_a_crash_not_a_find(rule, exc):
    broken = dataclasses.replace(rule, check=_raising(exc))
    fail, passing = broken.examples
    _, findings = run_example(broken, fail)
    assert len(findings) == 1 and findings[0].rule_failed  # the runner's own finding, marked
    found = problems(broken, fail)
    assert found == [f"W990 '项目已超时。': {findings[0].message}"]
    assert problems(broken, passing) == [f"W990 '项目按期完成。': {findings[0].message}"]


def test_a_message_that_mentions_a_timeout_is_an_ordinary_finding(rule):
    # the rule's own wording says 超时: the old text match took that for a crash
    _, findings = run_example(rule, rule.examples[0])
    assert [(f.message, f.rule_failed) for f in findings] == [("不宜写“超时”，请写明期限", False)]
    assert all(problems(rule, example) == [] for example in rule.examples)


def test_ordinary_findings_are_not_marked(rule):
    draft, _ = run_example(rule, rule.examples[0])
    assert [f.rule_failed for f in runner.run(draft, [rule])] == [False]
