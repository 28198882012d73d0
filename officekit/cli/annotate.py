"""`officekit annotate`: a copy of the draft with a Word comment (批注) on every finding."""

from __future__ import annotations

import click

from officekit.cli._drafts import common_options, default_output, for_each_draft, open_and_check, write_copy
from officekit.cli.common import at_least, min_severity_option, note_hidden


@click.command()
@common_options
@min_severity_option
def annotate(paths, output, force, config, select, ignore, min_severity):
    """写出带批注的副本（默认“原名.审阅.docx”），每个问题一条 Word 批注，原稿不变。

    在 Word/WPS 中打开副本，按批注逐条修改即可。页眉页脚中的问题汇总在正文开头的一条批注里。
    """
    from officekit.output.annotate import annotate as add_comments

    def one(path, target):
        opened = open_and_check(path, config, {"select": select, "ignore": ignore})
        if opened is None:
            return False
        editor, findings = opened
        listed = at_least(findings, min_severity)
        note_hidden(len(findings) - len(listed), min_severity)
        findings = listed
        target = target or default_output(path, "审阅")
        result = add_comments(editor, findings)
        write_copy(path, target, force, result.data)
        note = f"（其中页眉页脚问题 {result.listed} 个汇总在开头一条批注中）" if result.listed else ""
        click.echo(f"已写出 {target}：{len(findings)} 个问题，{result.comments} 条批注{note}", err=True)
        return True

    for_each_draft(paths, output, one, marker="审阅")
