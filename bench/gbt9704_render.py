"""Typeset a 公文 as a GB/T 9704-2012 .docx (文件格式) with a plain-text twin, and know which block is which.

Three steps, each one function:

- `parse_published(row)` reads one published document of gov-documents.jsonl (a scraped plain text) into a
  `GovDoc`: title lines, 发文字号, 主送, 正文, 附件说明, 署名, 成文日期, 附注, 附件 pages.  What the text
  lacks is derived from the JSON fields (title, wenzhong, fawen_zihao) or synthesised plausibly: the issuer
  from the 署名, the title's 关于-prefix or the 字号's 代字, a 主送 for a 通知/意见/决定, the 版记.
- `compose(doc)` lays the document out as a list of `Para` (one paragraph each, its element and its
  formatting) on a `PageSetup`, following ../shared/reference/standards.md §1: A4, margins 37/35/28/26 mm,
  22 lines × 28 characters, red 小标宋 标志, 字号 centred under it with the red line, 2号小标宋 title, 主送
  flush left, 3号仿宋 正文 indented 2 characters, short 一、 headings 黑体 and （一） headings 楷体 (a run-in
  heading 「（一）指导思想。以……」 up to its 。; the item closing a ；-list is an item), 附件说明,
  the unsealed 落款 of 7.3.5.2, 附注, 附件 pages, the 版记 at the foot of the last page, 「— N —」 page
  numbers.  The defects of bench/defects.py edit this list, so block numbers stay known.
- `write_docx` / `write_txt` write it; block i of either file is `paras[i-1]` (the twin has one line a
  paragraph, empty paragraphs included, so officekit numbers both the same way).

Fonts are named, not embedded: a machine without 方正小标宋简体 or 仿宋_GB2312 shows substitutes.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

# -- fonts and sizes (GB/T 9704-2012 5.2.2, 7.2–7.5) --------------------------------------------------------
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_2 = 22.0  # 二号
RED = "FF0000"

# -- page (5.1, 5.2) -------------------------------------------------------------------------------------------
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines
CHAR_PITCH_PT = 15.8  # 156 mm / 28 characters
TITLE_LINE_PT = 35.0  # a 2号 title line: one and a quarter grid lines
TITLE_MAX_CHARS = 20  # 2号 characters on a 156 mm line
MARK_MAX_PT = 60.0
MARK_WIDTH_SHARE = 0.85  # the 标志 fills at most this share of the 版心 width
MARK_SPACE_BEFORE_PT = 90.0  # top edge of the 标志 about 35 mm below the top of the 版心 (7.2.4)
RED_LINE_SPACE_PT = 11  # 4 mm under the 发文字号 (7.2.7)
RED_LINE_EIGHTHS = 12  # 1.5 pt
RECORD_THICK_EIGHTHS = 8  # 1 pt ≈ 0.35 mm (7.4.1)
RECORD_THIN_EIGHTHS = 6  # 0.75 pt ≈ 0.25 mm
HEADING_MAX_CHARS = 30  # a numbered line longer than this (or with a sentence inside) is a paragraph
SIGNATURE_RIGHT_CHARS = 2.0  # 7.3.5.2: 署名 右空二字, the date's first character 2 characters further right

STATUTORY_DOCTYPES = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
                      "议案", "函", "纪要")
TITLE_ENDINGS = STATUTORY_DOCTYPES + ("条例", "规定", "办法", "细则", "方案", "规划", "纲要")
MAIN_TO_DOCTYPES = ("通知", "意见", "决定", "通报")  # a 主送 is synthesised for these when the text has none
DEFAULT_MAIN_TO = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
DEFAULT_COPY_TO = "抄送：党中央各部门，全国人大常委会办公厅，全国政协办公厅，最高人民法院，最高人民检察院。"
ZIHAO_CODES = {"国务院": ("国发", "国函"), "国务院办公厅": ("国办发", "国办函"), "中共中央": ("中发", "中发"),
               "中共中央办公厅": ("中办发", "中办发")}
PRINTERS = {"国务院": "国务院办公厅", "国务院办公厅": "国务院办公厅秘书局", "中共中央": "中共中央办公厅",
            "中共中央办公厅": "中共中央办公厅秘书局"}

_WS = re.compile(r"[\s\u3000\u00a0]+")
_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_ZIHAO = re.compile(r"\S{1,12}〔(?:19|20)\d{2}〕\d+号")
_SENTENCE = re.compile(r"[。；！？]")
_CLOSERS = "”’」』）) \t"  # marks that may follow a sentence's 。 and close it
_HEADING1 = re.compile(r"[一二三四五六七八九十]+、")
_HEADING2 = re.compile(r"（[一二三四五六七八九十]+）")
_ATT_LABEL = re.compile(r"附件\d*")
_ATT_NOTE = re.compile(r"附件[:：]")
_LIST_ITEM = re.compile(r"\d+[.．]")
_DATELINE = re.compile(r"新华社\S{0,12}电")
_ORGAN = re.compile(r"[\u4e00-\u9fff]{2,20}(?:院|厅|中央|委|部|局|会|府|办|署|室)")
_JOINT_PARTS = ("中共中央", "国务院", "中央军委")


def compact(text: str) -> str:
    return _WS.sub("", text)


def display_width(text: str) -> float:
    """Width in characters (字): Chinese and full-width characters 1, ASCII ½ (digits set in Times New Roman)."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


