"""`officekit fix`: a copy of the draft with the safe mechanical fixes, as tracked changes by default."""

from __future__ import annotations

import sys

import click

from officekit.cli.common import ExitCode

from officekit.cli._drafts import common_options, default_output, draft_checker, for_each_draft, open_draft, write_copy
from officekit.cli.layout_fix import lay_out_copy, layout_option

DIFF_CONTEXT = 1  # unchanged paragraphs shown around a changed one


@click.command()
@common_options
@click.option("--no-track", is_flag=True, help="直接修改，不留修订痕迹（默认以修订形式给出，可在 Word 中逐条接受或拒绝）")
@click.option("--suggestions", is_flag=True,
              help="把需要判断的建议（如 截止→截至、请示报告→请示）也写成修订，作者“officekit（建议）”，"
                   "与安全修改（作者“officekit”）分开，在审阅窗格中逐条接受或拒绝")
@click.option("--diff", "show_diff", is_flag=True,
              help="不写文件，把将要做的修改以统一差异格式（按段编号的文本）输出；有修改时退出码为 1")
@layout_option
def fix(paths, output, force, config, select, ignore, no_track, suggestions, show_diff, layout):
    """写出修订副本（默认“原名.修订.docx”）：标点全半角、发文字号、日期、确定的错别字等安全修改。

    修改以修订（痕迹）形式给出，作者 officekit；跨越不同格式文字等无法安全修改的，只列出建议。原稿不变。
    修订只删改真正改变的字（如“云林发[2026]第05号”只改“[”“]第0”）。加 --suggestions 时，需要判断的建议也写成修订，
    作者“officekit（建议）”。
    """
    from officekit.cli.common import fail_usage
    from officekit.output.fix import SUGGESTION_AUTHOR, fix_until_settled, fixable
    from officekit.report.paths import region_path

    if suggestions and no_track:
        fail_usage("--suggestions 只能以修订形式给出（需要逐条判断），不能与 --no-track 同用")

    changed = []  # drafts --diff found something to change in

    def one(path, target):
        check = draft_checker(path, config, {"select": select, "ignore": ignore})
        editor = open_draft(path)
        if editor is None:
            return False
        findings = check(editor)
        if show_diff:
            result = fix_until_settled(editor, check, track=False, findings=findings, suggestions=suggestions)
            text = fix_diff(path, editor.document, result.data)
            click.echo(text, nl=False)
            if text:
                changed.append(path)
            return True
        target = target or default_output(path, "修订")
        # Re-check the fixed copy in memory and fix what it newly shows, so one run settles the draft.
        result = fix_until_settled(editor, check, track=not no_track, findings=findings, suggestions=suggestions)
        data = lay_out_copy(path, result.data, config, {"select": select, "ignore": ignore}, not no_track) \
            if layout else result.data
        write_copy(path, target, force, data)
        how = "直接修改" if no_track else "修订"
        rounds = f"（{result.rounds} 轮）" if result.rounds > 1 else ""
        offered = (f"，其中 {result.suggestion_edits} 处为需要判断的建议（修订作者“{SUGGESTION_AUTHOR}”，"
                   f"安全修改的作者为“officekit”）" if suggestions else "")
        click.echo(f"已写出 {target}：{result.edits} 处{how}{rounds}（解决 {len(result.applied)} 个问题）{offered}；"
                   f"{len(result.left)} 个留待人工处理；"
                   f"另有 {len(findings) - len(fixable(findings, suggestions))} 个问题没有可自动套用的修改", err=True)
        for finding, why in result.left:
            suggestion = f"，建议：{finding.suggestion}" if finding.suggestion else ""
            click.echo(f"  {region_path(finding)} {finding.rule} {finding.message}{suggestion}（未自动修改：{why}）",
                       err=True)
        return True

    for_each_draft(paths, output, one, marker="修订")
    if changed:
        sys.exit(ExitCode.FINDINGS)


def fix_diff(path: str, before, fixed_data: bytes) -> str:
    """The fixes as a unified diff of the block-numbered text (`textconv --numbered`): line N is 第 N 段."""
    import difflib

    from officekit.cli.textconv import textconv_text
    from officekit.output.docx_edit import DocxEditor
    from officekit.report.paths import display_path

    after = DocxEditor(fixed_data, path).document
    name = display_path(path)
    lines = difflib.unified_diff(textconv_text(before, numbered=True).splitlines(keepends=True),
                                 textconv_text(after, numbered=True).splitlines(keepends=True),
                                 fromfile=f"{name}（原稿）", tofile=f"{name}（officekit fix 之后）", n=DIFF_CONTEXT)
    return "".join(lines)
