"""Load YAML rule files into validated `RuleSpec`s.

A rule file is a YAML list of rules (or a mapping with the key `rules`).  Everything about a rule is
checked here, so a broken rule fails at load time with its file and line, not silently at run time:
unknown keys, missing keys, bad values, regular expressions that do not compile, examples missing.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from officekit.engine import types as rule_types
from officekit.engine.finding import GATES, SEVERITIES
from officekit.engine.rule import RuleError, RuleSpec
from officekit.structure.model import ALL_ELEMENTS, DIRECTIONS, STATUTORY_DOCTYPES

COMMON_KEYS = {
    "id", "name", "type", "gate", "severity", "element", "doctype", "direction", "message",
    "suggestion", "source", "description", "examples", "defer", "supersedes", "status", "former_ids", "limit",
}
REQUIRED_KEYS = ("id", "name", "type", "gate", "severity", "message", "source", "examples")
EXAMPLE_KEYS = {"pass", "fail", "fix", "suggestion", "at", "count", "document", "message", "element", "note", "words"}
ID_PATTERN = regex.compile(r"^(?:[FPW]\d{3}|U\d{3,4})$")
# Built-in rules are F/P/W + three digits; an office's own rules take U + three or four digits, a range
# no built-in rule will ever use, so a new built-in rule can never collide with an office's (ruleset.py
# enforces both sides).
OFFICE_ID_PATTERN = regex.compile(r"^U\d{3,4}$")
STATUSES = ("stable", "preview", "deprecated")
NOTE_ID_PATTERN = regex.compile(r"^S\d{3}$")  # the suppression stage's notes (type suppression) only
# 文种 scope may also name the common non-statutory titles the recogniser reports.
DOCTYPE_NAMES = set(STATUTORY_DOCTYPES) | {"令", "请示报告", "汇报", "方案", "总结", "规划", "要点", "安排", "讲话", "简报"}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses ~6× faster when present
    """Safe YAML (no object construction from tags) that remembers where each mapping starts."""


class LineDict(dict):
    line: int = 0


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, origin: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{origin}:{mark.line + 1}" if mark else origin
        raise RuleError(f"YAML 语法错误：{getattr(exc, 'problem', None) or exc}", where) from None


def load_file(path: Path, pack: str = "") -> list[RuleSpec]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"无法读取规则文件：{exc}", str(path)) from None
    return load_text(text, str(path), pack)


def load_text(text: str, origin: str, pack: str = "") -> list[RuleSpec]:
    data = parse_yaml(text, origin)
    if data is None:
        return []
    if isinstance(data, dict) and "rules" in data:
        data = data["rules"]
    if not isinstance(data, list):
        raise RuleError("规则文件应为规则列表（或含 rules: 的映射）", f"{origin}:1")
    return [build_spec(item, origin, pack) for item in data]


def build_spec(item: Any, origin: str, pack: str = "") -> RuleSpec:
    line = getattr(item, "line", 0)
    where = f"{origin}:{line}" if line else origin
    if not isinstance(item, dict):
        raise RuleError("每条规则应为一个映射（key: value）", where)
    for key in REQUIRED_KEYS:
        if key not in item:
            raise RuleError(f"规则 {item.get('id', '?')} 缺少必填项 {key}", where)
    rid = str(item["id"])
    if not ID_PATTERN.match(rid) and not (NOTE_ID_PATTERN.match(rid) and item["type"] == "suppression"):
        raise RuleError(f"规则编号 {rid!r} 不合格式：内置规则为 F/P/W 加三位数字（如 F201），"
                        "本单位规则为 U 加三到四位数字（如 U001）", where)
    module = rule_types.get_type(str(item["type"]))
    if module is None:
        raise RuleError(f"规则 {rid} 的类型 {item['type']!r} 不存在；可用类型：{', '.join(rule_types.type_names())}", where)
    params_decl: dict = getattr(module, "PARAMS", {})
    unknown = set(item) - COMMON_KEYS - set(params_decl)
    if unknown:
        raise RuleError(f"规则 {rid} 有未知的键：{', '.join(sorted(unknown))}", where)
    if item["gate"] not in GATES:
        raise RuleError(f"规则 {rid} 的 gate 应为 {'/'.join(GATES)} 之一", where)
    if item["severity"] not in SEVERITIES:
        raise RuleError(f"规则 {rid} 的 severity 应为 {'/'.join(SEVERITIES)} 之一", where)

    elements = _str_tuple(item.get("element"), rid, "element", where)
    for e in elements:
        if e not in ALL_ELEMENTS:
            raise RuleError(f"规则 {rid} 的 element {e!r} 不是公文要素（{'、'.join(ALL_ELEMENTS)}）", where)
    # 文种 and 行文方向 scopes: a list of values, and `!value` for "every draft but these"
    doctypes = _str_tuple(item.get("doctype"), rid, "doctype", where)
    for d in doctypes:
        if d.removeprefix("!") not in DOCTYPE_NAMES:
            raise RuleError(f"规则 {rid} 的 doctype {d!r} 不是已知文种", where)
    directions = _str_tuple(item.get("direction"), rid, "direction", where)
    for d in directions:
        if d.removeprefix("!") not in DIRECTIONS:
            raise RuleError(f"规则 {rid} 的 direction {d!r} 应为 {'/'.join(DIRECTIONS)} 之一（或前加 ! 表示除外）", where)

    params = {}
    for key, decl in params_decl.items():
        if key in item:
            params[key] = _check_param(item[key], decl, rid, key, where)
        elif decl.required:
            raise RuleError(f"规则 {rid}（类型 {item['type']}）缺少必填项 {key}", where)
        else:
            params[key] = decl.default

    examples = item["examples"]
    _check_examples(examples, rid, where)
    spec = RuleSpec(
        id=rid, name=str(item["name"]), type=str(item["type"]), gate=item["gate"], severity=item["severity"],
        message=str(item["message"]), source=str(item["source"]), elements=elements, doctypes=doctypes,
        directions=directions, suggestion=_opt_str(item.get("suggestion")),
        description=_opt_str(item.get("description")), examples=list(examples), params=params,
        defer=_defer(item.get("defer", False), rid, where),
        supersedes=_str_tuple(item.get("supersedes"), rid, "supersedes", where),
        status=_status(item.get("status", "stable"), rid, where),
        former_ids=_former_ids(item.get("former_ids"), rid, where),
        limit=_limit(item.get("limit"), rid, where),
        origin=where, pack=pack,
    )
    try:
        spec.check = module.build(spec)
    except RuleError as exc:
        raise RuleError(exc.message, where) from None
    except Exception as exc:  # a type module that chokes on odd values still names the rule
        raise RuleError(f"规则 {rid} 无法构建：{type(exc).__name__}: {exc}", where) from None
    return spec


def _defer(value: Any, rid: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(f"规则 {rid} 的 defer 应为 true 或 false", where)
    return value


def _status(value: Any, rid: str, where: str) -> str:
    if value not in STATUSES:
        raise RuleError(f"规则 {rid} 的 status 应为 {'/'.join(STATUSES)} 之一", where)
    return value


def _former_ids(value: Any, rid: str, where: str) -> tuple[str, ...]:
    """Former ids of a renamed rule: each must look like an id, and none may be the rule's own."""
    former = _str_tuple(value, rid, "former_ids", where)
    for alias in former:
        if not ID_PATTERN.match(alias) or alias == rid:
            raise RuleError(f"规则 {rid} 的 former_ids 中 {alias!r} 不是另一个规则编号（F/P/W/U 加数字）", where)
    return former


