"""Pass 4, the 落款 found from the end, between the 正文 and the 版记: the 成文日期 (a date is the 成文日期
only there), the 署名 above it (set right, pushed right, a signature label or placeholder), the 附件说明
above those, the 附注 below; whatever follows up to the 版记 is 附件 (from an 附件 label or a page break).
"""

from __future__ import annotations

from officekit.structure import patterns as P
from officekit.structure.reading import Reading, heading_level, indented_like_body, organ_names, pushed_right, title_like

# How many lines above the date a 署名 (with a 印章 placeholder) may take: joint issue stacks organs.
SIGNATURE_MAX_LINES = 4
# Lines of text that may stand after a 落款 date that has no 署名 above it (a stray line, a 联系人).
TEXT_LINES_AFTER_CLOSING = 1
# How far above the 署名 a 附件说明 may start (one line an attachment name, wrapped).
ATTACHMENT_NOTE_MAX_LINES = 12
# The closing formulas of the 正文: they end the text, they are never a 署名.
CLOSING_FORMULAS = ("特此", "此复", "此令", "此致", "敬礼", "妥否", "当否", "请批示", "请审批")


class ClosingPass(Reading):
    """Tags the 落款, 附件说明, 附注 and 附件; `_closing(start, end)` returns where the 正文 ends."""

    def _closing(self, start: int, end: int) -> int:
        """Tag 署名, 成文日期, 附件说明, 附注 and 附件 pages between line positions start and end;
        return the line position where 正文 ends."""
        date_pos, shared_line, label_pos = self._find_closing(start, end)
        if date_pos is None:
            noted = self._signature_over_note(start, label_pos if label_pos is not None else end)
            if noted is not None:  # 国务院办公厅 / （此件公开发布）: a 落款 without its date, 附件 after it
                self._tag(self.lines[noted], "发文机关署名", why="落款：附注之上的机关名称（无成文日期）")
                self._tag(self.lines[noted + 1], "附注", why="署名下的括注")
                self._attachments(noted + 2, end)
                return self._attachment_note(start, noted)
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
            pushed = first_above is not None and first_above.has_format and pushed_right(first_above)
            while signature_pos - 1 > start and date_pos - (signature_pos - 1) <= SIGNATURE_MAX_LINES:
                above = self.lines[signature_pos - 1]
                if not self._signature_line(above):
                    break
                joint = signature_pos < date_pos and self._organ_line(above)  # the first of several organs
                if (signature_pos < date_pos and not joint and not P.SEAL_PLACEHOLDER.fullmatch(self.flat[above])
                        and not (self.blocks[above].has_format and pushed_right(self.blocks[above]))):
                    break  # a second line up is an organ's name, or set right with the 落款 — not 素材清单
                if (pushed and not pushed_right(self.blocks[above]) and not P.SEAL_PLACEHOLDER.fullmatch(self.flat[above])
                        and not joint):
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
        body_end = self._attachment_note(start, signature_pos)
        self._attachments_inside(start, body_end)
        return body_end

    def _attachments_inside(self, start: int, end: int) -> None:
        """An 附件 page put inside the 正文 (its label line 附件1, perhaps after a page break, then 特此通知。
        and the 落款): its lines are 附件 up to the next closing formula or page break, so the rules report
        where it stands."""
        k = start + 1
        while k < end:
            if not self._attachment_label(k) or k + 1 >= end:
                k += 1
                continue
            self._tag(self.lines[k], "附件", why="正文中的附件标识（附件应在成文日期之后）")
            k += 1
            while k < end and self.lines[k] not in self.new_page and not self.flat[self.lines[k]].startswith(CLOSING_FORMULAS):
                self._tag(self.lines[k], "附件", why="正文中附件标识之后的附件内容")
                k += 1

    def _undated_signature(self, start: int, end: int) -> int:
        """A 落款 whose date is missing: the last line before `end` is the 署名 when it names an organ
        (and, in a .docx, is set to the right or at least not like 正文).  Returns where 正文 ends."""
        k = end - 1
        while k > start and (P.NOTE.fullmatch(self.flat[self.lines[k]]) or P.CONTACT_LINE.match(self.flat[self.lines[k]])):
            k -= 1  # a 附注 under the missing date: （此件公开发布）, or a letter's 地址：/电话： lines
        if k <= start:
            return end
        i = self.lines[k]
        block = self.blocks[i]
        if not self._organ_line(i) or (block.has_format and indented_like_body(block) and not pushed_right(block)):
            return end
        self._tag(i, "发文机关署名", why="落款：正文之后的机关名称（无成文日期）")
        for j in range(k + 1, end):
            self._tag(self.lines[j], "附注", why="署名下的括注")
        return k

    def _signature_over_note(self, start: int, end: int) -> int | None:
        """The line position of an organ line with a 附注 about the document (（此件公开发布）) right under
        it: the 落款 of a draft whose date is missing, however much text follows."""
        for k in range(start + 1, end - 1):
            note = self.flat[self.lines[k + 1]]
            if P.NOTE.fullmatch(note) and P.BARE_NOTE.match(note[1:]) and self._organ_line(self.lines[k]):
                return k
        return None

    def _organ_line(self, i: int) -> bool:
        """A line that names an organ and nothing else (国务院办公厅, 某某市人民政府): a 署名 wherever it stands."""
        flat = self.flat[i]
        return self._signature_like(flat) and organ_names(flat) and not P.NOTE.fullmatch(flat)

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
        if labels:
            # an 附件 put above a signed 落款 whose 附注 (or a page break) ends the text, with more pages
            # after it (an 印发 notice's document): the 落款 is there all the same
            date_pos, shared = self._find_date(labels[0], end, signed_only=True)
            if date_pos is not None and self._ends_closing(date_pos + 1, end):
                return date_pos, shared, next((k for k in labels if k > date_pos), None)
        return None, False, labels[0] if labels else None

    def _ends_closing(self, k: int, end: int) -> bool:
        """Line position `k`, right under a 落款 date, closes the 落款: a 附注 or a new page."""
        return k < end and (P.NOTE.fullmatch(self.flat[self.lines[k]]) is not None or self.lines[k] in self.new_page)

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
            if i in self.new_page and (signed or plain is not None):
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
        if k + 2 < end and self._organ_line(self.lines[k + 1]) and P.NOTE.fullmatch(self.flat[self.lines[k + 2]]):
            return True  # the date, the 署名 under it (upside down), the 附注
        after = [self.flat[self.lines[j]] for j in range(k + 1, end)]
        text_lines = [f for f in after if not (P.NOTE.fullmatch(f) or P.ATTENDANCE.match(f))]
        return len(text_lines) <= TEXT_LINES_AFTER_CLOSING

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
        if block.has_format and not pushed_right(block) and (indented_like_body(block) or title_like(block)):
            # set like 正文, yet an organ's name right above the date is the 署名 all the same (F038 says
            # where it should stand)
            return not title_like(block) and organ_names(flat)
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
            and not P.ATTACHMENT_LABEL.fullmatch(flat)
            and not P.LIST_ITEM.match(flat)
            and not flat.startswith(CLOSING_FORMULAS)
        )

    def _attachment_note(self, start: int, end: int) -> int:
        """Tag a 附件说明 (附件：1．… and its wrapped lines) just above line position `end`; return
        the line position where it starts (or `end`)."""
        for k in range(end - 1, max(start, end - ATTACHMENT_NOTE_MAX_LINES) - 1, -1):
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
