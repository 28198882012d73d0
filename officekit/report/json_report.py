"""The JSON report, schema `officekit/report@1` — a public interface: keep it stable, version changes."""

from __future__ import annotations

import json

from officekit import __version__

SCHEMA = "officekit/report@1"


def document_json(draft) -> dict | None:
    if draft is None:
        return None
    order = {"header": 0, "body": 1, "footer": 2}
    spans = sorted(draft.spans, key=lambda s: (order[s.part], s.block, s.start))
    return {
        "doctype": draft.doctype,
        "direction": draft.direction,
        "genre": draft.genre,
        "genre_reason": draft.genre_reason,
        "elements": [{"element": s.element, "text": s.text, "block": s.block, "part": s.part, "start": s.start,
                      "end": s.end, "why": s.why} for s in spans],
    }


def file_json(result, fail_on: str = "error") -> dict:
    return {
        "path": result.path,
        "status": result.status,
        "error": result.error,
        "document": document_json(result.draft) or {"doctype": None, "direction": None, "elements": []},
        "findings": [f.to_json() for f in result.findings],
        "summary": {**result.counts(), "gates": result.gate_verdicts(fail_on)},
    }


def report_json(results, fail_on: str = "error") -> dict:
    return {"schema": SCHEMA, "officekit_version": __version__, "files": [file_json(r, fail_on) for r in results]}


def render(results, options) -> str:
    return json.dumps(report_json(results, options.fail_on), ensure_ascii=False, indent=2) + "\n"