# -- the document ------------------------------------------------------------------------------------------
@dataclass
class Attachment:
    label: str  # 附件 / 附件2, or "" for the printed document an 印发 notice carries
    title: list[str]
    paragraphs: list[str]


@dataclass
class GovDoc:
    key: str
    issuer: str
    mark: str
    zihao: str
    title: list[str]
    main_to: str | None
    body: list[str]
    attachment_note: list[str]
    signature: list[str]
    date: str
    note: str | None
    attachments: list[Attachment]
    copy_to: str | None
    printer: str
    print_date: str
    doctype: str | None = None
    sealed: bool = False  # the 落款 relation used: 7.3.5.1 (sealed) or 7.3.5.2 (unsealed)
    synthesised: list[str] = field(default_factory=list)  # what the text lacked and was made up

    @property
    def date_value(self) -> dt.date:
        return _parse_date(self.date)


def format_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


# -- reading a published text ------------------------------------------------------------------------------
def _doctype_of(title: str) -> str | None:
    for word in sorted(TITLE_ENDINGS, key=len, reverse=True):
        if title.endswith(word):
            return word
    return None


def _short_line(flat: str, limit: int = 40) -> bool:
    return 0 < len(flat) <= limit and not _SENTENCE.search(flat) and "：" not in flat and ":" not in flat


def _issuer_from(title: str, zihao: str | None) -> str:
    if "关于" in title:
        head = title.split("关于", 1)[0]
        if 2 <= len(head) <= 20:
            return head
    if zihao:
        for issuer, codes in ZIHAO_CODES.items():
            if zihao.startswith(codes):
                return issuer
    return "国务院"


_HALF_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_CJK = "\u4e00-\u9fff"
_DATE_ASIDE = re.compile(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)（[^（）]{1,12}）")  # 2021年3月7日（本文有删减）


def _normalise(flat: str) -> str:
    """The scraped texts carry a few typing slips of their own (a half-width comma between Chinese
    characters, a 主送 ending in an ASCII colon): the clean copies must be clean, so they are put right."""
    for half, full in _HALF_WIDTH.items():
        flat = re.sub(rf"(?<=[{_CJK}）”])\{half}(?=[{_CJK}（“]|$)", full, flat)
    flat = re.sub(rf"\(([{_CJK}、，]{{1,30}})\)", r"（\1）", flat)
    return _DATE_ASIDE.sub(r"\1", flat) if _DATE_ASIDE.fullmatch(flat) else flat


