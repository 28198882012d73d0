"""The terminal report: what officekit understood of the draft, then one section per review gate."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from officekit.engine.finding import GATES
from officekit.engine.runner import excerpt_span
from officekit.layout.settles import LAYOUT_MARK, layout_note, settled_by_layout
from officekit.report.concise import baselined_note, fixable_by_fix_command, fixable_note
from officekit.report.verdict import gate_verdict

SEVERITY_LABEL = {"error": ("错误", "bold red"), "warning": ("警告", "yellow"), "info": ("提示", "cyan")}
SUMMARY_ELEMENTS = ("发文字号", "签发人", "密级和保密期限", "紧急程度", "主送机关", "成文日期")
PLACES_LISTED = 10  # a group of identical findings names at most this many paragraphs, then 「等 N 处」
PART_PREFIX = {"header": "页眉", "footer": "页脚", "body": ""}


def where(result, finding) -> str:
    """A location as a person reads it: 第 N 段 in a Word file, 第 N 行 in a text file, 页眉/页脚."""
    loc = finding.location
    draft = result.draft
    is_text = draft is not None and draft.document.kind == "text"
    if loc.part == "header":
        label = f"页眉第 {loc.block} 段"
    elif loc.part == "footer":
        label = f"页脚第 {loc.block} 段"
    else:
        label = f"第 {loc.block} 行" if is_text else f"第 {loc.block} 段"
    block = None
    if draft is not None and 0 < loc.block <= len(draft.document.blocks(loc.part)):
        block = draft.document.blocks(loc.part)[loc.block - 1]
        if block.table:
            label += f"（表格{block.table[0]}第{block.table[1]}行第{block.table[2]}列）"
        elif block.container == "textbox":
            label += "（文本框）"
    whole = loc.start in (None, 0) and (loc.end is None or block is None or loc.end >= len(block.text.rstrip()))
    if not whole:
        label += f" 第 {loc.start + 1} 字"
    return label


def group_identical(findings) -> list[list]:
    """Findings with the same rule, severity, message and suggestion, in order of first appearance:
    the same font error on 40 paragraphs is one entry, not a wall (the text report only)."""
    groups: dict[tuple, list] = {}
    for f in findings:
        groups.setdefault((f.rule, f.severity, f.message, f.suggestion), []).append(f)
    return list(groups.values())


def where_all(result, findings) -> str:
    """The places of a group: 第 3、5、7 段，共 3 处 / 第 3、5、…、21 段等 40 处 (paragraphs listed once)."""
    if len(findings) == 1:
        return where(result, findings[0])
    is_text = result.draft is not None and result.draft.document.kind == "text"
    places = list(dict.fromkeys((f.location.part, f.location.block) for f in findings))
    shown, pieces = places[:PLACES_LISTED], []
    for part in ("header", "body", "footer"):
        blocks = [str(block) for p, block in shown if p == part]
        if blocks:
            unit = "行" if is_text and part == "body" else "段"
            pieces.append(f"{PART_PREFIX[part]}第 {'、'.join(blocks)} {unit}")
    label = "，".join(pieces)
    return f"{label}等 {len(findings)} 处" if len(places) > len(shown) else f"{label}，共 {len(findings)} 处"


def _understood(result) -> Text:
    draft = result.draft
    line = Text()
    if draft.genre != "公文":
        line.append("文稿 ", style="dim").append(draft.genre, style="bold")
        if draft.genre_reason:
            line.append(f"（{draft.genre_reason}）", style="dim")
        left_out = f"，略去 {draft.genre_left_out} 项" if draft.genre_left_out else ""
        line.append(f"：不是公文，只审文字和用语，公文格式与行文规则不适用{left_out}"
                    "（要按公文审核，在配置 profile 中写 genre: 公文）")
        return line
    doctype = draft.doctype or "未识别"
    kind = "法定文种" if draft.doctype_statutory else ("非法定文种" if draft.doctype else "")
    line.append("文种 ", style="dim").append(doctype, style="bold")
    if kind:
        line.append(f"（{kind}）", style="dim")
    line.append(" · 方向 ", style="dim").append(draft.direction or "未能判断")
    if draft.layout and draft.layout != "文件":
        line.append(" · 版式 ", style="dim").append(draft.layout)
    for element in SUMMARY_ELEMENTS:
        text = draft.text_of(element, sep="")
        if text:
            short = text if len(text) <= 40 else text[:39] + "…"
            line.append(f" · {element} ", style="dim").append(short)
    return line


STRUCTURE_TEXT_CHARS = 24  # how much of a block's text the structure listing shows


def _structure(console: Console, result) -> None:
    """Every body block with its 要素 and why: what the rules were told this line is."""
    draft = result.draft
    unit = "行" if draft.document.kind == "text" else "段"
    console.print(Text("\n  识别结果（要素 ← 依据）", style="bold"))
    for block in draft.document.body:
        text = block.text.strip().replace("\n", " ")
        if not text:
            continue
        shown = text if len(text) <= STRUCTURE_TEXT_CHARS else text[: STRUCTURE_TEXT_CHARS - 1] + "…"
        spans = draft.elements_of_block("body", block.index)
        line = Text(f"  第 {block.index} {unit}  ", style="dim")
        if not spans:
            console.print(line.append("（不属任何要素）  ", style="dim").append(shown))
            continue
        line.append("/".join(s.element for s in spans), style="bold").append(f"  {shown}")
        reasons = "；".join(dict.fromkeys(s.why for s in spans if s.why))
        if reasons:
            line.append(f"  ← {reasons}", style="dim")
        console.print(line)


def _excerpt(result, finding) -> Text:
    text = Text("    ")
    loc = finding.location
    span = None
    if result.draft is not None:
        blocks = result.draft.document.blocks(loc.part)
        if 0 < loc.block <= len(blocks):
            span = excerpt_span(blocks[loc.block - 1].text, loc.start, loc.end)
    excerpt = finding.excerpt
    if span and 0 <= span[0] <= span[1] <= len(excerpt) and span[1] > span[0]:
        a, b = span
        text.append(excerpt[:a]).append(excerpt[a:b], style="bold reverse red").append(excerpt[b:])
    else:
        text.append(excerpt)
    return text


def _file(console: Console, result, options) -> None:
    console.print(Text.assemble(("公文审核  ", "bold"), (result.path, "bold underline")))
    if result.status == "error":
        console.print(Text(f"  无法读取：{result.error['message']}", style="bold red"))
        console.print()
        return
    console.print(Text("  ").append(_understood(result)))
    if options.show_structure:
        _structure(console, result)
    verdicts = result.gate_verdicts(options.fail_on)
    for gate in GATES:
        found = [f for f in result.findings if f.gate == gate]
        passed = verdicts[gate] == "pass"
        head = Text(f"\n{gate}  ", style="bold")
        verdict, note = gate_verdict(found, passed, options.fail_on)
        head.append(("✔ " if passed else "✘ ") + verdict, style="bold green" if passed else "bold red")
        if note:
            head.append(note, style="dim" if passed else "")
        console.print(head)
        for group in group_identical(found):
            f = group[0]  # the group shares rule, message and suggestion; the first one shows the excerpt
            label, style = SEVERITY_LABEL[f.severity]
            elements = "、".join(dict.fromkeys(g.element for g in group))
            console.print(Text.assemble(("  ", ""), (f"[{label}]", style),
                                        (f" {where_all(result, group)} · {elements} · ", "dim"),
                                        (f"{f.rule} {f.name}" + ("（推测，不影响通过）" if f.guess else ""), "dim"),
                                        (" [*]" if fixable_by_fix_command(result, f) else "", "green"),
                                        (f" {LAYOUT_MARK}" if settled_by_layout(result, f) else "", "green")))
            if f.excerpt:
                console.print(_excerpt(result, f))
            console.print(Text("    ") + Text(f.message))
            if f.suggestion:
                console.print(Text("    建议：", style="green") + Text(f.suggestion))
            if f.source and options.show_source:
                console.print(Text(f"    依据：{f.source}", style="dim"))
    counts = result.counts()
    console.print(Text.assemble(("\n合计：", "bold"), (f"错误 {counts['error']}", "red" if counts["error"] else ""),
                                " · ", (f"警告 {counts['warning']}", "yellow" if counts["warning"] else ""),
                                " · ", f"提示 {counts['info']}"))
    if getattr(result, "baselined", 0):  # a 通过 must not hide that known problems were left out
        console.print(Text(baselined_note(result.baselined), style="dim"))
    console.print()


def render(results, options) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                      color_system="standard" if options.color else None, width=options.width or 100,
                      highlight=False, emoji=False, soft_wrap=True)
    for result in results:
        if options.quiet and result.status == "ok" and not result.findings:
            continue  # --quiet: only what needs attention
        _file(console, result, options)
    if options.quiet:
        return buffer.getvalue()
    if len(results) > 1:
        errors = sum(r.counts()["error"] for r in results)
        warnings = sum(r.counts()["warning"] for r in results)
        unreadable = sum(1 for r in results if r.status == "error")
        console.print(Text(f"共 {len(results)} 个文件：错误 {errors}，警告 {warnings}，无法读取 {unreadable}", style="bold"))
    for note in (fixable_note(results), layout_note(results)):
        if note:
            console.print(Text(note, style="green"))
    return buffer.getvalue()
