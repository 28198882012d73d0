"""Reports at scale: results kept on disk as they come, reports written piece by piece.

A batch of 10,000 drafts must not need 10,000 drafts' worth of memory.  Two pieces make the memory
of `officekit check` flat in the number of drafts:

- `Spool` keeps each file's result in a temporary file as soon as it is checked (its findings in one
  record, its recognised draft — by far the larger part — in another) and hands them back one at a
  time, as often as a report asks; a result's draft is read back only if a report looks at it.
- `write_report` writes the machine formats file by file (json, jsonl, sarif, junit, gitlab, github),
  byte for byte what their `render()` returns for the same results; the people formats (text, html,
  concise) are still rendered whole, over the spool.

The envelope of a JSON report (everything but its list of files or results) comes from the format's
own code, called with no files, so that keys other engineers add to it appear here unchanged.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
import xml.etree.ElementTree as ET
from contextlib import contextmanager

from officekit.check import FileResult

# A hole in a JSON envelope where the streamed list goes; no real report holds this string.
_HOLE = "\x00officekit-stream-hole\x00"
JSON_INDENT = 2  # every JSON report is dumped with indent=2


class _SpooledResult(FileResult):
    """A FileResult read back from the spool: its draft is loaded on first access, then kept as long
    as this object lives (a report looks at one file at a time)."""

    @property
    def draft(self):
        if self._draft is _NOT_LOADED:
            self._draft = self._spool._read(self._draft_at) if self._draft_at is not None else None
        return self._draft

    @draft.setter
    def draft(self, value):
        self._draft = value


_NOT_LOADED = object()
_SPOOL_ATTRIBUTES = ("_spool", "_draft_at", "_draft")  # what a result carries only while read back


class Spool:
    """Results in the order they were added, on disk; iterable any number of times, with len()."""

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="officekit-results-")
        self._end = 0
        self._records: list[tuple[tuple[int, int], tuple[int, int] | None]] = []  # (record, draft) places

    def _write(self, value) -> tuple[int, int]:
        return self._write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _write_bytes(self, data: bytes) -> tuple[int, int]:
        os.pwrite(self._file.fileno(), data, self._end)
        place = (self._end, len(data))
        self._end += len(data)
        return place

    def _read(self, place: tuple[int, int]):
        offset, size = place
        return pickle.loads(os.pread(self._file.fileno(), size, offset))

    def append(self, result: FileResult) -> None:
        draft = result.draft
        result.draft = None
        try:
            record = self._write(result)
        finally:
            result.draft = draft
        self._records.append((record, self._write(draft) if draft is not None else None))

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self):
        """Each result in turn.  A change a caller makes to one (e.g. the baseline dropping findings) is
        written back when the caller moves on, so the spool behaves like a list of results."""
        for number, (record, draft_at) in enumerate(self._records):
            stored = os.pread(self._file.fileno(), record[1], record[0])
            result = pickle.loads(stored)
            result.__class__ = _SpooledResult
            vars(result).pop("draft", None)
            result._spool, result._draft_at, result._draft = self, draft_at, _NOT_LOADED
            try:
                yield result
            finally:
                self._write_back(number, result, stored)

    def _write_back(self, number: int, result: _SpooledResult, stored: bytes) -> None:
        plain = object.__new__(FileResult)
        vars(plain).update((k, v) for k, v in vars(result).items() if k not in _SPOOL_ATTRIBUTES)
        plain.draft = None
        data = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
        if data != stored:
            record, draft_at = self._records[number]
            self._records[number] = (self._write_bytes(data), draft_at)

    def __add__(self, more: list) -> "_Chain":
        return _Chain(self, list(more))

    def close(self) -> None:
        self._file.close()


class _Chain:
    """The spool followed by a few more results (the configuration notes of the machine formats)."""

    def __init__(self, spool: Spool, more: list):
        self._spool, self._more = spool, more

    def __len__(self) -> int:
        return len(self._spool) + len(self._more)

    def __iter__(self):
        yield from self._spool
        yield from self._more


# ---------------------------------------------------------------- output

@contextmanager
def open_output(output: str | None, force: bool, inputs=()):
    """A text stream for the report: stdout, or a temporary file beside `output` renamed into place
    only once the report is whole (never a half-written report, never over an input)."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    from pathlib import Path

    from officekit.cli.common import check_output_path, new_file_mode

    check_output_path(output, force, inputs)
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; a report for colleagues must be readable
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_report(fmt: str, results, options, out) -> None:
    """Write the `fmt` report of `results` (any iterable, e.g. a Spool) to the text stream `out`."""
    streamed = _STREAMED.get(fmt)
    if streamed is None:
        from officekit.report import renderer

        out.write(renderer(fmt)(results, options))
    else:
        streamed(results, options, out)


