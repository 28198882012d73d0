"""Is the draft a 公文 at all?  Personal letters and 事务文书 (a 转正申请, a 工作总结, a chat-style note) are
written to other conventions: GB/T 9704 layout and the 行文规则 make no sense for them, the 文字关 does.

The evidence is what a reviewer sees at a glance: a 版头 (标志 or 发文字号) makes a 公文 whatever else the
text says; without one, a title such as 转正申请/工作总结/述职报告, the letter's salutation 「尊敬的…」 with
「此致」「敬礼」, a 「申请人：」 signature, or a bare 「通知」 over chat-style text say it is not.
"""

from __future__ import annotations

import re

from officekit.structure.patterns import compact

GONGWEN = "公文"
AFFAIRS = "事务文书"  # 申请书、总结、述职报告、心得体会……
LETTER = "书信"
OTHER = "其他文稿"  # a report, a tender file, a set of rules read on their own
GENRES = (GONGWEN, AFFAIRS, LETTER, OTHER)

# Titles of 事务文书 (the word the title ends with, or the whole short title).
_AFFAIRS_TITLE = re.compile(
    r"(?:转正申请(?:书)?|入党申请(?:书)?|入团申请(?:书)?|辞职(?:申请|报告|信)|请假条|申请书|思想汇报|"
    r"(?:个人|年度|学期|实习|工作|学习|述职)?总结|述职(?:述廉)?报告|心得体会|学习体会|读后感|观后感|"
    r"自我鉴定|个人简历|感谢信|表扬信|检讨书|保证书|承诺书|倡议书|邀请函|邀请信|慰问信)"
    r"(?:[（(][^（）()]{0,12}[）)])?$"
)
# A 事务文书's title is short: 「关于某某同志的转正申请」; a long one ending in 总结 may be an organ's report.
_MAX_AFFAIRS_TITLE = 30
# Non-statutory titles of material written for a meeting or a leader, never sent as a 公文.
_MATERIAL_DOCTYPES = frozenset({"汇报材料", "讲话稿", "讲话", "发言", "汇报提纲", "发言稿"})
_SALUTATION = re.compile(r"^尊敬的")
# 「某某同学，您好！」: a greeting to one person opens a letter or a note, never a 公文.
_GREETING = re.compile(r"^[^。；]{1,16}?[，,：:]?(?:您|你)好[!！，,。]")
_HELLO = re.compile(r"(?:您|你|大家)好[!！，,。]?")  # the greeting on a line of its own under the salutation
_LETTER_CLOSE = re.compile(r"^(?:此致|敬礼[!！。]?|此致敬礼[!！。]?|祝好|顺祝商祺|谨上|敬上)$")
_APPLICANT = re.compile(r"^[（(]?(?:申请人|汇报人|报告人|述职人)[:：]")
# Chat-style cues under a bare 「通知」: addressing 大家, @mentions, emoji-like marks, stacked ！！.
_CHAT = re.compile(r"大家|各位(?:同学|同事|老师|家长)|@|[~～]{1,}|！！|!!|[哈嘿呀啦哦]{1}[！!~～。]")


def genre_of(draft) -> tuple[str, str | None]:
    """(genre, why) for a recognised draft: 公文 unless the evidence says otherwise."""
    if draft.has("发文字号") or draft.has("发文机关标志"):
        return GONGWEN, None
    lines = [compact(b.text) for b in draft.document.body if b.text.strip()]
    if not lines:
        return GONGWEN, None
    title = compact(draft.text_of("标题")) or lines[0]
    affairs = _AFFAIRS_TITLE.search(title)
    if affairs and len(title) <= _MAX_AFFAIRS_TITLE:
        return AFFAIRS, f"标题为“{affairs.group(0)}”"
    if not draft.has("主送机关") and any(_GREETING.search(line) for line in lines[:3]):
        return LETTER, "以“……您好”称呼一个人"
    salutation = any(_SALUTATION.match(line) for line in lines[:3])
    closing = any(_LETTER_CLOSE.match(line) for line in lines[-6:])
    if salutation and closing:
        return LETTER, "以“尊敬的……”称呼、以“此致”“敬礼”结尾"
    if salutation and draft.has("发文机关署名") and any(_HELLO.fullmatch(line) for line in lines[:4]):
        return AFFAIRS, "以“尊敬的……”称呼并问候“您好”、以单位署名落款的事务信函（邀请函、感谢信一类）"
    if any(_APPLICANT.match(line) for line in lines[-4:]):
        return AFFAIRS, "落款为“申请人：”一类的个人署名"
    if closing:
        return LETTER, "以“此致”“敬礼”结尾"
    if title == "通知" and not draft.has("主送机关") and _CHAT.search("".join(lines[1:])):
        return AFFAIRS, "只题“通知”二字，正文是聊天式的口语"
    # 关于…的专报 is a 公文 under a wrong 文种 name (the 文种 rule says so); 工作方案 on its own is not, nor
    # is 关于…的汇报材料 or a 讲话稿: material for a meeting, not a document sent to an organ
    if draft.doctype in _MATERIAL_DOCTYPES:
        return OTHER, f"标题为“{draft.doctype}”，是材料而非行文"
    if draft.doctype_statutory or "关于" in title or (draft.has("主送机关") and (draft.has("发文机关署名") or draft.has("成文日期"))):
        return GONGWEN, None
    # No 版头, no statutory 文种, not addressed and signed as one: a report, a tender file, a set of rules,
    # a news item — text to proof-read, not a 公文 to hold against GB/T 9704.
    return OTHER, "没有版头，标题不是法定文种，也没有主送机关和落款"

