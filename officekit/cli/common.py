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
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(text: str, output: str | None, force: bool, inputs: list[str] = ()) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    check_output_path(output, force, inputs)
    atomic_write_bytes(output, text.encode("utf-8"))
