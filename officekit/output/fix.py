"""fix: a copy of the draft with the safe fixes applied, as tracked changes (修订) or directly.

A fix replaces the characters of its finding's span, edited only where they change (edit_spans: only
「[」「]第0」 of 「云林发[2026]第05号」).  Each edit is applied only when it can be applied without touching
formatting: its runs share one parent and the same run properties and hold plain text.  Anything else
(an edit across differently formatted runs, a field, a picture, an edit that overlaps another fix) is
left for the secretary, with the reason.

On request (`suggestions`), the fixes that are not safe (截止→截至 depends on what follows) are made too,
as tracked changes by a revision author of their own, SUGGESTION_AUTHOR, so that the review pane shows
which changes are mechanical and which ask for judgement.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from officekit.document.ooxml import W
from officekit.engine.finding import PART_ORDER, Finding
from officekit.output.docx_edit import AUTHOR, DocxEditor, ParagraphEdit, RunSpan, revision_date, text_run, w
from officekit.output.edit_spans import edit_spans

SUGGESTION_AUTHOR = "officekit（建议）"  # the revision author of fixes that are not safe (fix --suggestions)

# Elements that may sit between the runs of one fix (they carry no text and survive inside w:del).
_PASSIVE = frozenset(W + t for t in ("proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                                     "commentRangeEnd", "permStart", "permEnd"))
_TRACKABLE_PARENTS = frozenset(W + t for t in ("p", "hyperlink", "smartTag", "customXml"))


@dataclass
class FixResult:
    data: bytes
    applied: list[Finding] = field(default_factory=list)  # findings whose fix was made
    edits: int = 0  # changes made (one edit can settle several findings)
    left: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, why it was not applied)
    rounds: int = 1  # rounds that changed something (fix_until_settled); one fix can expose another
    suggestion_edits: int = 0  # of `edits`, those made as suggestions (SUGGESTION_AUTHOR)

    @property
    def suggested(self) -> list[Finding]:
        """The applied findings whose fix is not safe: made as suggestions."""
        return [f for f in self.applied if not f.fix.safe]


def fixable(findings: list[Finding], suggestions: bool = False) -> list[Finding]:
    """The findings fix can apply: safe fixes, and with `suggestions` the unsafe ones too (not the
    guesses of the character model, which are too often wrong to be offered as a change)."""
    return [f for f in findings if f.fix is not None and (f.fix.safe or (suggestions and not f.guess))
            and f.location.start is not None and f.location.end is not None]


class Fixer:
    def __init__(self, editor: DocxEditor, track: bool):
        self.editor = editor
        self.track = track
        self.date = revision_date()

    def problem(self, paragraph: ParagraphEdit, start: int, end: int) -> str | None:
        """Why [start, end) cannot be replaced safely, or None when it can."""
        runs = paragraph.runs_within(start, end)
        if start == end:
            return None if self._insertion_neighbour(paragraph, start) else "插入位置不在普通文字中"
        if sum(r.end - r.start for r in runs) != end - start:
            return "范围内含有公式或无法编辑的内容"
        parents = {r.element.getparent() for r in runs}
        if len(parents) != 1:
            return "范围跨越超链接等不同结构"
        parent = parents.pop()
        if self.track and parent.tag not in _TRACKABLE_PARENTS:
            return "范围位于已有修订之中，请先接受或拒绝原有修订"
        if len({_rpr_key(r.element) for r in runs}) > 1:
            return "范围跨越格式不同的文字，保留为建议以免改动格式"
        for run in runs:
            if any(child.tag not in (W + "rPr", W + "t") for child in run.element):
                return "范围内含有域、制表符、换行或图形"
        first, last = parent.index(runs[0].element), parent.index(runs[-1].element)
        elements = {r.element for r in runs}
        if any(node not in elements and node.tag not in _PASSIVE for node in parent[first:last + 1]):
            return "范围内夹有其他内容"
        return None

    def _insertion_neighbour(self, paragraph: ParagraphEdit, offset: int) -> tuple[RunSpan, bool] | None:
        """The run to insert beside: (run, after?) — the run ending at offset, else the one starting there."""
        for run in paragraph.runs:
            if run.end == offset and run.end > run.start:
                return (run, True) if self._plain(run) else None
        for run in paragraph.runs:
            if run.start == offset and run.end > run.start:
                return (run, False) if self._plain(run) else None
        return None

    def _plain(self, run: RunSpan) -> bool:
        return not self.track or run.element.getparent().tag in _TRACKABLE_PARENTS

    def apply(self, paragraph: ParagraphEdit, start: int, end: int, replacement: str, author: str = AUTHOR) -> None:
        if start == end:
            run, after = self._insertion_neighbour(paragraph, start)
            new = text_run(replacement, run.element.find(W + "rPr"))
            node = self._wrap("ins", [new], author) if self.track else new
            (run.element.addnext if after else run.element.addprevious)(node)
            return
        runs = [r.element for r in paragraph.runs_within(start, end)]
        rpr = runs[0].find(W + "rPr")
        parent = runs[0].getparent()
        first, last = parent.index(runs[0]), parent.index(runs[-1])
        if not self.track:
            if replacement:
                runs[0].addprevious(text_run(replacement, rpr))
            for run in runs:
                parent.remove(run)
            return
        span = list(parent[first:last + 1])
        for run in runs:
            for t in run.iterchildren(W + "t"):
                t.tag = W + "delText"
        anchor = etree.Element(W + "r")  # placeholder keeps the position while the span moves into w:del
        span[0].addprevious(anchor)
        deletion = self._wrap("del", span, author)
        anchor.addprevious(deletion)
        if replacement:
            deletion.addnext(self._wrap("ins", [text_run(replacement, rpr)], author))
        parent.remove(anchor)

    def _wrap(self, kind: str, nodes: list, author: str) -> etree._Element:
        wrapper = w(kind, id=self.editor.next_id(), author=author, date=self.date)
        for node in nodes:
            wrapper.append(node)  # lxml moves the node
        return wrapper


def _rpr_key(run) -> bytes:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return b""
    clean = copy.deepcopy(rpr)
    for node in list(clean):
        if node.tag in (W + "rPrChange", W + "lang", W + "noProof"):  # bookkeeping, not visible formatting
            clean.remove(node)
    return etree.tostring(clean, method="c14n")


def _block_text(editor: DocxEditor, part: str, block: int) -> str:
    blocks = editor.document.blocks(part)
    return blocks[block - 1].text if 0 < block <= len(blocks) else ""


def _includes(text: str, outer: tuple, inner: tuple) -> bool:
    """Does the edit `outer` contain the edit `inner`: its span covers inner's, and making inner's
    change inside outer's original text gives exactly outer's replacement?"""
    _, _, o_start, o_end, o_new = outer
    _, _, i_start, i_end, i_new = inner
    if not (o_start <= i_start and i_end <= o_end) or outer == inner:
        return False
    return text[o_start:i_start] + i_new + text[i_end:o_end] == o_new


def fix(editor: DocxEditor, findings: list[Finding], track: bool = True, suggestions: bool = False) -> FixResult:
    """Apply the safe fixes of `findings`, and with `suggestions` the unsafe ones (the command offers
    those as tracked changes only: a suggestion must stay one click from being rejected)."""
    fixer = Fixer(editor, track)
    result = FixResult(b"")
    edits = []  # (key, finding): one key per edit; a finding of several edits is applied whole or not at all
    for f in fixable(findings, suggestions):
        loc = f.location
        text = _block_text(editor, loc.part, loc.block)
        spans = edit_spans(text, loc.start, loc.end, f.fix.replacement)
        if not spans:
            result.left.append((f, "建议的文字与原文相同"))
        for start, end, new in spans:
            edits.append(((loc.part, loc.block, start, end, new), f))
    edits.sort(key=lambda e: (PART_ORDER.get(e[0][0], 9), e[0][1], e[0][2], e[0][3], e[1].sort_key()))
    # Group identical edits (two rules proposing the same change) and drop overlapping ones.
    planned: list[tuple[tuple, list[Finding]]] = []
    for key, f in edits:
        loc = f.location
        if planned and planned[-1][0] == key:
            planned[-1][1].append(f)
            continue
        previous = planned[-1][0] if planned else None
        if previous and previous[:2] == key[:2] and key[2] < previous[3]:
            text = _block_text(editor, loc.part, loc.block)
            if _includes(text, previous, key):  # the earlier, wider edit already makes this one
                planned[-1][1].append(f)
            elif _includes(text, key, previous):  # this wider edit makes the earlier one
                planned[-1] = (key, planned[-1][1] + [f])
            elif all(f is not g for g, _ in result.left):
                result.left.append((f, "与另一处修改重叠"))
            continue
        planned.append((key, [f]))
    # Split every boundary first, judge each edit, then apply: offsets stay those of the original text.
    checked = []
    for key, group in planned:
        part, block, start, end, replacement = key
        paragraph = editor.paragraph(part, block)
        if paragraph is None:
            result.left.extend((f, "找不到所在段落") for f in group)
            continue
        paragraph.split_at(start)
        paragraph.split_at(end)
        checked.append((paragraph, key, group))
    touched: set = set()  # runs some edit will replace: an insertion must not lean on them
    approved = []
    for paragraph, key, group in checked:
        _, _, start, end, replacement = key
        why = fixer.problem(paragraph, start, end)
        if why is None:
            if start == end:
                neighbour = fixer._insertion_neighbour(paragraph, start)[0].element
                why = "与另一处修改相邻" if neighbour in touched else None
            else:
                touched.update(r.element for r in paragraph.runs_within(start, end))
        if why:
            result.left.extend((f, why) for f in group if all(f is not g for g, _ in result.left))
            continue
        approved.append((paragraph, key, group))
    # A finding left for one of its edits is left whole: half a pair made full-width is no fix.
    refused = {id(f) for f, _ in result.left}
    for paragraph, key, group in approved:
        if any(id(f) in refused for f in group):
            result.left.extend((f, "成对的另一处无法安全修改") for f in group if id(f) not in refused)
            refused.update(id(f) for f in group)
    for paragraph, (_, _, start, end, replacement), group in approved:
        if any(id(f) in refused for f in group):
            continue
        safe = any(f.fix.safe for f in group)  # a safe rule proposing the same edit makes it mechanical
        fixer.apply(paragraph, start, end, replacement, AUTHOR if safe else SUGGESTION_AUTHOR)
        result.applied.extend(f for f in group if all(f is not g for g in result.applied))
        result.edits += 1
        result.suggestion_edits += not safe
    result.data = editor.save()
    return result


MAX_ROUNDS = 3
AGAIN = "需再次运行 officekit fix（已达 3 轮）"


def fix_until_settled(editor: DocxEditor, check, track: bool = True, rounds: int = MAX_ROUNDS,
                      findings: list[Finding] | None = None, suggestions: bool = False) -> FixResult:
    """Apply the safe fixes, re-check the result in memory and apply the safe fixes it newly shows, until
    a round changes nothing or `rounds` rounds are done.  One fix can expose another: replacing straight
    quotes lets W101 see the half-width '.' they shielded.  `check(editor)` returns the findings of the
    editor's document (`findings`, when given, are those of the editor as opened).  The result's `left` is
    what the last round could not apply."""
    total = FixResult(b"")
    findings = check(editor) if findings is None else findings
    for number in range(1, rounds + 1):
        result = fix(editor, findings, track, suggestions)
        total.data, total.left = result.data, result.left
        total.applied.extend(result.applied)
        total.edits += result.edits
        total.suggestion_edits += result.suggestion_edits
        if result.edits == 0:
            break
        total.rounds = number
        editor = DocxEditor(result.data, editor.path)
        findings = check(editor)
        if number == rounds:  # out of rounds: what is still fixable is left, for a further run
            why = {(f.rule, f.location): reason for f, reason in result.left}
            total.left = [(f, why.get((f.rule, f.location), AGAIN)) for f in fixable(findings, suggestions)]
    return total
