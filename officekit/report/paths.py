"""How reports name files and places: repository-relative forward-slash paths, 第 N 段 labels."""

from __future__ import annotations

import os
from pathlib import Path

PART_NAME = {"body": "正文", "header": "页眉", "footer": "页脚"}


def display_path(path: str) -> str:
    """The path relative to the working directory when it lies inside it, always with forward slashes."""
    if path == "-":
        return "-"
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def region_path(finding) -> str:
    """A place as one phrase, e.g. 正文第3段 / 页脚第1段 (SARIF logical location, JUnit names)."""
    loc = finding.location
    label = f"{PART_NAME.get(loc.part, loc.part)}第{loc.block}段"
    if loc.start is not None and loc.end is not None and loc.end > loc.start:
        label += f"第{loc.start + 1}字"
    return label


def sorted_findings(result) -> list:
    from officekit.engine.finding import Finding

    return sorted(result.findings, key=Finding.sort_key)
