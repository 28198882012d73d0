"""W117: a list of quoted or 《》 items written with 顿号 between them is one finding, not one per 顿号.

GB/T 15834-2011 4.5.3.5: 标有引号（书名号）的并列成分之间通常不用顿号.  A real draft wrote eight quoted
names in one sentence and got seven identical hints; the secretary fixes the list once.
"""

from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.loader import load_file
from officekit.engine.packs import builtin_root
from officekit.structure.model import Draft, ElementSpan

W117 = [r for r in load_file(builtin_root() / "punctuation" / "marks.yaml", "punctuation") if r.id == "W117"]


def w117(text: str):
    d = from_text(text)
    draft = Draft(document=d, spans=[ElementSpan("正文", "body", b.index, 0, len(b.text), b.text) for b in d.body if b.text])
    return [(f.location.block, f.location.start, f.location.end, f.suggestion, f.fix.replacement if f.fix else None)
            for f in runner.run(draft, W117)]


def test_one_list_is_one_finding_whose_fix_drops_every_comma():
    text = "规范性文件名称可以使用“规定”、“办法”、“细则”等，但不得使用“条例”、“批复”。"
    # the first list: from its first 顿号 to the last one, before “细则”; the second list has one 顿号
    assert w117(text) == [(1, 15, 21, "删去顿号", "“办法”"), (1, 36, 37, "删去顿号", "")]
    assert text[15:21] == "、“办法”、" and text[36:37] == "、"


def test_a_comma_inside_an_item_stays():
    text = "推广“证照‘一口受理、并联办理’模式”、“电力工程审批绿色通道”、“不动产登记便民模式”等经验。"
    ((block, start, end, _, fix),) = w117(text)
    assert text[start:end] == "、“电力工程审批绿色通道”、" and fix == "“电力工程审批绿色通道”"


def test_book_titles_and_quotes_without_commas_are_quiet():
    assert w117("学习《条例》《规定》和《办法》，开展“送温暖”“献爱心”活动。") == []
