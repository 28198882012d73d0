"""`officekit baseline`: record today's findings so that CI reports only new ones from now on."""

from __future__ import annotations

import sys

import click

from officekit.cli.common import ExitCode, atomic_write_bytes, check_output_path, fail_usage

DEFAULT_BASELINE = ".officekit-baseline.json"


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", default=DEFAULT_BASELINE, show_default=True, type=click.Path(dir_okay=False),
              help="基线文件")
@click.option("--force", is_flag=True, help="覆盖已有的基线文件（更新基线）")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件")
def baseline(paths, output, force, config):
    """把给出的草稿（目录递归）当前的问题记入基线文件；此后 officekit check --baseline 文件 只报告新问题。

    按问题指纹匹配：别处改动不影响已记录的问题。请在仓库根目录运行并提交基线文件。
    """
    from officekit.check import collect
    from officekit.cli.check import run_checks
    from officekit.suppress import baseline_json

    if not paths:
        fail_usage("请给出要记入基线的文件或目录，例如：officekit baseline drafts/")
    files = collect(list(paths))
    check_output_path(output, force, inputs=files)
    _load_rules_or_exit(files, config)
    results = run_checks(files, config, {}, jobs=1, progress=False)
    for r in results:
        if r.status != "ok":
            click.echo(f"officekit: {r.path}: {r.error['message']}", err=True)
    atomic_write_bytes(output, baseline_json(results).encode("utf-8"))
    count = sum(len(r.findings) for r in results if r.status == "ok")
    click.echo(f"已写出 {output}：{len(results)} 个文件，{count} 个问题记入基线", err=True)
    if any(r.status != "ok" for r in results):
        sys.exit(ExitCode.INPUT)


def _load_rules_or_exit(files, config) -> None:
    """A broken rule file or configuration (an unknown id in ignore:) is a usage error, not a traceback."""
    import os

    from officekit.check import config_for
    from officekit.engine.rule import RuleError
    from officekit.engine.ruleset import active_rules
    from officekit.errors import ConfigError

    try:
        for path in files:
            if os.path.exists(path):
                active_rules(config_for(path, config))
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")
