"""`officekit textconv`: the draft as text, for `git diff` of .docx files.

Set up once per repository:
    .gitattributes:  *.docx diff=officekit
    git config diff.officekit.textconv "officekit textconv"

By default a line is a block (paragraph) marked with the 公文要素 it was recognised as, and no number:
inserting one paragraph then shows as one added line, not as every later line changed.

    [正文]
    【标题】关于开展安全检查的通知
    【主送机关】各单位：
    【正文】现将有关事项通知如下。

`--numbered` prints the block numbers every report uses instead (a finding's 第 N 段 is line "N"), for
reading a report beside the text."""

from __future__ import annotations

import sys

import click

PART_TITLE = {"header": "页眉", "body": "正文", "footer": "页脚"}


def _element_labels(document) -> dict[tuple[str, int], str]:
    """(part, block) → 【标题】-style label of the 要素 recognised there; {} when recognition fails, since
    git shows whatever textconv prints and the text alone is still worth a diff."""
    from officekit.structure import recognize

    try:
        draft = recognize(document)
    except Exception:  # noqa: BLE001 — a diff must never break on a draft the recogniser cannot read
        return {}
    labels = {}
    for part in PART_TITLE:
        for block in document.blocks(part):
            elements = dict.fromkeys(span.element for span in draft.elements_of_block(part, block.index))
            if elements:
                labels[(part, block.index)] = f"【{'、'.join(elements)}】"
    return labels


def textconv_text(document, numbered: bool = False) -> str:
    labels = {} if numbered else _element_labels(document)
    lines = []
    for part in ("header", "body", "footer"):
        blocks = document.blocks(part)
        if not blocks:
            continue
        lines.append(f"[{PART_TITLE[part]}]")
        for block in blocks:
            text = block.text.replace("\n", "↵")
            if numbered:
                lines.append(f"{block.index:4d}  {text}".rstrip())
            else:
                lines.append(f"{labels.get((part, block.index), '')}{text}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


@click.command()
@click.argument("path", type=str)
@click.option("--numbered", is_flag=True, help="每行前加段号（报告中的“第 N 段”），不标要素")
def textconv(path, numbered):
    """输出草稿文本（页眉、正文、页脚，每段一行并标出识别的公文要素），供 git diff 比较 .docx。"""
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
    sys.stdout.write(textconv_text(document, numbered))
