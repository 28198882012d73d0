"""The resolved configuration of one checked file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Config:
    path: str | None = None  # the .officekit.yaml it came from, None for the built-in defaults
    extends: list[str] = field(default_factory=lambda: ["default"])
    select: list[str] = field(default_factory=list)  # ids or prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # id or prefix → error/warning/info/off
    rule_files: list[str] = field(default_factory=list)  # extra rule files of the same schema
    rules: list[dict] = field(default_factory=list)  # extra rules written inline
    wordlists: dict[str, list[str]] = field(default_factory=dict)  # list name → extra files (absolute)
    words: dict[str, list[str]] = field(default_factory=dict)  # list name → extra entries inline
    profile: dict[str, Any] = field(default_factory=dict)  # format settings an office may change
    fail_on: str | None = None
    suppress: dict[str, list[str]] = field(default_factory=dict)  # file glob (relative to the config) → rule ids
    exclude: list[str] = field(default_factory=list)  # file globs (relative to the config) a folder walk skips
    departments: dict[str, list[str]] = field(default_factory=dict)  # 科室 → file globs (relative to the config), for stats
    # rule id → the office's own wording and limit for it: {message, suggestion, limit}
    override: dict[str, dict[str, Any]] = field(default_factory=dict)
