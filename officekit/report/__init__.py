"""Report formats: one module a format, each with `render(results, options) -> str`.

`results` is a list of officekit.check.FileResult; `options` a ReportOptions."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# format name → module in this package
FORMATS = {
    "text": "terminal",
    "json": "json_report",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
    "concise": "concise",
}


@dataclass
class ReportOptions:
    color: bool = False
    fail_on: str = "error"
    width: int | None = None
    show_source: bool = True
    show_structure: bool = False  # print every block with its 要素 and the evidence that decided it
    quiet: bool = False  # the findings only: no summary, no file that has none (ruff's --quiet)


def renderer(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").render
