"""Find and read `.officekit.yaml`: the closest one walking up from each checked file, or --config."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from officekit.config.model import Config
from officekit.engine.finding import SEVERITIES
from officekit.engine.loader import parse_yaml
from officekit.engine.rule import RuleError
from officekit.errors import ConfigError

CONFIG_NAME = ".officekit.yaml"
KEYS = {"extends", "select", "ignore", "severity", "rules", "rule_files", "wordlists", "words", "profile", "fail_on",
        "suppress", "override", "exclude", "departments"}
# what `override:` may change of a rule: its wording, and how many findings a draft gets from it
OVERRIDE_KEYS = {"message": str, "suggestion": str, "limit": int, "wording": dict}


def discover(start: Path) -> Path | None:
    """The nearest .officekit.yaml in `start`'s folder or above it."""
    folder = start if start.is_dir() else start.parent
    return _discover_in(str(folder.resolve()))


@lru_cache(maxsize=1024)
def _discover_in(folder: str) -> Path | None:
    here = Path(folder)
    for d in (here, *here.parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=64)
def load(path: str | None) -> Config:
    if path is None:
        return Config()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取配置文件：{exc}") from None
    try:
        data = parse_yaml(text, str(p))
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    return from_mapping(data or {}, p)


def from_mapping(data: Any, path: Path) -> Config:
    where = f"{path}:{getattr(data, 'line', 1)}"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: 配置应为映射（key: value）")
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(f"{where}: 未知的配置项：{', '.join(sorted(unknown))}（可用：{', '.join(sorted(KEYS))}）")
    base = path.parent

    def strings(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} 应为字符串列表")
        return value

    def local(p: str) -> str:
        return str((base / p).resolve())

    extends = [e if e == "default" or "/" not in e and not e.endswith((".yaml", ".yml")) else local(e)
               for e in strings("extends")] or ["default"]
    severity = data.get("severity", {}) or {}
    if isinstance(severity, dict):  # YAML 1.1 reads a bare `off` as false: `F241: off` means off
        severity = {k: "off" if v is False else v for k, v in severity.items()}
    if not isinstance(severity, dict) or any(v not in SEVERITIES + ("off",) for v in severity.values()):
        raise ConfigError(f"{where}: severity 应为“规则编号或前缀: error/warning/info/off”的映射")
    wordlists = data.get("wordlists", {}) or {}
    words = data.get("words", {}) or {}
    if not isinstance(wordlists, dict) or not isinstance(words, dict):
        raise ConfigError(f"{where}: wordlists 和 words 应为“词表名: 文件/词语列表”的映射")
    rules = data.get("rules", []) or []
    if not isinstance(rules, list):
        raise ConfigError(f"{where}: rules 应为规则列表")
    profile = data.get("profile", {}) or {}
    if not isinstance(profile, dict):
        raise ConfigError(f"{where}: profile 应为映射")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{where}: fail_on 应为 error/warning/info")
    suppress = data.get("suppress", {}) or {}
    if not isinstance(suppress, dict) or not all(
            isinstance(v, (str, list)) and all(isinstance(x, str) for x in ([v] if isinstance(v, str) else v))
            for v in suppress.values()):
        raise ConfigError(f"{where}: suppress 应为“文件或通配符: 规则编号列表”的映射")
    override = _override(data.get("override", {}) or {}, where)
    departments = data.get("departments", {}) or {}
    if not isinstance(departments, dict) or not all(
            isinstance(v, (str, list)) and all(isinstance(x, str) for x in ([v] if isinstance(v, str) else v))
            for v in departments.values()):
        raise ConfigError(f"{where}: departments 应为“科室: 文件或通配符列表”的映射")
    return Config(
        path=str(path), extends=extends, select=strings("select"), ignore=strings("ignore"),
        severity={str(k): v for k, v in severity.items()}, rule_files=[local(f) for f in strings("rule_files")],
        rules=rules,
        wordlists={str(k): [local(f) for f in ([v] if isinstance(v, str) else v)] for k, v in wordlists.items()},
        words={str(k): [str(w) for w in ([v] if isinstance(v, str) else v)] for k, v in words.items()},
        profile=dict(profile), fail_on=fail_on,
        suppress={str(k): [v] if isinstance(v, str) else list(v) for k, v in suppress.items()},
        override=override,
        exclude=strings("exclude"),
        departments={str(k): [v] if isinstance(v, str) else list(v) for k, v in departments.items()},
    )


def _override(data: Any, where: str) -> dict[str, dict[str, Any]]:
    """`override: {F201: {message: …, suggestion: …, limit: 3}}` — the ids are checked against the rules
    later (config/validate.py), the shape here."""
    shape = f"{where}: override 应为“规则编号: {{message/suggestion/limit: …}}”的映射"
    if not isinstance(data, dict):
        raise ConfigError(shape)
    out: dict[str, dict[str, Any]] = {}
    for rule_id, change in data.items():
        if not isinstance(change, dict) or not change:
            raise ConfigError(shape)
        for key, value in change.items():
            kind = OVERRIDE_KEYS.get(key)
            if kind is None:
                raise ConfigError(f"{where}: override 中 {rule_id} 的 {key!r} 不能改（可改：{'、'.join(OVERRIDE_KEYS)}）")
            if kind is dict:  # wording: case → sentence
                if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                    raise ConfigError(f"{where}: override 中 {rule_id} 的 wording 应为“情形: 说法”的映射")
            elif not isinstance(value, kind) or isinstance(value, bool) or (kind is int and value < 1):
                what = "正整数" if kind is int else "文字"
                raise ConfigError(f"{where}: override 中 {rule_id} 的 {key} 应为{what}")
        out[str(rule_id)] = dict(change)
    return out
