"""The slips issue 12 quotes from real drafts, each caught by the rule meant for it in a whole run of
the built-in rules (not in the shared drafts as stored now, so on fixtures): exact rule, place and
suggestion."""

from __future__ import annotations

import pytest

from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

SLIPS = [  # (line, rule, text flagged, suggestion)
    ("面对困难，我们不在畏缩，勇往直前。", "W350", "不在", "不再"),
    ("请登陆国家政务服务平台网站办理。", "W351", "登陆", "登录"),
    ("11月5日下在图书馆召开座谈会。", "W352", "下在", "下午在"),
    ("积极扶持中小企单发展。", "W355", "企单", "企业"),
    ("由项目查重责人负责组织实施。", "W354", "责人", "负责人"),
    ("上一秒中还在讨论，下一秒就有了结论。", "W353", "秒中", "秒钟"),
    ("时间过的飞快。", "W342", "的", "得"),
    ("要更好的掌握政策。", "W341", "的", "地"),
    ("我们很荣幸的被邀请参加。", "W341", "的", "地"),
    ("降幅为30-50%。", "W203", "30-50%", "30%～50%"),
    ("1-9月份全市完成投资。", "W209", "1-9月", "1—9月"),
    ("他在单位独挡一面。", "W302", "独挡一面", "独当一面"),
]


@pytest.fixture(scope="module")
def findings():
    text = "\n".join(line for line, *_ in SLIPS)
    document = from_text(text)
    found = runner.run(recognize(document), all_rules())
    return document, [f for f in found if f.gate == "文字关"]


@pytest.mark.parametrize("number, slip", list(enumerate(SLIPS, 1)), ids=[s[1] + " " + s[2] for s in SLIPS])
def test_each_quoted_slip_is_caught_by_its_rule(findings, number, slip):
    document, found = findings
    line, rule, flagged, suggestion = slip
    here = [f for f in found if f.location.block == number]
    text = document.block("body", number).text
    assert [(f.rule, text[f.location.start:f.location.end], f.suggestion) for f in here] == [(rule, flagged, suggestion)]
