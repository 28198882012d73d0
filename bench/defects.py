"""Defect classes for the mutation bench: one defect injected into a conformant rendering per copy.

Each class edits a `Rendering` of bench/gbt9704_render.py (its paragraph list or its page setup) and says
what a correct report must contain: the gate, and the element and block the finding is about (block numbers
are officekit's: body paragraphs from 1, footer paragraphs in their own part).  A few defects can be
reported correctly in more than one place (a 字号 year that disagrees with the date is a fault of either);
they list each acceptable (element, part, block).  `formats` says whether the plain-text twin carries the
defect too (text defects) or only the .docx (formatting defects).

`inject(rendering, rng)` mutates the rendering in place and returns the expectation, or None when the
class does not apply to this document (no attachment to misname, no heading to mis-set…).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from gbt9704_render import FANGSONG, HEITI, KAITI, SIZE_3, SIZE_4, SONGTI, Border, Para, Rendering

BOTH = ("docx", "txt")
DOCX = ("docx",)
FORMAT, WORDING, POLICY = "格式关", "文字关", "政策关"
TYPOS = Path(__file__).resolve().parents[1] / "rules" / "wordlists" / "typos.txt"
MIN_BODY_CHARS = 30  # a paragraph the text defects pick must be a real sentence or more

# current organ name → a name it replaced (standards.md §4.7): the old name in a new text is the defect
OUTDATED_NAMES = (("国家发展改革委", "国家计委"), ("人力资源社会保障部", "劳动和社会保障部"), ("住房城乡建设部", "建设部"),
                  ("生态环境部", "环境保护部"), ("农业农村部", "农业部"), ("国家卫生健康委", "卫生部"),
                  ("市场监管总局", "工商总局"), ("应急管理部", "国家安全监管总局"), ("工业和信息化部", "信息产业部"))


@dataclass(frozen=True)
class Expect:
    """What a correct report contains: one finding of `gate` on one of `places` (element, part, block)."""

    gate: str
    places: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class Defect:
    id: str
    name: str  # what is wrong, in the words of a reviewer
    gate: str
    element: str  # the element the finding is about (the first place's)
    formats: tuple[str, ...]
    inject: Callable[[Rendering, random.Random], Expect | None]


# -- helpers -------------------------------------------------------------------------------------------------
def _at(r: Rendering, gate: str, element: str, *paras: Para) -> Expect:
    return Expect(gate, tuple((element, "body", r.index_of(p)) for p in paras))


def _body_paras(r: Rendering, need: str = "", roles=("body",), min_chars: int = MIN_BODY_CHARS) -> list[Para]:
    return [p for p in r.paras if p.role in roles and p.element == "正文" and len(p.text) >= min_chars
            and need in p.text]


def _pick(rng: random.Random, items: list):
    return rng.choice(items) if items else None


def _insert_banner(r: Rendering, lines: list[tuple[str, str, str]]) -> list[Para]:
    """Put 份号/密级/紧急程度 lines (text, element, role) flush left above the 标志; the 标志 keeps its place
    35 mm under the top of the 版心, so its space before shrinks by the lines added."""
    mark = r.first("mark")
    added = []
    for text, element, role in lines:
        font = HEITI if role in ("secrecy", "urgency") else FANGSONG
        added.append(Para(text, element, role, font=font, align="left"))
    at = r.index_of(mark) - 1
    r.paras[at:at] = added
    mark.space_before_pt = max(0.0, mark.space_before_pt - len(added) * 28.95)
    return added


def banner(*lines: tuple[str, str, str], target: int, gate: str = FORMAT, element: str | None = None,
           extra: Callable[[list[Para]], None] | None = None):
    def inject(r: Rendering, rng: random.Random) -> Expect:
        added = _insert_banner(r, list(lines))
        if extra:
            extra(added)
        hit = added[target]
        return _at(r, gate, element or hit.element, hit)
    return inject


COPY = ("000123", "份号", "copy_number")


def on_role(role: str, element: str, change: Callable[[Para, random.Random], bool | None], gate: str = FORMAT,
            which: int = 0):
    """Change the `which`-th paragraph of `role`; the finding belongs to that paragraph."""
    def inject(r: Rendering, rng: random.Random) -> Expect | None:
        found = r.find(role)
        if not found or len(found) <= which:
            return None
        p = found[which]
        if change(p, rng) is False:
            return None
        return _at(r, gate, element, p)
    return inject


def set_attr(**attrs):
    def change(p: Para, rng) -> None:
        for k, v in attrs.items():
            setattr(p, k, v)
    return change


def text_sub(pattern: str, repl, count: int = 1):
    def change(p: Para, rng) -> bool:
        new = re.sub(pattern, repl, p.text, count=count)
        if new == p.text:
            return False
        p.text = new
        return True
    return change


def on_body(change: Callable[[Para, random.Random], bool | None], gate: str, need: str = "", roles=("body",),
            min_chars: int = MIN_BODY_CHARS):
    def inject(r: Rendering, rng: random.Random) -> Expect | None:
        candidates = _body_paras(r, need, roles, min_chars)
        rng.shuffle(candidates)
        for p in candidates:
            if change(p, rng) is not False:
                return _at(r, gate, "正文", p)
        return None
    return inject


# -- 版头 -----------------------------------------------------------------------------------------------------
def _secrecy_font(added: list[Para]) -> None:
    added[-1].font = FANGSONG


# -- 发文字号 and the red line ---------------------------------------------------------------------------------
def zihao_year_mismatch(r: Rendering, rng) -> Expect | None:
    z, d = r.first("zihao"), r.first("date")
    m = re.search(r"〔(\d{4})〕", z.text)
    if not m or d is None:
        return None
    z.text = z.text.replace(m.group(0), f"〔{int(m.group(1)) - 1}〕")
    return Expect(FORMAT, (("发文字号", "body", r.index_of(z)), ("成文日期", "body", r.index_of(d))))


def red_line_above(r: Rendering, rng) -> Expect:
    z, mark = r.first("zihao"), r.first("mark")
    mark.border_bottom, z.border_bottom = z.border_bottom, None
    # the finding may stand where the 字号 is (the line missing under it) or where the line is drawn
    return Expect(FORMAT, (("发文字号", "body", r.index_of(z)), ("发文字号", "body", r.index_of(mark)),
                           ("发文机关标志", "body", r.index_of(mark))))


def red_line_black(p: Para, rng) -> None:
    p.border_bottom = Border("000000", p.border_bottom.eighths, p.border_bottom.space_pt)


# -- 上行文: 签发人 --------------------------------------------------------------------------------------------
SIGNER_NAME = "王明"  # a made-up name


def upward(r: Rendering, signer: str | None = "签发人：") -> Para | None:
    """Make the rendering a 请示 to 国务院 (a 上行文): 发文字号 居左空一字 and, unless `signer` is None,
    签发人 居右空一字 on the same line (GB/T 9704-2012 7.2.5, 7.2.6), name in 楷体."""
    if r.doc.issuer == "国务院" or _retitle(r, "请示") is None:
        return None
    z = r.first("zihao")
    z.align, z.left_chars = "left", 1
    if signer is not None:
        label_at = len(z.text) + 1
        z.text = f"{z.text}\t{signer}{SIGNER_NAME}"
        z.right_tab = True
        z.font_spans = [(label_at + len(signer), len(z.text), KAITI)]
    m = r.first("main_to")
    if m is not None:
        m.text = "国务院："
    return z


def signer_missing(r: Rendering, rng) -> Expect | None:
    z = upward(r, signer=None)
    return None if z is None else _at(r, FORMAT, "签发人", z)


def signer_shape(signer: str):
    def inject(r: Rendering, rng) -> Expect | None:
        z = upward(r, signer=signer)
        return None if z is None else _at(r, FORMAT, "签发人", z)
    return inject


def signer_font(r: Rendering, rng) -> Expect | None:
    z = upward(r)
    if z is None:
        return None
    z.font_spans = []  # the name in 仿宋 like its label
    return _at(r, FORMAT, "签发人", z)


# -- 标题 ------------------------------------------------------------------------------------------------------
def title_broken_in_word(r: Rendering, rng) -> Expect | None:
    import jieba

    titles = r.find("title")
    line = max(titles, key=lambda p: len(p.text))
    at, cuts = 0, []
    for w in jieba.cut(line.text, HMM=False):
        if len(w) >= 2 and at > 2 and at + len(w) < len(line.text) - 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            cuts.append(at + len(w) // 2)
        at += len(w)
    if not cuts:
        return None
    cut = rng.choice(cuts)
    second = Para(line.text[cut:], "标题", "title", font=line.font, size=line.size, align=line.align,
                  line_pt=line.line_pt)
    line.text = line.text[:cut]
    r.paras.insert(r.index_of(line), second)
    return _at(r, FORMAT, "标题", line, second)


def title_last(change):
    def inject(r: Rendering, rng) -> Expect | None:
        last = r.find("title")[-1]
        if change(last, rng) is False:
            return None
        return _at(r, FORMAT, "标题", last)
    return inject


def _retitle(r: Rendering, doctype: str) -> Para | None:
    last = r.find("title")[-1]
    new = re.sub(r"(通知|意见|决定|通报|批复|函|规定|办法)$", doctype, last.text)
    if new == last.text:
        return None
    last.text = new
    return last


# -- 主送 ------------------------------------------------------------------------------------------------------
def main_to_merged(r: Rendering, rng) -> Expect | None:
    m = r.first("main_to")
    first = next((p for p in r.paras if p.element == "正文"), None)
    if m is None or first is None:
        return None
    first.text = m.text + first.text
    r.paras.remove(m)
    return _at(r, FORMAT, "主送机关", first)


def main_to_missing(r: Rendering, rng) -> Expect | None:
    m = r.first("main_to")
    if m is None or r.doc.doctype != "通知":
        return None
    r.paras.remove(m)
    first = next(p for p in r.paras if p.element == "正文")
    return _at(r, FORMAT, "主送机关", r.find("title")[-1], first)


def qingshi_two_main_to(r: Rendering, rng) -> Expect | None:
    m = r.first("main_to")
    last = _retitle(r, "请示")
    if m is None or last is None:
        return None
    m.text = "国务院、中共中央办公厅："
    return _at(r, POLICY, "主送机关", m)


# -- 正文 ------------------------------------------------------------------------------------------------------
def heading_font(role: str, font: str):
    def inject(r: Rendering, rng) -> Expect | None:
        found = [p for p in r.find(role) if p.element == "正文"]
        p = _pick(rng, found)
        if p is None:
            return None
        p.font = font
        return _at(r, FORMAT, "正文", p)
    return inject


def heading_number_gap(r: Rendering, rng) -> Expect | None:
    """二、 renumbered 三、: the ladder skips a number (and every later heading too, as a typist would)."""
    found = [p for p in r.paras if p.element == "正文" and p.text.startswith("二、")]
    if not found:
        return None
    p = found[0]
    p.text = "三、" + p.text[2:]
    return _at(r, FORMAT, "正文", p)


def _typo_pairs() -> list[tuple[str, str]]:
    pairs = []
    for line in TYPOS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "->" not in line:
            continue
        wrong, right = line.split(",", 1)[0].split("->")
        pairs.append((wrong.strip(), right.strip()))
    return pairs


_TYPO_PAIRS: list[tuple[str, str]] | None = None


def body_typo(r: Rendering, rng) -> Expect | None:
    global _TYPO_PAIRS
    if _TYPO_PAIRS is None:
        _TYPO_PAIRS = _typo_pairs()
    candidates = []
    for p in _body_paras(r):
        for wrong, right in _TYPO_PAIRS:
            if right in p.text:
                candidates.append((p, wrong, right))
    if not candidates:
        return None
    p, wrong, right = rng.choice(candidates)
    p.text = p.text.replace(right, wrong, 1)
    return _at(r, WORDING, "正文", p)


def outdated_organ(r: Rendering, rng) -> Expect | None:
    """The old name where the text speaks of the organ today (not where it cites a document the organ
    issued: 「国家发展改革委《关于…》」 may be a citation of history, and a checker may let it pass)."""
    for p in _body_paras(r):
        for new, old in OUTDATED_NAMES:
            m = re.search(rf"{new}(?![《、]|印发|关于)", p.text)
            if m:
                p.text = p.text[:m.start()] + old + p.text[m.end():]
                return _at(r, POLICY, "正文", p)
    return None


def repealed_citation(r: Rendering, rng) -> Expect | None:
    paras = _body_paras(r)
    if not paras:
        return None
    p = paras[-1]
    p.text = "根据《国家行政机关公文处理办法》，" + p.text
    return _at(r, POLICY, "正文", p)


def report_with_request(r: Rendering, rng) -> Expect | None:
    if _retitle(r, "报告") is None:
        return None
    body = [p for p in r.paras if p.element == "正文"]
    p = body[-1]
    p.text = p.text.rstrip("。") + "。妥否，请批示。"
    return _at(r, POLICY, "正文", p)


# -- 附件说明 ---------------------------------------------------------------------------------------------------
def note_last(change):
    def inject(r: Rendering, rng) -> Expect | None:
        notes = r.find("att_note")
        if not notes or change(notes[-1], rng) is False:
            return None
        return _at(r, FORMAT, "附件说明", notes[-1])
    return inject


def note_book_marks(p: Para, rng) -> bool:
    m = re.match(r"((?:附件：)?(?:\d+[.．])?)(.+)$", p.text)
    if not m:
        return False
    p.text = f"{m.group(1)}《{m.group(2)}》"
    return True


def note_mismatch(r: Rendering, rng) -> Expect | None:
    notes = r.find("att_note")
    titles = [p for p in r.find("att_title")]
    if not notes or not titles:
        return None
    first_title = titles[0]
    first_title.text = "有关情况说明"
    page = [p for p in r.paras if p.element == "附件" and p.role in ("att_label", "att_title")]
    return Expect(FORMAT, tuple(("附件说明", "body", r.index_of(n)) for n in notes)
                  + tuple(("附件", "body", r.index_of(p)) for p in page))


def note_missing(r: Rendering, rng) -> Expect | None:
    notes = r.find("att_note")
    if not notes:
        return None
    blank = r.paras[r.index_of(notes[0]) - 2]
    for n in notes:
        r.paras.remove(n)
    if blank.role == "blank":
        r.paras.remove(blank)
    last_body = [p for p in r.paras if p.element == "正文"][-1]
    sig = r.first("signature")
    label = next((p for p in r.paras if p.role in ("att_label", "att_title")), None)
    places = [("附件说明", "body", r.index_of(last_body)), ("附件说明", "body", r.index_of(sig))]
    if label is not None:
        places.append(("附件说明", "body", r.index_of(label)))
    return Expect(FORMAT, tuple(places))


# -- 落款 ------------------------------------------------------------------------------------------------------
def _redate(change):
    def inject(r: Rendering, rng) -> Expect | None:
        d = r.first("date")
        value = r.doc.date_value
        new = change(value)
        if new is None or new == d.text:
            return None
        d.text = new
        return _at(r, FORMAT, "成文日期", d)
    return inject


_CN_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else _CN_DIGITS[tens] + "十") + (_CN_DIGITS[ones] if ones else "")


def _chinese_date(v) -> str:
    return "".join(_CN_DIGITS[int(c)] for c in str(v.year)) + f"年{_cn_number(v.month)}月{_cn_number(v.day)}日"


def _padded_date(v) -> str | None:
    if v.month >= 10 and v.day >= 10:
        return None
    return f"{v.year}年{v.month:02d}月{v.day:02d}日"


def signature_missing(r: Rendering, rng) -> Expect:
    sig, d = r.first("signature"), r.first("date")
    r.paras.remove(sig)
    return Expect(FORMAT, (("发文机关署名", "body", r.index_of(d)), ("发文机关署名", "body", r.index_of(d) - 1)))


def date_missing(r: Rendering, rng) -> Expect:
    sig, d = r.first("signature"), r.first("date")
    r.paras.remove(d)
    return Expect(FORMAT, (("成文日期", "body", r.index_of(sig)), ("成文日期", "body", r.index_of(sig) + 1)))


def date_above_signature(r: Rendering, rng) -> Expect:
    sig, d = r.first("signature"), r.first("date")
    i = r.index_of(sig) - 1
    r.paras[i], r.paras[i + 1] = d, sig
    return Expect(FORMAT, (("成文日期", "body", r.index_of(d)), ("发文机关署名", "body", r.index_of(sig))))


def closing_left(r: Rendering, rng) -> Expect:
    sig, d = r.first("signature"), r.first("date")
    for p in (sig, d):
        p.align, p.right_chars, p.first_chars = "left", 0, 2
    return _at(r, FORMAT, "发文机关署名", sig)


def sealed_without_seal(r: Rendering, rng) -> Expect:
    """署名 centred over a date 右空四字 (the sealed relation, 7.3.5.1) with no seal: a draft waiting for its seal
    is accepted by the standard's practice, but a date 右空四字 with the 署名 still 右空二字 is wrong."""
    sig, d = r.first("signature"), r.first("date")
    d.right_chars = 4
    sig.right_chars = 2
    return Expect(FORMAT, (("成文日期", "body", r.index_of(d)), ("发文机关署名", "body", r.index_of(sig))))


