"""annotate: a copy of the draft with one Word comment (批注) per finding.

A finding with a character span is anchored on exactly those characters (runs are split where the
span starts and ends; each piece keeps its run properties).  A finding about a whole paragraph or the
page is anchored on its paragraph.  Word cannot hold comments in headers and footers, so findings
there are listed together in one comment on the first paragraph of the body.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from officekit.document.ooxml import W
from officekit.engine.finding import Finding
from officekit.output.docx_edit import AUTHOR, DocxEditor, ParagraphEdit, revision_date, text_run, w

SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
PART_LABEL = {"header": "页眉", "footer": "页脚"}


def comment_text(finding: Finding) -> str:
    """「【格式关·错误】message 建议：… 依据：…」"""
    text = f"【{finding.gate}·{SEVERITY_LABEL.get(finding.severity, finding.severity)}】{finding.message}"
    if finding.suggestion:
        text += f" 建议：{finding.suggestion}"
    if finding.source:
        text += f" 依据：{finding.source}"
    return text + f"（{finding.rule}）"


@dataclass
class AnnotateResult:
    data: bytes
    comments: int  # comments added
    anchored: int  # findings anchored on their own characters or paragraph
    listed: int  # header/footer findings listed in the opening comment


class Annotator:
    def __init__(self, editor: DocxEditor):
        self.editor = editor
        self.date = revision_date()
        self.comments = None
        self.added = 0

    def add_comment(self, paragraphs: list[str]) -> int:
        if self.comments is None:
            self.comments = self.editor.comments_part()
        comment_id = self.editor.next_id()
        comment = w("comment", id=comment_id, author=AUTHOR, date=self.date, initials="OK")
        for line in paragraphs:
            p = etree.SubElement(comment, W + "p")
            p.append(text_run(line))
        self.comments.append(comment)
        self.added += 1
        return comment_id

    def anchor(self, paragraph: ParagraphEdit, start: int | None, end: int | None, comment_id: int) -> None:
        runs = []
        if start is not None and end is not None:
            if end <= start:  # an insertion point: show the character before it (or after, at the start)
                start, end = (start - 1, start) if start > 0 else (start, start + 1)
            paragraph.split_at(start)
            paragraph.split_at(end)
            runs = paragraph.runs_within(start, end)
        mark_start = w("commentRangeStart", id=comment_id)
        mark_end = w("commentRangeEnd", id=comment_id)
        reference = w("r")
        reference.append(w("commentReference", id=comment_id))
        if runs:
            runs[0].element.addprevious(mark_start)
            runs[-1].element.addnext(mark_end)
            mark_end.addnext(reference)
            return
        p = paragraph.element  # the whole paragraph
        ppr = p.find(W + "pPr")
        if ppr is not None:
            ppr.addnext(mark_start)
        else:
            p.insert(0, mark_start)
        p.append(mark_end)
        p.append(reference)


def annotate(editor: DocxEditor, findings: list[Finding]) -> AnnotateResult:
    annotator = Annotator(editor)
    anchored = 0
    outside_body = [f for f in findings if f.location.part != "body"]
    if outside_body and editor.paragraph("body", 1) is not None:
        lines = ["officekit：页眉、页脚中的问题（Word 不能在页眉页脚中加批注）"]
        for f in outside_body:
            lines.append(f"{PART_LABEL.get(f.location.part, f.location.part)}第 {f.location.block} 段：{comment_text(f)}")
        annotator.anchor(editor.paragraph("body", 1), None, None, annotator.add_comment(lines))
    # Offsets are those of the original text: splitting runs never moves them, so any order works.
    for f in sorted((f for f in findings if f.location.part == "body"), key=Finding.sort_key):
        paragraph = editor.paragraph("body", f.location.block)
        start, end = f.location.start, f.location.end
        if paragraph is None:  # a location outside the body (e.g. a rule that could not run): first paragraph
            paragraph, start, end = editor.paragraph("body", 1), None, None
            if paragraph is None:
                continue
        annotator.anchor(paragraph, start, end, annotator.add_comment([comment_text(f)]))
        anchored += 1
    listed = len(outside_body) if outside_body and editor.paragraph("body", 1) is not None else 0
    return AnnotateResult(editor.save(), annotator.added, anchored, listed)
