"""Unit tests of the word rule types (typo, detector) on hand-built rules and drafts."""

from __future__ import annotations

from officekit.config.model import Config
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.rule import RuleSpec
from officekit.engine.types import get_type
from officekit.structure.model import Draft, ElementSpan


def draft(text: str) -> Draft:
    d = from_text(text)
    return Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])


def rule(type_name: str, severity="warning", message="{match}", **params) -> RuleSpec:
    module = get_type(type_name)
    full = {k: v.default for k, v in module.PARAMS.items()}
    full.update(params)
    spec = RuleSpec(id="W399", name="测试", type=type_name, gate="文字关", severity=severity, message=message,
                    source="测试", params=full)
    spec.check = module.build(spec)
    return spec


def texts(findings, d):
    return [d.document.block(f.location.part, f.location.block).text[f.location.start:f.location.end] for f in findings]


def test_typo_flags_lexicon_word_with_safe_fix():
    d = draft("各单位要认真布署。")
    [f] = runner.run(d, [rule("typo", wordlist="typos", safe=True)])
    assert texts([f], d) == ["布署"] and f.suggestion == "部署" and f.fix.replacement == "部署" and f.fix.safe


def test_typo_skips_match_inside_another_word():
    d = draft("既使用财政资金，又使用社会资本。")
    assert runner.run(d, [rule("typo", wordlist="typos")]) == []


def test_typo_without_fix_offers_only_a_suggestion():
    d = draft("此事涉及到多个部门。")
    [f] = runner.run(d, [rule("typo", wordlist="redundancy", fix=False)])
    assert f.fix is None and f.suggestion == "涉及"


def test_detector_suggests_the_word_a_similar_character_makes():
    d = draft("制定全市交通发展总休方案。")
    [f] = runner.run(d, [rule("detector")])
    assert texts([f], d) == ["总休"] and f.suggestion == "总体" and f.fix is None


def test_detector_quiet_on_correct_text_and_names():
    d = draft("制定全市交通发展总体方案，由市发展改革委牵头，张建国同志负责。")
    assert runner.run(d, [rule("detector")]) == []


def test_detector_respects_office_vocabulary():
    d = draft("制定全市交通发展总休方案。")
    spec = rule("detector")
    assert runner.run(d, [spec], config=Config(words={"accept": ["总休"]})) == []


def test_detector_trusts_a_suspect_the_draft_repeats():
    d = draft("支持受援地发展。\n受援地要落实责任。\n制定总休方案。")
    found = runner.run(d, [rule("detector")])
    assert [f.suggestion for f in found] == ["总体"]
