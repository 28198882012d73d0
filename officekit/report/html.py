"""The HTML report: one self-contained page (no network, no external files) a secretary can open.

For each file: the draft's text, block by block, with the offending characters highlighted in their
gate's colour, and beside it the findings grouped by gate; each finding links to its span.  The
small inline script only adds a flash on the target when a finding is clicked and records in the
page that every link found its target (the browser test reads that)."""

from __future__ import annotations

from html import escape

from officekit import __version__
from officekit.engine.finding import GATES
from officekit.report.paths import PART_NAME, display_path, sorted_findings
from officekit.report.verdict import gate_verdict

GATE_CLASS = {"政策关": "policy", "格式关": "format", "文字关": "text"}
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}

STYLE = """
:root { --policy: #c5221f; --format: #1967d2; --text: #e37400; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.7 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #202124;
       background: #f6f7f9; }
header.page { padding: 16px 24px; background: #fff; border-bottom: 1px solid #dadce0; }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 17px; margin: 0 0 4px; } h3 { font-size: 15px; margin: 14px 0 6px; }
section.file { margin: 16px 24px; background: #fff; border: 1px solid #dadce0; border-radius: 6px; padding: 16px; }
.understood, .totals { color: #5f6368; margin: 0 0 8px; }
.layout { display: flex; gap: 20px; align-items: flex-start; }
nav.findings { flex: 0 0 380px; max-height: 85vh; overflow: auto; position: sticky; top: 8px; }
nav.findings ol { margin: 0; padding-left: 22px; }
li.finding { margin-bottom: 8px; }
li.finding a { text-decoration: none; color: inherit; }
li.finding .rule { color: #5f6368; font-size: 13px; }
.sev-error .sev { color: #c5221f; font-weight: bold; } .sev-warning .sev { color: #b06000; } .sev-info .sev { color: #5f6368; }
.advice { color: #137333; } .source { color: #5f6368; font-size: 13px; }
article.draft { flex: 1 1 auto; min-width: 0; font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; }
article.draft h3 { font-family: sans-serif; color: #5f6368; }
p.block { margin: 0 0 6px; white-space: pre-wrap; }
p.block .num { display: inline-block; width: 3em; color: #9aa0a6; font: 12px monospace; user-select: none; }
p.block.whole-policy { border-left: 4px solid var(--policy); padding-left: 4px; }
p.block.whole-format { border-left: 4px solid var(--format); padding-left: 4px; }
p.block.whole-text { border-left: 4px solid var(--text); padding-left: 4px; }
mark { background: none; border-bottom: 3px solid; padding: 0 1px; }
mark.policy { border-color: var(--policy); background: #fce8e6; }
mark.format { border-color: var(--format); background: #e8f0fe; }
mark.text { border-color: var(--text); background: #fef7e0; }
.gate-policy { color: var(--policy); } .gate-format { color: var(--format); } .gate-text { color: var(--text); }
.caret { color: #c5221f; font-weight: bold; }
.flash { outline: 3px solid #fbbc04; }
.error-file { color: #c5221f; }
/* Printed or saved as PDF, the page carries every finding: the list is no scrolling box beside the text
   but a section of its own before it, and the highlights keep their colours. */
@media print {
  body { background: #fff; font-size: 11pt; }
  header.page { padding: 0 0 8pt; }
  section.file { margin: 0 0 12pt; border: none; border-radius: 0; padding: 0; }
  section.file + section.file { break-before: page; }
  .layout { display: block; }
  nav.findings { max-height: none; overflow: visible; position: static; margin-bottom: 12pt; }
  li.finding, p.block { break-inside: avoid; }
  mark, p.block { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .flash { outline: none; }
}
"""

SCRIPT = """
(function () {
  var links = document.querySelectorAll('li.finding a[href^="#"]');
  var missing = 0;
  links.forEach(function (link) {
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) { missing += 1; return; }
    link.addEventListener('click', function () {
      var lit = document.querySelectorAll('.flash');
      lit.forEach(function (el) { el.classList.remove('flash'); });
      var shown = target.closest('p.block') || target;
      shown.classList.add('flash');
    });
  });
  document.body.setAttribute('data-findings', String(links.length));
  document.body.setAttribute('data-check', missing === 0 ? 'ok' : 'missing ' + missing);
})();
"""


