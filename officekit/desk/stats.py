"""The 错情周报: how many problems the drafts of a period had, by gate, rule, 要素 and 科室, against the
period before.

Which drafts and which version of each: see history.py (in a git repository, each draft once, as it was
first committed in the period; in a plain folder, the drafts modified in the period).  What is counted:
the problems a review asks the writer to fix — errors and warnings; 提示 (info) and guesses (the typo
detector's 疑似) are left out, they are not confirmed errors.  Each draft is checked with the settings
of its .officekit.yaml as it is now.

A draft's 科室 is the first sub-folder below the folder given (综合科/关于….docx → 综合科), unless a mapping
names it: a file given with `--departments` ({科室: [glob, …]} over the same relative paths) or the
`departments:` of the draft's .officekit.yaml (globs relative to that file).  First match wins.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from officekit.desk.history import DraftVersion, Period, arrivals
from officekit.engine.finding import GATES

COUNTED_SEVERITIES = ("error", "warning")
NO_DEPARTMENT = "顶层目录"  # a draft directly in the folder given


@dataclass
class Tally:
    """What one period's drafts held."""

    period: Period
    drafts: int = 0
    returned: int = 0  # drafts with a gate at 退回修改
    unreadable: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    by_gate: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_element: Counter = field(default_factory=Counter)
    by_department: Counter = field(default_factory=Counter)
    drafts_by_department: Counter = field(default_factory=Counter)
    rule_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (name, gate)

    @property
    def problems(self) -> int:
        return self.errors + self.warnings


@dataclass
class Report:
    """The two periods side by side, and where the drafts came from."""

    current: Tally
    previous: Tally
    sources: list[str]  # the folders counted, with how (git / 文件修改时间)


def department_of(relative: str, mapping: dict[str, list[str]] | None = None,
                  draft_path: str | None = None, config=None) -> str:
    """The 科室 of a draft: the mapping file's (globs over `relative`, the path below the folder given),
    else its .officekit.yaml's `departments:` (globs relative to that file, as in `suppress:`), else the
    first sub-folder.  First match wins."""
    named = _matching(mapping, relative)
    if named is None and config is not None and config.departments and config.path and draft_path:
        try:
            below_config = Path(draft_path).resolve().relative_to(Path(config.path).resolve().parent).as_posix()
        except ValueError:
            below_config = None
        named = _matching(config.departments, below_config) if below_config else None
    if named is not None:
        return named
    head, sep, _ = relative.partition("/")
    return head if sep else NO_DEPARTMENT


def _matching(mapping: dict[str, list[str]] | None, relative: str) -> str | None:
    from officekit.collect import matches

    for name, patterns in (mapping or {}).items():
        if any(matches(pattern, PurePosixPath(relative)) for pattern in patterns):
            return name
    return None


def load_departments(path: Path) -> dict[str, list[str]]:
    """A mapping file: 科室 name → a glob or a list of globs.  ConfigError when it is not one."""
    import yaml

    from officekit.errors import ConfigError

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: 无法读取科室对照表（{exc}）") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 科室对照表应为「科室: [通配符, …]」的映射")
    mapping = {}
    for name, patterns in data.items():
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ConfigError(f"{path}: 科室 {name} 的值应为通配符或通配符列表")
        mapping[str(name)] = patterns
    return mapping


def check_version(folder: Path, version: DraftVersion, config_path: str | None):
    """(FileResult, Config) for one draft version, checked as `officekit check` checks the file on disk."""
    from officekit import suppress
    from officekit.check import FileResult, check_document, config_for
    from officekit.document import read_bytes
    from officekit.errors import InputError

    path = str((folder if folder.is_dir() else folder.parent) / version.relative)
    result = FileResult(path=path)
    config = config_for(path, config_path)
    try:
        result.draft, findings = check_document(read_bytes(version.data, path), config)
        result.findings = suppress.apply(path, findings, config, result.draft)
    except InputError as exc:
        result.status, result.error = "error", {"kind": exc.kind, "message": exc.message}
    return result, config


