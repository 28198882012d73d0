"""`officekit textconv`: the draft as block-numbered text, for `git diff` of .docx files.

Set up once per repository:
    .gitattributes:  *.docx diff=officekit
    git config diff.officekit.textconv "officekit textconv"
The numbers are the block numbers every report uses, so a finding's 第 N 段 is line "N" here."""

from __future__ import annotations

import sys

import click

PART_TITLE = {"header": "页眉", "body": "正文", "footer": "页脚"}


def textconv_text(document) -> str:
    lines = []
    for part in ("header", "body", "footer"):
        blocks = document.blocks(part)
        if not blocks:
            continue
        lines.append(f"[{PART_TITLE[part]}]")
        for block in blocks:
            text = block.text.replace("\n", "↵")
            lines.append(f"{block.index:4d}  {text}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


@click.command()
@click.argument("path", type=str)
def textconv(path):
    """按段编号输出草稿文本（页眉、正文、页脚），供 git diff 比较 .docx。"""
    from officekit.document import read
    from officekit.errors import InputError

    try:
        document = read(path)
    except InputError as exc:
        if exc.kind == "empty":  # a file added or deleted in the diff: nothing to show
            return
        # git shows whatever we print: say what happened instead of failing the whole diff
        sys.stdout.write(f"（officekit 无法读取此文件：{exc.message}）\n")
        return
    sys.stdout.write(textconv_text(document))
