"""`officekit rules` and `officekit explain ID`."""

from __future__ import annotations

import string
import sys

import click
import yaml

from officekit.cli.common import fail_usage

MESSAGES_SHOWN = 3  # distinct messages shown under one failing example in `explain`


def _rules(config_path):
    return _load(config_path)[1]


def _load(config_path):
    """The configuration in force here (or --config) and the rules it makes active."""
    from officekit.check import config_for
    from officekit.engine.rule import RuleError
    from officekit.engine.ruleset import OPT_IN_STATUSES, active_rules, all_rules
    from officekit.errors import ConfigError

    try:
        config = config_for(".", config_path)
        active = active_rules(config)
        # preview and deprecated rules are listed and explained (marked) though they run only when named
        running = {r.id for r in active}
        waiting = [r for r in all_rules(config) if r.status in OPT_IN_STATUSES and r.id not in running]
        return config, sorted(active + waiting, key=lambda r: r.id)
    except (RuleError, ConfigError) as exc:
        fail_usage(f"规则或配置无法加载：{exc}")


@click.command()
@click.option("--gate", type=click.Choice(["政策关", "格式关", "文字关"]), help="只列这个关口的规则")
@click.option("--element", help="只列作用于这个要素的规则（如 发文字号）")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False))
@click.option("--types", "show_types", is_flag=True, help="列出规则类型及其参数（编写本单位规则时用）")
def rules(gate, element, config, show_types):
    """列出规则：编号、关口、级别、要素、名称、依据。"""
    if show_types:
        _print_types()
        return
    shown = 0
    for r in _rules(config):
        if gate and r.gate != gate:
            continue
        if element and element not in r.elements:
            continue
        scope = "、".join(r.elements) or "全文"
        status = f"  [{STATUS_SHOWN[r.status]}]" if r.status != "stable" else ""
        click.echo(f"{r.id}  {r.gate}  {r.severity:<7}  {scope:<12}  {r.name}  （{r.source}）{status}")
        shown += 1
    click.echo(f"共 {shown} 条规则", err=True)


@click.command()
@click.argument("rule_id")
@click.option("-c", "--config", type=click.Path(exists=True, dir_okay=False))
def explain(rule_id, config):
    """说明一条规则：作用、依据和示例。"""
    office_config, active = _load(config)
    found = [r for r in active if r.id == rule_id.upper() or rule_id.upper() in r.former_ids]
    if not found:
        fail_usage(f"没有编号为 {rule_id} 的规则（officekit rules 可列出全部规则）")
    r = found[0]
    from officekit.engine import types

    gate = getattr(types.get_type(r.type), "GATE_SHOWN", r.gate)  # a suppression note takes its rule's gate
    kind = types.canonical_name(r.type)
    shown_type = r.type if kind == r.type else f"{r.type}（即 {kind}）"  # a rule written under an alias
    out = [f"{r.id}  {r.name}", f"关口：{gate}    级别：{r.severity}    类型：{shown_type}",
           f"要素：{'、'.join(r.elements) or '全文'}"]
    if r.doctypes:
        out.append(f"文种：{_scope(r.doctypes)}")
    if r.directions:
        out.append(f"行文方向：{_scope(r.directions)}")
    if r.status != "stable":
        out.append(f"状态：{STATUS_SHOWN[r.status]}（只在按编号 {r.id} 选用时运行）")
    if r.former_ids:
        out.append(f"旧编号：{'、'.join(r.former_ids)}（仍可用于选用、忽略和配置）")
    if r.limit:
        out.append(f"每份草稿最多报告：{r.limit} 处")
    out += [f"依据：{r.source}", f"说明：{r.message if _has_wording(r.message) else '随问题而定（见示例下的“报告”）'}"]
    if r.description:
        out += ["", r.description.rstrip()]
    out += ["", "示例："]
    for ex in r.examples:
        if "fail" in ex:
            line = f"  ✘ {_show(ex['fail'])}"
            if "fix" in ex:
                line += f"  →  {_show(ex['fix'])}"
            out.append(line)
            out += [f"      报告：{m}" for m in _reported(r, ex, office_config)]
        else:
            out.append(f"  ✔ {_show(ex['pass'])}")
    out.append(f"\n定义于：{r.origin}")
    sys.stdout.write("\n".join(out) + "\n")


STATUS_SHOWN = {"preview": "试行", "deprecated": "已弃用"}


def _has_wording(template: str) -> bool:
    """Whether a message template says anything itself, not only `{problem}` filled in by the check."""
    try:
        return any(literal.strip() for literal, *_ in string.Formatter().parse(template))
    except ValueError:  # a stray brace: the template is shown as written, as `fill` leaves it
        return True


def _reported(rule, example, config) -> list[str]:
    """What the rule says on a failing example, as a report would (the message may come from the check)."""
    from officekit.engine.examples import run_example

    _, findings = run_example(rule, example, config)
    return list(dict.fromkeys(f.message for f in findings))[:MESSAGES_SHOWN]


def _print_types() -> None:
    """Each rule type with what its module says of itself and the keys it takes."""
    from officekit.engine import types

    for name in types.type_names():
        module = types.get_type(name)
        doc = (module.__doc__ or "").strip()
        click.echo(f"── {name}")
        if doc:
            click.echo(doc)
        _echo_params(getattr(module, "PARAMS", {}))
        for alias in types.aliases_of(name):  # an alias takes the type's keys, some renamed or defaulted
            click.echo(f"  别名 {alias}：")
            _echo_params(types.get_type(alias).PARAMS)
        click.echo("")


def _echo_params(params: dict) -> None:
    for key, param in params.items():
        need = "必填" if param.required else f"默认 {param.default!r}"
        click.echo(f"    {key} ({param.kind}, {need}){'：' + param.doc if param.doc else ''}")


def _scope(values) -> str:
    include = [v for v in values if not v.startswith("!")]
    exclude = [v[1:] for v in values if v.startswith("!")]
    return "、".join(include) + ("；" if include and exclude else "") + (f"除{'、'.join(exclude)}外" if exclude else "")


def _show(value) -> str:
    if isinstance(value, str):
        return value.rstrip("\n").replace("\n", " ⏎ ")
    return yaml.safe_dump(_plain(value), allow_unicode=True, default_flow_style=True, sort_keys=False,
                          width=10**6).strip()


def _plain(value):
    """The value with plain dicts and lists: the loader's mappings are a dict subclass (they remember
    their line) that yaml.safe_dump refuses to write."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
