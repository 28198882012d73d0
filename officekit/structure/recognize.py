"""The recogniser: tag the blocks of a `Document` with the 18 公文要素 and infer 文种, 行文方向 and layout.

A 公文 is read the way a reviewer reads it, in a few linear passes over the body blocks:

1. the front (版头 and 标题): 份号, 密级, 紧急程度, 发文机关标志, 发文字号 (+签发人) and the title lines,
   up to the first line that reads like a 主送 or like body text;
2. the 主送机关 right after it (one or more lines ending in a full-width colon);
3. the 版记 at the very end (抄送 / 主送 / 印发 lines, also in table cells);
4. the 落款 between them: the first stand-alone 成文日期, the 署名 lines just above it, the 附件说明 above
   those, the 附注 just below it; whatever follows the 落款 up to the 版记 is 附件;
5. everything between the 主送 and the 落款 is 正文, with heading levels 一、/（一）/1./（1）.

Patterns decide on plain text; for .docx, formatting adds evidence where text cannot (a red or very large
line at the top is the 发文机关标志 even without "文件"; a 署名 is set to the right — aligned, indented or
pushed with spaces — never first-line indented like 正文 or centred large like the title).  Templates are
read too: [发文单位] / [日期] / 20XX年XX月XX日 close a 落款, [此处输入文号]号 is the 发文字号, and the cells
of a 明传电报 form give 紧急程度 and 发文字号 while its labels stay untagged.  Some lines carry no element
at all: form labels, a byline under the title, a table of contents.  Nothing here is quadratic: each pass
walks the blocks once with precompiled patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from officekit.document.model import Block, Document
from officekit.structure import patterns as P
from officekit.structure.genre import genre_of
from officekit.structure.doctype import direction_of, doctype_of, ends_with_statutory_doctype
from officekit.structure.model import Draft, ElementSpan

# How far the front (版头 + 标题) may reach: real ones have at most a dozen lines.
_FRONT_MAX_LINES = 30
_TITLE_MAX_LINES = 6  # lines of more than three characters; a vertically set title has many 1-char lines
_MAIN_TO_MAX_LINES = 5
_SIGNATURE_MAX_LINES = 4
# How far a line must be pushed right to read as a 落款 line: leading spaces (字), or an indent.
_PUSHED_RIGHT_SPACES = 4
_PUSHED_RIGHT_CHARS = 8
_PUSHED_RIGHT_PT = 120
# Lines between 版记 lines (wrapped names, table cells) that keep them one 版记.
_RECORD_GAP_LINES = 3
# Lines of text that may stand after a 落款 date that has no 署名 above it (a stray line, a 联系人).
_TEXT_LINES_AFTER_CLOSING = 1
_ATTACHMENT_NOTE_MAX_LINES = 12
_MISNAMED_DOCTYPES = ("请示报告", "汇报")
# A title line that ends in a sentence mark by mistake: how long it may be, and the marks.
_TITLE_MIN_CHARS = 4
_TITLE_MAX_CHARS = 60
_TITLE_END_MARKS = "。．.！!；;，,"
_TITLE_MIN_PT = 18  # a title line is set this large or larger (GB/T 9704: 2号, 22 pt)
# A line of organ names (for a 主送 written without its colon): every name ends like an organ.
_NAME_SPLIT = re.compile(r"[、，,；;]")
_ORGAN_NAME = re.compile(r"(?:政府|委员会|办公厅|办公室|党委|党组|机关|部门|单位|机构|局|厅|委|办|部|院|署|处|科|中心|站|场|所|校|学|公司|集团|队|会"
                         r"|省|市|县|区|州|盟|旗|乡|镇|街道|兵团|军区|各部委|直属机构)$")
# How long one name of a 主送 list may be (各省、自治区、直辖市人民政府 is one list of short names).
_ORGAN_NAME_MAX_CHARS = 24
# A 主送 line ended with a wrong mark instead of its colon, and how far into the first paragraph a merged
# 主送 (支队领导：为进一步……) may reach.
_MAIN_TO_WRONG_END = "。．.；;，,、"
_MERGED_MAIN_TO_MAX_CHARS = 40
_DIGIT = re.compile(r"[0-9０-９]")
# A form field under the 版记 (审核：, 校对：): a label of its own, not more 抄送 names.
_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{1,6}[:：]")
# Who a 主送 may address besides organs: 支队领导, 各位领导, 全体同志.
_SALUTATION = re.compile(r"(?:各位|全体)?(?:[\u4e00-\u9fff]{0,8})(?:领导|同志们?|委员|代表|成员)")
_CLOSING_FORMULAS = ("特此", "此复", "此令", "此致", "敬礼", "妥否", "当否", "请批示", "请审批")


def recognize(document: Document) -> Draft:
    """Tag `document` with 公文要素 and read its 文种, 行文方向 and layout."""
    return _Recogniser(document).run()


# -- block helpers ---------------------------------------------------------------------------------


def _organ_names(text: str) -> bool:
    """Every name of the list (、，；-separated) ends like an organ: 市人民政府、市财政局."""
    names = [n for n in _NAME_SPLIT.split(text) if n]
    return bool(names) and all(_ORGAN_NAME.search(n) and len(n) <= _ORGAN_NAME_MAX_CHARS for n in names)


_ALIGNMENT_NAMES = {"center": "居中", "right": "居右", "left": "居左", "both": "两端对齐", "distribute": "分散对齐"}


def _format_evidence(block: Block) -> str:
    """How a .docx line is set, in a reviewer's words: （居中，22磅，红色）."""
    if not block.has_format:
        return ""
    notes = []
    if (align := _alignment(block)) in _ALIGNMENT_NAMES:
        notes.append(_ALIGNMENT_NAMES[align])
    if size := _max_size(block):
        notes.append(f"{size:g}磅")
    if _is_red(block):
        notes.append("红色")
    if _pushed_right(block) and _alignment(block) != "right":
        notes.append("推向右侧")
    return f"（{'，'.join(notes)}）" if notes else ""


