"""The 审核意见单 / 退文通知单: one or two printed pages that go back to the drafting office with a draft.

Which of the two: a gate that fails is 「退回修改」, so a draft with any failed gate gets the
「退文通知单」 (the office's 退文制度: what does not meet the requirements goes back); a draft that
passes all three gates gets the 「公文审核意见单」, which records the pass and lists the remaining
warnings as advice.  Only findings at or above the failing level (the config's fail_on, default error)
that are not guesses decide a verdict — the same rule as `officekit check`.

The page is laid out like a 公文 (GB/T 9704-2012 page and type: 小标宋 二号 title, 黑体/楷体 headings,
仿宋 三号 body on the 22-line grid).  To stay within two pages the problems are grouped by rule and the list
is cut at an estimated line budget; what is left out is counted (「另有 N 项，见审核报告」).

    write_slip(Path("请示.docx"), Path("请示.意见单.docx"))   # check the draft, write the slip
    build_slip(result)                                        # the .docx bytes of a checked FileResult
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from officekit.engine.finding import GATES, Finding

TITLE_RETURNED = "退文通知单"
TITLE_PASSED = "公文审核意见单"
VERDICT_PASS = "通过"
VERDICT_RETURN = "退回修改"
SLIP_MARKER = "意见单"  # DRAFT.docx → DRAFT.意见单.docx

# The page: GB/T 9704-2012 A4 type area (156 × 225 mm), 22 lines of 28 characters in 三号.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TITLE_CHARS_PER_LINE = 20  # 二号 (22 pt) characters across the same width
MAX_PAGES = 2
SPARE_LINES = 2  # the line estimate ignores punctuation squeezing and Latin word wrapping: keep a margin
BODY_INDENT_CHARS = 2  # 首行缩进二字
LINE_PITCH_TWIPS = 579  # 28.95 pt: 22 lines fill the 225 mm type area

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING = "黑体"
FONT_SUBHEADING = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
FONT_LATIN = "Times New Roman"
SIZE_TITLE_PT = 22  # 二号
SIZE_BODY_PT = 16  # 三号
SIZE_PAGE_NUMBER_PT = 14  # 四号

CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Para:
    """One paragraph of the slip: its kind (title / heading / subheading / body / sign / blank) and its
    pieces of text, each (text, underlined) — the signature blanks are underlined spaces."""

    kind: str
    pieces: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


def _para(kind: str, text: str = "") -> Para:
    return Para(kind, ((text, False),) if text else ())


def _blank(cells: int) -> tuple[str, bool]:
    return ("\u3000" * cells, True)


# 审核人：________　　日期：____年__月__日 — underlined ideographic spaces to write on
SIGN_LINE = Para("sign", (("审核人：", False), _blank(8), ("\u3000\u3000日期：", False), _blank(3), ("年", False),
                          _blank(2), ("月", False), _blank(2), ("日", False)))


def estimated_lines(para: Para) -> int:
    """How many lines a paragraph takes on the page."""
    from officekit.desk.line_estimate import lines_needed

    if para.kind == "title":
        return lines_needed(para.text, TITLE_CHARS_PER_LINE)
    indent = BODY_INDENT_CHARS if para.kind in ("body", "heading", "subheading") else 0
    return lines_needed(para.text, CHARS_PER_LINE, indent)


# ---------------------------------------------------------------- what the slip says

def gate_verdicts(result, fail_on: str) -> dict[str, str]:
    """Gate → 通过 / 退回修改 (guesses never decide)."""
    return {gate: VERDICT_PASS if state == "pass" else VERDICT_RETURN
            for gate, state in result.gate_verdicts(fail_on).items()}


def slip_title(result, fail_on: str = "error") -> str:
    return TITLE_RETURNED if result.fails(fail_on) else TITLE_PASSED


def by_rule(findings: list[Finding]) -> list[list[Finding]]:
    """Findings grouped by rule, in the order of their first place in the draft."""
    groups: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        groups.setdefault(f.rule, []).append(f)
    return list(groups.values())


def slip_paragraphs(result, fail_on: str = "error", review_date: date | None = None) -> list[Para]:
    """The whole slip as paragraphs, cut to fit two pages."""
    from officekit.report.verdict import gate_verdict

    review_date = review_date or date.today()
    verdicts = gate_verdicts(result, fail_on)
    deciding = result.deciding(fail_on)
    deciding_ids = {id(f) for f in deciding}
    others = [f for f in result.findings if id(f) not in deciding_ids]

    head = [_para("title", slip_title(result, fail_on)), _para("blank")]
    head += [_para("body", line) for line in _facts(result, review_date)]
    head.append(_para("heading", "一、审核结论"))
    for gate in GATES:
        in_gate = [f for f in result.findings if f.gate == gate]
        _, note = gate_verdict(in_gate, verdicts[gate] == VERDICT_PASS, fail_on)
        head.append(_para("body", f"{gate}：{verdicts[gate]}{note}"))
    head.append(_para("body", _conclusion(verdicts, others)))
    tail = [_para("blank"), SIGN_LINE]

    budget = LINES_PER_PAGE * MAX_PAGES - SPARE_LINES - sum(estimated_lines(p) for p in head + tail)
    failing = [g for g in GATES if verdicts[g] == VERDICT_RETURN]
    sections = []  # (heading, [(subheading or None, groups by rule)], keep each part's first group)
    if deciding:
        sections.append(("须修改的问题", [(f"（{CHINESE_NUMERALS[i]}）{gate}", by_rule([f for f in deciding if f.gate == gate]))
                                     for i, gate in enumerate(failing)], True))
    if others:
        sections.append(("其他意见（不影响审核结论）", [(None, by_rule(others))], False))
    middle: list[Para] = []
    numbered = 0
    for index, (heading, parts, keep_first) in enumerate(sections):
        # what the later sections need at least: their heading and a count line
        reserved = 2 * len(sections[index + 1:])
        paras, numbered = _section(f"{CHINESE_NUMERALS[index + 1]}、{heading}", parts, budget - reserved,
                                   result, numbered, keep_first)
        middle += paras
        budget -= sum(estimated_lines(p) for p in paras)
    return head + middle + tail


def _facts(result, review_date: date) -> list[str]:
    draft = result.draft
    title = draft.text_of("标题") if draft else ""
    doctype = (draft.doctype if draft else None) or "未能识别"
    if draft is not None and draft.genre != "公文":
        doctype += f"（按{draft.genre}审核）"
    number = (draft.text_of("发文字号") if draft else "") or "无"
    return [
        f"文件标题：{title or '未能识别'}",
        f"文\u3000\u3000种：{doctype}",
        f"发文字号：{number}",
        f"送审文件：{Path(result.path).name}",
        f"审核日期：{review_date.year}年{review_date.month}月{review_date.day}日",
    ]


def _conclusion(verdicts: dict[str, str], others: list[Finding]) -> str:
    failed = [g for g in GATES if verdicts[g] == VERDICT_RETURN]
    if failed:
        return f"{'、'.join(failed)}未通过，退回起草单位，请按下列意见修改后重新报送。"
    return "三关均已通过，可按程序报送审签" + ("；下列意见供修改时参考。" if others else "。")


def _section(heading: str, parts, budget: int, result, numbered: int, keep_first: bool):
    """(paragraphs, last item number) of one numbered section: its heading, per part a subheading and
    one item a rule, as many as fit in `budget` lines in the draft's order, then 「另有 N 项」 for the
    rest.  With `keep_first` each part shows its first rule whatever the budget: every failed gate
    says why it failed."""
    paras = [_para("heading", heading)]
    budget -= 1 + sum(1 for sub, _ in parts if sub) + 1  # heading, subheadings, a possible count line
    if keep_first:  # the first item of every part is paid for before any other
        budget -= sum(estimated_lines(_para("body", _item(numbered + 1, groups[0], result)))
                      for _, groups in parts if groups)
    left = 0
    full = False
    for subheading, groups in parts:
        if subheading:
            paras.append(_para("subheading", subheading))
        for position, group in enumerate(groups):
            item = _para("body", _item(numbered + 1, group, result))
            cost = estimated_lines(item)
            if not (keep_first and position == 0):
                if full or cost > budget:
                    full = True  # keep the draft's order: no later, shorter item jumps the queue
                    left += len(group)
                    continue
                budget -= cost
            numbered += 1
            paras.append(item)
    if left:
        paras.append(_para("body", f"另有 {left} 项，见审核报告。"))
    return paras, numbered


def _item(number: int, group: list[Finding], result) -> str:
    """「1．F034 标题居中（第 4 段）：标题应居中排布，实为左对齐。依据：GB/T 9704-2012 7.3.1。」
    A rule found in several places that says different things in them shows its first message only
    (「如第一处：」) and no suggestion, which would be wrong for the others."""
    from officekit.report.terminal import where_all

    first = group[0]
    alike = len({(f.message, f.suggestion) for f in group}) == 1
    text = f"{number}．{first.rule} {first.name}（{where_all(result, group)}）："
    text += _sentence(("" if alike else "如第一处：") + first.message + ("（推测）" if first.guess else ""))
    if first.suggestion and alike:
        quotable = first.fix and not any(mark in first.suggestion for mark in "“”")
        text += _sentence(f"建议改为“{first.suggestion}”" if quotable else f"建议：{first.suggestion}")
    if first.source:
        text += _sentence(f"依据：{first.source}")
    return text


def _sentence(text: str) -> str:
    text = text.strip().rstrip("。；;.")
    return text + "。"


# ---------------------------------------------------------------- the .docx

def build_slip(result, *, fail_on: str = "error", review_date: date | None = None) -> bytes:
    """The slip of a checked draft (a `FileResult` with status ok) as .docx bytes."""
    return render_docx(slip_paragraphs(result, fail_on, review_date), slip_title(result, fail_on))


def render_docx(paragraphs: list[Para], title: str) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt, Twips

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number_footer(section)
    document.core_properties.title = title
    document.core_properties.author = "officekit"

    normal = document.styles["Normal"]
    _set_font(normal.font, normal.element, FONT_BODY, SIZE_BODY_PT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Twips(LINE_PITCH_TWIPS)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # the line budget counts every line of the page: no paragraph may leave lines empty to avoid a widow
    normal.paragraph_format.widow_control = False

    fonts = {"title": FONT_TITLE, "heading": FONT_HEADING, "subheading": FONT_SUBHEADING}
    for para in paragraphs:
        paragraph = document.add_paragraph()
        if para.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif para.kind in ("body", "heading", "subheading"):
            paragraph.paragraph_format.first_line_indent = Pt(SIZE_BODY_PT * BODY_INDENT_CHARS)
        if para.kind in ("heading", "subheading"):
            paragraph.paragraph_format.keep_with_next = True  # never a heading alone at the foot of a page
        for text, underlined in para.pieces:
            run = paragraph.add_run(text)
            run.underline = underlined or None
            if para.kind in fonts:
                _set_font(run.font, run._element, fonts[para.kind],
                          SIZE_TITLE_PT if para.kind == "title" else SIZE_BODY_PT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_font(font, element, east_asia: str, size_pt: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font.name = FONT_LATIN
    font.size = Pt(size_pt)
    element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _page_number_footer(section) -> None:
    """「— 1 —」 centred in 四号 宋体 (GB/T 9704-2012 7.5, single-sided: the slip is printed as is)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = [("— ", None), (None, "begin"), (" PAGE ", "instr"), (None, "separate"), ("1", None),
              (None, "end"), (" —", None)]
    for text, kind in pieces:
        run = paragraph.add_run()
        _set_font(run.font, run._element, FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER_PT)
        if kind in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            run.text = text


