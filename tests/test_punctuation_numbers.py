"""The punctuation (W1xx) and number (W2xx) packs: examples, quiet cases, a realistic bad draft, the corpus."""

import json

import pytest

from corpus import GOV_DOCUMENTS, requires_corpus
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.examples import problems
from officekit.engine.loader import load_file
from officekit.engine.packs import builtin_root
from officekit.structure.model import Draft, ElementSpan

PACKS = ("punctuation", "numbers")


def _rules():
    return [r for pack in PACKS for f in sorted((builtin_root() / pack).glob("*.yaml")) for r in load_file(f, pack)]


RULES = _rules()


def run(text: str):
    d = from_text(text)
    draft = Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])
    return runner.run(draft, RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_behave(rule):
    assert [p for ex in rule.examples for p in problems(rule, ex)] == []


def test_ids_ranges_and_sources():
    for r in RULES:
        assert r.gate == "文字关"
        if r.pack == "punctuation":
            assert "W101" <= r.id <= "W199" and "GB/T 15834-2011" in r.source, r.id
        else:
            assert "W201" <= r.id <= "W299" and "GB/T 15835-2011" in r.source, r.id
        if "待核实" in r.source:  # UNCONFIRMED clauses are never errors
            assert r.severity != "error", r.id
    assert len({r.id for r in RULES}) == len(RULES)


@pytest.mark.parametrize("text", [
    "国办发〔2020〕13号", "2020年5月31日", "国务院办公厅\n2020年5月31日\n（此件公开发布）",
    "根据《国务院办公厅关于印发〈某某方案〉的通知》（国办发〔2018〕115号）精神，现通知如下：",
    "一、总体要求\n（一）指导思想。\n1.加强领导。\n（1）明确责任。",
    "投资1,000万元，增长1.5%，会议于15:40开始，详见 http://www.gov.cn/a.htm?id=1,2。",
    "用三四个月时间，在一、二年级开展试点，2016—2020年增长15%～30%。",
    "改革开放40年来，我们取得了举世瞩目的成就。",
])
def test_good_text_is_quiet(text):
    assert [(f.rule, f.excerpt) for f in run(text)] == []


def test_a_bad_draft_reports_each_problem_where_it_is():
    text = "\n".join([
        "1、加强组织领导,确保工作落实",     # W118 at 0, W101 at 8
        "（一）、投资9～16亿元...",           # W119 at 0, W203 at 6, W107 at 12
        "二零二四年3月，请示事项如下:",       # W202, W207, W101
        "学习《条例》、《规定》等文件",       # W117 info
    ])
    got = {(f.rule, f.location.block, f.location.start, f.suggestion) for f in run(text)}
    assert ("W118", 1, 0, "1.") in got
    assert ("W101", 1, 8, "，") in got
    assert ("W119", 2, 0, "（一）") in got
    assert ("W203", 2, 6, "9亿～16亿") in got
    assert ("W107", 2, 12, "……") in got
    assert ("W202", 3, 0, "二〇二四年") in got
    assert ("W101", 3, 14, "：") in got
    assert any(r == "W207" and b == 3 for r, b, _, _ in got)
    assert any(r == "W117" and b == 4 for r, b, _, _ in got)
    safe = {f.rule for f in run(text) if f.fix is not None and f.fix.safe}
    assert safe == {"W101", "W202"}  # only purely mechanical fixes are safe


@requires_corpus
def test_published_documents_stay_quiet():
    docs = [json.loads(line)["text"] for line in GOV_DOCUMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = sum(len(t) for t in docs)
    errors = sum(1 for t in docs for f in run(t) if f.severity == "error")
    assert errors / chars * 10000 <= 1.0
