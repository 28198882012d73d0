"""Unit tests of the policy-gate word types with invented names and an office configuration."""

from __future__ import annotations

from officekit.engine import runner
from officekit.config.model import Config
from officekit.document.text_reader import from_text
from officekit.engine.rule import RuleSpec
from officekit.engine.types import get_type
from officekit.structure.model import Draft, ElementSpan


def draft(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def rule(type_name: str, message="{match}", **params) -> RuleSpec:
    module = get_type(type_name)
    full = {k: v.default for k, v in module.PARAMS.items()}
    full.update(params)
    spec = RuleSpec(id="P399", name="测试", type=type_name, gate="政策关", severity="warning", message=message,
                    source="测试", params=full)
    spec.check = module.build(spec)
    return spec


def texts(findings, d):
    return [d.document.block(f.location.part, f.location.block).text[f.location.start:f.location.end] for f in findings]


def OfficeConfig(**words) -> Config:
    return Config(words={k: list(v) for k, v in words.items()})


LEADERS = OfficeConfig(leaders=["王小明 市长 市委副书记", "赵大伟 副市长"])


def test_leader_with_a_title_that_is_not_theirs():
    d = draft("副市长王小明出席会议，赵大伟市长讲话。")
    found = runner.run(d, [rule("leaders")], config=LEADERS)
    assert texts(found, d) == ["副市长", "市长"]
    assert [f.suggestion for f in found] == ["市长、市委副书记", "副市长"]


def test_leader_with_the_right_title_is_quiet():
    d = draft("市长王小明、副市长赵大伟出席会议，市委副书记王小明讲话。")
    assert runner.run(d, [rule("leaders")], config=LEADERS) == []


def test_office_sensitive_words_through_the_typo_type():
    config = OfficeConfig(sensitive=["内部代号->（删去）, 不对外公开"])
    d = draft("本项目内部代号为甲。")
    [f] = runner.run(d, [rule("typo", wordlist="sensitive", fix=False)], config=config)
    assert texts([f], d) == ["内部代号"] and f.suggestion == "（删去）"


def test_outdated_organ_is_reported_unless_historical():
    d = draft("报农业部备案。\n原农业部印发的文件继续有效。\n2015年，国土资源部印发了该办法。")
    [f] = runner.run(d, [rule("outdated", wordlist="outdated_organs", message="{match}→{expected}（{year}）")])
    assert f.location.block == 1 and f.suggestion == "农业农村部" and f.message == "农业部→农业农村部（2018）"


def test_outdated_organ_inside_current_name_is_not_matched():
    d = draft("报农业农村部备案，各地交通部门配合。")
    assert runner.run(d, [rule("outdated", wordlist="outdated_organs")]) == []


def test_confusable_condition_on_following_text():
    spec = rule("confusable", cases=[{"word": "截止", "right": "截至", "followed_by": "目前|\\d"}])
    d = draft("截止目前已完成。\n报名于6月30日截止。")
    [f] = runner.run(d, [spec])
    assert f.location.block == 1 and f.suggestion == "截至"


def test_repetition_doubled_function_character_but_not_a_word():
    d = draft("这是我们的的工作。\n这的的确确是事实。")
    [f] = runner.run(d, [rule("repetition")])
    assert f.location.block == 1 and texts([f], d) == ["的的"]