def parse_published(row: dict, key: str, rng: random.Random) -> GovDoc | None:
    """A `GovDoc` from one JSON line of the corpus, or None when it is no 文件-format document (a 令, a 公告,
    a text the scraper cut to nothing)."""
    lines = [_normalise(compact(line)) for line in row["text"].split("\n")]
    lines = [line for line in lines if line]
    while lines and _DATELINE.match(lines[0]):
        lines.pop(0)
    if not lines or lines[0].endswith(("令", "公告", "通告")) or row.get("wenzhong") in ("令", "公告"):
        return None
    synthesised: list[str] = []

    # the head: title lines, then the 发文字号, then the 主送
    pos, head = 0, []
    label = compact(row.get("fawen_zihao") or "")
    zihao = None
    while pos < len(lines) and pos < 8:
        flat = lines[pos]
        if flat == label or _ZIHAO.fullmatch(flat):
            zihao = flat
            pos += 1
            break
        if not _short_line(flat, 60):
            break
        head.append(flat)
        pos += 1
    title_text = "".join(head)
    if head and _doctype_of(title_text) and len(title_text) <= 80:
        title_lines = head
    else:
        # the text lost its title (a scraped page): take the JSON title; short head lines are dropped
        title_text = compact(row["title"])
        if not _doctype_of(title_text) or "关于" not in title_text:
            return None
        title_lines = []
        synthesised.append("标题")
    if any(len(line) > TITLE_MAX_CHARS for line in title_lines) or not title_lines:
        title_lines = break_title(title_text)

    main_to = None
    if pos < len(lines) and lines[pos].endswith("：") and len(lines[pos]) <= 150 and not _SENTENCE.search(lines[pos]):
        main_to = lines[pos]
        pos += 1

    # the 落款 from the end of the main text: a date line with a short line above it
    date_pos = None
    for k in range(pos + 1, len(lines)):
        if _DATE.fullmatch(lines[k]) and _short_line(lines[k - 1], 30) and not _ATT_NOTE.match(lines[k - 1]):
            date_pos = k
            break
    if date_pos is not None:
        sig_start = date_pos - 1
        while sig_start - 1 > pos and date_pos - sig_start < 3 and _short_line(lines[sig_start - 1], 16) \
                and not _HEADING1.match(lines[sig_start - 1]) and not _HEADING2.match(lines[sig_start - 1]) \
                and not _LIST_ITEM.match(lines[sig_start - 1]):
            sig_start -= 1
        signature = lines[sig_start:date_pos]
        date = lines[date_pos]
        main_end, after = sig_start, date_pos + 1
    else:
        signature, date = [], ""
        main_end = next((k for k in range(pos, len(lines)) if _ATT_LABEL.fullmatch(lines[k])), len(lines))
        after = main_end
    if len(signature) > 1 or (signature and not _ORGAN.fullmatch(signature[0])):
        return None  # joint issue (a stacked 标志 this renderer does not draw), or no 署名 after all

    body = lines[pos:main_end]
    note_at = next((k for k in range(len(body)) if _ATT_NOTE.match(body[k])), None)
    attachment_note: list[str] = []
    if note_at is not None:
        attachment_note = body[note_at:]
        body = body[:note_at]
        if any(not (_ATT_NOTE.match(x) or _LIST_ITEM.match(x)) for x in attachment_note):
            return None  # the text went on after the 附件说明: not a shape this reader knows
        attachment_note = [attachment_note[0].replace(":", "：")] + attachment_note[1:]
    body = [b for b in body if not _ATT_LABEL.fullmatch(b)]
    if not body or sum(len(b) for b in body) < 20:
        return None

    issuer = signature[0] if signature else _issuer_from(title_text, zihao)
    if sum(part in issuer for part in _JOINT_PARTS) > 1 or not _ORGAN.fullmatch(issuer):
        return None  # 中共中央　国务院 on one line: joint issue as well
    if not signature:
        signature = [issuer]
        synthesised.append("发文机关署名")
    if not date:
        year = int(re.search(r"〔(\d{4})〕", zihao).group(1)) if zihao else 2020
        date = format_date(dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(330)))
        synthesised.append("成文日期")
    year = int(_DATE.fullmatch(date).group(1))
    if zihao is None:
        codes = ZIHAO_CODES.get(issuer, (issuer[:2] + "发", issuer[:2] + "函"))
        code = codes[1] if _doctype_of(title_text) in ("函", "批复") else codes[0]
        zihao = f"{code}〔{year}〕{rng.randrange(1, 120)}号"
        synthesised.append("发文字号")
    doctype = _doctype_of(title_text)
    if main_to is None and doctype in MAIN_TO_DOCTYPES:
        main_to = DEFAULT_MAIN_TO
        synthesised.append("主送机关")

    note = None
    if after < len(lines) and lines[after].startswith("（") and lines[after].endswith("）") and len(lines[after]) <= 30:
        note = lines[after]
        after += 1
    attachments = _attachments(lines[after:], attachment_note)
    if attachment_note and not attachments:
        attachments = [Attachment(_label(i, len(attachment_note)), [name], [])
                       for i, name in enumerate(_note_names(attachment_note), 1)]
        synthesised.append("附件")

    date_value = _parse_date(date)
    printed = date_value + dt.timedelta(days=rng.randrange(0, 4))
    return GovDoc(
        key=key, issuer=issuer, mark=issuer + "文件", zihao=zihao, title=title_lines, main_to=main_to, body=body,
        attachment_note=attachment_note, signature=signature, date=date, note=note, attachments=attachments,
        copy_to=DEFAULT_COPY_TO, printer=PRINTERS.get(issuer, issuer + "办公室"), print_date=format_date(printed),
        doctype=doctype, synthesised=synthesised + ["版记"],
    )


