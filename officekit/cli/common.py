"""What every command shares: exit codes, usage errors, safe writing of outputs."""

from __future__ import annotations

import os
import sys
import tempfile
from enum import IntEnum
from pathlib import Path

import click


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INPUT = 2  # usage error or an input that cannot be read


def fail_usage(message: str) -> None:
    click.echo(f"officekit: {message}", err=True)
    sys.exit(ExitCode.INPUT)


def check_output_path(output: str, force: bool, inputs: list[str] = ()) -> None:
    """Never write over an input; never over an existing file without --force."""
    target = Path(output).resolve()
    for p in inputs:
        if p != "-" and os.path.exists(p) and Path(p).resolve() == target:
            fail_usage(f"{output}: 输出文件不能是输入文件本身（officekit 从不修改原稿）")
    if target.exists() and not force:
        fail_usage(f"{output}: 文件已存在；如确需覆盖，请加 --force")


def atomic_write_bytes(output: str, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: no half-written output."""
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; a copy for colleagues must be readable
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def new_file_mode() -> int:
    """0666 less the umask, the mode open() would have given a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


SEVERITIES = ("error", "warning", "info")  # most severe first
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def min_severity_option(function):
    """--min-severity, as Vale's --minAlertLevel: list only findings of this level or above."""
    return click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
                        help="只报告达到此级别的问题：error 只报错误，warning 报错误和警告（默认全部报告）")(function)


def at_least(findings: list, level: str | None) -> list:
    """The findings of severity `level` or above (all of them when level is None)."""
    from officekit.engine.finding import SEVERITY_RANK

    if level is None:
        return findings
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]]


def note_hidden(count: int, level: str | None) -> None:
    if count:
        click.echo(f"officekit: 按 --min-severity {level} 未列出 {count} 个低于“{SEVERITY_LABEL[level]}”级别的问题",
                   err=True)


def write_output(text: str, output: str | None, force: bool, inputs: list[str] = ()) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    check_output_path(output, force, inputs)
    atomic_write_bytes(output, text.encode("utf-8"))
