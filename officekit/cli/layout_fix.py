"""`officekit fix --layout`: after the text fixes, lay the copy out as GB/T 9704-2012 (or the profile) asks."""

from __future__ import annotations

import click

from officekit.report.paths import PART_NAME

LAYOUT_HELP = ("同时一键排版：把识别可靠的各要素的字体、字号、颜色、对齐、缩进、行距，以及页面、页码，"
               "按 GB/T 9704-2012（或配置的 profile）设置，以“设置格式”修订给出；识别不确定的段落只列出、不改")


def layout_option(function):
    return click.option("--layout", is_flag=True, help=LAYOUT_HELP)(function)


def lay_out_copy(path: str, data: bytes, config_path: str | None, overrides: dict, track: bool) -> bytes:
    """The copy `data` (the text fixes already made) laid out; prints what was done and what was left."""
    from officekit.check import config_for
    from officekit.cli.common import fail_usage
    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError
    from officekit.layout import lay_out
    from officekit.output.docx_edit import DocxEditor

    try:
        result = lay_out(DocxEditor(data, path), config_for(path, config_path, overrides), track=track, data=data)
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")
    if result.skipped:
        click.echo(f"  一键排版：未排版，{result.skipped}", err=True)
        return result.data
    how = "直接设置" if not track else "以修订设置"
    rules = "、".join(sorted(result.rules)) or "无"
    click.echo(f"  一键排版：{result.blocks} 段{how}格式（依据规则 {rules}）", err=True)
    for note in result.notes:
        click.echo(f"    {note}", err=True)
    if result.weak:
        click.echo(f"  以下 {len(result.weak)} 段要素识别不确定，未排版：", err=True)
        for weak in result.weak:
            click.echo(f"    {PART_NAME.get(weak.part, weak.part)}第{weak.index}段 {weak.element}（{weak.why}）", err=True)
    for part, block, why in result.left:
        place = f"{PART_NAME.get(part, part)}第{block}段 " if block else ""
        click.echo(f"    未排版：{place}{why}", err=True)
    return result.data
