"""`officekit slip`: the 审核意见单 / 退文通知单 of a draft, a .docx to print and send back with it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from officekit.cli.common import ExitCode, atomic_write_bytes, check_output_path, fail_usage


def _review_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--date {value}: 日期应写作 年-月-日，例如 2026-12-02")


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写出的意见单（只给一份草稿时；默认“原名.意见单.docx”）")
@click.option("--force", is_flag=True, help="允许覆盖已存在的输出文件")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件")
@click.option("--date", "review_date", metavar="YYYY-MM-DD", help="意见单上的审核日期（默认今天）")
def slip(paths, output, force, config, review_date):
    """写出审核意见单（默认“原名.意见单.docx”），可直接打印随文退回，原稿不变；给出目录时逐份写出。

    三关都通过时为「公文审核意见单」，有一关退回修改时为「退文通知单」。单上写明文件标题、文种、
    发文字号、审核日期、每一关的结论，决定结论的问题及其位置（第 N 段）和依据，末尾留审核人、日期。
    推测性的问题（如疑似错别字）只作参考，不决定结论。问题多时按规则归并，最多两页，其余写明
    「另有 N 项，见审核报告」。
    """
    from officekit.desk.slip import VERDICT_RETURN, default_output, make_slip
    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError, InputError

    from officekit.collect import collect

    if not paths:
        fail_usage("请给出草稿文件，例如：officekit slip 草稿.docx")
    drafts = collect(list(paths))  # a folder: every draft in it, officekit's own outputs left out
    if not drafts:
        fail_usage("给出的目录中没有草稿（.docx、.txt、.md）")
    if output and len(drafts) > 1:
        fail_usage("给出多个草稿时不能用 -o（每份草稿的意见单写在它旁边）")
    when = _review_date(review_date)
    unreadable = False
    for path in drafts:
        try:
            made = make_slip(Path(path), config_path=Path(config) if config else None, review_date=when)
        except InputError as exc:
            click.echo(f"officekit: {exc.path}: {exc.message}", err=True)
            unreadable = True
            continue
        except (RuleError, ConfigError) as exc:
            fail_usage(f"规则或配置无法加载：{exc}")
        target = output or str(default_output(Path(path)))
        check_output_path(target, force, inputs=[path])
        atomic_write_bytes(target, made.data)
        returned = [gate for gate, verdict in made.verdicts.items() if verdict == VERDICT_RETURN]
        click.echo(f"已写出 {target}：{made.title}" + (f"（{'、'.join(returned)}退回修改）" if returned else "（三关通过）"),
                   err=True)
    if unreadable:
        sys.exit(ExitCode.INPUT)