def _parse_date(date: str) -> dt.date:
    y, m, d = (int(x) for x in _DATE.fullmatch(date).groups())
    return dt.date(y, m, d)


def _label(n: int, total: int) -> str:
    return "附件" if total == 1 else f"附件{n}"


def _note_names(note: list[str]) -> list[str]:
    """The attachment names a 附件说明 lists (附件：1.甲 / 2.乙, or 附件：甲)."""
    first = _ATT_NOTE.sub("", note[0], count=1)
    items = [first] + note[1:]
    return [_LIST_ITEM.sub("", item, count=1) for item in items]


def _attachments(lines: list[str], note: list[str]) -> list[Attachment]:
    """附件 pages after the 落款: each starts at a 附件N label; text with no label is the printed document
    of an 印发 notice (it follows on a new page without a label)."""
    out: list[Attachment] = []
    current: Attachment | None = None
    for flat in lines:
        if _ATT_LABEL.fullmatch(flat) and len(out) < 9:
            current = Attachment(flat, [], [])
            out.append(current)
            continue
        if current is None:
            current = Attachment("", [], [])
            out.append(current)
        if not current.paragraphs and len(current.title) < 3 and _short_line(flat, 30) \
                and not _HEADING1.match(flat) and not _HEADING2.match(flat) and not flat.startswith("（"):
            current.title.append(flat)
        else:
            current.paragraphs.append(flat)
    out = [a for a in out if a.title]
    for a in out:
        if any(len(t) > TITLE_MAX_CHARS for t in a.title):
            a.title = break_title("".join(a.title))
    names = _note_names(note) if note else []
    labelled = [a for a in out if a.label]
    if names and len(labelled) != len(names):
        return []  # pages that do not match the note: the note's names will be used instead
    for a, name in zip(labelled, names):
        if "".join(a.title) != name:
            a.title = break_title(name)
    return out


_BREAK_AFTER = ("关于", "的", "、", "和", "与", "及")


def break_title(title: str) -> list[str]:
    """Lines of at most TITLE_MAX_CHARS, broken between words (jieba), as even as the words allow."""
    if len(title) <= TITLE_MAX_CHARS:
        return [title]
    import jieba

    words = list(jieba.cut(title, HMM=False))
    cuts, at = [], 0
    for w in words[:-1]:
        at += len(w)
        cuts.append(at)
    n = -(-len(title) // TITLE_MAX_CHARS)
    lines, start = [], 0
    for k in range(1, n):
        target = start + (len(title) - start) // (n - k + 1)
        allowed = [c for c in cuts if start < c <= start + TITLE_MAX_CHARS]
        if not allowed:
            break
        # prefer a cut after 关于/的/、 near the target
        best = min(allowed, key=lambda c: (abs(c - target) - (2 if title[:c].endswith(_BREAK_AFTER) else 0)))
        lines.append(title[start:best])
        start = best
    lines.append(title[start:])
    return lines


# -- layout -------------------------------------------------------------------------------------------------
@dataclass
class Border:
    color: str
    eighths: int  # w:sz, in eighths of a point
    space_pt: int = 1


@dataclass
class Para:
    text: str
    element: str | None  # the 公文要素 officekit should read here (None: an empty spacer line)
    role: str  # finer than the element: mark, zihao, title, main_to, body, heading1, heading2, att_note, …
    font: str = FANGSONG
    size: float = SIZE_3
    color: str | None = None
    bold: bool = False
    align: str = "both"  # left / center / right / both
    first_chars: float = 0.0
    hanging_chars: float = 0.0
    left_chars: float = 0.0
    right_chars: float = 0.0
    space_before_pt: float = 0.0
    line_pt: float | None = LINE_PITCH_PT  # exact line spacing; None = single on the grid
    border_top: Border | None = None
    border_bottom: Border | None = None
    page_break_before: bool = False
    right_tab: bool = False  # a right-aligned tab stop 1 character (of this size) inside the right margin
    font_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, font) set apart
    in_record: bool = False  # 版记: a row of the floating table at the foot of the page (7.4.1: its last
    # line on the bottom edge of the 版心); its borders are the cell's, not the paragraph's


