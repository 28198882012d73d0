"""F071 on numbering as published documents write it: （一）…（五） running on across 一、/二、, Word's
automatic numbering, and findings that point at the number the secretary sees."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builders import ABSTRACT_NUM, FONT, IND, NUM, NUM_INSTANCE, SIZE, build_docx, p
from format_fixtures import HT, KT, LINE, run
from officekit.document import read
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

F071 = [r for r in all_rules() if r.id == "F071"]
INDENT = IND(firstLineChars=200) + LINE


def f071(path):
    return runner.run(recognize(read(str(path))), F071)


def opinion(tmp_path, paragraphs, numbering=None):
    body = "".join([
        p(run("云岭市人民政府关于加快林业发展的意见", size=22)),
        p(run("各县（市、区）人民政府，市政府各部门：")),
        p(run("为加快林业高质量发展，现提出如下意见。"), ppr=INDENT),
        *paragraphs,
        p(run("云岭市人民政府")),
        p(run("2026年11月16日")),
    ])
    return build_docx(tmp_path / "opinion.docx", body, default_rpr=FONT("仿宋_GB2312", "Times New Roman") + SIZE(16),
                      numbering=numbering)


def heading(text, font=HT, ppr=""):
    return p(run(text, font), ppr=INDENT + ppr)


def test_numbering_that_runs_on_across_sections_is_correct(tmp_path):
    paragraphs = [heading("一、总体要求"), heading("（一）指导思想。", KT), heading("（二）基本原则。", KT),
                  heading("二、主要任务"), heading("（三）加强森林防火。", KT), heading("（四）推进国土绿化。", KT),
                  heading("三、保障措施"), heading("（五）加强组织领导。", KT)]
    assert f071(opinion(tmp_path, paragraphs)) == []


def test_a_skip_points_at_the_typed_number(tmp_path):
    paragraphs = [heading("一、总体要求"), heading("（一）指导思想。", KT), heading("（三）基本原则。", KT)]
    (f,) = f071(opinion(tmp_path, paragraphs))
    assert (f.location.block, f.location.start, f.location.end) == (6, 0, 3)
    assert f.message == "序号跳号：“（一）”之后是“（三）”，缺少“（二）”"


def test_automatic_numbering_runs_on_and_a_skip_names_the_automatic_label(tmp_path):
    # 一、 headings numbered by hand; the （一） items by one automatic list that runs on across sections
    numbering = ABSTRACT_NUM(0, [("chineseCounting", "（%1）")]) + NUM_INSTANCE(1, 0)
    paragraphs = [heading("一、总体要求"), heading("指导思想。", KT, NUM(1)), heading("基本原则。", KT, NUM(1)),
                  heading("二、主要任务"), heading("加强森林防火。", KT, NUM(1))]
    path = opinion(tmp_path, paragraphs, numbering)
    draft = recognize(read(str(path)))
    assert draft.document.block("body", 8).props.numbering_label == "（三）"
    assert f071(path) == []
    # a hand-typed （五） after the automatic （三）: the message says which number is Word's
    skipped = opinion(tmp_path, paragraphs + [heading("（五）推进国土绿化。", KT)], numbering)
    (f,) = f071(skipped)
    assert f.location.block == 9 and f.message == "序号跳号：“（三）”之后是“（五）”，缺少“（四）”"
    auto_skip = ABSTRACT_NUM(0, [("chineseCounting", "（%1）")], start=2) + NUM_INSTANCE(1, 0)
    (g,) = f071(opinion(tmp_path, [heading("一、总体要求"), heading("指导思想。", KT, NUM(1))], auto_skip))
    assert g.location.start is None
    assert g.message == "序号跳号：此级序号应从“（一）”起，此处是“（二）”，缺少“（一）”（Word 自动编号）"



def test_paragraphs_of_an_attachment_do_not_restart_its_numbering(tmp_path):
    """A 附件 numbers 一、…二、 with paragraphs in between: the ladder restarts where the attachment begins,
    not after each of its paragraphs (every 二、 of an attached 方案 was reported as 「缺少一、」)."""
    def attached(third):
        body = [p(run("附件")), p(run("工作方案", size=22)), heading("一、总体要求"), p(run("坚持统筹推进。"), ppr=INDENT),
                heading("二、工作安排"), heading("（一）第一批。", KT), p(run("各单位按期完成。"), ppr=INDENT),
                heading("（二）第二批。", KT), heading(third), p(run("各单位要加强领导。"), ppr=INDENT)]
        path = opinion(tmp_path, [p(run("现将工作方案印发给你们。"), ppr=INDENT)])
        return build_docx(path, "".join([
            p(run("云岭市人民政府关于印发工作方案的通知", size=22)), p(run("各县（市、区）人民政府：")),
            p(run("现将工作方案印发给你们，请认真贯彻执行。"), ppr=INDENT), p(run("云岭市人民政府")),
            p(run("2026年11月16日")), *body]), default_rpr=FONT("仿宋_GB2312", "Times New Roman") + SIZE(16))

    assert f071(attached("三、工作要求")) == []
    (f,) = f071(attached("四、工作要求"))
    assert f.message == "序号跳号：“二、”之后是“四、”，缺少“三、”"


def test_each_article_of_a_regulation_starts_its_own_list(tmp_path):
    """第五条……：（一）…（五）； 第六条……：（一）… — an article's enumeration restarts, with or without the
    space after 第六条 (a 条例 quoted in a 决定 got 「（五）之后是（一）」)."""
    paragraphs = [p(run("第五条巡视组的职责是："), ppr=INDENT), heading("（一）了解情况；", KT), heading("（二）报告问题；", KT),
                  p(run("第六条　领导小组的职责是："), ppr=INDENT), heading("（一）听取汇报；", KT),
                  p(run("第七条领导小组办公室的职责是："), ppr=INDENT), heading("（一）协调工作；", KT)]
    assert f071(opinion(tmp_path, paragraphs)) == []


def test_plain_text_reports_a_skipped_first_level_number_only():
    from officekit.document.text_reader import from_text

    def hits(text):
        return [(f.location.block, f.location.start, f.location.end, f.message)
                for f in runner.run(recognize(from_text(text, "t.txt")), F071)]

    head = "云岭市人民政府关于加快林业发展的意见\n各县（市、区）人民政府：\n为加快林业高质量发展，现提出如下意见。\n"
    tail = "云岭市人民政府\n2026年11月16日"
    assert hits(head + "一、总体要求\n坚持生态优先。\n三、主要任务\n加强保护。\n" + tail) == [
        (6, 0, 2, "序号跳号：“一、”之后是“三、”，缺少“二、”")]
    # a restart (an unlabelled 附件, a quoted list) and the deeper levels are not judged without formatting
    assert hits(head + "一、总体要求\n二、主要任务\n一、项目名称\n（二）加强保护。\n" + tail) == []


def test_a_further_attached_document_starts_its_own_numbering():
    # an 印发 notice whose 附件 holds two documents in a row, the second under its title and issuer line
    from officekit.document.model import Block, Document, ParagraphProps, Run, RunProps, Section

    lines = [("关于印发长江流域禁捕有关方案的通知", "标题"), ("各省人民政府：", "主送机关"), ("现将有关方案印发给你们。", "正文"),
             ("国务院办公厅", "发文机关署名"), ("2020年7月1日", "成文日期"),
             ("退捕渔民安置保障工作实施方案", "附件"), ("一、总体要求", "附件"), ("二、主要任务", "附件"),
             ("三、组织实施", "附件"), ("打击长江流域非法捕捞专项整治行动方案", "附件"), ("公安部农业农村部", "附件"),
             ("一、总体要求", "附件"), ("二、整治重点", "附件")]
    blocks = [Block("body", n, text, [Run(text, RunProps(size_pt=16))], ParagraphProps(alignment="both"))
              for n, (text, _) in enumerate(lines, 1)]
    draft = recognize(Document(path="t.docx", kind="docx", body=blocks, sections=[Section()]))
    assert [draft.element_at("body", n) for n in range(1, len(lines) + 1)] == [e for _, e in lines]
    assert runner.run(draft, F071) == []
    # without the second title the restart is a reversal
    del blocks[9:11]
    for n, block in enumerate(blocks, 1):
        block.index = n
    found = runner.run(recognize(Document(path="t.docx", kind="docx", body=blocks, sections=[Section()])), F071)
    assert [(f.location.block, f.message) for f in found] == [(10, "序号顺序颠倒：“三、”之后是“一、”")]
