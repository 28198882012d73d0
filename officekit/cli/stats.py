"""`officekit stats`: the 错情周报 of a drafts folder or repository."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import click

from officekit.cli.common import fail_usage, write_output

DEFAULT_DAYS = 7  # without --since: the week ending on --until


def _day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail_usage(f"{option} {value}: 日期应写作 年-月-日，例如 2026-12-02")


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--since", metavar="YYYY-MM-DD", help="统计期第一天（默认：--until 往前共 7 天）")
@click.option("--until", metavar="YYYY-MM-DD", help="统计期最后一天（默认今天）")
@click.option("-f", "--format", "fmt", type=click.Choice(["markdown", "csv", "html"]), default="markdown",
              help="输出格式（默认 markdown）")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件而不是标准输出")
@click.option("--force", is_flag=True, help="允许覆盖已存在的输出文件")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件")
@click.option("--departments", type=click.Path(exists=True, dir_okay=False),
              help="科室对照表（YAML：科室: [通配符, …]，按相对路径匹配）；默认按第一级子目录分科室")
def stats(paths, since, until, fmt, output, force, config, departments):
    """错情周报：统计期内送审草稿的问题数，按关口、规则、公文要素、科室，并与上一期（等长）对比。

    在 git 仓库中，每份草稿按它在统计期内第一次提交时的版本计一次（提交日期）；未提交的不计。
    普通目录按文件修改时间。计数为错误与警告，不含提示和推测性问题。
    """
    from officekit.desk.history import Period
    from officekit.desk.stats import build_report, load_departments
    from officekit.desk.stats_report import RENDERERS
    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError, InputError

    if not paths:
        fail_usage("请给出草稿目录或 git 仓库，例如：officekit stats 草稿/ --since 2026-11-30")
    for path in paths:
        if not os.path.exists(path):
            fail_usage(f"{path}: 文件或目录不存在")
    last = _day("--until", until) or date.today()
    first = _day("--since", since) or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        fail_usage(f"--since {first.isoformat()} 晚于 --until {last.isoformat()}")
    try:
        mapping = load_departments(Path(departments)) if departments else None
        report = build_report([Path(p) for p in paths], Period(first, last), config, mapping)
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")
    except InputError as exc:
        fail_usage(f"{exc.path}: {exc.message}")
    write_output(RENDERERS[fmt](report), output, force, inputs=list(paths))