@dataclass
class PageSetup:
    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 28.0
    right_mm: float = 26.0
    grid_pitch_pt: float = LINE_PITCH_PT
    page_number: str | None = "— {} —"  # footer text around the PAGE field; None = no page numbers
    page_number_font: str = SONGTI
    page_number_size: float = SIZE_4
    odd_even: bool = True  # odd pages right, even pages left, 1 character in (7.5)


@dataclass
class Rendering:
    doc: GovDoc
    paras: list[Para]
    page: PageSetup = field(default_factory=PageSetup)

    def index_of(self, para: Para) -> int:
        """The 1-based block number of `para` (officekit's numbering of body paragraphs)."""
        for n, p in enumerate(self.paras, 1):
            if p is para:
                return n
        raise ValueError("paragraph not in the rendering")

    def find(self, role: str) -> list[Para]:
        return [p for p in self.paras if p.role == role]

    def first(self, role: str) -> Para | None:
        found = self.find(role)
        return found[0] if found else None

    def element_map(self) -> list[tuple[int, str]]:
        """(block, element) of every body paragraph that carries one."""
        return [(n, p.element) for n, p in enumerate(self.paras, 1) if p.element]

    def footer_blocks(self) -> list[int]:
        """Footer block numbers carrying a page number (default footer first, then the even one)."""
        if not self.page.page_number:
            return []
        return [1, 2] if self.page.odd_even else [1]

    def copy(self) -> "Rendering":
        return copy.deepcopy(self)


def _blank() -> Para:
    return Para("", None, "blank")


def heading_role(text: str) -> str:
    """heading1/heading2 for a short heading line (its own line, at most a 。 at its end), else body: a
    numbered item that runs on as a paragraph, or an item of a list, stays 仿宋 (published practice)."""
    if len(text) > HEADING_MAX_CHARS or _SENTENCE.search(text[:-1]) or "：" in text or text.endswith(("；", "，", "、")):
        return "body"  # a sentence runs on, or an item of a list (…问题；)
    if _HEADING1.match(text):
        return "heading1"
    if _HEADING2.match(text):
        return "heading2"
    return "body"


def run_in_heading_end(text: str) -> int | None:
    """Where the heading of a run-in heading paragraph ends — 「（一）指导思想。以……」: a short first sentence
    closed by 。 with text after it, set in the heading's font while the rest is 仿宋 (as the State Council's
    published originals set it); None for any other paragraph."""
    if not (_HEADING1.match(text) or _HEADING2.match(text)):
        return None
    stop = _SENTENCE.search(text)
    if stop is None or stop.group() != "。" or stop.end() > HEADING_MAX_CHARS or not text[stop.end():].strip(_CLOSERS):
        return None  # 「（五）……问题。”」: the quote closing a cited list is no text after a heading
    return stop.end()


def body_paras(texts: list[str], element: str = "正文") -> list[Para]:
    """The paragraphs of a text; the item that closes a list whose items end in ；（五）……。 is an item too."""
    out: list[Para] = []
    for n, text in enumerate(texts):
        closes_list = n > 0 and texts[n - 1].endswith("；") and (_HEADING1.match(text) or _HEADING2.match(text))
        out.append(body_para(text, element, item=bool(closes_list)))
    return out


def body_para(text: str, element: str = "正文", item: bool = False) -> Para:
    role = "body" if item else heading_role(text)
    font = {"heading1": HEITI, "heading2": KAITI}.get(role, FANGSONG)
    spans: list[tuple[int, int, str]] = []
    end = run_in_heading_end(text) if role == "body" and not item else None
    if end is not None:
        spans = [(0, end, HEITI if _HEADING1.match(text) else KAITI)]
    return Para(text, element, role if element == "正文" else ("att_" + role if role != "body" else "att_body"),
                font=font, first_chars=2, font_spans=spans)


