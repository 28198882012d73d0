"""`fix --layout`: lay out every confidently recognised element of a draft as its rules ask.

Order: the page (its grid decides what single line spacing means), then each block's characters and
paragraph, the 落款, the page-number footers.  Every measurement is taken on the draft as read; every
edit is a property change (tracked, or made directly with `track=False`) or inserted footer content, so
the text is never touched.  Nothing is opened for editing unless it changes: a draft that already
complies comes back as the same bytes, which is also why a second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from officekit.engine import genre_profile
from officekit.engine.ruleset import active_rules
from officekit.engine.types import _format as F
from officekit.layout.closing import ClosingEdit, closing_edits, paragraph_edits_for
from officekit.layout.confidence import WeakBlock, weak_blocks
from officekit.layout.hanging import hanging_indents, indent_edit, shares_border_box, wraps
from officekit.layout.ooxml_edit import Revisions
from officekit.layout.page import PageLayout
from officekit.layout.separator import apply_separator, separator_edit
from officekit.layout.signer import signer_edit
from officekit.layout.paragraphs import (
    apply_paragraph_edits, apply_run_edits, off_grid_edit, paragraph_edits, run_edits,
)
from officekit.layout.targets import format_plans
from officekit.output.docx_edit import DocxEditor, revision_date
from officekit.structure import recognize
from officekit.structure.genre import GONGWEN


@dataclass
class LayoutResult:
    data: bytes
    blocks: int = 0  # paragraphs laid out
    rules: set[str] = field(default_factory=set)  # the rules whose targets were applied
    notes: list[str] = field(default_factory=list)  # page-level changes, one line each
    weak: list[WeakBlock] = field(default_factory=list)  # blocks left alone: recognised only weakly
    left: list[tuple[str, int, str]] = field(default_factory=list)  # (part, block, why) not laid out
    skipped: str | None = None  # why the whole draft was left alone

    @property
    def changed(self) -> bool:
        return bool(self.blocks or self.notes)


def lay_out(editor: DocxEditor, config, track: bool = True, data: bytes | None = None) -> LayoutResult:
    """Lay out the draft open in `editor`; `data` (its bytes) is returned as it is when nothing changes."""
    document = editor.document
    result = LayoutResult(data if data is not None else b"")
    if not document.has_format:
        result.skipped = "纯文本没有版式可排"
        return _finish(editor, result, data)
    draft = recognize(document)
    forced = genre_profile.forced_genre(config)
    if forced:
        draft.genre = forced
    if draft.genre != GONGWEN:
        result.skipped = f"不是公文（{draft.genre_reason or draft.genre}），不按 GB/T 9704 排版"
        return _finish(editor, result, data)
    rules = active_rules(config)
    result.weak = weak_blocks(draft)
    skip = {(w.part, w.index) for w in result.weak}
    revisions = Revisions(editor, track, revision_date())

    page = PageLayout(editor, draft, rules, config, revisions)
    pitches = page.sections()

    closing = {edit.block: edit for edit in closing_edits(draft, rules, config, skip)}
    signer = signer_edit(draft, rules, config, skip)
    if signer is not None:  # placed like a 落款 line: right-aligned, so many 字 from the edge
        closing[signer[0]] = ClosingEdit(*signer)
    hanging = hanging_indents(draft, rules, skip)
    plans = format_plans(draft, rules, config, skip)
    for key in sorted(set(plans) | {("body", b) for b in closing} | {("body", b) for b in hanging}):
        part, index = key
        block = document.block(part, index)
        plan = plans.get(key)
        edits = []
        for target in plan.chars if plan else []:
            for edit in run_edits(block, target):
                edits.append(edit)
                result.rules.add(target.rule)
        paragraph_change = _paragraph_change(editor, draft, block, plan, closing.get(index) if part == "body" else None,
                                             hanging.get(index) if part == "body" else None, pitches, page, result)
        if not edits and not paragraph_change:
            continue
        paragraph = editor.paragraph(part, index)
        if paragraph is None:
            result.left.append((part, index, "找不到所在段落"))
            continue
        problems = apply_run_edits(paragraph, edits, revisions)
        why = apply_paragraph_edits(paragraph, paragraph_change, revisions)
        for reason in problems + ([why] if why else []):
            result.left.append((part, index, reason))
        result.blocks += 1

    separator = separator_edit(draft, rules, config, skip)
    if separator is not None:
        why = apply_separator(editor, separator, revisions)
        if why:
            result.left.append(("body", separator.block, why))
        else:
            result.rules.add(separator.rule)
            result.notes.append("版头分隔线：" + ("在发文字号下加红色分隔线" if separator.add else "分隔线改为红色"))

    page.page_numbers()
    result.notes.extend(page.notes)
    result.left.extend(("body", 0, why) for why in page.left)
    return _finish(editor, result, data)


def _paragraph_change(editor, draft, block, plan, closing, hanging, pitches, page, result) -> dict:
    """The paragraph properties to set on `block`: a 落款 or 签发人 line's place, else the format rules'
    alignment, indents and spacing, with a hanging indent where wrapped lines align with a label."""
    unit = _unit_size(block, plan)
    if closing is not None:
        change = paragraph_edits_for(block, closing.right, unit)
        result.rules.add(closing.rule)
    else:
        change = paragraph_edits(block, plan, pitches.get(block.section), unit) if plan else {}
        result.rules.update(plan.paragraph[a].rule for a in _aspects(change) if a in plan.paragraph)
    if hanging is not None:  # the wrapped lines' place decides the indent
        ind = indent_edit(block, hanging, unit, wraps(draft, block), shares_border_box(draft, block))
        if ind:
            change["ind"] = ind
            result.rules.add(hanging.rule)
    if off_grid_edit(editor.map.paragraphs[block.part][block.index - 1][0], plan, page.char_pitches.get(block.section)):
        change["snapToGrid"] = False
    return change


_ASPECT_OF_EDIT = {"jc": ("alignment",), "ind": ("first_indent", "wrap_indent", "right_indent"),
                   "spacing": ("line_spacing",)}


def _aspects(paragraph_change: dict):
    for key in paragraph_change:
        yield from _ASPECT_OF_EDIT.get(key, ())


def _unit_size(block, plan) -> float:
    """The size a 字 of indent is written in (for the twips Word ignores when the *Chars are there, and
    LibreOffice reads): the size a rule gives the paragraph's first characters, else the paragraph's own."""
    first_visible = len(block.text) - len(block.text.lstrip())
    for target in plan.chars if plan else []:
        if target.size is not None and target.start <= first_visible < target.end:
            return float(target.size)
    return F.main_size(block)


def _finish(editor: DocxEditor, result: LayoutResult, data: bytes | None) -> LayoutResult:
    if result.changed or data is None:
        result.data = editor.save()
    return result
