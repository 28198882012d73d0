"""Text patterns of the 公文要素, compiled once.

Patterns are tolerant on purpose: the recogniser must find a 发文字号 written with the wrong brackets or a
成文日期 with a leading zero, so that the rules can then say what is wrong with it.  Most patterns are meant
for `fullmatch` on the *compact* text of a block (all whitespace removed, see `compact`).
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def compact(text: str) -> str:
    """The block text without any whitespace (spaces, U+3000, NBSP, tabs, line breaks)."""
    return _WS.sub("", text)


def leading_space_chars(text: str) -> float:
    """How far spaces push a line in, in characters (字): a full-width space is one, an ASCII or
    no-break space half of one, a tab two.  (Formatting rules read typed indents the same way.)"""
    width = 0.0
    for ch in text:
        if ch == "\u3000":
            width += 1
        elif ch in " \u00a0":
            width += 0.5
        elif ch == "\t":
            width += 2
        else:
            break
    return width


_OPEN = "〔\\[［【(（﹝〖{｛"
_CLOSE = "〕\\]］】)）﹞〗}｝"
# Placeholder digits of a template: 20XX, ××, □□, ＿＿ (a rule says once that the slot is unfilled).
PLACEHOLDER_DIGITS = "X×Ｘx□＿_"
_YEAR = rf"(?:19|20)(?:\d{{2}}|[{PLACEHOLDER_DIGITS}]{{2}})|\d{{2}}|[{PLACEHOLDER_DIGITS}]{{2,4}}"

# 发文字号: 机关代字〔2024〕12号 — the code may be empty in templates ("〔2020〕号").  Loose on purpose, the
# rules judge the strict shape: a two-digit year, a missing 号, any bracket pair, stray spaces.
ZIHAO = re.compile(
    rf"(?P<code>[^\s{_OPEN}：:，。]{{0,30}}?)\s*[{_OPEN}]\s*(?:{_YEAR})\s*[{_CLOSE}]\s*第?\s*"
    rf"(?:(?:\d+|[{PLACEHOLDER_DIGITS}]+)\s*[号期次]?|[号期次])"
)
# 令号 / 纪要期号 of the special layouts: 第719号, 第3期.
ORDER_NUMBER = re.compile(r"第[0-9０-９一二三四五六七八九十百〇零X×Ｘ]*[号期]")
# 签发人：张三 — or written without its colon, 签发人 张三 (the names follow on the line).
SIGNER = re.compile(r"签\s*发\s*人\s*[:：]|签\s*发\s*人(?=\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*\s*$)")

# 份号: six digits; loosely any short run of digits alone on the first line (the rule says what is wrong).
COPY_NUMBER = re.compile(r"(?:份号[:：]?|No\.?)?[0-9０-９]{1,8}")
# The 版头 marks, including the wrong forms the element rules explain (内部, 秘 密 spaced out as in
# the 1999 layout, 急件), so that a draft carrying them gets the targeted message instead of silence.
# Loose as well: 秘密 1年 (no ★), 机密5年, 密级：秘密, and the non-statutory 保密/涉密 (for `fullmatch` on the
# compact text).
_PERIOD = r"(?:\d+|[〇零一二三四五六七八九十]+)(?:年|个月)|长期"
SECRECY = re.compile(
    r"(?:密级[:：]?)?(?:绝密|机密|秘密|内部(?:资料|文件|材料|事项|使用)?|保密|涉密|普通密级|注意保存)"
    rf"(?:[★☆*＊·]?(?:{_PERIOD})|[★☆*＊]\S{{0,12}})?"
)
URGENCY = re.compile(r"(?:紧急程度[:：]?)?(?:特急件?|加急件?|特提|平急|急件|紧急|特别紧急|十万火急)")

_CN_NUM = "〇零○Ｏ一二三四五六七八九十"
_PH = PLACEHOLDER_DIGITS
_DATE = (
    rf"(?:(?:19|20)\d{{2}}|\d{{2}}|(?:19|20)\d?[{_PH}]{{1,2}}|[{_CN_NUM}]{{4}}|[{_PH}]{{2,4}})年"
    rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}}|[{_PH}]{{1,2}})月"
    rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}}|[{_PH}]{{1,2}})日"
)
DATE = re.compile(_DATE)
# A 成文日期 a template leaves to fill in: [日期], 【成文日期】, or the blank "    年  月  日" (compact).
DATE_PLACEHOLDER = re.compile(r"[\[［【〔<＜(（]\s*(?:成文|落款|发文)?(?:日期|时间)\s*[\]］】〕>＞)）]|年月日")
# A date written with dots or dashes (2024.5.6, 2024-05-06): still the 成文日期 when it closes a 落款, so the
# rules can say how it should be written.
LOOSE_DATE = re.compile(r"(?:19|20)\d{2}\s*[.．\-－/]\s*\d{1,2}\s*[.．\-－/]\s*\d{1,2}\s*日?")
# 署名 and 成文日期 on one line: "国务院办公厅 2021年4月21日" (compact form).
SIGNATURE_AND_DATE = re.compile(rf"(?P<org>[^\d，。：；、（）()]{{2,30}}?)(?P<date>{_DATE})")
ISSUE_LINE = re.compile(rf".*?{_DATE}印发")  # 印发机关和印发日期 (compact)
COPY_TO = re.compile(r"(?:抄|分)\s*送\s*[:：]")  # 分送： is the 抄送 of some party organs' 版记
MAIN_TO_IN_RECORD = re.compile(r"主\s*送\s*[:：]")

# 附件说明 starts with 附件： — or, written wrongly, 附件1：… on a line per attachment.
ATTACHMENT_NOTE = re.compile(r"附\s*件\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[:：]")
# The label line of an attachment page: 附件, 附件2, 附件：, and the template's 附件1（可选）.
ATTACHMENT_LABEL = re.compile(r"附件[0-9０-９一二三四五六七八九十]*[:：]?(?:[（(][^（）()]{1,8}[）)])?")
LIST_ITEM = re.compile(r"\d+\s*[.．、]")  # continuation lines of a 附件说明: 2．xxx

NOTE = re.compile(r"[（(].+[）)]")  # 附注: （此件公开发布）
# A template's label naming the slot below it (称谓 over 各位同志：): no element of its own.
SLOT_LABELS = frozenset({"称谓", "称呼", "抬头", "主送", "主送单位", "主送机关"})
# A letter's salutation written without its colon (尊敬的 先生/女士): the 主送 slot of a 事务 letter.
SALUTATION_LINE = re.compile(r"尊敬的[^，。；！？,.;!?]{1,38}")
# Contact lines a letter's 署名 may carry under it, without the brackets of a 附注.
CONTACT_LINE = re.compile(r"(?:地址|通讯地址|电话|联系电话|联系人|邮编|邮政编码|传真|邮箱|电子邮箱|网址)[:：]")
# A form's header line: two or more 「label：value」 fields set apart by wide spaces (申请时间：…   编号：…).
FORM_HEADER = re.compile(r"\s*[\u4e00-\u9fff]{2,8}[:：]\S.*?(?:\s{3,}|\t)[\u4e00-\u9fff]{2,8}[:：]\S.*")
EMPTY_DATE_SLOT = "年月日"  # 「年   月   日」: the date a form's signer fills in by hand (compact text)
NO_TEXT_PAGE = re.compile(r"[（(]此页无正文[）)]")  # an old practice above a 落款 moved to its own page: no 要素
# A 附注 written without its brackets, right under the 成文日期: 此件公开发布, 本件发至县级.
BARE_NOTE = re.compile(r"(?:此件|本件|此文)[^，。；：]{2,24}")
SEAL_PLACEHOLDER = re.compile(
    r"[〔\[［【（(]?\s*(?:此处)?(?:加盖|盖)?\S{0,4}(?:印章|公章|签名章)\s*[〕\]］】）)]?"
    # a bracketed note about the seal: （此处添加印章图片或文字说明）
    r"|[〔\[［【（(][^〔〕\[\]［］【】（）()]{0,12}(?:印章|公章|签名章|盖章)[^〔〕\[\]［］【】（）()]{0,10}[〕\]］】）)]"
)
# The signer's line of a form-like 落款, filled in or left blank: 申请人：, 汇报人：____, （报告人：某某）,
# 单位（盖章）：.  (compact text)
SIGNATURE_LABEL = re.compile(
    r"[（(]?(?:申请人|汇报人|报告人|承办人|填报人|签名|签字|署名|落款单位|申请单位|报送单位|填报单位|单位)"
    r"(?:[（(](?:签字|签名|盖章|签章|公章)[）)])?[:：][^，。；：:]{0,16}?[）)]?"
)
ATTENDANCE = re.compile(r"(?:出\s*席|请\s*假|列\s*席|缺\s*席)\s*[:：]")  # 纪要 attendance lines (§10.3)
DATELINE = re.compile(r"新华社\S{0,12}电")  # news-agency dateline in front of a published text

# A template's bracketed field, e.g. [此处输入文件标题], 【发文单位】; group 1 is what it asks for.
PLACEHOLDER = re.compile(r"[\[［【<＜]\s*([^\[\]［］【】<>＜＞]{1,20}?)\s*[\]］】>＞]")
# What a placeholder asks for when it stands for the issuing organ (a 署名 still to fill in).
ISSUER_PLACEHOLDER = re.compile(r"发文|单位|机关|署名|落款|部门|名称")
# The 发文字号 of a template: [此处输入文号]号, 【发文字号】.
ZIHAO_PLACEHOLDER = re.compile(r"[\[［【<＜][^\]］】>＞]{0,10}(?:文号|字号)[\]］】>＞]\s*号?")
# 共1页 in the 版头 of a telegram: a page count, not an element.
PAGE_COUNT = re.compile(r"共\s*\d+\s*页")
# 共印20份 under the 印发 line (the number of copies printed, part of the 版记).
COPIES_PRINTED = re.compile(r"[（(]?共印\s*\d+\s*份[）)]?")
# A chapter heading (第一章 总则): the text of a 规章 or a tender file has begun, it is no title line.
CHAPTER = re.compile(r"第[一二三四五六七八九十百零〇\d]+[章节编篇]")
# An entry of a table of contents: the heading, then a tab or a leader of dots, then the page number.
CONTENTS_ENTRY = re.compile(r".{1,60}?(?:\t+|\s*[.．…·]{3,}\s*)\d{1,4}")
# Labels of the 明传电报 form (发电 版头 table): the cells around them are form fields, not 标题 or 正文.
TELEGRAM_LABELS = frozenset({"发电单位", "收电单位", "签批盖章", "签批", "签发", "等级", "电报等级", "密级", "发电号", "电报号"})
TELEGRAM_MARK = re.compile(r"(?:发电|电报)$")

PAGE_NUMBER = re.compile(r"[—\-－–~～]\s*\d+\s*[—\-－–~～]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")

# Heading numbering of 正文 (GB/T 9704 §7.3.3): 一、 → （一） → 1. → （1）.
HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"[一二三四五六七八九十百]+\s*、")),
    (2, re.compile(r"[（(]\s*[一二三四五六七八九十百]+\s*[）)]")),
    (3, re.compile(r"\d+\s*[.．](?!\d)")),
    (4, re.compile(r"[（(]\s*\d+\s*[）)]")),
)

# Things that end a sentence: a block holding them is body text, never a title or a 署名.
SENTENCE_END = re.compile(r"[。！？!?；;]")
# A line with no letter, digit or Han character (★ on the 版头 line, ——— rules): never an element.
ORNAMENT = re.compile(r"[^\w]+")