def compose(doc: GovDoc) -> Rendering:
    """Lay `doc` out as GB/T 9704-2012 paragraphs (see the module docstring)."""
    paras: list[Para] = []
    mark_size = min(MARK_MAX_PT, int(MARK_WIDTH_SHARE * 156 / 25.4 * 72 / len(doc.mark)))
    paras.append(Para(doc.mark, "发文机关标志", "mark", font=XIAOBIAOSONG, size=mark_size, color=RED, align="center",
                      space_before_pt=MARK_SPACE_BEFORE_PT, line_pt=None))
    paras += [_blank(), _blank()]  # 发文字号 下空二行 under the 标志
    paras.append(Para(doc.zihao, "发文字号", "zihao", align="center",
                      border_bottom=Border(RED, RED_LINE_EIGHTHS, RED_LINE_SPACE_PT)))
    paras += [_blank(), _blank()]  # title: two lines under the red line
    for line in doc.title:
        paras.append(Para(line, "标题", "title", font=XIAOBIAOSONG, size=SIZE_2, align="center", line_pt=TITLE_LINE_PT))
    paras.append(_blank())
    if doc.main_to:
        paras.append(Para(doc.main_to, "主送机关", "main_to", align="both"))
    paras += body_paras(doc.body)
    if doc.attachment_note:
        paras.append(_blank())
        paras += attachment_note_paras(doc.attachment_note)
    paras += _closing(doc)
    if doc.note:
        paras.append(Para(doc.note, "附注", "note", first_chars=2))
    for att in doc.attachments:
        paras += _attachment_page(att)
    paras += _record(doc)
    return Rendering(doc, paras)


def attachment_note_paras(lines: list[str]) -> list[Para]:
    """附件说明 (7.3.4): 左空二字 「附件：」; further numbers under the first one; a wrapped name goes back
    to the first character of the name (hanging indents)."""
    out = []
    label = display_width("附件：")
    for n, line in enumerate(lines):
        lead = 2 if n == 0 else 2 + label  # where the line's first character stands
        rest = _ATT_NOTE.sub("", line, count=1) if n == 0 else line
        number = _LIST_ITEM.match(rest)
        name_at = 2 + label + (display_width(number.group(0)) if number else 0)
        out.append(Para(line, "附件说明", "att_note", align="left", left_chars=name_at, hanging_chars=name_at - lead))
    return out


def signature_indents(signature: list[str], date: str) -> tuple[float, float]:
    """Right indents (in 字) of the 署名 and the 成文日期, unsealed (GB/T 9704-2012 7.3.5.2): 署名 右空二字,
    the date's first character two characters right of the 署名's; a longer date is 右空二字 itself and the
    署名 moves left."""
    ws = max(display_width(s) for s in signature)
    wd = display_width(date)
    rs = SIGNATURE_RIGHT_CHARS
    rd = rs + ws - 2 - wd
    if rd < SIGNATURE_RIGHT_CHARS:
        rd = SIGNATURE_RIGHT_CHARS
        rs = rd + wd + 2 - ws
    return rs, rd


def _closing(doc: GovDoc) -> list[Para]:
    out = [_blank()]
    rs, rd = signature_indents(doc.signature, doc.date)
    for line in doc.signature:
        out.append(Para(line, "发文机关署名", "signature", align="right", right_chars=rs))
    out.append(Para(doc.date, "成文日期", "date", align="right", right_chars=rd))
    return out


def _attachment_page(att: Attachment) -> list[Para]:
    out: list[Para] = []
    if att.label:
        out.append(Para(att.label, "附件", "att_label", font=HEITI, align="left", page_break_before=True))
        out += [_blank()]  # the title on line 3
    for n, line in enumerate(att.title):
        out.append(Para(line, "附件", "att_title", font=XIAOBIAOSONG, size=SIZE_2, align="center", line_pt=TITLE_LINE_PT,
                        page_break_before=not att.label and n == 0))
    out.append(_blank())
    out += body_paras(att.paragraphs, element="附件")
    return out


def _record(doc: GovDoc) -> list[Para]:
    """版记: 抄送 and 印发 in 4号仿宋, 1 character in on both sides, thick first and last line, thin between."""
    out: list[Para] = []
    if doc.copy_to:
        out.append(Para(doc.copy_to, "抄送机关", "copy_to", size=SIZE_4, align="left", right_chars=1,
                        left_chars=1 + display_width("抄送："), hanging_chars=display_width("抄送："),
                        line_pt=None, border_top=Border("000000", RECORD_THICK_EIGHTHS),
                        border_bottom=Border("000000", RECORD_THIN_EIGHTHS), in_record=True))
    out.append(Para(f"{doc.printer}\t{doc.print_date}印发", "印发机关和印发日期", "print", size=SIZE_4,
                    align="left", left_chars=1, right_tab=True, line_pt=None,
                    border_bottom=Border("000000", RECORD_THICK_EIGHTHS), in_record=True))
    out.append(_blank())  # the paragraph the floating 版记 table is anchored to
    return out