# -- 附件 and 附注 -----------------------------------------------------------------------------------------------
def attachment_no_page_break(r: Rendering, rng) -> Expect | None:
    first = next((p for p in r.paras if p.element == "附件"), None)
    if first is None or not first.page_break_before:
        return None
    first.page_break_before = False
    return _at(r, FORMAT, "附件", first)


def attachment_page_missing(r: Rendering, rng) -> Expect | None:
    """The 附件说明 lists more attachments than there are pages: the last page is left out."""
    labels = r.find("att_label")
    notes = r.find("att_note")
    if len(labels) < 2 or len(notes) != len(labels):
        return None
    start = r.index_of(labels[-1]) - 1
    end = next((k for k in range(start + 1, len(r.paras)) if r.paras[k].role in ("att_label", "copy_to", "print")),
               len(r.paras))
    del r.paras[start:end]
    return Expect(FORMAT, (("附件说明", "body", r.index_of(notes[-1])), ("附件说明", "body", r.index_of(notes[0]))))


def attachment_inside_body(r: Rendering, rng) -> Expect | None:
    """The first 附件 page (label, title, text) put into the 正文, before the 附件说明 and the 落款."""
    labels = r.find("att_label")
    if not labels:
        return None
    start = r.index_of(labels[0]) - 1
    end = next((k for k in range(start + 1, len(r.paras)) if r.paras[k].role in ("att_label", "copy_to", "print")),
               len(r.paras))
    page = r.paras[start:end]
    del r.paras[start:end]
    anchor = r.first("att_note") or r.first("signature")
    at = r.index_of(anchor) - 2  # before the blank line above the 附件说明 / 署名
    page[0].page_break_before = False
    r.paras[at:at] = page
    return _at(r, FORMAT, "附件", page[0])