def _limit(value: Any, rid: str, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RuleError(f"规则 {rid} 的 limit 应为正整数（每份草稿最多报告几处）", where)
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _str_tuple(value: Any, rid: str, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RuleError(f"规则 {rid} 的 {key} 应为字符串或字符串列表", where)


_KIND_CHECKS = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
    "regex": lambda v: isinstance(v, str),
    "any": lambda v: True,
}


def _check_param(value: Any, decl, rid: str, key: str, where: str) -> Any:
    if not _KIND_CHECKS[decl.kind](value):
        raise RuleError(f"规则 {rid} 的 {key} 类型不对（应为 {decl.kind}）", where)
    if decl.choices and value not in decl.choices:
        raise RuleError(f"规则 {rid} 的 {key} 应为 {', '.join(map(str, decl.choices))} 之一", where)
    if decl.kind == "regex":
        refuse_word_boundary(value, f"规则 {rid} 的 {key}", where)
        if not _trusted.get():
            compile_regex(value, f"规则 {rid} 的 {key}", where)
    return value


def refuse_word_boundary(pattern: str, what: str, where: str | None = None) -> None:
    """`\\b` asks for a word boundary, and Chinese has none the regex engine can see: every Han
    character is a word character, so `\\b` never matches between two of them and a rule written
    with it silently misses every Chinese match.  (`[\\b]` and `\\\\b` are other things and pass.)"""
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if pattern[i + 1:i + 2] == "b" and not in_class:
                raise RuleError(f"{what} 含有 \\b（单词边界）：中文的词与词之间没有正则表达式能识别的边界，"
                                "\\b 在两个汉字之间永远不匹配；请直接写出要匹配的文字，"
                                "需要时用 (?<!…)/(?!…) 写明前后不能是什么", where)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # []…] : a leading ] is a literal member
                i += 1
        elif ch == "]" and in_class:
            in_class = False
        i += 1


def compile_regex(pattern: str, what: str, where: str | None = None) -> regex.Pattern:
    """Compile with the `regex` module (V0 = re-compatible syntax); searches use a timeout.

    Inside `trusted_rules()` (the built-in packs, whose every pattern the test suite compiles and runs)
    a pattern is compiled when first used: a draft meets only some rules, and compiling all ~300
    patterns up front is a third of a cold start.  Anything else — an office's own rules — is
    compiled now, so that a broken pattern is a load error naming its file and line.
    """
    refuse_word_boundary(pattern, what, where)
    if _trusted.get():
        return _LazyPattern(pattern, what, where)  # type: ignore[return-value]
    return _compiled(pattern, what, where)


@lru_cache(maxsize=None)
def _compile_cached(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


def _compiled(pattern: str, what: str, where: str | None) -> regex.Pattern:
    try:
        return _compile_cached(pattern)
    except regex.error as exc:
        raise RuleError(f"{what} 不是合法的正则表达式：{exc}", where) from None


class _LazyPattern:
    """Stands in for a compiled pattern and compiles it on first use."""

    __slots__ = ("_source", "_what", "_where", "_pattern")

    def __init__(self, source: str, what: str, where: str | None):
        self._source, self._what, self._where, self._pattern = source, what, where, None

    def __getattr__(self, name: str):
        pattern = self._pattern
        if pattern is None:
            pattern = self._pattern = _compiled(self._source, self._what, self._where)
        return getattr(pattern, name)


_trusted: ContextVar[bool] = ContextVar("officekit_trusted_rules", default=False)


@contextmanager
def trusted_rules():
    """Load rules whose patterns are known to compile (the built-in packs): compile them lazily."""
    token = _trusted.set(True)
    try:
        yield
    finally:
        _trusted.reset(token)


def _check_examples(examples: Any, rid: str, where: str) -> None:
    if not isinstance(examples, list) or not examples:
        raise RuleError(f"规则 {rid} 缺少 examples（至少一个 fail 和一个 pass）", where)
    kinds = set()
    for ex in examples:
        if not isinstance(ex, dict) or not ({"pass", "fail"} & set(ex)):
            raise RuleError(f"规则 {rid} 的每个 example 应含 pass 或 fail", where)
        bad = set(ex) - EXAMPLE_KEYS
        if bad:
            raise RuleError(f"规则 {rid} 的 example 有未知的键：{', '.join(sorted(bad))}", where)
        kinds |= {"pass", "fail"} & set(ex)
    if kinds != {"pass", "fail"}:
        raise RuleError(f"规则 {rid} 的 examples 至少要有一个 fail 和一个 pass", where)
