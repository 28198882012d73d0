"""What annotate and fix share: open a draft for editing, check it, name and write the copy."""

from __future__ import annotations

import os
import sys

import click

from officekit.cli.common import ExitCode, atomic_write_bytes, check_output_path, fail_usage


def default_output(path: str, marker: str) -> str:
    """DRAFT.docx → DRAFT.审阅.docx (also for a .doc/.wps input: the copy is always .docx)."""
    stem, _ = os.path.splitext(path)
    return f"{stem}.{marker}.docx"


def draft_checker(path: str, config: str | None, overrides: dict):
    """A function editor → findings (after suppressions) with the settings of `path`; exits with a usage
    error when the rules or the configuration cannot be loaded."""
    from officekit import suppress
    from officekit.check import check_document, config_for
    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError

    try:
        settings = config_for(path, config, overrides)
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")

    def check(editor):
        try:
            draft, findings = check_document(editor.document, settings)
        except (RuleError, ConfigError) as exc:
            fail_usage(f"规则或配置无法加载：{exc}")
        return suppress.apply(path, findings, settings, draft)

    return check


def open_draft(path: str):
    """The draft opened for editing, or None when it cannot be read (the message is printed)."""
    from officekit.errors import InputError
    from officekit.output.docx_edit import DocxEditor

    try:
        return DocxEditor.open(path)
    except InputError as exc:
        click.echo(f"officekit: {exc.path}: {exc.message}", err=True)
        return None


def open_and_check(path: str, config: str | None, overrides: dict):
    """(editor, findings): the findings of exactly the bytes the editor will change; None when the
    file cannot be read (the message is printed)."""
    check = draft_checker(path, config, overrides)
    editor = open_draft(path)
    return None if editor is None else (editor, check(editor))


WORD_LOCK_PREFIX = "~$"  # Word's owner file beside an open document (~$草稿.docx): not a draft


def drafts_to_edit(paths, marker: str, output: str | None) -> list[str]:
    """The drafts named, with folders walked as `check` walks them (Word drafts only).  Skipped with a
    note: Word's lock files, and this command's own copies (草稿.审阅.docx for annotate), so that
    `annotate --force *.docx` run twice rewrites 草稿.审阅.docx instead of adding 草稿.审阅.审阅.docx.
    A copy named together with -o is the user's explicit wish and is kept."""
    from officekit.check import LEGACY_SUFFIXES, collect

    editable = (".docx",) + LEGACY_SUFFIXES
    out = []
    for path in paths:
        if os.path.isdir(path):
            out.extend(p for p in collect([path]) if p.lower().endswith(editable))
            continue
        name = os.path.basename(path)
        if name.startswith(WORD_LOCK_PREFIX):
            click.echo(f"officekit: 跳过 {path}（Word 打开文档时生成的锁定文件，不是草稿）", err=True)
        elif name.endswith(f".{marker}.docx") and output is None:
            click.echo(f"officekit: 跳过 {path}（officekit 写出的副本；确要处理它，请用 -o 指定输出文件）", err=True)
        else:
            out.append(path)
    return out


def for_each_draft(paths, output, job, marker: str = "审阅") -> None:
    """Run `job(path, target_or_None)` on every draft (see drafts_to_edit); unreadable ones make the exit
    code 2."""
    if not paths:
        fail_usage("请给出草稿文件，例如：officekit annotate 草稿.docx")
    named = paths
    paths = drafts_to_edit(paths, marker, output)
    if not paths and any(os.path.isdir(p) for p in named):
        fail_usage("给出的目录中没有 Word 草稿（.docx、.doc、.wps 等）")
    if output and len(paths) > 1:
        fail_usage("给出多个草稿时不能用 -o（每份草稿的副本写在它旁边）")
    failed = False
    for path in paths:
        failed |= job(path, output) is False
    if failed:
        sys.exit(ExitCode.INPUT)


def write_copy(path: str, output: str, force: bool, data: bytes) -> None:
    check_output_path(output, force, inputs=[path])
    atomic_write_bytes(output, data)


def common_options(function):
    for option in reversed([
        click.argument("paths", nargs=-1, type=str),
        click.option("-o", "--output", type=click.Path(dir_okay=False), help="写出的副本（只给一份草稿时；默认在原稿旁）"),
        click.option("--force", is_flag=True, help="允许覆盖已存在的输出文件"),
        click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件"),
        click.option("--select", multiple=True, help="只用这些规则（编号、前缀或关口）"),
        click.option("--ignore", multiple=True, help="不用这些规则（编号、前缀或关口）"),
    ]):
        function = option(function)
    return function