def _is_red(block: Block) -> bool:
    """Most visible characters are in a red colour (the 发文机关标志 is printed red)."""
    red = total = 0
    for run in block.runs:
        n = len(P.compact(run.text))
        total += n
        color = run.props.color if run.props else None
        if color and len(color) == 6:
            try:
                r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
            except ValueError:
                continue
            if r >= 0xC0 and g <= 0x70 and b <= 0x70:
                red += n
    return total > 0 and red * 2 >= total


def _max_size(block: Block) -> float:
    sizes = [run.props.size_pt for run in block.runs if run.props and run.props.size_pt and run.text.strip()]
    return max(sizes, default=0.0)


def _alignment(block: Block) -> str | None:
    return block.props.alignment if block.props else None


def _pushed_right(block: Block) -> bool:
    """The line is set towards the right margin, as a 落款 is: right-aligned, or pushed there by spaces or a
    deep left indent (templates do all three)."""
    if P.leading_space_chars(block.text) >= _PUSHED_RIGHT_SPACES:
        return True
    props = block.props
    if props is None:
        return False
    if props.alignment == "right":
        return True
    # a deep left or first-line indent (an organ name pushed right with the first-line indent)
    indent_chars = max(props.left_chars or 0, props.first_line_chars or 0)
    indent_pt = max(props.left_pt or 0, props.first_line_pt or 0)
    return indent_chars >= _PUSHED_RIGHT_CHARS or indent_pt >= _PUSHED_RIGHT_PT


def _indented_like_body(block: Block) -> bool:
    """A first-line indent: the mark of a 正文 paragraph, never of a 署名."""
    props = block.props
    return props is not None and ((props.first_line_chars or 0) >= 1 or (props.first_line_pt or 0) >= 10)


def _title_like(block: Block) -> bool:
    return block.has_format and _alignment(block) == "center" and _max_size(block) >= 18


def _names_only(block: Block) -> bool:
    """A line of personal names only (the second line of several 签发人): 2–4 characters each, set apart by
    spaces, or one name pushed right."""
    text = block.text
    names = text.split()
    if not names or len(names) > 4:
        return False
    if not all(re.fullmatch(r"[\u4e00-\u9fff·□Ｘ×X]{2,4}", n) for n in names):
        return False
    if ends_with_statutory_doctype(names[-1]) or doctype_of(names[-1], strict=True)[0]:
        return False
    return len(names) > 1 or P.leading_space_chars(text) >= 2 or _pushed_right(block)


def _heading_text(block: Block) -> str:
    """The text as the reader sees it: Word's automatic numbering label in front."""
    label = block.props.numbering_label if block.props and block.props.numbering_label else ""
    return label + block.text.lstrip()


def heading_level(text: str) -> int | None:
    """1–4 for 一、/（一）/1./（1） at the start of `text`, else None."""
    stripped = text.lstrip()
    for level, pattern in P.HEADINGS:
        if pattern.match(stripped):
            return level
    return None


@dataclass
class _Zihao:
    """Where the 发文字号 (and a 签发人 on the same line) sit in a block."""

    zihao: tuple[int, int]
    signer: tuple[int, int] | None = None


def _match_zihao(text: str, flat: str, signers_above: bool = False) -> _Zihao | None:
    """A block that is a 发文字号, possibly followed by 签发人：… on the same line (上行文).

    With several 签发人 the first line holds 「签发人：张三 李四」 alone and the 发文字号 shares the last
    line with the remaining names, without the label (GB/T 9704-2012 7.2.6): `signers_above` says
    the line above was such a 签发人 line, so trailing names here are signers too.
    """
    signer = P.SIGNER.search(text)
    names = None if signer or not signers_above else _TRAILING_NAMES.search(text)
    cut = signer.start() if signer else (names.start("names") if names else len(text))
    head = text[:cut]
    lead = len(head) - len(head.lstrip())
    core = head.strip()
    if not core:
        return None
    match = P.ZIHAO.fullmatch(core)
    if not match:
        return None
    span = (lead, lead + len(core))
    if signer:
        return _Zihao(span, (signer.start(), len(text.rstrip())))
    if names:
        return _Zihao(span, (names.start("names"), names.end("names")))
    return _Zihao(span)


# the names after a 发文字号 on the last line of several 签发人: set apart by two spaces or more
_TRAILING_NAMES = re.compile(
    r"(?:\s{2,}|\u3000+|\t)(?P<names>[\u4e00-\u9fff·□Ｘ×X]{2,4}(?:[ \u3000\t]+[\u4e00-\u9fff·□Ｘ×X]{2,4}){0,3})\s*$")


@dataclass
class _Front:
    marks: list[int] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    head_before_title: bool = False  # 份号/密级/紧急/字号 above the title: there is a 版头
    zihao_block: int | None = None
    end: int = 0  # first block after the front


