"""Numbered paragraphs are not all headings (GB/T 9704-2012 7.3.3 and published practice).

Published documents set a numbered item whose text is a paragraph in 仿宋 (「一、同意在北京市……。」,
「（一）建立完善……，……。」); only a short heading line takes 黑体/楷体, and a run-in heading
(「（一）加大援企稳岗力度。」 followed by text) only up to its first 。.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builders import IND, p
from format_fixtures import FS, HT, KT, LINE, conformant_notice, run
from officekit.document import read
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize
from officekit.structure.headings import heading_line, heading_lines

FORMAT_RULES = [r for r in all_rules() if r.pack == "format"]
INDENT = IND(firstLineChars=200) + LINE

ITEM = "一、同意在云岭市设立森林防火综合示范区，由市林业局会同有关部门组织实施，所需经费从现有渠道解决。"
RUN_ON = "（一）建立完善森林防火责任体系，明确各级各部门的职责分工，做到责任到人、任务到岗。"
RUN_IN_HEAD = "（一）加大巡查力度。"
RUN_IN_TEXT = "各地要组织护林员开展拉网式巡查，做到早发现、早报告、早处置。"


def findings(path):
    draft = recognize(read(str(path)))
    return draft, runner.run(draft, FORMAT_RULES)


def notice(tmp_path, paragraph_8: str, paragraph_10: str | None = None):
    """The conformant 通知 with its paragraphs 8 (under 一、) and 10 (under 二、) replaced."""
    swap = {8: paragraph_8}
    if paragraph_10 is not None:
        swap[10] = paragraph_10
    return conformant_notice(tmp_path, swap=swap)


def test_published_practice_is_clean(tmp_path):
    # 一、 item and a run-on （一） item in 仿宋; a run-in heading in 楷体 up to its 。, then 仿宋
    path = notice(tmp_path, p(run(RUN_ON), ppr=INDENT),
                  p(run(RUN_IN_HEAD, KT), run(RUN_IN_TEXT), ppr=INDENT))
    draft, found = findings(path)
    assert found == [], [(f.rule, f.location.block, f.message) for f in found]
    assert heading_line(draft, draft.block("body", 8)) is None
    line = heading_line(draft, draft.block("body", 10))
    assert (line.level, line.end, line.whole) == (2, len(RUN_IN_HEAD), False)


def test_numbered_item_in_fangsong_is_not_a_heading(tmp_path):
    swap = {7: p(run(ITEM), ppr=INDENT), 8: p(run("各地要严格落实责任。"), ppr=INDENT)}
    draft, found = findings(conformant_notice(tmp_path, swap=swap))
    assert draft.heading_levels.get(7) == 1  # still numbered: the ladder counts it
    assert found == [], [(f.rule, f.location.block, f.message) for f in found]


def test_numbered_item_in_heiti_is_a_body_font_error(tmp_path):
    swap = {7: p(run(ITEM, HT), ppr=INDENT)}
    _, found = findings(conformant_notice(tmp_path, swap=swap))
    assert [(f.rule, f.location.block) for f in found] == [("F012", 7)]
    assert found[0].message == "正文字体字号应为仿宋三号（16 磅），实为黑体三号（16 磅）"


def test_run_in_heading_in_fangsong_is_reported_on_the_heading_only(tmp_path):
    path = notice(tmp_path, p(run(RUN_IN_HEAD + RUN_IN_TEXT, FS), ppr=INDENT))
    _, found = findings(path)
    assert [(f.rule, f.location.block, f.location.start, f.location.end) for f in found] == \
        [("F014", 8, 0, len(RUN_IN_HEAD))]
    assert found[0].message == "二级标题（（一））字体字号应为楷体三号（16 磅），实为仿宋_GB2312三号（16 磅）"


def test_run_in_heading_whose_text_is_in_kaiti_is_a_body_font_error(tmp_path):
    path = notice(tmp_path, p(run(RUN_IN_HEAD + RUN_IN_TEXT, KT), ppr=INDENT))
    _, found = findings(path)
    assert [(f.rule, f.location.block, f.location.start) for f in found] == [("F012", 8, len(RUN_IN_HEAD))]


def test_heading_line_in_fangsong_is_still_caught(tmp_path):
    _, found = findings(conformant_notice(tmp_path, swap={7: p(run("一、压实防火责任", FS), ppr=INDENT)}))
    assert [(f.rule, f.location.block) for f in found] == [("F013", 7)]


def test_enumeration_items_are_body_text(tmp_path):
    item = "（一）与法律、行政法规相抵触的事项；"
    _, found = findings(notice(tmp_path, p(run(item, FS), ppr=INDENT)))
    assert found == [], [(f.rule, f.message) for f in found]


def test_the_last_item_of_a_list_is_body_text_too(tmp_path):
    """（一）……；（二）……。 — the item that closes a list ends in 。 and is as short as a heading, yet it
    is an item like the others: 仿宋 (a quoted list of a 条例 amendment got 「应为楷体」)."""
    swap = {8: p(run("（一）与法律、行政法规相抵触的事项；", FS), ppr=INDENT),
            9: p(run("（二）派出巡视组的党组织要求了解的其他问题。", FS), ppr=INDENT)}
    draft, found = findings(conformant_notice(tmp_path, swap=swap))
    assert draft.heading_levels.get(9) == 2
    assert [f for f in found if f.location.block == 9] == []


def test_an_unnumbered_section_heading_in_heiti_is_a_heading_not_body_text_in_the_wrong_font(tmp_path):
    # 「来文回顾」 in 黑体 over its text: GB/T 9704-2012 7.3.3 lets the 层次序数 go unwritten
    path = notice(tmp_path, p(run("来文回顾", HT), ppr=INDENT))
    draft, found = findings(path)
    assert [(f.rule, f.location.block) for f in found if f.location.block == 8] == []
    assert heading_lines(draft)[8].level == 1
    # a short line in 黑体 that ends a sentence is body text in the wrong font
    path = notice(tmp_path, p(run("请认真贯彻执行。", HT), ppr=INDENT))
    draft, found = findings(path)
    assert [(f.rule, f.location.block) for f in found if f.location.block == 8] == [("F012", 8)]
