"""The review desk's page: the drop zone, then one card a draft with its verdict per gate, its download
buttons and its findings.

The findings are the HTML report's own section (officekit/report/html.py), so the page groups them
exactly as every other report does; this module adds only what a desk needs around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from officekit.engine.finding import GATES
from officekit.report import ReportOptions
from officekit.report.html import GATE_CLASS, file_section
from officekit.report.verdict import gate_verdict

from officekit.desk.review import COPIES, Draft
from officekit.desk.upload import size_text

TITLE = "公文审核台"


@dataclass
class PageOptions:
    fail_on: str
    accepted: tuple[str, ...]  # file suffixes the desk reads
    max_upload_bytes: int


def render(drafts: list[Draft], notices: list[tuple[str, str]], options: PageOptions) -> str:
    latest_upload_first = sorted(drafts, key=lambda d: (-d.batch, d.number))
    cards = "".join(_card(d, options) for d in latest_upload_first)
    return _frame(TITLE, _upload_form(options) + _notices(notices) + (cards or _empty()) + _end_form(drafts))


def message_page(title: str, text: str) -> str:
    """A page saying one thing (not found, refused), with the way back."""
    return _frame(title, f'<section class="notice error"><p>{escape(text)}</p><p><a href="/">返回审核台</a></p></section>')


def _frame(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · officekit</title>"
        '<link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/desk.css">'
        '<script src="/static/desk.js" defer></script></head><body>'
        '<header class="page desk"><h1>officekit 公文审核台</h1>'
        '<p class="privacy">只在本机运行：文件不离开这台电脑，不需要网络；关闭会话或一小时不用后自动删除。</p></header>'
        f'<main class="desk">{body}</main></body></html>\n'
    )


def _upload_form(options: PageOptions) -> str:
    kinds = "、".join(options.accepted)
    legacy = "" if ".doc" in options.accepted else "（.doc、.wps 需先安装 LibreOffice，或在 Word/WPS 中另存为 .docx）"
    return (
        '<form id="upload" class="upload" method="post" action="/upload" enctype="multipart/form-data">'
        '<label class="drop" for="drafts"><span class="drop-title">把公文草稿拖到这里</span>'
        '<span class="drop-or">或</span><span class="button primary">选择文件…</span>'
        f'<input id="drafts" name="drafts" type="file" multiple accept="{escape(",".join(options.accepted))}">'
        f'<span class="drop-hint">可一次放入多份。支持 {escape(kinds)}{escape(legacy)}；'
        f'每次合计不超过 {size_text(options.max_upload_bytes)}。</span>'
        '</label>'
        '<p class="upload-actions"><button type="submit" class="button">开始审核</button>'
        '<span class="busy" hidden>正在审核，请稍候……</span></p></form>'
    )


def _notices(notices: list[tuple[str, str]]) -> str:
    return "".join(f'<p class="notice {escape(kind)}" role="alert">{escape(text)}</p>' for kind, text in notices)


def _empty() -> str:
    return ('<section class="empty"><p>还没有草稿。放入一份草稿，即可看到它在政策关、格式关、文字关的审核结论，'
            '并下载带批注的审阅稿、带修订痕迹的修订稿。</p></section>')


def _end_form(drafts: list[Draft]) -> str:
    if not drafts:
        return ""
    return ('<form class="end" method="post" action="/end"><button type="submit" class="button danger">'
            '结束并删除本次全部文件</button></form>')


def _card(draft: Draft, options: PageOptions) -> str:
    result = draft.result
    head = f'<div class="card-head"><h2 class="draft-name">{escape(draft.name)}</h2>{_remove_form(draft)}</div>'
    if result is None or result.status != "ok":
        reason = result.error["message"] if result is not None else "未能处理"
        return (f'<section class="card unreadable" id="draft-{draft.number}" data-draft="{draft.number}">{head}'
                f'<p class="notice error">无法审核这份文件：{escape(reason)}</p></section>')
    failed = result.fails(options.fail_on)
    overall = ('<p class="overall fail">✘ 未通过：退回修改</p>' if failed
               else '<p class="overall pass">✔ 通过</p>')
    converted = '<p class="note">已由 LibreOffice 转换为 .docx 后审核，副本为 .docx。</p>' if draft.converted else ""
    return (
        f'<section class="card" id="draft-{draft.number}" data-draft="{draft.number}" '
        f'data-verdict="{"fail" if failed else "pass"}">{head}{overall}{_understood(result)}{_gates(result, options)}'
        f"{converted}{_downloads(draft, options)}"
        f'<details class="findings-detail" open><summary>问题清单与原文标注（共 {len(result.findings)} 个问题）</summary>'
        f"{file_section(draft.number, result, ReportOptions(fail_on=options.fail_on))}</details></section>"
    )


def _understood(result) -> str:
    draft = result.draft
    if draft is None:
        return ""
    if draft.genre != "公文":
        return f'<p class="understood">文稿 {escape(draft.genre)}：不是公文，只审文字和用语</p>'
    return (f'<p class="understood">文种 {escape(draft.doctype or "未识别")} · '
            f'方向 {escape(draft.direction or "未能判断")}</p>')


def _gates(result, options: PageOptions) -> str:
    verdicts = result.gate_verdicts(options.fail_on)
    items = []
    for gate in GATES:
        passed = verdicts[gate] == "pass"
        verdict, note = gate_verdict([f for f in result.findings if f.gate == gate], passed, options.fail_on)
        mark = "✔" if passed else "✘"
        items.append(f'<li class="gate {"pass" if passed else "fail"} gate-{GATE_CLASS[gate]}" data-gate="{gate}">'
                     f'<span class="gate-name">{gate}</span><span class="gate-verdict">{mark} {verdict}</span>'
                     f'<span class="gate-note">{escape(note)}</span></li>')
    return f'<ul class="gates">{"".join(items)}</ul>'


def _downloads(draft: Draft, options: PageOptions) -> str:
    if not draft.is_word:
        return '<p class="note">纯文本草稿只给出审核结论；要下载带批注、修订的 Word 副本，请上传 .docx。</p>'
    # No `download` attribute: the server's Content-Disposition names the file, and a copy that cannot
    # be made comes back as the page with its message instead of being saved as a .docx of HTML.
    buttons = "".join(
        f'<a class="button download" href="/drafts/{draft.number}/{kind}" data-copy="{kind}">'
        f"下载{escape(COPIES[kind][0])}</a>"
        for kind in COPIES if draft.offers(kind))
    return f'<p class="downloads">{buttons}</p>'


def _remove_form(draft: Draft) -> str:
    return (f'<form class="remove" method="post" action="/drafts/{draft.number}/remove">'
            '<button type="submit" class="button subtle">移除</button></form>')
