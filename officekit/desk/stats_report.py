"""The 错情周报 written out: Markdown (to paste or send), CSV (for a spreadsheet) and one self-contained
HTML page with SVG bar charts (no JavaScript, nothing fetched; prints on A4)."""

from __future__ import annotations

import csv
import io
from html import escape

from officekit.desk.stats import Report, Table, tables

RULES_CHARTED = 15  # the rules chart shows the most frequent ones; the table below it lists them all
CHART_WIDTH = 660
CHART_LABEL_WIDTH = 250
CHART_ROW_HEIGHT = 30
COLOUR_CURRENT = "#b22222"  # the red of a 红头
COLOUR_PREVIOUS = "#b0b0b0"


def change_text(current: int, previous: int) -> str:
    """+3（+50%） / -2（-40%） / 0 / +3（上期为 0）."""
    delta = current - previous
    if delta == 0:
        return "0"
    sign = "+" if delta > 0 else "-"
    if previous == 0:
        return f"+{delta}（上期为 0）"
    return f"{sign}{abs(delta)}（{sign}{round(abs(delta) * 100 / previous)}%）"


def _heading_lines(report: Report) -> list[str]:
    now, before = report.current.period, report.previous.period
    return [
        f"统计期：{now.label()}（{now.days} 天）；对比上期：{before.label()}。",
        f"来源：{'；'.join(report.sources)}。",
        "计数：错误与警告（不含提示和推测性问题）；每份草稿计一次，按它在该期第一次送审（提交）时的样子检查。",
    ]


def _unreadable_line(report: Report) -> str | None:
    names = report.current.unreadable
    return f"本期无法读取的草稿：{'、'.join(names)}。" if names else None


# ---------------------------------------------------------------- Markdown

def render_markdown(report: Report) -> str:
    out = ["# 错情周报", ""]
    out += [line + "  " for line in _heading_lines(report)]
    unreadable = _unreadable_line(report)
    if unreadable:
        out.append(unreadable)
    for table in tables(report):
        out += ["", f"## {table.title}", ""]
        if not table.rows:
            out.append("（本期与上期均无）")
            continue
        out += ["| 项目 | 本期 | 上期 | 变化 |", "|---|---:|---:|---:|"]
        for row in table.rows:
            label = row.label.replace("|", "\\|")
            out.append(f"| {label} | {row.current} | {row.previous} | {change_text(row.current, row.previous)} |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- CSV

def render_csv(report: Report) -> str:
    """One row a count: table, key, label, this period, last period, change (numbers only)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "key", "label", "current", "previous", "change", "period", "previous_period"])
    now, before = report.current.period.label(), report.previous.period.label()
    for table in tables(report):
        for row in table.rows:
            writer.writerow([table.slug, row.key, row.label, row.current, row.previous, row.change, now, before])
    return buffer.getvalue()


# ---------------------------------------------------------------- HTML

PAGE_CSS = """
body { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; color: #222; max-width: 760px;
       margin: 2em auto; padding: 0 1em; line-height: 1.6; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; text-align: center; font-weight: normal; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 1.15em; margin-top: 1.6em;
     border-bottom: 1px solid #ddd; }
p.meta { margin: 0.2em 0; font-size: 0.95em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.95em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.up { color: #b22222; } td.down { color: #1a7f37; }
.legend span { display: inline-block; width: 1em; height: 0.7em; margin: 0 0.3em 0 1em; }
section { break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; }
  @page { size: A4; margin: 20mm 18mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.rules table { break-inside: auto; }
}
"""


def render_html(report: Report) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>错情周报</title>", f"<style>{PAGE_CSS}</style></head><body>", "<h1>错情周报</h1>"]
    parts += [f'<p class="meta">{escape(line)}</p>' for line in _heading_lines(report)]
    unreadable = _unreadable_line(report)
    if unreadable:
        parts.append(f'<p class="meta">{escape(unreadable)}</p>')
    parts.append(f'<p class="meta legend">图例：<span style="background:{COLOUR_CURRENT}"></span>本期'
                 f'<span style="background:{COLOUR_PREVIOUS}"></span>上期</p>')
    for table in tables(report):
        parts.append(f'<section class="{table.slug}" id="{table.slug}"><h2>{escape(table.title)}</h2>')
        if not table.rows:
            parts.append("<p>（本期与上期均无）</p></section>")
            continue
        if table.slug != "overview":  # the overview mixes 份 and 处: a table only
            charted = table.rows[:RULES_CHARTED] if table.slug == "rules" else table.rows
            parts.append(bar_chart(Table(table.slug, table.title, charted)))
        parts.append(_html_table(table))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_table(table: Table) -> str:
    rows = ["<table><thead><tr><th>项目</th><th>本期</th><th>上期</th><th>变化</th></tr></thead><tbody>"]
    for row in table.rows:
        trend = "up" if row.change > 0 else "down" if row.change < 0 else ""
        rows.append(f"<tr><td>{escape(row.label)}</td><td class=\"n\">{row.current}</td>"
                    f"<td class=\"n\">{row.previous}</td>"
                    f"<td class=\"n {trend}\">{escape(change_text(row.current, row.previous))}</td></tr>")
    rows.append("</tbody></table>")
    return "".join(rows)


def bar_chart(table: Table) -> str:
    """Horizontal bars, one pair a row: this period (thick, red) over the last (thin, grey)."""
    largest = max([max(r.current, r.previous) for r in table.rows] + [1])
    bar_room = CHART_WIDTH - CHART_LABEL_WIDTH - 50  # space on the right for the number
    height = CHART_ROW_HEIGHT * len(table.rows) + 6
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{CHART_WIDTH}" height="{height}" '
           f'viewBox="0 0 {CHART_WIDTH} {height}" font-size="13" aria-label="{escape(table.title)}">']
    for index, row in enumerate(table.rows):
        top = index * CHART_ROW_HEIGHT + 3
        now_width = round(bar_room * row.current / largest)
        before_width = round(bar_room * row.previous / largest)
        label = row.label if len(row.label) <= 18 else row.label[:17] + "…"
        svg.append(f'<text x="{CHART_LABEL_WIDTH - 6}" y="{top + 15}" text-anchor="end">{escape(label)}'
                   f"<title>{escape(row.label)}</title></text>")
        svg.append(f'<rect x="{CHART_LABEL_WIDTH}" y="{top + 3}" width="{now_width}" height="13" '
                   f'fill="{COLOUR_CURRENT}"/>')
        svg.append(f'<rect x="{CHART_LABEL_WIDTH}" y="{top + 18}" width="{before_width}" height="6" '
                   f'fill="{COLOUR_PREVIOUS}"/>')
        svg.append(f'<text x="{CHART_LABEL_WIDTH + now_width + 5}" y="{top + 15}">{row.current}</text>')
    svg.append("</svg>")
    return "".join(svg)


RENDERERS = {"markdown": render_markdown, "csv": render_csv, "html": render_html}
