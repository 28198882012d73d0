"""Reports at scale (officekit/report/stream.py): results spooled to disk, reports written file by file —
and every report byte-identical with the one `render()` builds whole from the same results."""

from __future__ import annotations

import io
import os

import pytest
from output_helpers import EXAMPLE, run_cli
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.report import ReportOptions, renderer
from officekit.report.stream import Spool, write_report

EVERY_FORMAT = ["json", "jsonl", "sarif", "github", "junit", "gitlab", "html", "text"]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Three drafts (two with findings in body and footer, one unreadable), checked inside their folder."""
    root = tmp_path_factory.mktemp("drafts")
    place(FAULTY_NOTICE, root / "一 通知.docx")
    place(EXAMPLE, root / "sub" / "请示.docx")
    (root / "坏.docx").write_bytes(b"no zip at all")
    old = os.getcwd()
    os.chdir(root)
    try:
        yield root, [check_file(p) for p in ["一 通知.docx", "坏.docx", "sub/请示.docx"]]
    finally:
        os.chdir(old)


def spooled(results) -> Spool:
    spool = Spool()
    for result in results:
        spool.append(result)
    return spool


def streamed(fmt, results) -> str:
    out = io.StringIO()
    write_report(fmt, spooled(results), ReportOptions(), out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", EVERY_FORMAT)
@pytest.mark.parametrize("which", ["all", "one", "none"])
def test_streamed_report_is_byte_identical(checked, fmt, which):
    _, results = checked
    subset = {"all": results, "one": results[:1], "none": []}[which]
    assert streamed(fmt, subset) == renderer(fmt)(subset, ReportOptions())


def test_the_drafts_under_test_have_findings_and_an_unreadable_file(checked):
    _, results = checked
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[0].findings and results[2].findings
    assert any(f.location.part == "footer" for f in results[0].findings)


def test_spool_gives_results_back_in_order_with_their_drafts(checked):
    _, results = checked
    spool = spooled(results)
    assert len(spool) == 3
    for _ in range(2):  # as often as asked
        back = list(spool)
        assert [r.path for r in back] == [r.path for r in results]
        assert [[f.to_json() for f in r.findings] for r in back] == [[f.to_json() for f in r.findings] for r in results]
        assert back[0].draft.doctype == results[0].draft.doctype
        assert back[1].draft is None


def test_a_change_made_while_iterating_is_kept(checked):
    """What the CLI does to results after checking (the baseline drops findings) must stick."""
    _, results = checked
    spool = spooled(results)
    kept_rule = results[0].findings[0].rule
    for result in spool:
        result.findings = [f for f in result.findings if f.rule == kept_rule]
    again = list(spool)
    assert {f.rule for f in again[0].findings} == {kept_rule}
    assert all(f.rule == kept_rule for f in again[2].findings)
    assert again[0].draft is not None  # the draft is still there


def test_spool_plus_list_reports_both(checked):
    _, results = checked
    chained = spooled(results[:1]) + results[1:]
    assert len(chained) == 3
    assert [r.path for r in chained] == [r.path for r in results]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_cli_streams_the_same_report_to_a_file(checked, fmt):
    root, results = checked
    target = root / f"report.{fmt}"
    outcome = run_cli("check", "-f", fmt, "-o", target, "一 通知.docx", "坏.docx", "sub/请示.docx")
    assert outcome.exit_code == 2  # one file could not be read
    assert target.read_text(encoding="utf-8") == renderer(fmt)(results, ReportOptions())
    assert not [p.name for p in root.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_cli_refuses_an_existing_output_before_checking(checked):
    root, _ = checked
    target = root / "exists.json"
    target.write_text("keep me", encoding="utf-8")
    outcome = run_cli("check", "-f", "json", "-o", target, "一 通知.docx")
    assert outcome.exit_code == 2
    assert "--force" in outcome.output
    assert target.read_text(encoding="utf-8") == "keep me"