def _indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.split("\n"))  # JSON strings hold no raw newline


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=JSON_INDENT)


def _json_around(envelope: dict, items, out) -> None:
    """Write `envelope` (whose one value _HOLE stands for a list) with `items` (dicts, one at a time) as
    that list, exactly as json.dumps(indent=2) writes the whole."""
    head, tail = _dumps(envelope).split(json.dumps(_HOLE))
    key_line = head.rsplit("\n", 1)[-1]
    depth = len(key_line) - len(key_line.lstrip(" "))  # the list closes at its key's indent
    _json_list(head, items, tail, depth, out)


def _json_list(head: str, items, tail: str, depth: int, out) -> None:
    first = True
    for item in items:
        out.write((head + "[\n") if first else ",\n")
        out.write(_indented(_dumps(item), depth + JSON_INDENT))
        first = False
    out.write((head + "[]") if first else ("\n" + " " * depth + "]"))
    out.write(tail + "\n")


def _json(results, options, out) -> None:
    from officekit.report import json_report

    envelope = json_report.report_json([], options.fail_on)
    envelope["files"] = _HOLE
    _json_around(envelope, (json_report.file_json(r, options.fail_on) for r in results), out)


def _per_file(module: str):
    """Formats whose report is the concatenation of each file's (jsonl, github)."""

    def write(results, options, out) -> None:
        from officekit.report import renderer

        render = renderer(module)
        for result in results:
            out.write(render([result], options))

    return write


def _gitlab(results, options, out) -> None:
    # Issue fingerprints hash the file's path, so making them unique file by file is making them
    # unique in the report (the same file given twice is the one case that differs).
    from officekit.report import gitlab

    _json_list("", (issue for r in results for issue in gitlab.report_issues([r])), "", 0, out)


def _sarif(results, options, out) -> None:
    """Two passes over the results: the rule table (which every result points into) first."""
    from officekit.report import sarif
    from officekit.report.paths import display_path, sorted_findings
    from urllib.parse import quote

    first: dict[str, object] = {}
    unreadable = []
    for result in results:
        if result.status != "ok":
            unreadable.append(FileResult(path=result.path, status=result.status, error=result.error))
        for f in result.findings:
            first.setdefault(f.rule, f)
    holder = FileResult(path="", findings=list(first.values()))  # carries one finding of each rule
    envelope = sarif.report_sarif(unreadable + [holder])
    index = {rule["id"]: number for number, rule in enumerate(envelope["runs"][0]["tool"]["driver"]["rules"])}
    envelope["runs"][0]["results"] = _HOLE

    def entries():
        for result in results:
            if result.status != "ok":
                continue
            path = quote(display_path(result.path), safe="/")
            for f in sorted_findings(result):
                yield sarif._result(path, f, index[f.rule])

    _json_around(envelope, entries(), out)


def _junit(results, options, out) -> None:
    """The root's totals come first: the suites wait in a temporary file meanwhile."""
    from officekit.report import junit

    totals = {"tests": 0, "failures": 0, "errors": 0}
    count = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8", prefix="officekit-junit-") as suites:
        for result in results:
            suite = junit._suite(result)
            for key in totals:
                totals[key] += int(suite.get(key))
            ET.indent(suite, level=1)
            suites.write("\n  " + ET.tostring(suite, encoding="unicode"))
            count += 1
        if not count:
            out.write(junit.render([], options))
            return
        root = ET.Element("testsuites", name="officekit")
        for key, value in totals.items():
            root.set(key, str(value))
        root.text = _HOLE
        head, tail = ET.tostring(root, encoding="unicode").split(_HOLE)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + head)
        suites.seek(0)
        for chunk in iter(lambda: suites.read(1 << 16), ""):
            out.write(chunk)
        out.write("\n" + tail + "\n")


_STREAMED = {
    "json": _json,
    "jsonl": _per_file("jsonl"),
    "github": _per_file("github"),
    "gitlab": _gitlab,
    "sarif": _sarif,
    "junit": _junit,
}

__all__ = ["Spool", "open_output", "write_report"]
