"""enum: a value taken from an element is one of a closed set (no built-in rule uses it; an office may)."""

from officekit.document.text_reader import from_text
from officekit.engine.loader import load_text
from officekit.engine.rule import Context
from officekit.structure.model import Draft, ElementSpan

URGENCY = """\
- id: U002
  name: 紧急程度的写法
  type: enum
  element: 紧急程度
  gate: 格式关
  severity: error
  message: 紧急程度“{value}”不是{values}之一
  source: 本单位规定
  values: [特急, 加急]
  extract: '^(\\S+?)(?:件)?$'
  hints:
    紧急: 紧急程度写作“特急”或“加急”，不写“{value}”
  suggest: {特级: 特急}
  examples:
    - fail: 特级
    - pass: 加急
"""


def hits(text: str):
    [rule] = load_text(URGENCY, "house.yaml")
    d = from_text(text)
    draft = Draft(document=d, spans=[ElementSpan("紧急程度", "body", 1, 0, len(text), text)])
    return [(h.start, h.end, h.message, h.fix, h.vars["values"]) for h in rule.check(Context(draft, rule))]


def test_a_value_of_the_set_passes_and_others_are_reported_at_the_value():
    assert hits("加急") == []
    assert hits(" 特级") == [(1, 3, None, "特急", "特急、加急")]  # a known slip gets its right value as the fix


def test_a_value_with_a_hint_gets_its_own_sentence():
    assert hits("紧急件") == [(0, 2, "紧急程度写作“特急”或“加急”，不写“紧急”", None, "特急、加急")]
