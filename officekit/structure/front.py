"""Pass 1, the front (版头 and 标题): 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号 (+签发人) and the
title lines, up to the first line that reads like a 主送 or like body text.  Faulty marks are read from
where they stand and a loose shape (patterns.py); the rules judge the strict one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from officekit.structure import patterns as P
from officekit.structure.doctype import doctype_of, ends_with_statutory_doctype
from officekit.structure.reading import Reading, is_red, max_size, alignment, title_like, names_only, heading_level

# How far the front (版头 + 标题) may reach: real ones have at most a dozen lines.
FRONT_MAX_LINES = 30
TITLE_MAX_LINES = 6  # lines of more than three characters; a vertically set title has many 1-char lines
MISNAMED_DOCTYPES = ("请示报告", "汇报")  # not 文种, but they end a title as well (the rules say so)
# A title line that ends in a sentence mark by mistake: how long it may be, and the marks.
TITLE_MIN_CHARS = 4
TITLE_MAX_CHARS = 60
TITLE_END_MARKS = "。．.！!；;，,"
TITLE_MIN_PT = 18  # a title line is set this large or larger (GB/T 9704: 2号, 22 pt)
# A title typed into the first paragraph: the words a title ends with, how far into the paragraph it may
# reach, and how many characters of its subject the text must repeat right after it.
FUSED_TITLE_WORD = re.compile(r"指引|指南|办法|方案|规定|细则|须知|通知|意见|规则|制度|守则|要点|计划|决定|公告|通告|通报|报告|请示|批复|纪要")
FUSED_TITLE_MAX_CHARS = 40
FUSED_SUBJECT_CHARS = 4


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
class Front:
    marks: list[int] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    head_before_title: bool = False  # 份号/密级/紧急/字号 above the title: there is a 版头
    zihao_block: int | None = None
    end: int = 0  # first block after the front


class FrontPass(Reading):
    """Tags the 版头 and the title; `_front()` returns where the front ends."""

    def _front(self) -> Front:
        front = Front()
        items: list[tuple[str, int]] = []  # ("mark?"/"head", block) in reading order
        run: list[int] = []  # candidate title/mark lines since the last head item
        special_layout = False  # a 令 or 纪要 标志 with its number has been seen
        after_signer = False  # the line above carries a 签发人 (several signers wrap onto more lines)
        pos = 0
        while pos < len(self.lines) and pos < FRONT_MAX_LINES:
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
            elif P.SIGNER.match(flat) or (signer_line and not run and names_only(block)):
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
            elif not items and not run and self._fused_title(i):
                pos += 1  # 「公共服务事项办理指引公共服务事项是指……」: the title typed into the first paragraph
                break
            elif self._ends_front(flat) and not self._title_continues(run, flat, pos):
                break
            elif self._numbered_body_line(i):
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
            return alignment(block) == "center" and max_size(block) >= 18
        return ends_with_statutory_doctype(flat)

    def _format_breaks(self, run: list[int], i: int) -> bool:
        """In a .docx a title is centred and set large: a line that is not centred below centred title
        lines starts the text, and so does a centred line in a much smaller size (an author or subtitle
        line; a bracketed （草案） or （2024年修订） still belongs to the title)."""
        a, b = self.blocks[run[-1]], self.blocks[i]
        if not a.has_format:
            return False
        if alignment(a) == "center" and alignment(b) != "center":
            # …same large size, and the title has not reached its 文种 yet: its next line, wrongly aligned
            unfinished = not doctype_of("".join(self.flat[r] for r in run), strict=True)[0]
            return not (unfinished and max_size(b) >= TITLE_MIN_PT and max_size(b) == max_size(a))
        size_a, size_b = max(max_size(self.blocks[r]) for r in run), max_size(b)
        smaller = size_a >= 18 and 0 < size_b <= 0.8 * size_a
        return smaller and not self.flat[i].startswith(("（", "(", "—"))  # ——副标题 belongs to the title

    def _byline(self, title: list[int], i: int) -> bool:
        """A short centred line in a smaller size right under a .docx title (the author, a unit): no
        公文要素 at all, so neither the title's nor the 正文's format rules apply to it."""
        block, flat = self.blocks[i], self.flat[i]
        return (
            block.has_format
            and alignment(block) == "center"
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
        for i in self.lines[:FRONT_MAX_LINES]:
            table = self.blocks[i].table
            if table and self.flat[i] in P.TELEGRAM_LABELS:
                labels[table[0]] = labels.get(table[0], 0) + 1
        return {table for table, count in labels.items() if count >= 2}

    def _telegram_cell(self, i: int, front: Front) -> None:
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
            or flat in P.SLOT_LABELS  # a template's 称谓 label: the salutation comes next
        )

    def _fused_title(self, i: int) -> bool:
        """The first paragraph opens with a title run into the text: a head ending in a title word (指引,
        办法, 通知…) whose subject the text then repeats (「XX办理指引」 + 「XX是指……」).  Tags the two spans."""
        text = self.blocks[i].text
        lead = len(text) - len(text.lstrip())
        body = text[lead:]
        if not P.SENTENCE_END.search(body):
            return False
        for m in FUSED_TITLE_WORD.finditer(body[:FUSED_TITLE_MAX_CHARS]):
            head, rest = body[: m.end()], body[m.end():]
            if P.SENTENCE_END.search(head) or re.search(r"[，,：:、]", head):
                return False
            if len(head) > FUSED_SUBJECT_CHARS and rest.startswith(head[:FUSED_SUBJECT_CHARS]):
                self._tag(i, "标题", lead, lead + m.end(), why="首段开头与正文连写的标题（正文重复其事由）")
                self._tag(i, "正文", lead + m.end(), len(text.rstrip()), why="首段中标题之后的正文")
                return True
        return False

    def _numbered_body_line(self, i: int) -> bool:
        """In a .docx, a 「1.」 heading set like body text (not centred, not title-sized) starts the text: a
        fragment's section heading is no title.  (In plain text 「1.」 may open a title line; 一、（一）（1）
        end the front whatever their format, see `_ends_front`.)"""
        block = self.blocks[i]
        return (heading_level(self.flat[i]) == 3 and block.has_format and alignment(block) != "center"
                and max_size(block) < TITLE_MIN_PT)

    def _title_with_end_mark(self, run: list[int], i: int) -> bool:
        """A title line written with a sentence mark at its end (…的通知。): short, no other sentence mark,
        and the title so far ends in a 文种 before the mark — or, in a .docx, it is set as a title."""
        flat = self.flat[i]
        if not (TITLE_MIN_CHARS <= len(flat) <= TITLE_MAX_CHARS) or flat[-1] not in TITLE_END_MARKS:
            return False
        body = flat.rstrip(TITLE_END_MARKS)
        if P.SENTENCE_END.search(body) or "：" in body or ":" in body or heading_level(body):
            return False
        if run and self.blocks[run[-1]].has_format and self._looks_like_mark(run[-1], False):
            run_text = ""  # the 标志 above is no part of the title
        else:
            run_text = "".join(self.flat[r] for r in run)
        if doctype_of(run_text + body, strict=True)[0] or (run_text + body).endswith(MISNAMED_DOCTYPES):
            return True
        return title_like(self.blocks[i])

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
        return long_lines >= TITLE_MAX_LINES or ends_with_statutory_doctype(so_far) or so_far.endswith(
            MISNAMED_DOCTYPES
        )

    def _split_marks_and_title(self, front: Front, items: list[tuple[str, int]]) -> None:
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
        title = [i for i in title if not (self.blocks[i].has_format and is_red(self.blocks[i]))] or title
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
        if block.has_format and (is_red(block) or max_size(block) >= 28):
            return True
        return False
