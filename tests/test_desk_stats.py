"""The 错情周报 (officekit/desk/stats.py, history.py, stats_report.py; `officekit stats`) on a generated git
repository of drafts with commits on known dates, and on a plain folder by file times."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from output_helpers import run_cli
from sample_drafts import faulty_notice

from officekit.check import check_file
from officekit.desk.history import Period, arrivals
from officekit.desk.stats import COUNTED_SEVERITIES, NO_DEPARTMENT, build_report, tables

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")

WEEK = Period(date(2026, 11, 9), date(2026, 11, 15))
LAST_WEEK = Period(date(2026, 11, 2), date(2026, 11, 8))


def _typos(n: int) -> str:
    """A plain-text draft with the misspelling 布署 (W301, an error) n times."""
    return "".join(f"第{i + 1}项工作要认真布署，按时完成。\n" for i in range(n)) or "各项工作按时完成。\n"


def _commit(repo: Path, when: str, files: dict[str, str | Path | None], message: str) -> None:
    """Write (text, or a copy of a built .docx) or delete each file, then commit at `when` (ISO, with zone)."""
    for name, content in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.unlink()
        elif isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "起草人",
           "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "起草人", "GIT_COMMITTER_EMAIL": "a@example.org"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", message], check=True, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Two weeks of an office's drafts:

    last week  11-03  综合科/甲.txt (1 typo), 财务科/乙.docx (the faulty notice)
    this week  11-09 00:30 +08:00 (still 11-08 in UTC)  综合科/甲.txt now 3 typos; 财务科/丙.txt (2 typos)
               11-12  甲.txt corrected (a later version in the same week: not counted again)
               11-14  根.txt at the top (1 typo); 综合科/甲.审阅.docx (officekit's own output: never counted)
    next week  11-20  丙.txt changed again (outside both weeks)
    never committed: 财务科/草稿箱.txt
    """
    repo = tmp_path_factory.mktemp("drafts")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    notice = faulty_notice(tmp_path_factory.mktemp("built"))
    _commit(repo, "2026-11-03T10:00:00+08:00", {"综合科/甲.txt": _typos(1), "财务科/乙.docx": notice}, "上周")
    _commit(repo, "2026-11-09T00:30:00+08:00", {"综合科/甲.txt": _typos(3), "财务科/丙.txt": _typos(2)}, "本周一")
    _commit(repo, "2026-11-12T15:00:00+08:00", {"综合科/甲.txt": _typos(0)}, "改正")
    _commit(repo, "2026-11-14T09:00:00+08:00", {"根.txt": _typos(1), "综合科/甲.审阅.docx": notice}, "周五")
    _commit(repo, "2026-11-20T09:00:00+08:00", {"财务科/丙.txt": _typos(4)}, "下周")
    (repo / "财务科" / "草稿箱.txt").write_text(_typos(5), encoding="utf-8")
    return repo


def _counted(path: Path, **_) -> dict[str, int]:
    """What `officekit check` counts as problems in one file (errors and warnings, no guesses), by gate."""
    out: dict[str, int] = {}
    for f in check_file(str(path)).findings:
        if not f.guess and f.severity in COUNTED_SEVERITIES:
            out[f.gate] = out.get(f.gate, 0) + 1
    return out


def test_each_draft_counts_once_as_first_committed_in_the_period(repo):
    found = {v.relative: (v.day, v.data.decode("utf-8", "replace")) for v in arrivals(repo, WEEK)}
    assert sorted(found) == ["根.txt", "综合科/甲.txt", "财务科/丙.txt"]
    assert found["综合科/甲.txt"] == (date(2026, 11, 9), _typos(3))  # the committer's calendar, +08:00
    assert found["财务科/丙.txt"][1] == _typos(2)
    assert sorted(v.relative for v in arrivals(repo, LAST_WEEK)) == ["综合科/甲.txt", "财务科/乙.docx"]
    assert [v.relative for v in arrivals(repo / "财务科", WEEK)] == ["丙.txt"]  # a sub-folder alone
    assert [v.relative for v in arrivals(repo / "财务科" / "丙.txt", WEEK)] == ["丙.txt"]  # one file
    assert arrivals(repo / "财务科" / "乙.docx", WEEK) == []  # committed last week only


def test_the_counts_by_rule_department_and_gate(repo, tmp_path):
    report = build_report([repo], WEEK)
    now, before = report.current, report.previous
    assert (now.drafts, before.drafts) == (3, 2)
    assert (now.by_rule["W301"], before.by_rule["W301"]) == (6, 1 + 1)  # 3 + 2 + 1; 1 + the notice's 布署
    assert dict(now.drafts_by_department) == {"综合科": 1, "财务科": 1, NO_DEPARTMENT: 1}
    assert dict(before.drafts_by_department) == {"综合科": 1, "财务科": 1}
    # every other count is what `officekit check` finds in those versions, added up
    (tmp_path / "甲.txt").write_text(_typos(3), encoding="utf-8")
    (tmp_path / "丙.txt").write_text(_typos(2), encoding="utf-8")
    (tmp_path / "根.txt").write_text(_typos(1), encoding="utf-8")
    per_file = {name: _counted(tmp_path / name) for name in ("甲.txt", "丙.txt", "根.txt")}
    assert now.by_department["综合科"] == sum(per_file["甲.txt"].values())
    assert now.by_department[NO_DEPARTMENT] == sum(per_file["根.txt"].values())
    assert {g: n for g, n in now.by_gate.items() if n} == {
        g: sum(c.get(g, 0) for c in per_file.values()) for g in ("政策关", "格式关", "文字关")
        if sum(c.get(g, 0) for c in per_file.values())}
    notice = _counted(repo / "财务科" / "乙.docx")
    assert before.by_department["财务科"] == sum(notice.values())
    assert before.returned == 2 and now.returned == 3  # every draft here has an error