# -- 版记 ------------------------------------------------------------------------------------------------------
def print_before_date(r: Rendering, rng) -> Expect:
    pr, d = r.first("print"), r.first("date")
    import datetime as dt

    earlier = r.doc.date_value - dt.timedelta(days=rng.randrange(3, 30))
    pr.text = re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", f"{earlier.year}年{earlier.month}月{earlier.day}日", pr.text)
    return Expect(FORMAT, (("印发机关和印发日期", "body", r.index_of(pr)), ("成文日期", "body", r.index_of(d))))


def record_lines_missing(r: Rendering, rng) -> Expect:
    places = []
    for role in ("copy_to", "print"):
        for p in r.find(role):
            p.border_top = p.border_bottom = None
            places.append((p.element, "body", r.index_of(p)))
    return Expect(FORMAT, tuple(places))


def record_size(r: Rendering, rng) -> Expect:
    found = r.find("copy_to") + r.find("print")
    for p in found:
        p.size = SIZE_3
    return Expect(FORMAT, tuple((p.element, "body", r.index_of(p)) for p in found))


# -- 页码 and 版面 -----------------------------------------------------------------------------------------------
def page(change, element: str = "版面"):
    def inject(r: Rendering, rng) -> Expect:
        change(r.page)
        if element == "页码" and r.page.page_number:
            return Expect(FORMAT, tuple(("页码", "footer", b) for b in r.footer_blocks()))
        return Expect(FORMAT, ((element, "body", 1),))
    return inject