class _Recogniser:
    def __init__(self, document: Document):
        self.document = document
        self.blocks = document.body
        self.flat = [P.compact(b.text) for b in self.blocks]
        self.spans: dict[int, list[ElementSpan]] = {}
        self.draft = Draft(document=document)
        # Body blocks that carry text, page-number lines left out (text exported from a PDF has them).
        self.lines: list[int] = []
        for i, flat in enumerate(self.flat):
            if not flat:
                continue
            if P.PAGE_NUMBER.fullmatch(flat):
                self._tag(i, "页码", why="单独一行的页码")
                continue
            self.lines.append(i)
        self.telegram_tables = self._telegram_tables()
        self.telegram = False  # a telegram form was read in the front
        # Lines that are no 公文要素 at all: a byline under the title, a table of contents.
        self.no_element: set[int] = set()

    # -- tagging -----------------------------------------------------------------------------------
    def _tag(self, i: int, element: str, start: int | None = None, end: int | None = None, why: str = "") -> None:
        """Tag block `i` (or [start, end) of it) as `element`; `why` is the evidence, shown by
        --show-structure: where the line stands and what shape it has, plus its formatting in a .docx."""
        block = self.blocks[i]
        s = 0 if start is None else start
        e = len(block.text) if end is None else end
        evidence = why + _format_evidence(block)
        self.spans.setdefault(i, []).append(
            ElementSpan(element, block.part, block.index, s, e, block.text[s:e], evidence))

    def _tagged(self, i: int) -> bool:
        return i in self.spans

    def _next_line(self, pos: int) -> int | None:
        return self.lines[pos] if pos < len(self.lines) else None

    # -- passes ------------------------------------------------------------------------------------
    def run(self) -> Draft:
        front = self._front()
        body_start_pos = self._main_to(front.end)
        record_pos = self._record(body_start_pos)
        closing = self._closing(body_start_pos, record_pos)
        self._body(body_start_pos, closing, front)
        self._page_numbers()

        draft = self.draft
        draft.spans = [s for i in sorted(self.spans) for s in self.spans[i]] + self._footer_spans
        self._infer(front)
        return draft

    # 1. 版头 and 标题 ---------------------------------------------------------------------------------
    def _front(self) -> _Front:
        front = _Front()
        items: list[tuple[str, int]] = []  # ("mark?"/"head", block) in reading order
        run: list[int] = []  # candidate title/mark lines since the last head item
        special_layout = False  # a 令 or 纪要 标志 with its number has been seen
        after_signer = False  # the line above carries a 签发人 (several signers wrap onto more lines)
        pos = 0
        while pos < len(self.lines) and pos < _FRONT_MAX_LINES:
            i = self.lines[pos]
            block, flat = self.blocks[i], self.flat[i]
            zihao = _match_zihao(block.text, flat, signers_above=after_signer)
            signer_line, after_signer = after_signer, False
            if P.ORNAMENT.fullmatch(flat) or P.PAGE_COUNT.fullmatch(flat):
                pass  # ★ in the 版头 separator line; 共1页 beside a telegram's 标志
            elif self._in_telegram_form(i):
                self._telegram_cell(i, front)
                items.append(("head", i))
                run = []
            elif special_layout and not zihao and not P.ORDER_NUMBER.fullmatch(flat) and not (
                not run and self._title_like_after_number(i)
            ):
                # 命令 and 纪要 layouts have no title of their own: after the 标志 and its number comes
                # the text, possibly preceded by the issuing office and date line of a 纪要.
                org_date = P.SIGNATURE_AND_DATE.fullmatch(flat)
                if org_date and not P.SENTENCE_END.search(flat):
                    self._tag_signature_and_date(i)
                    items.append(("head", i))
                else:
                    break
            elif zihao or (P.ZIHAO_PLACEHOLDER.fullmatch(flat) and not front.title):
                if zihao:
                    self._tag(i, "发文字号", *zihao.zihao, why="版头中的发文字号（机关代字〔年份〕序号）")
                else:
                    self._tag(i, "发文字号", why="模板中的文号字段")  # [此处输入文号]号: the template's field for it
                if zihao and zihao.signer:
                    self._tag(i, "签发人", *zihao.signer, why="发文字号同行的“签发人：”")
                    after_signer = True
                front.zihao_block = front.zihao_block if front.zihao_block is not None else i
                items.append(("zihao", i))
                special_layout = special_layout or self._special_mark(run)
                run = []
            elif not items and not run and P.COPY_NUMBER.fullmatch(flat):
                self._tag(i, "份号", why="版头第一行的编号")
                items.append(("head", i))
            elif P.SECRECY.fullmatch(flat) and not front.title:
                self._tag(i, "密级和保密期限", why="版头中的密级形状")
                items.append(("head", i))
            elif P.URGENCY.fullmatch(flat) and not front.title:
                self._tag(i, "紧急程度", why="版头中的紧急程度形状")
                items.append(("head", i))
            elif P.ORDER_NUMBER.fullmatch(flat) and run:
                self._tag(i, "发文字号", why="标志下的令号或期号")  # 令号 (第719号) or 纪要期号 (第3期)
                special_layout = self._special_mark(run)
                front.zihao_block = front.zihao_block if front.zihao_block is not None else i
                items.append(("zihao", i))
                run = []
            elif P.SIGNER.match(flat) or (signer_line and not run and _names_only(block)):
                self._tag(i, "签发人", why="“签发人：”行或其下的姓名行")  # 签发人：张三 李四, and a line of more signers' names under it
                items.append(("head", i))
                after_signer = True
            elif P.DATELINE.match(flat) and len(flat) <= 20:
                self._tag(i, "正文", why="新华社电头")  # 新华社北京…电: part of the published text, the title may follow
                items.append(("dateline", i))
                run = []
            elif self._title_with_end_mark(run, i):
                run.append(i)  # 关于…的通知。 — a title all the same; the title rules report the mark
                items.append(("line", i))
                pos += 1
                break
            elif self._ends_front(flat) and not self._title_continues(run, flat, pos):
                break
            elif P.DATE.fullmatch(flat) or P.SIGNATURE_AND_DATE.fullmatch(flat):
                break  # a 落款 date: the draft has no body text between title and 落款
            else:
                # A big red 标志 (…人民政府公告) is no title, even when it ends in a 文种.
                marks_only = all(self.blocks[r].has_format and self._looks_like_mark(r, False) for r in run)
                if run and not marks_only and (self._title_complete(run, flat) or self._format_breaks(run, i)):
                    while pos < len(self.lines) and self._byline(run, self.lines[pos]):
                        self.no_element.add(self.lines[pos])
                        pos += 1
                    break
                run.append(i)
                items.append(("line", i))
            pos += 1
        front.end = pos
        self._split_marks_and_title(front, items)
        return front

    def _title_like_after_number(self, i: int) -> bool:
        """A 命令/纪要 may still carry a title under its number: short, ending in a 文种 or set centred
        in a large size."""
        flat, block = self.flat[i], self.blocks[i]
        if P.SENTENCE_END.search(flat) or len(flat) > 60:
            return False
        if block.has_format:
            return _alignment(block) == "center" and _max_size(block) >= 18
        return ends_with_statutory_doctype(flat)

    def _format_breaks(self, run: list[int], i: int) -> bool:
        """In a .docx a title is centred and set large: a line that is not centred below centred title
        lines starts the text, and so does a centred line in a much smaller size (an author or subtitle
        line; a bracketed （草案） or （2024年修订） still belongs to the title)."""
        a, b = self.blocks[run[-1]], self.blocks[i]
        if not a.has_format:
            return False
        if _alignment(a) == "center" and _alignment(b) != "center":
            # …same large size, and the title has not reached its 文种 yet: its next line, wrongly aligned
            unfinished = not doctype_of("".join(self.flat[r] for r in run), strict=True)[0]
            return not (unfinished and _max_size(b) >= _TITLE_MIN_PT and _max_size(b) == _max_size(a))
        size_a, size_b = max(_max_size(self.blocks[r]) for r in run), _max_size(b)
        smaller = size_a >= 18 and 0 < size_b <= 0.8 * size_a
        return smaller and not self.flat[i].startswith(("（", "(", "—"))  # ——副标题 belongs to the title

    def _byline(self, title: list[int], i: int) -> bool:
        """A short centred line in a smaller size right under a .docx title (the author, a unit): no
        公文要素 at all, so neither the title's nor the 正文's format rules apply to it."""
        block, flat = self.blocks[i], self.flat[i]
        return (
            block.has_format
            and _alignment(block) == "center"
            and self._format_breaks(title, i)
            and len(flat) <= 30
            and not P.SENTENCE_END.search(flat)
            and not P.DATE.search(flat)
            and "：" not in flat
            and ":" not in flat
            and flat != "目录"
        )

    def _special_mark(self, run: list[int]) -> bool:
        """The lines above a number are a 命令 or 纪要 标志 (…令 / …纪要)."""
        return bool(run) and any(self.flat[i].endswith(("令", "纪要")) for i in run[-1:])

    def _in_telegram_form(self, i: int) -> bool:
        return self.blocks[i].table is not None and self.blocks[i].table[0] in self.telegram_tables

    def _telegram_tables(self) -> set[int]:
        """Tables holding a 明传电报 form (发电单位 / 等级 / 签批盖章 cells) near the top of the draft."""
        labels: dict[int, int] = {}
        for i in self.lines[:_FRONT_MAX_LINES]:
            table = self.blocks[i].table
            if table and self.flat[i] in P.TELEGRAM_LABELS:
                labels[table[0]] = labels.get(table[0], 0) + 1
        return {table for table, count in labels.items() if count >= 2}

    def _telegram_cell(self, i: int, front: _Front) -> None:
        """A cell of the telegram form: its values are the 版头 elements they stand for (等级 → 紧急程度,
        the number → 发文字号); labels and the other fields stay untagged, so no 标题 or 正文 rule reads them."""
        flat = self.flat[i]
        if P.URGENCY.fullmatch(flat):
            self._tag(i, "紧急程度", why="电报表格中的等级")
        elif P.SECRECY.fullmatch(flat):
            self._tag(i, "密级和保密期限", why="电报表格中的密级")
        elif _match_zihao(self.blocks[i].text, flat):
            self._tag(i, "发文字号", why="电报表格中的编号")
            front.zihao_block = front.zihao_block if front.zihao_block is not None else i
        self.telegram = True

    def _tag_signature_and_date(self, i: int) -> None:
        """署名 and 成文日期 on one line: two spans (found on the compact text, mapped back)."""
        text = self.blocks[i].text
        match = P.SIGNATURE_AND_DATE.fullmatch(self.flat[i])
        kept = [k for k, ch in enumerate(text) if not ch.isspace()]
        if not match or len(kept) != len(self.flat[i]):
            self._tag(i, "成文日期", why="署名与日期同行")
            return
        org_end = kept[match.end("org") - 1] + 1
        self._tag(i, "发文机关署名", kept[0], org_end, why="署名与日期同行")
        self._tag(i, "成文日期", kept[match.start("date")], kept[match.end("date") - 1] + 1, why="署名与日期同行")

    def _ends_front(self, flat: str) -> bool:
        """A line that is body text or a 主送, never part of a title or a 发文机关标志."""
        return (
            bool(P.SENTENCE_END.search(flat))
            or "：" in flat
            or ":" in flat
            or flat.endswith(("，", ",", "、"))
            or len(flat) > 60
            or (heading_level(flat) in (1, 2, 4))
            or bool(P.CHAPTER.match(flat))
            or flat == "目录"
            or flat.startswith("尊敬的")  # a salutation (倡议书, 邀请函) opens the text
        )

    def _title_with_end_mark(self, run: list[int], i: int) -> bool:
        """A title line written with a sentence mark at its end (…的通知。): short, no other sentence mark,
        and the title so far ends in a 文种 before the mark — or, in a .docx, it is set as a title."""
        flat = self.flat[i]
        if not (_TITLE_MIN_CHARS <= len(flat) <= _TITLE_MAX_CHARS) or flat[-1] not in _TITLE_END_MARKS:
            return False
        body = flat.rstrip(_TITLE_END_MARKS)
        if P.SENTENCE_END.search(body) or "：" in body or ":" in body or heading_level(body):
            return False
        if run and self.blocks[run[-1]].has_format and self._looks_like_mark(run[-1], False):
            run_text = ""  # the 标志 above is no part of the title
        else:
            run_text = "".join(self.flat[r] for r in run)
        if doctype_of(run_text + body, strict=True)[0] or (run_text + body).endswith(_MISNAMED_DOCTYPES):
            return True
        return _title_like(self.blocks[i])

    def _title_continues(self, run: list[int], flat: str, pos: int) -> bool:
        """A title broken after an enumeration comma (…南昌、新余、\n抚州…) goes on on the next line.
        On the first line it could as well be a 主送 (北京市、天津市、\n河北省人民政府：): look ahead
        for the 文种 that ends a title before a line that ends in a colon."""
        if not flat.endswith("、") or len(flat) > 40 or P.SENTENCE_END.search(flat) or "：" in flat:
            return False
        if run:
            return not ends_with_statutory_doctype("".join(self.flat[i] for i in run))
        joined = flat
        for i in self.lines[pos + 1 : pos + 5]:
            nxt = self.flat[i]
            if nxt.endswith(("：", ":")) or P.SENTENCE_END.search(nxt):
                return False
            joined += nxt
            if ends_with_statutory_doctype(joined):
                return True
        return False

    def _title_complete(self, run: list[int], flat: str) -> bool:
        """The title so far already ends in its 文种 (or is long enough): the next line starts something else."""
        so_far = "".join(self.flat[i] for i in run)
        if flat.startswith(("的", "（", "(")) or len(flat) <= 3:
            return False
        long_lines = sum(1 for i in run if len(self.flat[i]) > 3)
        # 请示报告/汇报 are not 文种 but end a title just as well (the rules then say so)
        return long_lines >= _TITLE_MAX_LINES or ends_with_statutory_doctype(so_far) or so_far.endswith(
            _MISNAMED_DOCTYPES
        )

    def _split_marks_and_title(self, front: _Front, items: list[tuple[str, int]]) -> None:
        """Candidate lines above the 发文字号 are the 发文机关标志 when a title follows the 字号;
        otherwise (a published text: title, then its 字号) they are the title."""
        lines = [i for kind, i in items if kind == "line"]
        zihao = front.zihao_block
        before = [i for i in lines if zihao is not None and i < zihao]
        after = [i for i in lines if zihao is None or i > zihao]
        marks: list[int] = []
        if zihao is not None and after:
            marks = before
        else:
            # No 字号 between them: a leading line is a 标志 only when it says so (…文件/…令/…纪要 with a
            # number below it) or looks like one (red, very large).
            for i in lines:
                if self._looks_like_mark(i, numbered=zihao is not None and i < zihao):
                    marks.append(i)
                else:
                    break
        title = [i for i in lines if i not in marks]
        # Joint issuance may put the 标志 lines below a "文件" line or beside it; any red line belongs there.
        title = [i for i in title if not (self.blocks[i].has_format and _is_red(self.blocks[i]))] or title
        marks = sorted(set(marks) | (set(lines) - set(title)))
        for i in marks:
            self._tag(i, "发文机关标志", why="标题之上的标志行（字号之上，或红色、大字、以“文件”结尾）")
        for i in title:
            note = P.NOTE.fullmatch(self.flat[i])
            if note and P.DATE.search(self.flat[i]):
                self._tag(i, "成文日期", why="标题下括注的通过日期")  # （2021年6月29日…通过） under a party document's title
            else:
                self._tag(i, "标题", why="版头之后、主送之前的标题行")
        front.marks, front.title = marks, title
        first_title = title[0] if title else None
        front.head_before_title = any(
            kind in ("head", "zihao") and (first_title is None or i < first_title) for kind, i in items
        )

    def _looks_like_mark(self, i: int, numbered: bool) -> bool:
        flat, block = self.flat[i], self.blocks[i]
        if flat.endswith("文件"):
            return True
        if numbered and (flat.endswith("令") or flat.endswith("纪要")):
            return True
        if block.has_format and (_is_red(block) or _max_size(block) >= 28):
            return True
        return False

    # 2. 主送机关 -------------------------------------------------------------------------------------
    def _main_to(self, pos: int) -> int:
        """Tag the 主送 lines starting at line `pos`; return the line position where 正文 starts."""
        chosen: list[int] = []
        for k in range(pos, min(pos + _MAIN_TO_MAX_LINES, len(self.lines))):
            i = self.lines[k]
            flat = self.flat[i]
            if (
                P.SENTENCE_END.search(flat)
                or "如下" in flat
                or len(flat) > 200
                or heading_level(flat)
                or self._tagged(i)
                or self.blocks[i].table is not None  # a form's 编号：/日期： field, not a 主送
            ):
                return self._main_to_without_colon(pos)
            chosen.append(i)
            if flat.endswith(("：", ":")):
                # lines above the colon line belong to it only as a wrapped list of names (…人民政府，
                # 国务院各部委、); a stray label above it (a template's 称谓) stays out
                while len(chosen) > 1 and not self._main_to_wraps(chosen[0]):
                    chosen.pop(0)
                    pos += 1
                for j in chosen:
                    self._tag(j, "主送机关", why="标题下以冒号结尾的机关名称")
                return k + 1
        return self._main_to_without_colon(pos)

    def _main_to_wraps(self, i: int) -> bool:
        flat = self.flat[i]
        return flat.endswith(("、", "，", ",", "；")) or _organ_names(flat)

    def _main_to_without_colon(self, pos: int) -> int:
        """A 主送 whose colon was forgotten (市人民政府、市财政局): one short line of organ names right under
        the title, with text below it.  Rules then report the missing colon instead of missing the 主送."""
        if pos == 0 or pos >= len(self.lines) or not self._title_above(pos):
            return pos
        i = self.lines[pos]
        flat = self.flat[i]
        if self._tagged(i) or heading_level(flat) or self.blocks[i].table is not None:
            return pos
        if self._main_to_merged(i):
            return pos  # the 正文 starts on this very line, after the colon
        if pos + 1 >= len(self.lines):
            return pos  # a line of names with no text under it is no 主送
        names_text = flat.rstrip(_MAIN_TO_WRONG_END)  # 市财政局。 — a wrong end mark, still the 主送
        if len(flat) > 60 or P.SENTENCE_END.search(names_text):
            return pos
        if _organ_names(names_text) and not _DIGIT.search(names_text):  # 共排查隐患126处。 is a sentence
            self._tag(i, "主送机关", why="标题下一行机关名称（缺冒号或末尾标点有误）")
            return pos + 1
        return pos

    def _main_to_merged(self, i: int) -> bool:
        """「支队领导：为进一步……」: the 主送 written at the start of the first paragraph.  Two spans: the
        主送 up to its colon, the 正文 after it (a rule then asks for a line of its own)."""
        text = self.blocks[i].text
        colon = next((k for k, ch in enumerate(text) if ch in "：:"), None)
        if colon is None or colon > _MERGED_MAIN_TO_MAX_CHARS or not text[colon + 1 :].strip():
            return False
        head = P.compact(text[:colon])
        if not head or P.SENTENCE_END.search(head) or not (_organ_names(head) or _SALUTATION.fullmatch(head)):
            return False
        lead = len(text) - len(text.lstrip())
        self._tag(i, "主送机关", lead, colon + 1, why="主送与正文写在同一段：冒号之前")
        rest = colon + 1 + (len(text[colon + 1 :]) - len(text[colon + 1 :].lstrip()))
        self._tag(i, "正文", rest, len(text.rstrip()), why="主送与正文写在同一段：冒号之后")
        return True

    def _title_above(self, pos: int) -> bool:
        above = self.spans.get(self.lines[pos - 1], [])
        return any(s.element == "标题" for s in above)

    # 3. 版记 ----------------------------------------------------------------------------------------
    def _record(self, pos: int) -> int:
        """Tag the 版记 (抄送, 主送, 印发) at the end; return the line position where it starts."""
        found: list[tuple[int, str]] = []  # (line position, element)
        for k in range(pos, len(self.lines)):
            flat = self.flat[self.lines[k]]
            if P.COPY_TO.match(flat):
                found.append((k, "抄送机关"))
            elif P.MAIN_TO_IN_RECORD.match(flat):
                found.append((k, "主送机关"))
            elif P.ISSUE_LINE.fullmatch(flat):
                found.append((k, "印发机关和印发日期"))
        if found and found[-1][1] != "印发机关和印发日期":
            # 国务院办公厅  2021年4月21日 under the 抄送 without 印发: still the 印发 line (its rule says so)
            last = found[-1][0]
            for k in range(last + 1, min(last + 1 + _RECORD_GAP_LINES, len(self.lines))):
                if P.SIGNATURE_AND_DATE.fullmatch(self.flat[self.lines[k]]):
                    found.append((k, "印发机关和印发日期"))
                    break
        if not found:
            return len(self.lines)
        # Keep the last cluster: 版记 lines with at most a few short lines (wrapped names, table cells) between.
        cluster = [found[-1]]
        for k, element in reversed(found[:-1]):
            gap = range(k + 1, cluster[0][0])
            if len(gap) > _RECORD_GAP_LINES or any(len(self.flat[self.lines[g]]) > 120 for g in gap):
                break
            cluster.insert(0, (k, element))
        start = cluster[0][0]
        rows = self._table_rows_of([self.lines[k] for k, e in cluster if e == "印发机关和印发日期"])
        current: str | None = None
        for k in range(start, len(self.lines)):
            i = self.lines[k]
            element = next((e for kk, e in cluster if kk == k), None)
            if element:
                current = element
                self._tag(i, element, why="版记行（抄送、主送、印发）")
            elif self._row_of(i) in rows:
                self._tag(i, "印发机关和印发日期", why="版记表格中印发行的同一行")
            elif current in ("抄送机关", "主送机关") and len(self.flat[i]) <= 120 and not _FIELD_LABEL.match(self.flat[i]):
                self._tag(i, current, why="版记名单回行")  # wrapped list of names
            elif current == "印发机关和印发日期" and P.COPIES_PRINTED.fullmatch(self.flat[i]):
                self._tag(i, current, why="印发行下的印数")  # 共印2份 under the 印发 line
        return start

    def _row_of(self, i: int) -> tuple[int, int] | None:
        table = self.blocks[i].table
        return (table[0], table[1]) if table else None

    def _table_rows_of(self, blocks: list[int]) -> set[tuple[int, int]]:
        return {row for i in blocks if (row := self._row_of(i)) is not None}

    # 4. 落款, 附件说明, 附注, 附件 ---------------------------------------------------------------------
    def _closing(self, start: int, end: int) -> int:
        """Tag 署名, 成文日期, 附件说明, 附注 and 附件 pages between line positions start and end;
        return the line position where 正文 ends."""
        date_pos, shared_line, label_pos = self._find_closing(start, end)
        if date_pos is None:
            body_end = label_pos if label_pos is not None else end
            body_end = self._undated_signature(start, body_end)
            body_end = self._attachment_note(start, body_end)
            if label_pos is not None:
                self._attachments(label_pos, end)
            return body_end

        i = self.lines[date_pos]
        if shared_line:
            self._tag_signature_and_date(i)
            signature_pos = date_pos
        else:
            self._tag(i, "成文日期", why="落款：正文之后的日期行")
            signature_pos = date_pos
            # In a .docx a 落款 set to the right (aligned, indented or pushed by spaces) is a block: the
            # 署名 lines above its first line are set the same way.
            first_above = self.blocks[self.lines[date_pos - 1]] if date_pos - 1 > start else None
            pushed = first_above is not None and first_above.has_format and _pushed_right(first_above)
            while signature_pos - 1 > start and date_pos - (signature_pos - 1) <= _SIGNATURE_MAX_LINES:
                above = self.lines[signature_pos - 1]
                if not self._signature_line(above):
                    break
                if pushed and not _pushed_right(self.blocks[above]) and not P.SEAL_PLACEHOLDER.fullmatch(self.flat[above]):
                    break
                signature_pos -= 1
            for k in range(signature_pos, date_pos):
                i_sig = self.lines[k]
                self._tag(i_sig, "印章" if P.SEAL_PLACEHOLDER.fullmatch(self.flat[i_sig]) else "发文机关署名", why="落款：日期之上的署名行")
        self._seal(signature_pos, date_pos)
        after = date_pos + 1
        if signature_pos == date_pos and not shared_line and after < end and self._organ_line(self.lines[after]):
            # the 署名 written under its date (the 落款 upside down): still the 署名; a rule says where it goes
            self._tag(self.lines[after], "发文机关署名", why="落款：成文日期之下的机关名称（署名与日期位置颠倒）")
            after += 1
        while after < end and after - date_pos <= 2 and (
            P.NOTE.fullmatch(self.flat[self.lines[after]]) or P.BARE_NOTE.fullmatch(self.flat[self.lines[after]])
        ):
            self._tag(self.lines[after], "附注", why="成文日期下的括注（或缺括号的“此件……”）")
            after += 1
        self._attachments(after, end)
        return self._attachment_note(start, signature_pos)

    def _undated_signature(self, start: int, end: int) -> int:
        """A 落款 whose date is missing: the last line before `end` is the 署名 when it names an organ
        (and, in a .docx, is set to the right or at least not like 正文).  Returns where 正文 ends."""
        k = end - 1
        while k > start and P.NOTE.fullmatch(self.flat[self.lines[k]]):
            k -= 1  # a 附注 under the missing date: （此件公开发布）
        if k <= start:
            return end
        i = self.lines[k]
        block = self.blocks[i]
        if not self._organ_line(i) or (block.has_format and _indented_like_body(block) and not _pushed_right(block)):
            return end
        self._tag(i, "发文机关署名", why="落款：正文之后的机关名称（无成文日期）")
        for j in range(k + 1, end):
            self._tag(self.lines[j], "附注", why="署名下的括注")
        return k

    def _organ_line(self, i: int) -> bool:
        """A line that names an organ and nothing else (国务院办公厅, 某某市人民政府): a 署名 wherever it stands."""
        flat = self.flat[i]
        return self._signature_like(flat) and _organ_names(flat) and not P.NOTE.fullmatch(flat)

    def _find_closing(self, start: int, end: int) -> tuple[int | None, bool, int | None]:
        """The 成文日期 of the 落款 (line position, 署名 on the same line?) and the label line of the first
        attachment after it.

        The 落款 comes before the first attachment label (附件1, 附件：).  A label *above* a 落款 that
        closes the text (only a 附注 or two after it) is inside the 正文 instead: a template's 附件1（可选）
        with an illustration, or a 附件： whose list starts on the next line."""
        labels = [k for k in range(start + 1, end) if self._attachment_label(k)]
        date_pos, shared = self._find_date(start, labels[0] if labels else end)
        if date_pos is not None:
            return date_pos, shared, labels[0] if labels else None
        for limit in labels[1:] + [end]:
            date_pos, shared = self._find_date(max(start, limit - 4), limit, signed_only=True)
            if date_pos is not None:
                return date_pos, shared, next((k for k in labels if k > date_pos), None)
        return None, False, labels[0] if labels else None

    def _attachment_label(self, k: int) -> bool:
        """The label line of an attachment page (附件2) — not a 附件： whose list follows on the next lines."""
        if not P.ATTACHMENT_LABEL.fullmatch(self.flat[self.lines[k]]):
            return False
        following = self._next_line(k + 1)
        return following is None or not P.LIST_ITEM.match(self.flat[following])

    def _find_date(self, start: int, end: int, signed_only: bool = False) -> tuple[int | None, bool]:
        """The 成文日期 line of the 落款, found from the end: the last stand-alone date whose line above
        reads like a 署名, or (unless `signed_only`) a last stand-alone date that closes the text — only
        附注-like lines after it.  A date inside the 正文 (举办时间 / 2017年10月13日) is followed by more
        text, so it is no 成文日期.  The search stops at a page break after a candidate: the pages after it
        are 附件.  Returns the line position and whether the 署名 shares the line.  A template's [日期] and
        a date written 2024.5.6 count only under a 署名."""
        signed: tuple[int, bool] | None = None
        plain: int | None = None
        for k in range(start + 1, end):
            i = self.lines[k]
            if self.blocks[i].page_break_before and (signed or plain is not None):
                end = k
                break
            flat = self.flat[i]
            strict = P.DATE.fullmatch(flat)
            # 2024.10.8 and [日期] fill the cells of many a form: in a table only a full date closes the text
            weak = self.blocks[i].table is None and (P.DATE_PLACEHOLDER.fullmatch(flat) or P.LOOSE_DATE.fullmatch(flat))
            if strict or weak:
                if self._signature_line(self.lines[k - 1]):
                    signed = (k, False)
                elif strict and not signed_only:
                    plain = k
            elif (m := P.SIGNATURE_AND_DATE.fullmatch(flat)) and self._signature_like(m.group("org")):
                signed = (k, True)
        if plain is not None and (signed is None or plain > signed[0]) and self._closes_text(plain, end):
            return plain, False
        if signed is not None:
            return signed
        return None, False

    def _closes_text(self, k: int, end: int) -> bool:
        """Only 附注-like lines (in brackets, or a 纪要's attendance) follow line position `k` before `end`,
        or a 附注 stands right under it (（此件公开发布）: the 落款 is there, the pages after it are 附件)."""
        if k + 1 < end and P.NOTE.fullmatch(self.flat[self.lines[k + 1]]):
            return True
        after = [self.flat[self.lines[j]] for j in range(k + 1, end)]
        text_lines = [f for f in after if not (P.NOTE.fullmatch(f) or P.ATTENDANCE.match(f))]
        return len(text_lines) <= _TEXT_LINES_AFTER_CLOSING

    def _signature_line(self, i: int) -> bool:
        """Block `i` can be a line of the 发文机关署名 (or the 印章 placeholder between 署名 and date):
        its text reads like one, and in a .docx its formatting does not say 正文 or 标题."""
        flat, block = self.flat[i], self.blocks[i]
        if P.SEAL_PLACEHOLDER.fullmatch(flat) or P.SIGNATURE_LABEL.fullmatch(flat):
            return True  # the seal's place; 申请人：, （汇报人：____）
        if not self._signature_like(flat) or P.NOTE.fullmatch(flat):
            return False  # （此页无正文） and other asides in brackets are no 署名
        placeholder = P.PLACEHOLDER.fullmatch(flat)
        if placeholder and (not P.ISSUER_PLACEHOLDER.search(placeholder.group(1)) or "送" in placeholder.group(1)):
            return False  # [此处输入正文内容] stands for body text; [发文单位] for the 署名
        if block.has_format and not _pushed_right(block) and (_indented_like_body(block) or _title_like(block)):
            # set like 正文, yet an organ's name right above the date is the 署名 all the same (F038 says
            # where it should stand)
            return not _title_like(block) and _organ_names(flat)
        return True

    def _signature_like(self, flat: str) -> bool:
        return (
            2 <= len(flat) <= 40
            and not P.SENTENCE_END.search(flat)
            and "：" not in flat
            and ":" not in flat
            and not flat.endswith(("，", ",", "、"))
            and heading_level(flat) is None
            and not P.ATTACHMENT_NOTE.match(flat)
            and not P.LIST_ITEM.match(flat)
            and not flat.startswith(_CLOSING_FORMULAS)
        )

    def _attachment_note(self, start: int, end: int) -> int:
        """Tag a 附件说明 (附件：1．… and its wrapped lines) just above line position `end`; return
        the line position where it starts (or `end`)."""
        for k in range(end - 1, max(start, end - _ATTACHMENT_NOTE_MAX_LINES) - 1, -1):
            flat = self.flat[self.lines[k]]
            if P.ATTACHMENT_NOTE.match(flat):
                while k - 1 > start and P.ATTACHMENT_NOTE.match(self.flat[self.lines[k - 1]]):
                    k -= 1  # 附件1：… / 附件2：…, one line each
                for kk in range(k, end):
                    self._tag(self.lines[kk], "附件说明", why="正文之后以“附件：”开头的说明")
                return k
            if P.SENTENCE_END.search(flat[:-1] if flat.endswith("。") else flat) or len(flat) > 80:
                break
        return end

    def _attachments(self, start: int, end: int) -> None:
        attendance = True  # 纪要: 出席/请假/列席 lines may follow the 落款; they belong to the text
        for k in range(start, end):
            i = self.lines[k]
            if self._tagged(i):
                continue
            attendance = attendance and bool(P.ATTENDANCE.match(self.flat[i]))
            self._tag(i, "正文" if attendance else "附件", why="落款之后的内容")

    def _seal(self, signature_pos: int, date_pos: int) -> None:
        """A picture or shape anchored at the 落款 is the 印章."""
        first = self.lines[signature_pos - 1] + 1 if signature_pos > 0 else 0
        last = self.lines[date_pos]
        for i in range(first, last + 1):
            if any(shape.kind in ("picture", "shape") for shape in self.blocks[i].shapes):
                self._tag(i, "印章", why="落款处的图片或形状")

    # 5. 正文 ----------------------------------------------------------------------------------------
    def _body(self, start: int, end: int, front: _Front) -> None:
        in_contents = False
        for k in range(start, end):
            i = self.lines[k]
            # 目录 and its entries (第一章 总则<tab>3) list the text, they are not part of it
            entry = in_contents and P.CONTENTS_ENTRY.fullmatch(self.blocks[i].text.strip()) is not None
            in_contents = self.flat[i] == "目录" or entry
            if in_contents:
                self.no_element.add(i)
            if not self._tagged(i) and i not in self.no_element:
                self._tag(i, "正文", why="主送与落款之间的正文")
        # Lines the front skipped over before the body (a title line that was not the first group).
        for k in range(front.end, start):
            if not self._tagged(self.lines[k]) and self.lines[k] not in self.no_element:
                self._tag(self.lines[k], "正文", why="版头之后未归入其他要素的行")
        for i, spans in self.spans.items():
            if spans[0].element in ("正文", "附件"):
                level = heading_level(_heading_text(self.blocks[i]))
                if level:
                    self.draft.heading_levels[self.blocks[i].index] = level

    # 6. 页码 ----------------------------------------------------------------------------------------
    def _page_numbers(self) -> None:
        self._footer_spans: list[ElementSpan] = []
        for block in self.document.footer + self.document.header:
            flat = P.compact(block.text)
            has_field = any(" PAGE " in f" {instr.upper()} " for instr in block.fields)
            if has_field or (flat and P.PAGE_NUMBER.fullmatch(flat)):
                self._footer_spans.append(
                    ElementSpan("页码", block.part, block.index, 0, len(block.text), block.text)
                )

    # -- 文种, direction, layout ------------------------------------------------------------------------
    def _infer(self, front: _Front) -> None:
        draft = self.draft
        title = "".join(self.flat[i] for i in front.title if draft.element_at("body", self.blocks[i].index) == "标题")
        mark = "".join(self.flat[i] for i in front.marks)
        doctype, statutory = doctype_of(title)

        zihao = draft.first("发文字号")
        zihao_text = P.compact(zihao.text) if zihao else ""
        if mark:
            if mark.endswith("文件"):
                layout = "文件"
            elif mark.endswith("纪要"):
                layout = "纪要"
            elif mark.endswith("令"):
                layout = "命令"
            elif doctype == "函" or "函" in zihao_text or self._right_aligned(zihao):
                layout = "信函"
            else:
                layout = "文件"
        else:
            layout = "文件" if front.head_before_title else "无版头"
        if doctype is None:
            # 命令 and 纪要 layouts have no separate title, a 公告 标志 names its 文种: use the 标志.
            doctype, statutory = doctype_of(mark, strict=True)
        if doctype is None and self.telegram:
            doctype, statutory = "电报", False  # a 明传电报 form whose title names no 文种
        draft.layout = layout
        draft.doctype, draft.doctype_statutory = doctype, statutory
        body_text = draft.text_of("正文")
        draft.direction = direction_of(doctype, draft.has("签发人"), draft.text_of("主送机关"), body_text)
        draft.genre, draft.genre_reason = genre_of(draft)

    def _right_aligned(self, span: ElementSpan | None) -> bool:
        return span is not None and _alignment(self.document.block("body", span.block)) == "right"
