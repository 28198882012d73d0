"""`officekit check`: the main job."""

from __future__ import annotations

import os
import sys

import click

from officekit.cli.common import ExitCode, at_least, fail_usage, min_severity_option, note_hidden, write_output
from officekit.report import FORMATS, ReportOptions

PROGRESS_THRESHOLD = 4  # show a progress bar from this many files on, at a terminal
# Files a --jobs worker takes at a time: a worker holds a whole chunk's results (drafts included)
# until the chunk is done, so a chunk must stay small however many drafts there are.
MAX_CHUNK = 8
# Formats read by people: notes about the configuration go to stderr only, not into the draft report.
PEOPLE_FORMATS = ("text", "html")


def _check_one(args):
    from officekit.check import check_file

    path, config, overrides, stdin_data = args
    result = check_file(path, config, overrides, stdin_data)
    # --min-severity: what is not listed is dropped here, so it fails no run and no report shows it
    listed = at_least(result.findings, overrides.get("min_severity"))
    result.below_min_severity, result.findings = len(result.findings) - len(listed), listed
    return result


def run_checks(paths: list[str], config: str | None, overrides: dict, jobs: int, progress: bool, stdin_data=None):
    tasks = [(p, config, overrides, stdin_data if p == "-" else None) for p in paths]
    if jobs <= 1 or len(tasks) <= 1:
        iterator = map(_check_one, tasks)
        pool = None
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        chunk = min(MAX_CHUNK, max(1, len(tasks) // (jobs * 4)))
        iterator = pool.map(_check_one, tasks, chunksize=chunk)
    from officekit.report.stream import Spool

    results = Spool()  # on disk as each file is done: memory does not grow with the number of drafts
    try:
        if not progress:
            for r in iterator:
                results.append(r)
            return results
        from rich.progress import Progress

        with Progress(transient=True, console=_stderr_console()) as bar:
            task = bar.add_task("检查中", total=len(tasks))
            for r in iterator:
                results.append(r)
                bar.advance(task)
        return results
    finally:
        if pool is not None:
            pool.shutdown()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def use_color(option: bool | None, to_file: bool) -> bool:
    if option is not None:
        return option
    if to_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="输出格式（默认 text；设置 GITHUB_ACTIONS 时为 github）")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件而不是标准输出")
@click.option("--force", is_flag=True, help="允许覆盖已存在的输出文件")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件（不再向上查找）")
@click.option("--select", multiple=True, help="只运行这些规则（编号、前缀或关口，可多次给出）")
@click.option("--ignore", multiple=True, help="不运行这些规则（编号、前缀或关口，可多次给出）")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="达到此级别的问题使退出码为 1（默认 error）")
@min_severity_option
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, help="并行检查的进程数")
@click.option("--color/--no-color", default=None, help="是否着色（默认：终端着色；NO_COLOR 时不着色）")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="只报告基线文件（officekit baseline 写出）中没有的新问题，并列出已消失的基线条目")
@click.option("--changed-since", metavar="REF", help="只检查自 git 版本 REF 以来改动过（含未提交、新增）的草稿")
@click.option("--show-structure", is_flag=True,
              help="列出每一段识别为哪个公文要素及其依据（位置、形状、格式），便于核对规则为何在此处报告")
@click.option("--statistics", is_flag=True, help="只列出每条规则的问题数（多者在前；-f json 时为 JSON）")
@click.option("-q", "--quiet", is_flag=True, help="只输出问题：不输出合计、无问题的文件和标准错误上的说明")
@click.option("--exit-zero", is_flag=True, help="有问题也以 0 退出（文件无法读取或用法错误仍为 2），供只出报告的 CI 步骤")
@click.option("--show-config", is_flag=True, help="不检查，列出对每个文件生效的配置（同 officekit config show）")
@click.option("--force-exclude", is_flag=True,
              help="命令行上直接给出的文件也服从 exclude: 和 .gitignore（pre-commit 逐个传入文件时用）")