def _block_html(file_no: int, part: str, block, marks: list[tuple[int, object]]) -> str:
    """One paragraph with its findings: spans become <mark>, each finding gets an anchor at its start."""
    text = block.text
    spans = [(k, f) for k, f in marks if f.location.start is not None and f.location.end is not None]
    whole = [(k, f) for k, f in marks if (k, f) not in spans]
    cuts = {0, len(text)}
    for _, f in spans:
        cuts.update((max(0, min(f.location.start, len(text))), max(0, min(f.location.end, len(text)))))
    cuts = sorted(cuts)
    classes = ["block"] + [f"whole-{GATE_CLASS[whole[0][1].gate]}"] if whole else ["block"]
    out = [f'<p class="{" ".join(classes)}" id="b{file_no}-{part}-{block.index}"><span class="num">{block.index}</span>']
    out.extend(f'<span class="anchor" id="f{file_no}-{k}"></span>' for k, _ in whole)
    for number, a in enumerate(cuts):
        for k, f in spans:
            if min(f.location.start, len(text)) == a:
                out.append(f'<span class="anchor" id="f{file_no}-{k}"></span>')
                if f.location.end <= f.location.start:
                    out.append(f'<span class="caret" title="{escape(f.rule)}">‸</span>')
        if number + 1 == len(cuts):
            break
        b = cuts[number + 1]
        piece = escape(text[a:b])
        covering = [f for _, f in spans if f.location.start <= a and b <= f.location.end and f.location.end > f.location.start]
        if covering:
            title = escape("；".join(f"{f.rule} {f.message}" for f in covering), quote=True)
            piece = f'<mark class="{GATE_CLASS[covering[0].gate]}" title="{title}">{piece}</mark>'
        out.append(piece)
    out.append("</p>")
    return "".join(out)


def _finding_item(file_no: int, k: int, f) -> str:
    from officekit.report.paths import region_path

    parts = [f'<li class="finding sev-{f.severity} gate-{GATE_CLASS[f.gate]}-item" data-rule="{escape(f.rule)}">',
             f'<a href="#f{file_no}-{k}"><span class="sev">[{SEVERITY_LABEL[f.severity]}]</span> {escape(region_path(f))} ',
             f'<span class="rule">{escape(f.rule)} {escape(f.name)}</span><br>{escape(f.message)}</a>']
    if f.suggestion:
        parts.append(f'<div class="advice">建议：{escape(f.suggestion)}</div>')
    if f.source:
        parts.append(f'<div class="source">依据：{escape(f.source)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _gate_html(gate: str, found, passed: bool, fail_on: str) -> str:
    verdict, note = gate_verdict(found, passed, fail_on)
    return f'<span class="gate-{GATE_CLASS[gate]}">{gate} {verdict}{escape(note)}</span>'


def file_section(file_no: int, result, options) -> str:
    """One file's <section>: verdicts, findings by gate, the marked-up text (also the review desk's,
    officekit/desk/page.py, which styles it with STYLE).  `file_no` keeps anchors unique on a page."""
    path = escape(display_path(result.path))
    if result.status != "ok":
        return (f'<section class="file" id="file-{file_no}"><h2>{path}</h2>'
                f'<p class="error-file">无法读取：{escape(result.error["message"])}</p></section>')
    findings = sorted_findings(result)
    draft = result.draft
    counts = result.counts()
    verdicts = result.gate_verdicts(options.fail_on)
    out = [f'<section class="file" id="file-{file_no}"><h2>{path}</h2>']
    if draft is not None:
        out.append(f'<p class="understood">文种 {escape(draft.doctype or "未识别")} · 方向 {escape(draft.direction or "未能判断")}</p>')
    verdict_text = " · ".join(_gate_html(g, [f for f in findings if f.gate == g], verdicts[g] == "pass", options.fail_on)
                              for g in GATES)
    out.append(f'<p class="totals">{verdict_text} · 错误 {counts["error"]} · 警告 {counts["warning"]} · 提示 {counts["info"]}</p>')
    out.append('<div class="layout"><nav class="findings">')
    for gate in GATES:
        in_gate = [(k, f) for k, f in enumerate(findings, 1) if f.gate == gate]
        out.append(f'<h3 class="gate-{GATE_CLASS[gate]}">{gate}（{len(in_gate)}）</h3>')
        if in_gate:
            out.append("<ol>" + "".join(_finding_item(file_no, k, f) for k, f in in_gate) + "</ol>")
    out.append('</nav><article class="draft">')
    placed = set()
    if draft is not None:
        document = draft.document
        for part in ("header", "body", "footer"):
            blocks = document.blocks(part)
            if not blocks:
                continue
            out.append(f"<h3>{PART_NAME[part]}</h3>")
            for block in blocks:
                marks = [(k, f) for k, f in enumerate(findings, 1)
                         if f.location.part == part and f.location.block == block.index]
                placed.update(k for k, _ in marks)
                out.append(_block_html(file_no, part, block, marks))
    # Findings whose place is not a block (a rule that could not run): anchored at the end.
    for k, f in enumerate(findings, 1):
        if k not in placed:
            out.append(f'<p class="block" id="f{file_no}-{k}">{escape(f.message)}</p>')
    out.append("</article></div></section>")
    return "".join(out)


def render(results, options) -> str:
    total = sum(len(r.findings) for r in results)
    body = "".join(file_section(n, r, options) for n, r in enumerate(results, 1))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>officekit 公文审核报告</title><style>{STYLE}</style></head><body>"
        f'<header class="page"><h1>officekit 公文审核报告</h1><p class="totals">{len(results)} 个文件，'
        f"{total} 个问题 · officekit {escape(__version__)}</p></header>"
        f"{body}<script>{SCRIPT}</script></body></html>\n"
    )
