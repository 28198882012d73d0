"""Golden expectations of the recogniser on real .docx drafts and templates of the shared corpus.

Each case names a corpus file, its 文种 and layout, and the element of a few key blocks.  Blocks are found
by their text (whitespace ignored), not by index, so a reader change that adds or drops an empty paragraph
does not break the test; `None` means the block must carry no element (a form label of a telegram).
These are the blocks whose mis-tagging turned into false findings: a 署名 read as 正文 gets "正文首行缩进"
errors, a form label read as 标题 gets the title's font rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from corpus import CORPUS_DOCX as DOCX
from corpus import CORPUS_TEMPLATES as TEMPLATES
from corpus import requires_corpus, skip_without_corpus
from officekit.document import read
from officekit.structure import Draft, recognize
from officekit.structure.patterns import compact

_ZHAOHUI = "zhaohui-yang__official-document-drafting__20260404-"


@lru_cache(maxsize=None)
def draft_of(path: Path) -> Draft:
    return recognize(read(str(skip_without_corpus(path))))


def element_of(draft: Draft, key: str | tuple[str, int]) -> str | None:
    """The element(s) of the body block whose text is `key` ("署名/成文日期" for two spans); a key
    (text, n) asks for the n-th block with that text."""
    text, occurrence = key if isinstance(key, tuple) else (key, 1)
    wanted = compact(text)
    matches = [block for block in draft.document.body if compact(block.text) == wanted]
    if len(matches) < occurrence:
        raise AssertionError(f"no block {occurrence} reads {text!r} in {Path(draft.document.path).name}")
    spans = draft.elements_of_block("body", matches[occurrence - 1].index)
    return "/".join(s.element for s in spans) or None


CASES = [
    # A template 落款: [发文单位] pushed right, [日期]; the 联系人 line in brackets is the 附注; the
    # 附件1（可选） above the 落款 is an illustration inside the text, not an attachment page.
    (DOCX / f"{_ZHAOHUI}关于开展“我的刀盾”传播素材整理工作的通知-v01.docx", "通知", "无版头", {
        "关于开展“我的刀盾”传播素材整理工作的通知": "标题",
        "[主送单位]：": "主送机关",
        "附件1（可选）": "正文",
        "特此通知。": "正文",
        "[发文单位]": "发文机关署名",
        "[日期]": "成文日期",
        "（联系人：[联系人] 联系电话：[固定电话]，[手机号]）": "附注",
    }),
    (DOCX / f"{_ZHAOHUI}关于“我的刀盾”传播素材整理事项的回复函-v01.docx", "函", "无版头", {
        "关于“我的刀盾”传播素材整理事项的回复函": "标题",
        "特此函复。": "正文",
        "[发文单位]": "发文机关署名",
        "[日期]": "成文日期",
    }),
    # No 落款: the attachment label after the text starts the 附件, up to the 版记.
    (DOCX / f"{_ZHAOHUI}关于研究“我的刀盾”网络传播情况的专题会议纪要-v01.docx", "纪要", "无版头", {
        "附件1（可选）": "附件",
        "图1：我的刀盾公开传播主图": "附件",
        "主送：[主送单位]": "主送机关",
        "抄送：[抄送单位]": "抄送机关",
    }),
    # 下行文 template: placeholder date 20XX年XX月XX日 under a 署名 pushed right with spaces.
    (TEMPLATES / "billysince__GongwenAssistant__xx_1.docx", None, "文件", {
        "XXXX人民政府文件": "发文机关标志",
        "XX发〔20XX〕XX号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "20XX年XX月XX日": "成文日期",
        "XXXX人民政府 2020年2月19日印发": "印发机关和印发日期",
    }),
    # Joint issue: both 署名 on one line, pushed by spaces.
    (TEMPLATES / "billysince__GongwenAssistant__xx_2.docx", None, "文件", {
        "发文机关二": "发文机关标志",
        "XXXX人民政府 发文机关二": "发文机关署名",
        "20XX年XX月XX日": "成文日期",
    }),
    # 通告: the number is a placeholder, the title and text are not the 署名.
    (TEMPLATES / "billysince__GongwenAssistant__tg_1.docx", "通告", "文件", {
        "XXXX人民政府通告": "发文机关标志",
        "[此处输入文号]号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "2020年2月19日": "成文日期",
    }),
    # 明传电报 built from a table: the form's labels and fields are no 标志, 标题 or 正文.
    (TEMPLATES / "billysince__GongwenAssistant__cz_1.docx", "电报", "文件", {
        "□□□发电": "发文机关标志",
        "共1页": None,
        "发电单位": None,
        "签批盖章": None,
        "等级": None,
        "明电": None,
        "〔2020〕号": "发文字号",
        "号": None,
        "[此处输入标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "XXXX人民政府": None,  # the 发电单位 field
        ("XXXX人民政府", 2): "发文机关署名",
    }),
    # 上行文 with 签发人 on the number line.
    (TEMPLATES / "billysince__GongwenAssistant__sx_1.docx", None, "文件", {
        "〔2020〕号 签发人：□□□": "发文字号/签发人",
        "[此处输入文件标题]": "标题",
        "XXXX人民政府": "发文机关署名",
    }),
    (TEMPLATES / "billysince__GongwenAssistant__hyjy_1.docx", "纪要", "纪要", {
        "会议纪要": "发文机关标志",
        "〔20XX〕XX号": "发文字号",
        "XXXX人民政府 2020年2月19日": "发文机关署名/成文日期",
        "[此处输入正文内容]": "正文",
    }),
    # A bracketed note between 署名 and date about the seal is the 印章 placeholder.
    (TEMPLATES / "Lawliet-lgtm__copilot-help__master_template.docx", None, "文件", {
        "BJTU单位": "发文机关署名",
        "（此处添加印章图片或文字说明）": "印章",
        "二〇二三年一月一日": "成文日期",
    }),
    (TEMPLATES / "Lawliet-lgtm__copilot-help__test.docx", "通知", "文件", {
        "国防部发〔2012〕21号": "发文字号",
        "各有关单位：": "主送机关",
        "2012年12月12日": "成文日期",
        "共印2份": "印发机关和印发日期",
    }),
    # An aside in brackets indented like the text above the 落款 is no 署名.
    (TEMPLATES / "mechi871284__official-document-formatter__测试文本4.docx", "通知", "无版头", {
        "特此通知。": "正文",
        "（此处多个空行或空格）": "正文",
        "市政府办公室": "发文机关署名",
        "2026年1月1日": "成文日期",
    }),
    (DOCX / "kamisky__GB-T-9704-2012-gongwen-format__公文样例_standard.docx", "通知", "文件", {
        "000001": "份号",
        "秘密★1年": "密级和保密期限",
        "中共云岭市委办公室文件": "发文机关标志",
        "云办发〔2026〕12号": "发文字号",
        "各县（市、区）委，市直各单位：": "主送机关",
        "附件：2026年暑期新时代文明实践活动安排表": "附件说明",
        "中共云岭市委办公室": "发文机关署名",
        "〔此处加盖红色印章〕": "印章",
        "2026年7月16日": "成文日期",
        "（此文公开发布）": "附注",
        "抄送：市委各部委、市级国家机关各委办局。": "抄送机关",
    }),
    # A cover page laid out in a table: its 编号： field is no 主送.
    (DOCX / "ffgzz__official-doc-skills__ZS-项目可行性报告.docx", "可行性报告", "无版头", {
        "项目可行性报告": "标题",
        "编号：": "正文",
    }),
    # A tender file: 第一章 starts the text, it does not continue the title (no 公告 from it).
    (DOCX / "iomgaa-ycz__GovDoc-Editor__tender_sample_a.docx", None, "无版头", {
        "智慧园区综合管理平台建设项目招标文件（测试样本A）": "标题",
        "第一章 招标公告": "正文",
    }),
    # A centred line in a much smaller size under the title (the author) is neither title nor text.
    (DOCX / "Mrered__GongWen-Tamplate-Lite__out.docx", None, "无版头", {
        "测试文段": "标题",
        "诸葛亮、亮葛诸": None,
        "这是一段不需要缩进的内容。": "正文",
    }),
    # A vertically set title, then a table of contents: 目录 and its entries are no 正文.
    (DOCX / "smile-knigh__word-train__招生新媒体中心工作规章.docx", None, "无版头", {
        "招生新媒体中心": "标题",
        "章": "标题",
        "目  录": None,
        "第二章 例会制度\t3": None,
        ("第二章 例会制度", 1): "正文",
    }),
]


CASE_IDS = [
    "zhaohui-notice", "zhaohui-reply-letter", "zhaohui-minutes", "billysince-xx1", "billysince-xx2",
    "billysince-tg1", "billysince-cz1-telegram", "billysince-sx1", "billysince-hyjy1", "lawliet-master",
    "lawliet-test", "mechi-text4", "kamisky-standard", "ffgzz-feasibility-cover", "tender-sample", "mrered-out", "smile-knigh-rules",
]


@pytest.mark.parametrize("path, doctype, layout, expected", CASES, ids=CASE_IDS)
@requires_corpus
def test_corpus_docx_golden(path, doctype, layout, expected):
    draft = draft_of(path)
    assert (draft.doctype, draft.layout) == (doctype, layout)
    got = {text: element_of(draft, text) for text in expected}
    assert got == expected


@requires_corpus
def test_rules_see_the_template_closing_not_body_text():
    """The false findings the mis-tags caused: the 署名 and date of the template, read as 正文, got
    "正文首行缩进二字" (F031); read as 落款 they get the 落款 rules instead."""
    from officekit.check import check_document
    from officekit.config.model import Config

    path = skip_without_corpus(TEMPLATES / "billysince__GongwenAssistant__xx_1.docx")
    draft, findings = check_document(read(str(path)), Config())
    closing = {b.index for b in draft.document.body if compact(b.text) in ("XXXX人民政府", "20XX年XX月XX日")}
    assert len(closing) == 2
    assert not [f for f in findings if f.rule == "F031" and f.location.block in closing]
