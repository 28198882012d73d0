"""Golden expectations of the recogniser on real .docx drafts and templates of the shared corpus.

Every one of the 27 drafts and 37 templates has a case, written by reading the file as a 办公室 reviewer
would: the genre (公文 / 事务文书 / 书信 / 其他文稿), for a 公文 its 文种 and layout, and the element of its
key blocks (every 版头 line, the title, the 主送, the first and last 正文 line, every 落款/附件说明/附注/
版记 line; for a draft that is no 公文 the title).  Blocks are found by their text (whitespace ignored),
not by index, so a reader change that adds or drops an empty paragraph does not break the test; a key
ending in "…" is the start of a long block; `None` means the block must carry no element (a form label,
a byline, a table of contents, a cover-page line).
These are the blocks whose mis-tagging turned into false findings: a 署名 read as 正文 gets "正文首行缩进"
errors, a form label read as 标题 gets the title's font rules.

Where the recogniser is wrong today the case is an `xfail(strict=True)` whose reason says what it
misreads; the passing case of the same file holds what it already reads right.
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
_BILLY = "billysince__GongwenAssistant__"
_KAMISKY = "kamisky__GB-T-9704-2012-gongwen-format__"
_DANXIAO = "danxiaozhiren__gongwen-format-converter-skill__"
_FFGZZ = "ffgzz__official-doc-skills__"

ANY = "(not judged)"  # a 文种 or layout the case does not judge (a draft that is no 公文)
_PREFIX = "…"  # a key ending in … names a long block by its first characters


@lru_cache(maxsize=None)
def draft_of(path: Path) -> Draft:
    return recognize(read(str(skip_without_corpus(path))))


def element_of(draft: Draft, key: str | tuple[str, int]) -> str | None:
    """The element(s) of the body block whose text is `key` ("署名/成文日期" for two spans); a key
    (text, n) asks for the n-th block with that text, a key ending in … for the block starting so."""
    text, occurrence = key if isinstance(key, tuple) else (key, 1)
    wanted = compact(text)
    if wanted.endswith(_PREFIX):
        matches = [block for block in draft.document.body if compact(block.text).startswith(wanted[:-1])]
    else:
        matches = [block for block in draft.document.body if compact(block.text) == wanted]
    if len(matches) < occurrence:
        raise AssertionError(f"no block {occurrence} reads {text!r} in {Path(draft.document.path).name}")
    spans = draft.elements_of_block("body", matches[occurrence - 1].index)
    return "/".join(s.element for s in spans) or None


def element_of_footer(draft: Draft, index: int) -> str | None:
    return "/".join(s.element for s in draft.elements_of_block("footer", index)) or None


def misread(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# (path, genre, 文种, layout, {block: element})
DRAFT_CASES = [
    # -- 27 drafts of ../shared/corpus/docx ------------------------------------------------------------
    pytest.param(DOCX / "Agengcc__official-docx-formatter__public_service_guide_single_paragraph.docx",
                 "其他文稿", ANY, ANY, {}, id="agengcc-guide"),
    pytest.param(DOCX / "Agengcc__official-docx-formatter__public_service_guide_single_paragraph.docx",
                 ANY, ANY, ANY, {"公共服务事项办理指引公共服务事项是指面向社会公众提供的咨询、…": "标题/正文"},
                 id="agengcc-guide-fused-title"),
    # A news item: its section lines 【第一部分…】 are 正文.
    pytest.param(DOCX / "CooperTin1709__GFS_gongwen-format-skill__测试文案.docx", "其他文稿", ANY, ANY, {
        "以赛促学，严记校规 | 人工智能学院校规校纪知识竞赛圆满落幕": "标题",
        "校规校纪不仅仅是冰冷的条文，更是大学生活的安全带。…": "正文",
        "【第一部分：笔试环节——静悄悄的“战场”】": "正文",
        "希望AI学子在今后的学习生活中，不仅要写好代码，更要写好“大学”这本人生之书！": "正文",
    }, id="coopertin-news"),
    # A centred line in a much smaller size under the title (the author) is neither title nor text.
    pytest.param(DOCX / "Mrered__GongWen-Tamplate-Lite__out.docx", "其他文稿", None, "无版头", {
        "测试文段": "标题",
        "诸葛亮、亮葛诸": None,
        "这是一段不需要缩进的内容。": "正文",
        "一级标题a": "正文",
    }, id="mrered-out"),
    # A 倡议书 signed by four organs: the salutation stands where the 主送 does; 此致/敬礼 close the text;
    # the 附录 after the 落款 is the 附件.
    pytest.param(DOCX / "ario-dataset__ario-dataset.github.io__倡议书.docx", "事务文书", ANY, ANY, {
        "关于创建具身智能开源数据集的倡议书": "标题",
        "尊敬的全国各高校、科研院所、企业界同仁：": "主送机关",
        "具身智能是目前智能科学前沿的方向，被认为是实现通用人工智能的…": "正文",
        "此致": "正文",
        "敬礼！": "正文",
        "鹏城实验室、松灵机器人、中山大学、南方科技大学": "发文机关署名",
        "2024年3月28日": "成文日期",
        "附录1.数据格式说明": "附件",
    }, id="ario-proposal"),
    # A company report with a cover page laid out in a table, then a table of contents.
    pytest.param(DOCX / f"{_FFGZZ}ZS-项目可行性报告.docx", "其他文稿", "可行性报告", "无版头", {
        "基于AI辅助的": "标题",
        "结构疲劳分析报告自动生成": "标题",
        "项目可行性报告": "标题",
        "目录": None,
        "一、概述\t1": None,
        "十、研究结论\t27": None,
        "一、概述": "正文",
        "因此建议集团同意该项目立项，尽快开展相关研究。": "正文",
    }, id="ffgzz-feasibility"),
    pytest.param(DOCX / f"{_FFGZZ}ZS-项目可行性报告.docx", ANY, ANY, ANY, {
        "编号：": None,
        "保密声明：  保密文件，仅限内部交流。未经公司授权，不得复制和传播。": None,
        "招商局工业科技（上海）有限公司": None,
        "版本.": None,
        "撰写": None,
        "批准.": None,
    }, id="ffgzz-feasibility-cover"),
    # A project application form: 事务文书; its header line and the 公司意见 field are form labels.
    pytest.param(DOCX / f"{_FFGZZ}ZS项目立项申请书.docx", "事务文书", ANY, ANY, {
        "项目立项申请书": "标题",
        "结论和建议：": "正文",
    }, id="ffgzz-application"),
    pytest.param(DOCX / f"{_FFGZZ}ZS项目立项申请书.docx", ANY, ANY, ANY, {
        "申请立项时间：2026年x月x日           项目编号：CMSR-F06-1-2025-009": None,
        "公司意见：": None,
        "年   月   日": None,
    }, id="ffgzz-application-form-fields"),
    # A fragment of a guide without a title: it starts with a numbered section heading.
    pytest.param(DOCX / f"{_FFGZZ}产业链项目指南.docx", "其他文稿", ANY, ANY, {
        "(1)攻关必要性": "正文",
        "参与单位：": "正文",
    }, id="ffgzz-guide"),
    pytest.param(DOCX / f"{_FFGZZ}产业链项目指南.docx", ANY, ANY, ANY, {
        "1. AI驱动的船舶智能设计平台": "正文",
    }, id="ffgzz-guide-section-heading"),
    pytest.param(DOCX / f"{_FFGZZ}产业链项目攻关任务书.docx", "其他文稿", ANY, ANY, {
        "（三）船舶智能设计共性功能软件": "正文",
        "2028年里程碑节点：研发完成100%，完成智能设计服务平台…": "正文",
    }, id="ffgzz-task-fragment"),
    # A company's feasibility report, signed by a department with its date on the same line.
    pytest.param(DOCX / "fujianbang__tracy-word-tools__demo.docx", "其他文稿", ANY, ANY, {
        "中国西部国际博览城会议服务报价": "标题",
        "可行性研究报告": "标题",
        "项目名称": "正文",
        "此项中标会议服务业务处于盈利状态，随着日后会议开展数量的增加…": "正文",
        "事业六部2018年1月26日…": "发文机关署名/成文日期",
    }, id="fujianbang-report"),
    # A tender file: 第一章 starts the text, it does not continue the title (no 公告 from it).
    pytest.param(DOCX / "iomgaa-ycz__GovDoc-Editor__tender_sample_a.docx", "其他文稿", None, "无版头", {
        "智慧园区综合管理平台建设项目招标文件（测试样本A）": "标题",
        "第一章 招标公告": "正文",
    }, id="tender-sample"),
    pytest.param(DOCX / f"{_KAMISKY}公文样例_standard.docx", "公文", "通知", "文件", {
        "000001": "份号",
        "秘密★1年": "密级和保密期限",
        "中共云岭市委办公室文件": "发文机关标志",
        "云办发〔2026〕12号": "发文字号",
        "关于做好2026年暑期\n新时代文明实践工作的通知": "标题",
        "各县（市、区）委，市直各单位：": "主送机关",
        "为深入贯彻落实习近平新时代中国特色社会主义思想，推动新时代文…": "正文",
        "围绕群众需求，统筹志愿服务力量，打造一批可复制可推广的品牌项目。": "正文",
        "附件：2026年暑期新时代文明实践活动安排表": "附件说明",
        "中共云岭市委办公室": "发文机关署名",
        "〔此处加盖红色印章〕": "印章",
        "2026年7月16日": "成文日期",
        "（此文公开发布）": "附注",
        "抄送：市委各部委、市级国家机关各委办局。": "抄送机关",
        "中共云岭市委办公室    \t2026年7月16日印发": "印发机关和印发日期",
    }, id="kamisky-standard"),
    # A format sample: its numbered sample headings and the table caption are 正文.
    pytest.param(DOCX / "liuhanning__gongwen-formatter__demo_gongwen.docx", "其他文稿", ANY, ANY, {
        '一级"标题"123': "标题",
        "这是正文内容示例，采用仿宋_GB2312字体，三号字，固定2…": "正文",
        "表1  示例数据统计表": "正文",
        "插图标题采用黑体小四，不加粗，居中，位于图下方。": "正文",
    }, id="liuhanning-demo"),
    pytest.param(DOCX / "liuhanning__gongwen-formatter__公文格式要求&参考文档.docx", "其他文稿", ANY, ANY, {
        "公文格式要求&参考文档": "标题",
        "1．页面：A4版幅，上边距3.7cm、下边距3.5cm、左边距2.8cm、右边距2.6cm，页眉页脚均为1.8cm。": "正文",
    }, id="liuhanning-spec"),
    # A 决定 of two organs, its 落款 on a page of its own under 「（此页无正文）」.
    pytest.param(DOCX / "mechi871284__official-document-formatter__测试文本2.docx", "公文", "决定", "无版头", {
        "关于表彰2025年度安全生产先进单位及先进个人的决定": "标题",
        "去年以来，在市委、市政府坚强领导下，全市上下认真贯彻落实安全…": "正文",
        "希望受表彰的单位和个人珍惜荣誉，再接再厉，全市各级各部门要以…": "正文",
        "江城市人民政府": "发文机关署名",
        "2026年5月15日": "成文日期",
    }, id="mechi-text2"),
    pytest.param(DOCX / "mechi871284__official-document-formatter__测试文本2.docx", ANY, ANY, ANY, {
        "（此页无正文）": None,
        "中国共产党江南省江城市委员会": "发文机关署名",
    }, id="mechi-text2-joint-signature"),
    # Notes on regulations, no title.
    pytest.param(DOCX / "qingtianxt__policydocumentreviewsystem__规范性条例总结.docx", "其他文稿", ANY, ANY, {
        "参考自民政部等规范性文件管理办法制定，其中民政部办法作为主体，其他内容补充，并提供来源。": "正文",
        "总则内容：": "正文",
    }, id="qingtianxt-notes"),
    # A vertically set title, then a table of contents: 目录 and its entries are no 正文.
    pytest.param(DOCX / "smile-knigh__word-train__招生新媒体中心工作规章.docx", "其他文稿", None, "无版头", {
        "招生新媒体中心": "标题",
        "章": "标题",
        "目  录": None,
        "第二章 例会制度\t3": None,
        ("第二章 例会制度", 1): "正文",
        "（三）本制度由公布之日起实施。": "正文",
    }, id="smile-knigh-rules"),
    # An invitation in a text box (a 事务文书 like a 感谢信), addressed 尊敬的…先生/女士, signed by the company.
    pytest.param(DOCX / "smile-knigh__word-train__邀请函.docx", ANY, ANY, ANY, {
        "您好！": "正文",
    }, id="smile-knigh-invitation"),
    pytest.param(DOCX / "smile-knigh__word-train__邀请函.docx", "事务文书", ANY, ANY, {},
                 id="smile-knigh-invitation-genre"),
    pytest.param(DOCX / "smile-knigh__word-train__邀请函.docx", ANY, ANY, ANY, {
        "尊敬的            先生/女士": "主送机关",
        "珠海金山办公软件有限公司": "发文机关署名",
    }, id="smile-knigh-invitation-salutation-signature"),
    pytest.param(DOCX / "wbj12138__Project_VocationalandTechnicalCollege__立项要求+工作计划.docx",
                 "其他文稿", ANY, ANY, {
                     "一、立项要求：": "正文",
                     "标1. 计划实施安排表": "正文",
                 }, id="wbj-plan"),
    pytest.param(DOCX / f"{_ZHAOHUI}“我的刀盾”传播素材整理工作总结-v01.docx", "事务文书", ANY, ANY, {
        "“我的刀盾”传播素材整理工作总结": "标题",
        "一、基本情况": "正文",
        "下一步，将继续扩充高频文种的离线样例深度，完善不同文种之间的…": "正文",
    }, id="zhaohui-summary"),
    pytest.param(DOCX / f"{_ZHAOHUI}“我的刀盾”传播素材整理工作方案-v01.docx", "其他文稿", ANY, ANY, {
        "“我的刀盾”传播素材整理工作方案": "标题",
        "一、制定背景": "正文",
    }, id="zhaohui-plan"),
    pytest.param(DOCX / f"{_ZHAOHUI}“我的刀盾”网络动态简报-v01.docx", "其他文稿", ANY, ANY, {
        "“我的刀盾”网络动态简报": "标题",
        "一、导语": "正文",
    }, id="zhaohui-bulletin"),
    # Unnumbered section labels (来文回顾, 答复意见, 执行要求) are headings of the 正文.
    pytest.param(DOCX / f"{_ZHAOHUI}关于“我的刀盾”传播素材整理事项的回复函-v01.docx", "公文", "函", "无版头", {
        "关于“我的刀盾”传播素材整理事项的回复函": "标题",
        "[主送单位]：": "主送机关",
        "来文回顾": "正文",
        "特此函复。": "正文",
        "[发文单位]": "发文机关署名",
        "[日期]": "成文日期",
        "（联系人：[联系人] 联系电话：[固定电话]，[手机号]）": "附注",
    }, id="zhaohui-reply-letter"),
    # A report to a superior under a wrong 文种 name (专报): a 公文 all the same, it closes 「…专报，请审阅。」.
    pytest.param(DOCX / f"{_ZHAOHUI}关于“我的刀盾”网络传播情况的专报-v01.docx", "公文", "专报", "无版头", {
        "关于“我的刀盾”网络传播情况的专报": "标题",
        "一、事项概况": "正文",
        "以上情况专报，请审阅。": "正文",
    }, id="zhaohui-special-report"),
    pytest.param(DOCX / f"{_ZHAOHUI}关于“我的刀盾”网络传播情况的汇报材料-v01.docx", ANY, ANY, ANY, {
        "关于“我的刀盾”网络传播情况的汇报材料": "标题",
        "一、工作进展": "正文",
        "下一步，拟继续围绕“我的刀盾”的传播场景、内容调性和可爱化表…": "正文",
    }, id="zhaohui-briefing"),
    pytest.param(DOCX / f"{_ZHAOHUI}关于“我的刀盾”网络传播情况的汇报材料-v01.docx", "其他文稿", ANY, ANY, {},
                 id="zhaohui-briefing-genre"),  # 汇报材料: material for an oral report, like a 讲话稿, no 公文
    # A template 落款: [发文单位] pushed right, [日期]; the 联系人 line in brackets is the 附注.
    pytest.param(DOCX / f"{_ZHAOHUI}关于开展“我的刀盾”传播素材整理工作的通知-v01.docx", "公文", "通知", "无版头", {
        "关于开展“我的刀盾”传\n播素材整理工作的通知": "标题",
        "[主送单位]：": "主送机关",
        "为进一步梳理“我的刀盾”相关已下载原始素材，统一资料目录、引…": "正文",
        "特此通知。": "正文",
        "[发文单位]": "发文机关署名",
        "[日期]": "成文日期",
        "（联系人：[联系人] 联系电话：[固定电话]，[手机号]）": "附注",
    }, id="zhaohui-notice"),
    # The 附件1（可选） page (after a page break) is an 附件 placed before 「特此通知。」: misplaced, for a
    # rule to report, but an 附件 all the same (issue 10 §2).
    pytest.param(DOCX / f"{_ZHAOHUI}关于开展“我的刀盾”传播素材整理工作的通知-v01.docx", ANY, ANY, ANY, {
        "附件1（可选）": "附件",
        "图1：我的刀盾公开传播主图": "附件",
        "说明：供后续本地素材整理、内部交流和示例展示时参考。…": "附件",
    }, id="zhaohui-notice-attachment-inside"),
    # No 落款: the attachment label after the text starts the 附件, up to the 版记.
    pytest.param(DOCX / f"{_ZHAOHUI}关于研究“我的刀盾”网络传播情况的专题会议纪要-v01.docx", "公文", "纪要", "无版头", {
        "关于研究“我的刀盾”网络\n传播情况的专题会议纪要": "标题",
        "会议基本信息": "正文",
        "出席": "正文",
        "各有关单位要坚持真实性优先，继续跟踪“我的刀盾”相关本地素材…": "正文",
        "附件1（可选）": "附件",
        "图1：我的刀盾公开传播主图": "附件",
        "主送：[主送单位]": "主送机关",
        "抄送：[抄送单位]": "抄送机关",
        "审核：[审核人]": None,
    }, id="zhaohui-minutes"),
    # A speech: no 公文; its salutation 各位同志： stands where a 主送 does.
    pytest.param(DOCX / f"{_ZHAOHUI}在“我的刀盾”传播素材整理工作部署会上的讲话稿-v01.docx", "其他文稿", ANY, ANY, {
        "在“我的刀盾”传播素材整\n理工作部署会上的讲话稿": "标题",
        "各位同志：": "主送机关",
        "一、开场说明": "正文",
        "希望大家按照部署抓紧推进，边整理、边验证、边完善，尽快把这项工作做细做实。谢谢大家。": "正文",
    }, id="zhaohui-speech"),
    pytest.param(DOCX / f"{_ZHAOHUI}在“我的刀盾”传播素材整理工作部署会上的讲话稿-v01.docx", ANY, ANY, ANY, {
        "称谓": None,
    }, id="zhaohui-speech-template-label"),
]


TEMPLATE_CASES = [
    # -- 37 templates of ../shared/corpus/docx-templates-short ----------------------------------------
    # A bracketed note between 署名 and date about the seal is the 印章 placeholder; a 密级 set under the
    # title is a misplaced 密级 (the rules judge its place).
    pytest.param(TEMPLATES / "Lawliet-lgtm__copilot-help__master_template.docx", "公文", None, "文件", {
        "BJTU机密文件": "发文机关标志",
        "XXX〔2023〕X号": "发文字号",
        "测试公文标题": "标题",
        "密级：秘密": "密级和保密期限",
        "本文件用于安全检测测试，包含涉密信息。": "正文",
        "以上内容用于验证文档类文件在不同格式下的敏感信息检测能力。": "正文",
        "BJTU单位": "发文机关署名",
        "（此处添加印章图片或文字说明）": "印章",
        "二〇二三年一月一日": "成文日期",
    }, id="lawliet-master"),
    pytest.param(TEMPLATES / "Lawliet-lgtm__copilot-help__test.docx", "公文", "通知", "文件", {
        "一份公文文件": "发文机关标志",
        "国防部发〔2012〕21号": "发文字号",
        "国防部关于放假的通知": "标题",
        "各有关单位：": "主送机关",
        "正文部分": "正文",
        "电  话：123456578": "正文",
        "Xxxxxxxxxxxxx": "发文机关署名",
        "2012年12月12日": "成文日期",
        "抄送：教育局，教育局。": "抄送机关",
        "国防部                          2012年12月12日印发": "印发机关和印发日期",
        "共印2份": "印发机关和印发日期",
    }, id="lawliet-test"),
    pytest.param(TEMPLATES / "Lawliet-lgtm__copilot-help__test.docx", ANY, ANY, ANY, {
        "分送：教育局，教育局。": "抄送机关",
    }, id="lawliet-test-distribution"),  # 分送： is a 抄送 list under an old name
    # A chat-style 「通知」 in a group: a 事务文书.
    pytest.param(TEMPLATES / "TingliangZhang__Killer_Robort__通知.docx", "事务文书", ANY, ANY, {
        "通知": "标题",
        "建议使用GitHub版本控制，比较方便分享交流，万一发现方向错了也方便版本回退": "正文",
        "最后成果是论文，包括调研报告，…": "正文",
    }, id="tingliang-chat-notice"),
    # A mail-merge note to one person: 「XXX同学，您好！」 and a table of figures — a letter, no 公文.
    pytest.param(TEMPLATES / "jimmyss__auto_mail_tool__通知.docx", ANY, ANY, ANY, {
        "通 知": "标题",
        "根据2021年度的个人绩效考核、工资水平和出勤系数，综合考虑…": "正文",
    }, id="jimmyss-notice"),
    pytest.param(TEMPLATES / "jimmyss__auto_mail_tool__通知.docx", "书信", ANY, ANY, {},
                 id="jimmyss-notice-genre"),  # a note to one person (XXX同学，您好！): a letter
    # 明传电报 built from a table: the form's labels and fields are no 标志, 标题 or 正文.
    pytest.param(TEMPLATES / f"{_BILLY}cz_1.docx", "公文", "电报", "文件", {
        "□□□发电": "发文机关标志",
        "共1页": None,
        "发电单位": None,
        "签批盖章": None,
        "等级": None,
        "·": None,
        "明电": None,
        "〔2020〕号": "发文字号",
        "号": None,
        "[此处输入标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": None,  # the 发电单位 field
        ("XXXX人民政府", 2): "发文机关署名",
        "2020年2月19日": "成文日期",
    }, id="billysince-cz1-telegram"),
    # 公告 and 通告: no 主送; the number is a placeholder, the title and text are not the 署名.
    pytest.param(TEMPLATES / f"{_BILLY}gg_1.docx", "公文", "公告", "文件", {
        "XXXX人民政府公告": "发文机关标志",
        "〔20XX〕第XX号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-gg1"),
    pytest.param(TEMPLATES / f"{_BILLY}tg_1.docx", "公文", "通告", "文件", {
        "XXXX人民政府通告": "发文机关标志",
        "[此处输入文号]号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-tg1"),
    # 信函: the number set right under the 标志.
    pytest.param(TEMPLATES / f"{_BILLY}han_1.docx", "公文", None, "信函", {
        "XXXX人民政府": "发文机关标志",
        "〔2020〕XX号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        ("XXXX人民政府", 2): "发文机关署名",
        "2020年2月19日": "成文日期",
    }, id="billysince-han1"),
    pytest.param(TEMPLATES / f"{_BILLY}hyjy_1.docx", "公文", "纪要", "纪要", {
        "会议纪要": "发文机关标志",
        "〔20XX〕XX号": "发文字号",
        "XXXX人民政府                            2020年2月19日": "发文机关署名/成文日期",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-hyjy1"),
    # 令: the 签发人's title and name stand in the 署名's place.
    pytest.param(TEMPLATES / f"{_BILLY}ml_1.docx", "公文", "命令", "命令", {
        "XXXX人民政府令": "发文机关标志",
        "第  号": "发文字号",
        "[此处输入正文内容]": "正文",
        "[市长]  XXX": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-ml1"),
    # 上行文 with 签发人 on the number line; the red ★ parked above the page is the separator line's
    # ornament, no 密级.
    pytest.param(TEMPLATES / f"{_BILLY}sx_1.docx", "公文", None, "文件", {
        "★": None,
        "XXXX人民政府文件": "发文机关标志",
        "〔2020〕号 签发人：□□□": "发文字号/签发人",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-sx1"),
    # Joint 上行文 of two, three and four organs: the organs stacked beside 文件, the 署名 on one or two lines.
    pytest.param(TEMPLATES / f"{_BILLY}sx_2.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "〔2020〕号 签发人：□□□": "发文字号/签发人",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-sx2"),
    pytest.param(TEMPLATES / f"{_BILLY}sx_3.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "发文机关三": "发文机关标志",
        "〔2020〕号 签发人：□□□": "发文字号/签发人",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二 发文机关三": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-sx3"),
    pytest.param(TEMPLATES / f"{_BILLY}sx_4.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "发文机关三": "发文机关标志",
        "发文机关四": "发文机关标志",
        "〔2020〕号 签发人：□□□": "发文字号/签发人",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二": "发文机关署名",
        "发文机关三 发文机关四": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-sx4"),
    # The 通知 template's title is a placeholder (通知标题): no 文种 can be read from it.
    pytest.param(TEMPLATES / f"{_BILLY}tz_1.docx", "公文", None, "文件", {
        "XXXX人民政府": "发文机关标志",
        "通知标题": "标题",
        "[各单位]：": "主送机关",
        "[此处输入正文内容]": "正文",
        ("XXXX人民政府", 2): "发文机关署名",
        "2020年2月19日": "成文日期",
    }, id="billysince-tz1"),
    # 下行文 template: placeholder date 20XX年XX月XX日 under a 署名 pushed right with spaces.
    pytest.param(TEMPLATES / f"{_BILLY}xx_1.docx", "公文", None, "文件", {
        "★": None,
        "XXXX人民政府文件": "发文机关标志",
        "XX发〔20XX〕XX号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府": "发文机关署名",
        "20XX年XX月XX日": "成文日期",
        "XXXX人民政府 2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-xx1"),
    # Joint issue: both 署名 on one line, pushed by spaces.
    pytest.param(TEMPLATES / f"{_BILLY}xx_2.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "XXX〔20XX〕XX号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二": "发文机关署名",
        "20XX年XX月XX日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-xx2"),
    pytest.param(TEMPLATES / f"{_BILLY}xx_3.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "发文机关三": "发文机关标志",
        "〔2020〕号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二 发文机关三": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-xx3"),
    pytest.param(TEMPLATES / f"{_BILLY}xx_4.docx", "公文", None, "文件", {
        "文件": "发文机关标志",
        "XXXX人民政府": "发文机关标志",
        "发文机关二": "发文机关标志",
        "发文机关三": "发文机关标志",
        "发文机关四": "发文机关标志",
        "〔2020〕号": "发文字号",
        "[此处输入文件标题]": "标题",
        "[此处输入主送机关]：": "主送机关",
        "[此处输入正文内容]": "正文",
        "XXXX人民政府 发文机关二": "发文机关署名",
        "发文机关三 发文机关四": "发文机关署名",
        "2020年2月19日": "成文日期",
        "XXXX人民政府                        2020年2月19日印发": "印发机关和印发日期",
    }, id="billysince-xx4"),
    # A 证明 under the organ's 标志: a 公文 by its 版头; 证明 is no statutory 文种.
    pytest.param(TEMPLATES / f"{_BILLY}zm_1.docx", "公文", None, "文件", {
        "XXXX人民政府": "发文机关标志",
        "证  明": "标题",
        "[单位名称]：": "主送机关",
        "[此处输入正文内容]": "正文",
        ("XXXX人民政府", 2): "发文机关署名",
        "2020年2月19日": "成文日期",
    }, id="billysince-zm1"),
    pytest.param(TEMPLATES / f"{_DANXIAO}01-basic-formal.docx", "公文", "通知", "无版头", {
        "关于开展格式检查工作的通知": "标题",
        "各部门：": "主送机关",
        "为规范内部材料格式，现就有关事项通知如下。": "正文",
        "1. 明确责任。材料提交前应完成格式自查。": "正文",
        "附件：格式检查清单": "附件说明",
        "办公室": "发文机关署名",
        "2026年5月30日": "成文日期",
    }, id="danxiao-01-basic"),
    # Samples of a formatter's test suite: a title and a few lines of text, no 公文.
    pytest.param(TEMPLATES / f"{_DANXIAO}03-header-footer-page.docx", "其他文稿", ANY, ANY, {
        "页眉页脚和页码样例": "标题",
        "第二节内容": "正文",
    }, id="danxiao-03-header-footer"),
    pytest.param(TEMPLATES / f"{_DANXIAO}04-image-seal.docx", "其他文稿", ANY, ANY, {
        "图片和印章占位样例": "标题",
        "图片下方正文继续保持原有顺序。": "正文",
    }, id="danxiao-04-image"),
    pytest.param(TEMPLATES / f"{_DANXIAO}05-textbox-shape.docx", "其他文稿", ANY, ANY, {
        "文本框和形状样例": "标题",
        "文本框内文字": "正文",
    }, id="danxiao-05-textbox"),
    pytest.param(TEMPLATES / f"{_DANXIAO}06-auto-numbering.docx", "其他文稿", ANY, ANY, {
        "自动编号样例": "标题",
        "自动编号第一项": "正文",
    }, id="danxiao-06-numbering"),
    pytest.param(TEMPLATES / f"{_DANXIAO}08-comments-revisions.docx", "其他文稿", ANY, ANY, {
        "批注和修订样例": "标题",
        "本段将被插入批注锚点。": "正文",
    }, id="danxiao-08-comments"),
    pytest.param(TEMPLATES / f"{_KAMISKY}公文样例_letter.docx", "公文", "函", "信函", {
        "云岭市人民政府办公室": "发文机关标志",
        "云政函〔2026〕8号": "发文字号",
        "关于商请协办2026年云岭文化旅游节的函": "标题",
        "省文化和旅游厅：": "主送机关",
        "为充分展示云岭文化特色，促进文旅融合发展，…": "正文",
        "妥否，请函复。": "正文",
        ("云岭市人民政府办公室", 2): "发文机关署名",
        "〔此处加盖红色印章〕": "印章",
        "2026年7月16日": "成文日期",
    }, id="kamisky-letter"),
    # 纪要: its 期号 is the 发文字号; the attendance lines after the 落款 belong to the text.
    pytest.param(TEMPLATES / f"{_KAMISKY}公文样例_minutes.docx", "公文", "纪要", "纪要", {
        "中共云岭市委纪要": "发文机关标志",
        "〔2026〕第5次": "发文字号",
        "中共云岭市委常委会会议纪要": "标题",
        "一、听取上半年经济运行情况汇报": "正文",
        "会议听取了上半年经济运行情况汇报，原则同意下半年工作安排。": "正文",
        "中共云岭市委办公室": "发文机关署名",
        "〔此处加盖红色印章〕": "印章",
        "2026年7月16日": "成文日期",
        "列席：市人大、市政协有关负责同志": "正文",
        "中共云岭市委办公室    \t2026年7月16日印发": "印发机关和印发日期",
    }, id="kamisky-minutes"),
    pytest.param(TEMPLATES / f"{_KAMISKY}公文样例_order.docx", "公文", "命令", "命令", {
        "云岭市人民政府命令": "发文机关标志",
        "第1号": "发文字号",
        "发布《云岭市城市绿化管理办法》的命令": "标题",
        "《云岭市城市绿化管理办法》已经2026年7月15日市人民政府第20次常…": "正文",
        "市长…": "发文机关署名",  # the mayor's title and name, the 令's 签发人 in the 署名's place
        "〔此处加盖红色印章〕": "印章",
        "2026年7月16日": "成文日期",
        "云岭市人民政府办公室    \t2026年7月16日印发": "印发机关和印发日期",
    }, id="kamisky-order"),
    # 署名 and date in one paragraph, broken by a line break.
    pytest.param(TEMPLATES / "liangming99__gongwen__公文-2026-02-23.docx", "公文", "通知", "无版头", {
        "关于开展2024年度工作总结的通知": "标题",
        "各科室、各部门：": "主送机关",
        "一、工作总结内容": "正文",
        "请于2024年12月31日前将总结材料报送至办公室。": "正文",
        "办公室\n2024年12月1日": "发文机关署名/成文日期",
    }, id="liangming99-notice"),
    # A text to clean up: notes in brackets left in the title and the text; 10.5 pt everywhere.
    pytest.param(TEMPLATES / "mechi871284__official-document-formatter__测试文本4-旧.docx", "公文", "通知", "无版头", {
        "关于进一步规范会议管理的通知   （此处有多个前导空格）": "标题",
        "各区县、各部门：": "主送机关",
        "为进一步转变会风，现就有关要求明确如下：     （此处有空格和中英文混合）": "正文",
        "特此通知。": "正文",
        "（此处多个空行或空格）": "正文",
        "市政府办公室": "发文机关署名",
        "2026年1月1日": "成文日期",
    }, id="mechi-text4-old"),
    # An aside in brackets indented like the text above the 落款 is no 署名.
    pytest.param(TEMPLATES / "mechi871284__official-document-formatter__测试文本4.docx", "公文", "通知", "无版头", {
        "关于进一步规范会议管理的通知   （此处有多个前导空格）": "标题",
        "各区县、各部门：": "主送机关",
        "为进一步转变会风，现就有关要求明确如下：     （此处有空格和中英文混合）": "正文",
        "特此通知。": "正文",
        "（此处多个空行或空格）": "正文",
        "市政府办公室": "发文机关署名",
        "2026年1月1日": "成文日期",
    }, id="mechi-text4"),
]

# Page-setup templates with no body text at all, only the page number in the footer.
BLANK_TEMPLATES = ["A4_1", "A4_1_m", "A4_2", "A4_3", "A5_3"]


@pytest.mark.parametrize("path, genre, doctype, layout, expected", DRAFT_CASES + TEMPLATE_CASES)
@requires_corpus
def test_corpus_docx_golden(path, genre, doctype, layout, expected):
    draft = draft_of(path)
    facts = {"genre": draft.genre, "文种": draft.doctype, "layout": draft.layout}
    wanted = {key: value for key, value in zip(facts, (genre, doctype, layout)) if value != ANY}
    got = {key: facts[key] for key in wanted} | {text: element_of(draft, text) for text in expected}
    assert got == wanted | expected


def _gongwen_paths() -> list[Path]:
    return list(dict.fromkeys(p.values[0] for p in DRAFT_CASES + TEMPLATE_CASES if p.values[1] == "公文" and not p.marks))


def _named_blocks(draft: Draft, path: Path) -> set[int]:
    """The body blocks some case of this file (passing or xfail) names."""
    keys = [key for p in DRAFT_CASES + TEMPLATE_CASES if p.values[0] == path for key in p.values[4]]
    named = set()
    for key in keys:
        text, occurrence = key if isinstance(key, tuple) else (key, 1)
        wanted = compact(text)
        matches = [b.index for b in draft.document.body
                   if (compact(b.text).startswith(wanted[:-1]) if wanted.endswith(_PREFIX) else compact(b.text) == wanted)]
        named.add(matches[occurrence - 1])
    return named


@pytest.mark.parametrize("path", _gongwen_paths(), ids=lambda p: p.stem[-40:])
@requires_corpus
def test_corpus_gongwen_other_blocks_are_running_text(path):
    """In a 公文 every non-empty block the golden cases do not name is running text (正文, or 附件 after
    the 落款): no stray 署名, 标题 or 主送 anywhere else."""
    draft = draft_of(path)
    named = _named_blocks(draft, path)
    stray = {}
    for block in draft.document.body:
        if block.text.strip() and block.index not in named:
            element = "/".join(s.element for s in draft.elements_of_block("body", block.index)) or None
            if element not in ("正文", "附件"):
                stray[block.index] = element
    assert stray == {}


@pytest.mark.parametrize("name", BLANK_TEMPLATES)
@requires_corpus
def test_blank_page_templates_have_only_page_numbers(name):
    draft = draft_of(TEMPLATES / f"{_BILLY}{name}.docx")
    assert [b for b in draft.document.body if b.text.strip()] == []
    footer = [b for b in draft.document.footer if b.text.strip()]
    assert footer and all(element_of_footer(draft, b.index) == "页码" for b in footer)
    assert draft.genre == "公文"


@requires_corpus
def test_every_corpus_docx_has_a_golden_case():
    """A draft added to the corpus gets its golden case here too."""
    covered = {p.values[0].name for p in DRAFT_CASES + TEMPLATE_CASES} | {f"{_BILLY}{n}.docx" for n in BLANK_TEMPLATES}
    present = {p.name for p in list(DOCX.glob("*.docx")) + list(TEMPLATES.glob("*.docx"))}
    assert present - covered == set()
    assert len(present) == 64


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