def count(period: Period, folders: list[Path], config_path: str | None = None,
          mapping: dict[str, list[str]] | None = None, checked: dict | None = None) -> Tally:
    """The tally of one period over the folders given.  `checked` caches results by content, so a
    draft unchanged between the two periods is checked once."""
    tally = Tally(period)
    checked = {} if checked is None else checked
    for folder in folders:
        for version in arrivals(folder, period):
            key = (str(folder), version.relative, version.data)
            if key not in checked:
                checked[key] = check_version(folder, version, config_path)
            _add(tally, version, *checked[key], mapping)
    return tally


def _add(tally: Tally, version: DraftVersion, result, config, mapping) -> None:
    tally.drafts += 1
    department = department_of(version.relative, mapping, result.path, config)
    tally.drafts_by_department[department] += 1
    if result.status == "error":
        tally.unreadable.append(version.relative)
        return
    tally.returned += result.fails(config.fail_on or "error")
    for f in result.findings:
        if f.guess or f.severity not in COUNTED_SEVERITIES:
            continue
        tally.errors += f.severity == "error"
        tally.warnings += f.severity == "warning"
        tally.by_gate[f.gate] += 1
        tally.by_rule[f.rule] += 1
        tally.by_element[f.element] += 1
        tally.by_department[department] += 1
        tally.rule_names.setdefault(f.rule, (f.name, f.gate))


def build_report(folders: list[Path], period: Period, config_path: str | None = None,
                 mapping: dict[str, list[str]] | None = None) -> Report:
    from officekit.desk.history import git_root

    checked: dict = {}
    current = count(period, folders, config_path, mapping, checked)
    previous = count(period.previous(), folders, config_path, mapping, checked)
    sources = []
    for folder in folders:
        root = git_root(folder if folder.is_dir() else folder.parent)
        sources.append(f"{folder}（git 提交记录）" if root else f"{folder}（文件修改时间）")
    return Report(current, previous, sources)


# ---------------------------------------------------------------- the tables every format shows

@dataclass(frozen=True)
class Row:
    key: str  # rule id, gate, 要素, 科室 …
    label: str  # what a reader sees
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass(frozen=True)
class Table:
    slug: str  # for CSV and HTML anchors
    title: str
    rows: tuple[Row, ...]


def tables(report: Report) -> list[Table]:
    now, before = report.current, report.previous
    overview = (
        Row("drafts", "送审草稿（份）", now.drafts, before.drafts),
        Row("returned", "退回修改（份）", now.returned, before.returned),
        Row("problems", "问题合计（处）", now.problems, before.problems),
        Row("errors", "其中错误（处）", now.errors, before.errors),
        Row("warnings", "其中警告（处）", now.warnings, before.warnings),
        Row("unreadable", "无法读取（份）", len(now.unreadable), len(before.unreadable)),
    )
    gates = tuple(Row(g, g, now.by_gate[g], before.by_gate[g]) for g in GATES)
    names = {**before.rule_names, **now.rule_names}
    rules = tuple(Row(rule, f"{rule} {names[rule][0]}（{names[rule][1]}）", now.by_rule[rule], before.by_rule[rule])
                  for rule in _ranked(now.by_rule, before.by_rule))
    elements = tuple(Row(e, e, now.by_element[e], before.by_element[e])
                     for e in _ranked(now.by_element, before.by_element))
    seen = set(now.drafts_by_department) | set(before.drafts_by_department)
    departments = tuple(
        Row(d, f"{d}（本期 {now.drafts_by_department[d]} 份）", now.by_department[d], before.by_department[d])
        for d in _ranked(now.by_department, before.by_department, seen))
    return [
        Table("overview", "总体", overview),
        Table("gates", "按关口（问题处数）", gates),
        Table("departments", "按科室（问题处数）", departments),
        Table("rules", "按规则（问题处数）", rules),
        Table("elements", "按公文要素（问题处数）", elements),
    ]


def _ranked(now: Counter, before: Counter, also: set[str] = frozenset()) -> list[str]:
    """Keys counted in either period (and `also`): most this period first, then most last period,
    then by name."""
    keys = {k for k in set(now) | set(before) if now[k] or before[k]} | set(also)
    return sorted(keys, key=lambda k: (-now[k], -before[k], k))
