"""JSON Lines: one finding a line (for grep, jq and log pipelines); an unreadable file is one line too.

Each line is a finding of the `officekit/report@1` schema plus "path"; key order is fixed."""

from __future__ import annotations

import json

from officekit.report.paths import display_path, sorted_findings


def render(results, options) -> str:
    lines = []
    for result in results:
        path = display_path(result.path)
        if result.status != "ok":
            lines.append({"path": path, "status": result.status, "error": result.error})
            continue
        for finding in sorted_findings(result):
            lines.append({"path": path, **finding.to_json()})
    return "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines)