def _no_page_number(page) -> None:
    page.page_number = None


def _letter(page) -> None:
    page.width_mm, page.height_mm = 215.9, 279.4


def _word_margins(page) -> None:
    page.top_mm, page.bottom_mm, page.left_mm, page.right_mm = 25.4, 25.4, 31.8, 31.8


# -- the classes -----------------------------------------------------------------------------------------------
DEFECTS: tuple[Defect, ...] = (
    # 版头
    Defect("secrecy-no-star", "密级和保密期限之间没有★（机密1年）", FORMAT, "密级和保密期限", BOTH,
           banner(COPY, ("机密1年", "密级和保密期限", "secrecy"), target=1)),
    Defect("secrecy-nonstatutory", "非法定密级（内部）", FORMAT, "密级和保密期限", BOTH,
           banner(COPY, ("内部", "密级和保密期限", "secrecy"), target=1)),
    Defect("secrecy-period-chinese", "保密期限用汉字（机密★五年）", FORMAT, "密级和保密期限", BOTH,
           banner(COPY, ("机密★五年", "密级和保密期限", "secrecy"), target=1)),
    Defect("secrecy-font", "密级用仿宋（应为黑体）", FORMAT, "密级和保密期限", DOCX,
           banner(COPY, ("秘密★1年", "密级和保密期限", "secrecy"), target=1, extra=_secrecy_font)),
    Defect("urgency-nonstatutory", "紧急程度不是特急/加急（紧急）", FORMAT, "紧急程度", BOTH,
           banner(("紧急", "紧急程度", "urgency"), target=0)),
    Defect("copy-number-length", "份号不是6位（00123）", FORMAT, "份号", BOTH,
           banner(("00123", "份号", "copy_number"), ("秘密★1年", "密级和保密期限", "secrecy"), target=0)),
    Defect("copy-number-missing", "涉密公文没有份号", FORMAT, "份号", BOTH,
           banner(("秘密★1年", "密级和保密期限", "secrecy"), target=0, element="份号")),
    Defect("banner-order", "紧急程度在密级之上（顺序应为份号、密级、紧急程度）", FORMAT, "紧急程度", BOTH,
           banner(COPY, ("特急", "紧急程度", "urgency"), ("秘密★1年", "密级和保密期限", "secrecy"), target=1)),
    # 发文机关标志
    Defect("mark-not-red", "发文机关标志不是红色", FORMAT, "发文机关标志", DOCX,
           on_role("mark", "发文机关标志", set_attr(color=None))),
    Defect("mark-not-centred", "发文机关标志未居中", FORMAT, "发文机关标志", DOCX,
           on_role("mark", "发文机关标志", set_attr(align="left"))),
    Defect("mark-font", "发文机关标志用黑体（宜小标宋）", FORMAT, "发文机关标志", DOCX,
           on_role("mark", "发文机关标志", set_attr(font=HEITI))),
    # 发文字号
    Defect("zihao-two-digit-year", "发文字号年份两位（〔20〕）", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"〔\d\d(\d\d)〕", r"〔\1〕"))),
    Defect("zihao-half-brackets", "发文字号年份用方括号 [ ]", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"〔(\d{4})〕", r"[\1]"))),
    Defect("zihao-round-brackets", "发文字号年份用圆括号（）", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"〔(\d{4})〕", r"（\1）"))),
    Defect("zihao-di", "发文字号序号前加“第”", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"〕(\d+)号", r"〕第\1号"))),
    Defect("zihao-leading-zero", "发文字号序号有前导0", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"〕(\d+)号", lambda m: f"〕{int(m.group(1)):03d}号"))),
    Defect("zihao-missing-hao", "发文字号缺“号”", FORMAT, "发文字号", BOTH,
           on_role("zihao", "发文字号", text_sub(r"号$", ""))),
    Defect("zihao-not-centred", "发文字号未居中", FORMAT, "发文字号", DOCX,
           on_role("zihao", "发文字号", set_attr(align="left"))),
    Defect("zihao-year-mismatch", "发文字号年份与成文日期年份不一致", FORMAT, "发文字号", BOTH, zihao_year_mismatch),
    Defect("red-line-missing", "缺少版头红色分隔线", FORMAT, "发文字号", DOCX,
           on_role("zihao", "发文字号", set_attr(border_bottom=None))),
    Defect("red-line-above-zihao", "红色分隔线在发文字号之上", FORMAT, "发文字号", DOCX, red_line_above),
    Defect("red-line-black", "版头分隔线不是红色", FORMAT, "发文字号", DOCX, on_role("zihao", "发文字号", red_line_black)),
    # 签发人 (the copy is made a 请示 to 国务院, a 上行文)
    Defect("signer-missing", "上行文缺少签发人", FORMAT, "签发人", BOTH, signer_missing),
    Defect("signer-ascii-colon", "签发人后用半角冒号", FORMAT, "签发人", BOTH, signer_shape("签发人:")),
    Defect("signer-no-colon", "签发人后缺冒号", FORMAT, "签发人", BOTH, signer_shape("签发人")),
    Defect("signer-name-font", "签发人姓名用仿宋（应为楷体）", FORMAT, "签发人", DOCX, signer_font),
    # 标题
    Defect("title-full-stop", "标题末尾加句号", FORMAT, "标题", BOTH,
           title_last(text_sub(r"$", "。"))),
    Defect("title-broken-in-word", "标题回行拆开了词", FORMAT, "标题", BOTH, title_broken_in_word),
    Defect("title-doctype-twice", "标题文种重叠（…的通知的通知）", FORMAT, "标题", BOTH,
           title_last(text_sub(r"的(通知|意见|决定|通报|批复)$", r"的\1的\1"))),
    Defect("title-no-doctype", "标题缺少文种", FORMAT, "标题", BOTH,
           title_last(text_sub(r"的(通知|意见|决定|通报|批复)$", ""))),
    Defect("title-font", "标题用宋体小二加粗", FORMAT, "标题", DOCX,
           title_last(set_attr(font=SONGTI, size=18, bold=True))),
    Defect("title-not-centred", "标题未居中", FORMAT, "标题", DOCX, title_last(set_attr(align="left"))),
    # 主送
    Defect("main-to-no-colon", "主送机关后缺冒号", FORMAT, "主送机关", BOTH,
           on_role("main_to", "主送机关", text_sub(r"：$", ""))),
    Defect("main-to-ascii-colon", "主送机关后用半角冒号", FORMAT, "主送机关", BOTH,
           on_role("main_to", "主送机关", text_sub(r"：$", ":"))),
    Defect("main-to-merged", "主送机关并入正文第一段", FORMAT, "主送机关", BOTH, main_to_merged),
    Defect("main-to-indented", "主送机关首行缩进（应顶格）", FORMAT, "主送机关", DOCX,
           on_role("main_to", "主送机关", set_attr(first_chars=2))),
    Defect("main-to-missing", "下行文通知缺少主送机关", FORMAT, "主送机关", BOTH, main_to_missing),
    Defect("qingshi-two-main-to", "请示多头主送", POLICY, "主送机关", BOTH, qingshi_two_main_to),
    # 正文
    Defect("body-font", "正文段落用宋体", FORMAT, "正文", DOCX, on_body(set_attr(font=SONGTI), FORMAT)),
    Defect("body-size", "正文段落用四号字", FORMAT, "正文", DOCX, on_body(set_attr(size=SIZE_4), FORMAT)),
    Defect("body-no-indent", "正文段落没有首行缩进", FORMAT, "正文", DOCX, on_body(set_attr(first_chars=0), FORMAT)),
    Defect("body-colour", "正文段落用蓝色字", FORMAT, "正文", DOCX, on_body(set_attr(color="0000FF"), FORMAT)),
    Defect("heading1-font", "一级标题用仿宋（应为黑体）", FORMAT, "正文", DOCX, heading_font("heading1", FANGSONG)),
    Defect("heading2-font", "二级标题用黑体（应为楷体）", FORMAT, "正文", DOCX, heading_font("heading2", HEITI)),
    Defect("heading-number-gap", "层次序号跳号（一、之后是三、）", FORMAT, "正文", BOTH, heading_number_gap),
    Defect("heading-ordinal-dot", "汉字序次语后用点（一.）", WORDING, "正文", BOTH,
           on_body(text_sub(r"^([一二三四五六七八九十]+)、", r"\1."), WORDING, roles=("body", "heading1"), min_chars=4)),
    Defect("body-half-width-comma", "正文中文语境用半角逗号", WORDING, "正文", BOTH,
           on_body(text_sub(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])", ","), WORDING, need="，")),
    Defect("body-half-width-parens", "正文中文语境用半角括号", WORDING, "正文", BOTH,
           on_body(text_sub(r"（([\u4e00-\u9fff、]{2,20})）", r"(\1)"), WORDING, need="（")),
    Defect("body-two-digit-year", "正文年份简写为两位（20年）", WORDING, "正文", BOTH,
           on_body(text_sub(r"(?<!\d)20(\d\d)年", r"\1年"), WORDING, need="年")),
    Defect("body-typo", "正文错别字（词表中的错误写法）", WORDING, "正文", BOTH, body_typo),
    Defect("body-outdated-organ", "正文用已撤销的机构名称", POLICY, "正文", BOTH, outdated_organ),
    Defect("body-repealed-citation", "正文引用已废止的《国家行政机关公文处理办法》", POLICY, "正文", BOTH, repealed_citation),
    Defect("report-with-request", "报告夹带请示事项（妥否，请批示）", POLICY, "正文", BOTH, report_with_request),
    # 附件说明
    Defect("att-note-end-punct", "附件名称后加句号", FORMAT, "附件说明", BOTH, note_last(text_sub(r"$", "。"))),
    Defect("att-note-ascii-colon", "附件说明用半角冒号", FORMAT, "附件说明", BOTH,
           on_role("att_note", "附件说明", text_sub(r"^附件：", "附件:"))),
    Defect("att-note-book-marks", "附件名称加书名号", FORMAT, "附件说明", BOTH, note_last(note_book_marks)),
    Defect("att-note-mismatch", "附件说明与附件页标题不一致", FORMAT, "附件说明", BOTH, note_mismatch),
    Defect("att-note-missing", "有附件页而没有附件说明", FORMAT, "附件说明", BOTH, note_missing),
    Defect("att-note-not-indented", "附件说明顶格（应左空二字）", FORMAT, "附件说明", DOCX,
           on_role("att_note", "附件说明", set_attr(first_chars=0, left_chars=0, hanging_chars=0))),
    # 落款
    Defect("signature-missing", "落款缺发文机关署名", FORMAT, "发文机关署名", BOTH, signature_missing),
    Defect("date-dotted", "成文日期写作 2020.5.6", FORMAT, "成文日期", BOTH,
           _redate(lambda v: f"{v.year}.{v.month}.{v.day}")),
    Defect("date-chinese", "成文日期用汉字（二〇二〇年五月六日）", FORMAT, "成文日期", BOTH, _redate(_chinese_date)),
    Defect("date-leading-zero", "成文日期月日有前导0", FORMAT, "成文日期", BOTH, _redate(_padded_date)),
    Defect("date-two-digit-year", "成文日期年份两位", FORMAT, "成文日期", BOTH,
           _redate(lambda v: f"{v.year % 100}年{v.month}月{v.day}日")),
    Defect("date-nonexistent", "成文日期不存在（2月30日）", FORMAT, "成文日期", BOTH,
           _redate(lambda v: f"{v.year}年2月30日")),
    Defect("date-missing", "落款缺成文日期", FORMAT, "成文日期", BOTH, date_missing),
    Defect("date-above-signature", "成文日期在署名之上", FORMAT, "成文日期", BOTH, date_above_signature),
    Defect("closing-left", "署名和成文日期左对齐首行缩进（像正文）", FORMAT, "发文机关署名", DOCX, closing_left),
    Defect("closing-half-sealed", "成文日期右空四字而署名仍右空二字（未盖章）", FORMAT, "成文日期", DOCX, sealed_without_seal),
    # 附注、附件
    Defect("note-no-brackets", "附注未加圆括号", FORMAT, "附注", BOTH,
           on_role("note", "附注", text_sub(r"^（(.*)）$", r"\1"))),
    Defect("att-label-font", "附件标识用仿宋（应为黑体）", FORMAT, "附件", DOCX,
           on_role("att_label", "附件", set_attr(font=FANGSONG))),
    Defect("att-no-page-break", "附件未另页编排", FORMAT, "附件", DOCX, attachment_no_page_break),
    Defect("att-page-missing", "附件说明列出的附件缺页", FORMAT, "附件说明", BOTH, attachment_page_missing),
    Defect("att-inside-body", "附件插在正文中（落款之前）", FORMAT, "附件", BOTH, attachment_inside_body),
    # 版记
    Defect("copy-to-no-full-stop", "抄送机关末尾缺句号", FORMAT, "抄送机关", BOTH,
           on_role("copy_to", "抄送机关", text_sub(r"。$", ""))),
    Defect("copy-to-ascii-colon", "抄送后用半角冒号", FORMAT, "抄送机关", BOTH,
           on_role("copy_to", "抄送机关", text_sub(r"^抄送：", "抄送:"))),
    Defect("print-before-date", "印发日期早于成文日期", FORMAT, "印发机关和印发日期", BOTH, print_before_date),
    Defect("print-no-yinfa", "印发日期后缺“印发”", FORMAT, "印发机关和印发日期", BOTH,
           on_role("print", "印发机关和印发日期", text_sub(r"印发$", ""))),
    Defect("record-size", "版记用三号字（应为四号）", FORMAT, "抄送机关", DOCX, record_size),
    Defect("record-lines-missing", "版记没有分隔线", FORMAT, "抄送机关", DOCX, record_lines_missing),
    # 页码、版面
    Defect("page-number-missing", "多页公文没有页码", FORMAT, "页码", DOCX, page(_no_page_number, "页码")),
    Defect("page-number-di-ye", "页码写作“第N页”", FORMAT, "页码", DOCX,
           page(lambda pg: setattr(pg, "page_number", "第{}页"), "页码")),
    Defect("page-number-hyphen", "页码用半角连字符（- N -）", FORMAT, "页码", DOCX,
           page(lambda pg: setattr(pg, "page_number", "- {} -"), "页码")),
    Defect("margins-word-default", "页边距用 Word 默认值", FORMAT, "版面", DOCX, page(_word_margins)),
    Defect("paper-letter", "纸张为 Letter 而非 A4", FORMAT, "版面", DOCX, page(_letter)),
)

BY_ID = {d.id: d for d in DEFECTS}
assert len(BY_ID) == len(DEFECTS), "defect ids must be unique"