def check(paths, fmt, output, force, config, select, ignore, fail_on, min_severity, jobs, color, baseline_file, changed_since,
          show_structure, statistics, quiet, exit_zero, show_config, force_exclude):
    """检查公文草稿（.docx、.txt、.md；目录递归；- 表示标准输入）。

    退出码：0 无问题（或低于 --fail-on 级别，或给了 --exit-zero）；1 有问题；2 用法错误或有文件无法读取。
    """
    from officekit.check import collect, config_for
    from officekit.engine.ruleset import active_rules
    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError

    if not paths:
        fail_usage("请给出要检查的文件或目录，例如：officekit check 草稿.docx")
    files = collect(list(paths), force_exclude=force_exclude)
    if show_config:
        from officekit.cli.config import show_config_text

        write_output(show_config_text(files, config, {"select": select, "ignore": ignore}), output, force)
        sys.exit(ExitCode.OK)
    if not files and force_exclude:  # pre-commit staged only files the repository excludes: nothing to do
        if not quiet:
            click.echo("officekit: 给出的文件都被排除（exclude:、.gitignore 或不是草稿），无需检查", err=True)
        sys.exit(ExitCode.OK)
    if not files:
        fail_usage("给出的目录中没有可检查的文件（.docx、.txt、.md）")
    if changed_since:
        files = _only_changed(files, changed_since)
        if not files:
            if not quiet:
                click.echo(f"officekit: 自 {changed_since} 以来没有改动过的草稿，无需检查", err=True)
            sys.exit(ExitCode.OK)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS else "text"
    overrides = {"select": select, "ignore": ignore, "min_severity": min_severity}
    # Load the rules once up front so that a broken rule or config file is a usage error, reported once.
    try:
        configs = {}  # one load per configuration file, not per draft
        for p in files:
            if p == "-" or os.path.exists(p):
                found = config_for(p, config, overrides)
                configs.setdefault(found.path, found)
        for found in configs.values():
            active_rules(found)
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")
    stdin_data = sys.stdin.buffer.read() if "-" in files else None
    progress = (len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty() and fmt in ("text",) and output is None
                and not quiet)
    results = run_checks(files, config, overrides, jobs, progress, stdin_data)
    if baseline_file:
        _apply_baseline(results, baseline_file, quiet)
    # Only a config with `suppress:` entries can have unused ones: the others need no pass over the results
    unused = _unused_suppressions(results, config, overrides) if any(c.suppress for c in configs.values()) else []

    level = fail_on or _config_fail_on(files, config) or "error"
    options = ReportOptions(color=use_color(color, output is not None), fail_on=level, show_structure=show_structure,
                            quiet=quiet)
    # Machine formats carry the notes as S002 findings of the config file (so CI shows them on its line);
    # they never change the exit code, which speaks about the drafts.
    reported = results if fmt in PEOPLE_FORMATS else results + _as_results(unused if min_severity in (None, "info") else [])
    if statistics:
        write_output(_statistics(reported, fmt, quiet), output, force, inputs=files)
    else:
        from officekit.report.stream import open_output, write_report

        with open_output(output, force, files) as out:  # written file by file, not built whole in memory
            write_report(fmt, reported, options, out)
    _print_unused(unused)
    if baseline_file and not quiet and (fmt not in ("text", "concise") or statistics):
        _note_baselined(results)  # the text and concise reports say it themselves
    if not quiet:
        note_hidden(sum(r.below_min_severity for r in results), min_severity)
    if os.environ.get("GITHUB_STEP_SUMMARY") and (fmt == "github" or os.environ.get("GITHUB_ACTIONS") == "true"):
        from officekit.report.github import write_step_summary

        write_step_summary(results, options, os.environ["GITHUB_STEP_SUMMARY"])
    if any(r.status == "error" for r in results):
        sys.exit(ExitCode.INPUT)
    sys.exit(ExitCode.FINDINGS if any(r.fails(level) for r in results) and not exit_zero else ExitCode.OK)


def _statistics(results, fmt: str, quiet: bool) -> str:
    from officekit.report.statistics import render_json, render_text

    return render_json(results) if fmt == "json" else render_text(results, quiet)


def _config_fail_on(files, explicit) -> str | None:
    from officekit.check import config_for

    for p in files:
        if p == "-" or os.path.exists(p):
            value = config_for(p, explicit).fail_on
            if value:
                return value
    return None


def _unused_suppressions(results, explicit, overrides) -> list:
    """The config `suppress:` entries that hid nothing in this run (S002)."""
    from officekit.check import config_for
    from officekit.suppress import unused_config_suppressions

    return unused_config_suppressions(results, lambda path: config_for(path, explicit, overrides))


def _as_results(unused) -> list:
    """One FileResult per config file holding its S002 notes, for the machine formats."""
    from officekit.check import FileResult
    from officekit.report.paths import display_path

    notes: dict[str, FileResult] = {}
    for entry in unused:
        notes.setdefault(display_path(entry.config), FileResult(path=display_path(entry.config))).findings.append(
            entry.finding())
    return list(notes.values())


def _note_baselined(results) -> None:
    from officekit.report.concise import baselined_note

    hidden = sum(r.baselined for r in results)
    if hidden:
        click.echo(f"officekit: {baselined_note(hidden)}", err=True)


def _print_unused(unused) -> None:
    from officekit.report.paths import display_path
    from officekit.suppress import UNUSED_CONFIG_RULE

    for entry in unused:
        click.echo(f"officekit: {display_path(entry.config)} 第 {entry.line} 行：{entry.message()}"
                   f"（{UNUSED_CONFIG_RULE}）", err=True)


def _only_changed(files: list[str], ref: str) -> list[str]:
    from officekit.changes import GitError, changed_since, keep_changed

    try:
        return keep_changed(files, changed_since(ref))
    except GitError as exc:
        fail_usage(f"--changed-since {ref}: {exc}（需在 git 仓库中运行，且 {ref} 是存在的提交、分支或标签）")


def _apply_baseline(results, baseline_file: str, quiet: bool = False) -> None:
    from officekit.suppress import BaselineError, filter_baseline, load_baseline

    try:
        baseline = load_baseline(baseline_file)
    except BaselineError as exc:
        fail_usage(str(exc))
    stale = filter_baseline(results, baseline)
    if stale and not quiet:
        click.echo(f"officekit: 基线中有 {len(stale)} 条问题已不再出现（已修正或已改写），"
                   f"可运行 officekit baseline --force 更新 {baseline_file}：", err=True)
        for path, entry in stale:
            click.echo(f"  {path}: {entry.get('rule')} 第 {entry.get('block')} 段 {entry.get('excerpt', '')}", err=True)
