"""Check files: read → recognise → run rules.  One function a file; the CLI adds collection and output."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from officekit import limit, suppress
from officekit.config import load as config_load
from officekit.config.model import Config
from officekit.engine import genre_profile, runner
from officekit.engine.finding import GATES, SEVERITY_RANK, Finding
from officekit.engine.ruleset import active_rules
from officekit.errors import InputError
from officekit.fold import fold
from officekit.structure.model import Draft

from officekit.collect import CHECKED_SUFFIXES, LEGACY_SUFFIXES, OUTPUT_MARKERS, collect  # noqa: F401 (callers import them here)


@dataclass
class FileResult:
    path: str
    status: str = "ok"  # ok / error
    error: dict | None = None  # {"kind": str, "message": str}
    draft: Draft | None = None
    findings: list[Finding] = field(default_factory=list)
    suppress_used: list[tuple[str, str]] = field(default_factory=list)  # config (pattern, rule) entries that hid something
    below_min_severity: int = 0  # findings `check --min-severity` left out
    baselined: int = 0  # findings `check --baseline` left out as known: the report says how many

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def deciding(self, fail_on: str) -> list[Finding]:
        """The findings that decide the verdict at `fail_on`: guesses never do."""
        threshold = SEVERITY_RANK[fail_on]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= threshold and not f.guess]

    def gate_verdicts(self, fail_on: str = "error") -> dict[str, str]:
        failed = {f.gate for f in self.deciding(fail_on)}
        return {g: ("fail" if g in failed else "pass") for g in GATES}

    def fails(self, fail_on: str) -> bool:
        return bool(self.deciding(fail_on))


def config_for(path: str, explicit: str | None = None, overrides: dict | None = None) -> Config:
    if explicit:
        config = config_load.load(str(Path(explicit).resolve()))
    else:
        start = Path.cwd() if path == "-" else Path(path)
        found = config_load.discover(start)
        config = config_load.load(str(found) if found else None)
    if overrides:
        config = apply_overrides(config, overrides)
    return config


def apply_overrides(config: Config, overrides: dict) -> Config:
    """Command-line --select/--ignore add to (and --select replaces) what the file says."""
    import dataclasses

    changes = {}
    if overrides.get("select"):
        changes["select"] = list(overrides["select"])
    if overrides.get("ignore"):
        changes["ignore"] = config.ignore + list(overrides["ignore"])
    return dataclasses.replace(config, **changes) if changes else config


def check_document(document, config: Config) -> tuple[Draft, list[Finding]]:
    from officekit.structure import recognize

    draft = recognize(document)
    rules = active_rules(config)
    findings, _ = genre_profile.apply(draft, runner.run(draft, rules, config), rules, config)
    return draft, limit.apply(fold(findings, rules, draft), rules)  # one defect, one finding; per-rule limits


def check_file(path: str, config_path: str | None = None, overrides: dict | None = None,
               stdin_data: bytes | None = None) -> FileResult:
    from officekit.document import read
    from officekit.document.text_reader import read_bytes

    result = FileResult(path=path)
    try:
        config = config_for(path, config_path, overrides)
        document = read_bytes(stdin_data, "-") if path == "-" and stdin_data is not None else read(path)
        result.draft, result.findings = check_document(document, config)
        used: set[tuple[str, str]] = set()
        result.findings = suppress.apply(path, result.findings, config, result.draft, used)
        result.suppress_used = sorted(used)
    except InputError as exc:
        result.status, result.error = "error", {"kind": exc.kind, "message": exc.message}
    return result
