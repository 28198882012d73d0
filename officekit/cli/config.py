"""`officekit config show FILE…`: the configuration a check of FILE would use, and where it came from.

The answer to "why did (or didn't) this rule run on this draft": which .officekit.yaml was found, what it
selects, ignores and re-grades, which `suppress:` entries apply to this very file, whether a folder walk
would skip the file (`exclude:`, .gitignore, a repository file), and the rules that end up running.
Printed as YAML, so it can be read, diffed or pasted into an issue."""

from __future__ import annotations

import os
from collections import Counter

import click

from officekit.cli.common import fail_usage


def effective_config(path: str, explicit: str | None = None, overrides: dict | None = None) -> dict:
    """What `check` would use for `path`, as plain data."""
    from officekit.check import config_for
    from officekit.collect import walk_skips
    from officekit.engine.ruleset import active_rules, all_rules
    from officekit.report.paths import display_path
    from officekit.suppress import config_suppressions

    config = config_for(path, explicit, overrides)
    rules = active_rules(config)
    known = {r.id: r for r in all_rules(config)}
    regraded = {r.id: r.severity for r in rules if r.id in known and known[r.id].severity != r.severity}
    return {
        "file": display_path(path),
        "config": display_path(config.path) if config.path else None,
        "config_source": ("--config" if explicit else "向上查找到的 .officekit.yaml" if config.path
                          else "内置默认（未找到 .officekit.yaml）"),
        "folder_walk": walk_skips(path) or "检查",
        "extends": config.extends,
        "select": config.select,
        "ignore": config.ignore,
        "severity": config.severity,
        "fail_on": config.fail_on or "error",
        "rule_files": [display_path(p) for p in config.rule_files],
        "inline_rules": [r.get("id") for r in config.rules if isinstance(r, dict)],
        "wordlists": {name: [display_path(p) for p in files] for name, files in config.wordlists.items()},
        "words": {name: len(entries) for name, entries in config.words.items()},
        "profile": config.profile,
        "exclude": config.exclude,
        "suppress_for_this_file": [f"{pattern}: {rule}" for pattern, rule in config_suppressions(path, config)],
        "rules": {
            "running": len(rules),
            "of": len(known),
            "by_gate": dict(sorted(Counter(r.gate for r in rules).items())),
            "regraded": regraded,
            "ids": " ".join(r.id for r in rules),
            "not_running": " ".join(sorted(set(known) - {r.id for r in rules})),
        },
    }


def show_config_text(paths: list[str], explicit: str | None, overrides: dict) -> str:
    import yaml

    from officekit.engine.rule import RuleError
    from officekit.errors import ConfigError

    documents = []
    for path in paths:
        if path != "-" and not os.path.exists(path):
            fail_usage(f"{path}: 文件不存在")
        try:
            documents.append(effective_config(path, explicit, overrides))
        except (RuleError, ConfigError) as exc:
            fail_usage(f"规则或配置无法加载：{exc}")
    return yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False, width=110, explicit_start=True)


@click.group()
def config():
    """查看配置。"""


@config.command("show")
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("-c", "--config", "explicit", type=click.Path(exists=True, dir_okay=False), help="使用指定的配置文件")
@click.option("--select", multiple=True, help="同 check --select")
@click.option("--ignore", multiple=True, help="同 check --ignore")
def show(paths, explicit, select, ignore):
    """列出检查 FILE 时生效的配置（YAML）：找到的配置文件、select/ignore/severity、适用于该文件的
    suppress、目录遍历是否跳过它（exclude、.gitignore），以及最终运行的规则。"""
    from officekit.collect import collect

    click.echo(show_config_text(collect(list(paths)), explicit, {"select": select, "ignore": ignore}), nl=False)