# -- writing ----------------------------------------------------------------------------------------------
def write_txt(rendering: Rendering, path: Path) -> Path:
    Path(path).write_text("\n".join(p.text for p in rendering.paras) + "\n", encoding="utf-8")
    return Path(path)


def _set_run_fonts(run, font: str, size: float, color: str | None, bold: bool) -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), font)
    rpr.insert(0, fonts)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def _border(tag: str, border: Border):
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(border.eighths))
    el.set(qn("w:space"), str(border.space_pt))
    el.set(qn("w:color"), border.color)
    return el


def _ppr_xml(paragraph, p: Para, page: PageSetup) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if p.page_break_before:
        ppr.append(OxmlElement("w:pageBreakBefore"))
    if (p.border_top or p.border_bottom) and not p.in_record:
        bdr = OxmlElement("w:pBdr")
        if p.border_top:
            bdr.append(_border("top", p.border_top))
        if p.border_bottom:
            bdr.append(_border("bottom", p.border_bottom))
        ppr.append(bdr)
    if p.right_tab:
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "right")
        width_twips = (page.width_mm - page.left_mm - page.right_mm) / 25.4 * 1440
        tab.set(qn("w:pos"), str(int(width_twips - p.size * 20)))
        tabs.append(tab)
        ppr.append(tabs)
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra gap between Chinese and digits: widths stay countable
        off = OxmlElement(tag)
        off.set(qn("w:val"), "0")
        ppr.append(off)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), str(int(p.space_before_pt * 20)))
    spacing.set(qn("w:after"), "0")
    if p.line_pt:
        spacing.set(qn("w:line"), str(int(round(p.line_pt * 20))))
        spacing.set(qn("w:lineRule"), "exact")
    else:
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    ind = OxmlElement("w:ind")
    char_pt = p.size  # Word's character unit is the paragraph's font size
    if p.left_chars:
        ind.set(qn("w:leftChars"), str(int(round(p.left_chars * 100))))
        ind.set(qn("w:left"), str(int(round(p.left_chars * char_pt * 20))))
    if p.right_chars:
        ind.set(qn("w:rightChars"), str(int(round(p.right_chars * 100))))
        ind.set(qn("w:right"), str(int(round(p.right_chars * char_pt * 20))))
    if p.first_chars:
        ind.set(qn("w:firstLineChars"), str(int(round(p.first_chars * 100))))
        ind.set(qn("w:firstLine"), str(int(round(p.first_chars * char_pt * 20))))
    if p.hanging_chars:
        ind.set(qn("w:hangingChars"), str(int(round(p.hanging_chars * 100))))
        ind.set(qn("w:hanging"), str(int(round(p.hanging_chars * char_pt * 20))))
    if len(ind.attrib):
        ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), p.align)
    ppr.append(jc)


def _page_number_paragraph(paragraph, page: PageSetup, side: str) -> None:
    before, _, after = page.page_number.partition("{}")
    ppr = paragraph._p.get_or_add_pPr()
    ind = OxmlElement("w:ind")
    one_char = int(page.page_number_size * 20)
    if side == "right":
        ind.set(qn("w:rightChars"), "100")
        ind.set(qn("w:right"), str(one_char))
    else:
        ind.set(qn("w:leftChars"), "100")
        ind.set(qn("w:left"), str(one_char))
    ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), side)
    ppr.append(jc)

    def text_run(text: str):
        run = paragraph.add_run(text)
        _set_run_fonts(run, page.page_number_font, page.page_number_size, None, False)
        fonts = run._r.rPr.find(qn("w:rFonts"))
        fonts.set(qn("w:ascii"), page.page_number_font)  # 半角宋体 digits (7.5)
        fonts.set(qn("w:hAnsi"), page.page_number_font)
        return run

    if before:
        text_run(before)
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = text_run("")
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif instr == " PAGE ":
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            run._r.append(it)
        else:
            run.text = instr
    if after:
        text_run(after)


