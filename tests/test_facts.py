"""Typed facts the recogniser hands the rules: the 发文字号's parts, dates as dates, heading numbers."""

from __future__ import annotations

import datetime

import pytest

from officekit.document.text_reader import from_text
from officekit.structure import recognize
from officekit.structure.facts import dates_in, heading_number, zihao_parts


@pytest.mark.parametrize("text,code,year,number,brackets,di,hao", [
    ("国办发〔2020〕13号", "国办发", 2020, 13, "〔〕", False, True),
    ("某政发[26]第05号", "某政发", 26, 5, "[]", True, True),
    ("某政发（2026）5", "某政发", 2026, 5, "（）", False, False),
    ("〔2020〕号", "", 2020, None, "〔〕", False, True),
])
def test_zihao_parts(text, code, year, number, brackets, di, hao):
    parts = zihao_parts(text)
    assert (parts.code, parts.year, parts.number, parts.brackets, parts.has_di, parts.has_hao) == (
        code, year, number, brackets, di, hao)
    assert text[parts.year_start:parts.year_end] == str(year)


def test_dates_are_days_and_impossible_days_are_none():
    found = dates_in("2026年2月30日起，至2026年3月5日止")
    assert [(d.text, d.day) for d in found] == [("2026年2月30日", None), ("2026年3月5日", datetime.date(2026, 3, 5))]


@pytest.mark.parametrize("text,number", [("三、工作要求", 3), ("（十二）加强领导", 12), ("3.明确分工", 3),
                                         ("（21）其他", 21), ("二十、附则", 20), ("一百、附则", 100)])
def test_heading_numbers(text, number):
    assert heading_number(text) == number


def test_the_draft_answers_with_facts():
    draft = recognize(from_text("某某市人民政府文件\n某政发〔2025〕5号\n关于加强安全生产工作的通知\n各县区人民政府：\n"
                                "现将有关事项通知如下。\n（三）落实责任\n各单位要落实责任。\n某某市人民政府\n2026年5月6日\n"))
    span, parts = draft.zihao()
    assert span.element == "发文字号" and (parts.year, parts.number) == (2025, 5)
    assert draft.date_of("成文日期")[1].day == datetime.date(2026, 5, 6)
    heading = next(b.index for b in draft.document.body if b.text.startswith("（三）"))
    assert draft.heading_number(heading) == 3