def test_the_markdown_report_shows_both_weeks_and_the_change(repo):
    result = run_cli("stats", repo, "--since", "2026-11-09", "--until", "2026-11-15")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# 错情周报\n")
    assert "统计期：2026-11-09 至 2026-11-15（7 天）；对比上期：2026-11-02 至 2026-11-08。" in text
    assert "| 送审草稿（份） | 3 | 2 | +1（+50%） |" in text
    assert "| W301 错别字（文字关） | 6 | 2 | +4（+200%） |" in text
    assert f"| {NO_DEPARTMENT}（本期 1 份） |" in text


def test_csv_holds_one_row_a_count(repo):
    result = run_cli("stats", repo, "--since", "2026-11-09", "--until", "2026-11-15", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    w301 = next(r for r in rows if r["table"] == "rules" and r["key"] == "W301")
    assert (w301["current"], w301["previous"], w301["change"]) == ("6", "2", "4")
    drafts = next(r for r in rows if r["table"] == "overview" and r["key"] == "drafts")
    assert (drafts["current"], drafts["previous"], drafts["period"]) == ("3", "2", "2026-11-09 至 2026-11-15")


def test_the_html_page_is_self_contained_with_svg_bars(repo, tmp_path):
    target = tmp_path / "周报.html"
    result = run_cli("stats", repo, "--since", "2026-11-09", "--until", "2026-11-15", "-f", "html", "-o", target)
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "@media print" in page
    report = build_report([repo], WEEK)
    charted = [t for t in tables(report) if t.slug != "overview"]
    assert page.count("<svg") == sum(1 for t in charted if t.rows)
    # two bars a row (this week, last week) in every chart
    assert page.count("<rect") == 2 * sum(min(len(t.rows), 15) if t.slug == "rules" else len(t.rows) for t in charted)


def test_a_plain_folder_is_counted_by_file_times(tmp_path):
    (tmp_path / "办公室").mkdir()
    files = {"办公室/一.txt": (_typos(2), "2026-11-10"), "办公室/二.txt": (_typos(1), "2026-11-05"),
             "三.txt": (_typos(4), "2026-11-30"), "README.md": (_typos(3), "2026-11-10"),
             "办公室/一.意见单.docx": (_typos(3), "2026-11-10")}  # neither is a draft
    for name, (text, day) in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        stamp = datetime.fromisoformat(f"{day}T12:00:00").timestamp()
        os.utime(tmp_path / name, (stamp, stamp))
    report = build_report([tmp_path], WEEK)
    assert (report.current.drafts, report.previous.drafts) == (1, 1)
    assert (report.current.by_rule["W301"], report.previous.by_rule["W301"]) == (2, 1)
    assert report.sources == [f"{tmp_path}（文件修改时间）"]


def test_departments_can_come_from_a_mapping_file(repo, tmp_path):
    mapping = tmp_path / "科室.yaml"
    mapping.write_text("办公室: ['根.txt', '综合科/*']\n", encoding="utf-8")
    result = run_cli("stats", repo, "--since", "2026-11-09", "--until", "2026-11-15", "-f", "csv",
                     "--departments", mapping)
    departments = {r["key"]: r["current"] for r in csv.DictReader(io.StringIO(result.stdout))
                   if r["table"] == "departments"}
    assert set(departments) == {"办公室", "财务科"}


def test_bad_arguments_are_usage_errors(repo, tmp_path):
    assert run_cli("stats").exit_code == 2
    missing = run_cli("stats", tmp_path / "无此目录")
    assert missing.exit_code == 2 and "无此目录: 文件或目录不存在" in missing.stderr
    backwards = run_cli("stats", repo, "--since", "2026-11-15", "--until", "2026-11-09")
    assert backwards.exit_code == 2 and "晚于" in backwards.stderr
    assert run_cli("stats", repo, "--since", "11/09").exit_code == 2
    bad_map = tmp_path / "坏.yaml"
    bad_map.write_text("- 不是映射\n", encoding="utf-8")
    result = run_cli("stats", repo, "--departments", bad_map)
    assert result.exit_code == 2 and "科室对照表" in result.stderr


def test_departments_can_come_from_the_officekit_yaml(tmp_path):
    (tmp_path / "收文").mkdir()
    (tmp_path / ".officekit.yaml").write_text("departments:\n  督查室: 收文/督查*\n", encoding="utf-8")
    for name in ("收文/督查通报.txt", "收文/会议通知.txt"):
        (tmp_path / name).write_text(_typos(1), encoding="utf-8")
        stamp = datetime.fromisoformat("2026-11-10T12:00:00").timestamp()
        os.utime(tmp_path / name, (stamp, stamp))
    assert dict(build_report([tmp_path], WEEK).current.drafts_by_department) == {"督查室": 1, "收文": 1}
    mapping = {"办公室": ["收文/*"]}  # a mapping file given on the command line comes first
    assert dict(build_report([tmp_path], WEEK, mapping=mapping).current.drafts_by_department) == {"办公室": 2}


def test_an_unreadable_draft_is_counted_and_named_not_a_traceback(tmp_path):
    (tmp_path / "坏.docx").write_bytes(b"not a zip at all")
    stamp = datetime.fromisoformat("2026-11-10T12:00:00").timestamp()
    os.utime(tmp_path / "坏.docx", (stamp, stamp))
    result = run_cli("stats", tmp_path, "--since", "2026-11-09", "--until", "2026-11-15")
    assert result.exit_code == 0, result.output
    assert "| 无法读取（份） | 1 | 0 | +1（上期为 0） |" in result.stdout
    assert "本期无法读取的草稿：坏.docx。" in result.stdout