# ---------------------------------------------------------------- check a draft and write its slip

def default_output(draft_path: Path) -> Path:
    """DRAFT.docx → DRAFT.意见单.docx beside it."""
    return draft_path.with_name(f"{draft_path.stem}.{SLIP_MARKER}.docx")


@dataclass(frozen=True)
class Slip:
    title: str  # 退文通知单 / 公文审核意见单
    verdicts: dict[str, str]  # gate → 通过 / 退回修改
    data: bytes  # the .docx


def make_slip(draft_path: Path, *, config_path: Path | None = None, review_date: date | None = None) -> Slip:
    """Check `draft_path` with the normal pipeline (its .officekit.yaml, or `config_path`) and build its
    slip.  Raises InputError when the draft cannot be read, RuleError/ConfigError when the rules or the
    configuration cannot be loaded."""
    from officekit.check import check_file, config_for
    from officekit.errors import InputError

    config = str(config_path) if config_path else None
    result = check_file(str(draft_path), config)
    if result.status == "error":
        raise InputError(str(draft_path), result.error["kind"], result.error["message"])
    fail_on = config_for(str(draft_path), config).fail_on or "error"
    return Slip(slip_title(result, fail_on), gate_verdicts(result, fail_on),
                build_slip(result, fail_on=fail_on, review_date=review_date))


def write_slip(draft_path: Path, output_path: Path, *, config_path: Path | None = None,
               review_date: date | None = None) -> Path:
    """Check the draft and write its slip to `output_path` (replacing a file there, never the draft:
    that is an InputError, like a draft that cannot be read)."""
    from officekit.cli.common import atomic_write_bytes
    from officekit.errors import InputError

    draft_path, output_path = Path(draft_path), Path(output_path)
    if output_path.resolve() == draft_path.resolve():
        raise InputError(str(draft_path), "unsafe", "审核意见单不能写在原稿上（officekit 从不修改原稿）")
    slip = make_slip(draft_path, config_path=config_path, review_date=review_date)
    atomic_write_bytes(str(output_path), slip.data)
    return output_path