def _record_table(d, page: PageSetup, rows: int):
    """A one-column table as wide as the 版心, floating at the bottom of the page's text area."""
    table = d.add_table(rows=rows, cols=1)
    tbl_pr = table._tbl.tblPr
    width = str(int((page.width_mm - page.left_mm - page.right_mm) / 25.4 * 1440))
    floating = OxmlElement("w:tblpPr")
    for key, value in (("w:vertAnchor", "margin"), ("w:horzAnchor", "margin"), ("w:tblpXSpec", "center"),
                       ("w:tblpYSpec", "bottom")):
        floating.set(qn(key), value)
    tbl_pr.insert(1 if tbl_pr.find(qn("w:tblStyle")) is not None else 0, floating)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), width)
    tbl_w.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "0")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tbl_pr.append(margins)
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)  # no grid lines of a table style: only the 版记 lines
    table.rows[0].cells[0].width = Mm(page.width_mm - page.left_mm - page.right_mm)
    return table


def _cell_borders(cell, p: Para) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side, border in (("top", p.border_top), ("bottom", p.border_bottom)):
        if border:
            borders.append(_border(side, border))
    for side in ("left", "right"):
        none = OxmlElement(f"w:{side}")
        none.set(qn("w:val"), "nil")
        borders.append(none)
    tc_pr.append(borders)


def _runs_of(p: Para) -> list[tuple[str, str]]:
    """(text, font) runs: the paragraph's font, with its font_spans set in theirs (签发人's name in 楷体)."""
    runs, at = [], 0
    for start, end, font in sorted(p.font_spans):
        if start > at:
            runs.append((p.text[at:start], p.font))
        runs.append((p.text[start:end], font))
        at = end
    if at < len(p.text):
        runs.append((p.text[at:], p.font))
    return runs


def write_docx(rendering: Rendering, path: Path) -> Path:
    page = rendering.page
    d = new_docx()
    normal = d.styles["Normal"]
    normal.font.size = Pt(SIZE_3)
    normal.font.name = LATIN
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
    defaults = d.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            size = rpr.find(qn("w:sz"))
            if size is None:
                size = OxmlElement("w:sz")
                rpr.append(size)
            size.set(qn("w:val"), str(int(SIZE_3 * 2)))
    section = d.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.header_distance, section.footer_distance = Mm(15), Mm(28 - 7)  # 一字线 7 mm under the 版心 (7.5)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(int(round(page.grid_pitch_pt * 20))))
    grid.set(qn("w:charSpace"), str(int(round((CHAR_PITCH_PT - SIZE_3) * 4096))))

    record = [p for p in rendering.paras if p.in_record]
    table = None
    for p in rendering.paras:
        if p.in_record:
            if table is None:
                table = _record_table(d, page, len(record))
            cell = table.rows[record.index(p)].cells[0]
            _cell_borders(cell, p)
            paragraph = cell.paragraphs[0]
        else:
            paragraph = d.add_paragraph()
        _ppr_xml(paragraph, p, page)
        for text, font in _runs_of(p):
            _set_run_fonts(paragraph.add_run(text), font, p.size, p.color, p.bold)

    if page.page_number:
        d.settings.odd_and_even_pages_header_footer = page.odd_even
        footer = section.footer
        footer.is_linked_to_previous = False
        _page_number_paragraph(footer.paragraphs[0], page, "right" if page.odd_even else "center")
        if page.odd_even:
            even = section.even_page_footer
            even.is_linked_to_previous = False
            _page_number_paragraph(even.paragraphs[0], page, "left")
    d.save(str(path))
    return Path(path)


def render_files(rendering: Rendering, stem: Path) -> tuple[Path, Path]:
    """Write STEM.docx and STEM.txt."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    return write_docx(rendering, stem.with_suffix(".docx")), write_txt(rendering, stem.with_suffix(".txt"))


def load_published(path: Path, seed: int = 0) -> tuple[list[GovDoc], int]:
    """Every document of a gov-documents.jsonl file this renderer can typeset, and how many it skipped."""
    import json

    docs, skipped = [], 0
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        doc = parse_published(row, f"gov{n:03d}", random.Random(f"{seed}-{n}"))
        if doc is None:
            skipped += 1
        else:
            docs.append(doc)
    return docs, skipped


__all__ = ["Attachment", "GovDoc", "Para", "PageSetup", "Rendering", "compose", "parse_published", "load_published",
           "render_files", "write_docx", "write_txt", "signature_indents", "display_width"]
