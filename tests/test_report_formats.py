"""Report formats for CI: schema-valid, byte-identical across runs, every finding present."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from corpus import CORPUS_DOCX, corpus_param, requires_corpus
from output_helpers import EXAMPLE, run_cli
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.report import FORMATS, ReportOptions, renderer
from officekit.report.github import escape_data, escape_property, summary_markdown

HERE = Path(__file__).resolve().parent
# Where the workspace's two drafts come from: made-up ones run everywhere, corpus ones where ../shared is.
DRAFT_SETS = {
    "made-up": {"公文 一.docx": FAULTY_NOTICE, "drafts/倡议书.docx": EXAMPLE},
    "corpus": {
        "公文 一.docx": CORPUS_DOCX / "liuhanning__gongwen-formatter__demo_gongwen.docx",  # footer findings, spans, fixes
        "drafts/倡议书.docx": CORPUS_DOCX / "ario-dataset__ario-dataset.github.io__倡议书.docx",
    },
}
CI_FORMATS = ["json", "jsonl", "sarif", "github", "junit", "gitlab", "html", "text"]


@pytest.fixture(scope="module", params=["made-up", pytest.param("corpus", marks=requires_corpus)])
def workspace(request, tmp_path_factory):
    """A drafts folder with two drafts (one in a subfolder, names with spaces) and a broken file;
    the tests run inside it so reports carry relative paths."""
    root = tmp_path_factory.mktemp("repo")
    for target, source in DRAFT_SETS[request.param].items():
        place(source, root / target)
    (root / "drafts" / "坏文件.docx").write_bytes(b"this is no zip")
    old = os.getcwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(old)


def _check_all():
    return [check_file(p) for p in ["drafts/倡议书.docx", "drafts/坏文件.docx", "公文 一.docx"]]


@pytest.fixture(scope="module")
def results(workspace):
    return _check_all()


@pytest.fixture(scope="module")
def findings_count(results):
    return sum(len(r.findings) for r in results)


def render(fmt, results) -> str:
    return renderer(fmt)(results, ReportOptions())


def test_every_format_is_registered():
    assert set(CI_FORMATS) <= set(FORMATS)


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_byte_identical_across_runs(fmt, results, workspace):
    assert render(fmt, results) == render(fmt, _check_all())


def test_sarif_is_valid_2_1_0_with_rules_levels_fingerprints_regions(results, findings_count):
    schema = json.loads((HERE / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    sarif = json.loads(render("sarif", results))
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "officekit"
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert len(run["results"]) == findings_count
    expected = [(r.path, f) for r in results for f in sorted(r.findings, key=lambda f: f.sort_key())]
    for item, (path, f) in zip(run["results"], expected):
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"] == f.rule
        assert item["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        assert item["partialFingerprints"]["officekitFingerprint/v1"] == f.fingerprint
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == f.location.block
        if f.location.start is not None:
            assert region["startColumn"] == f.location.start + 1
        uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.isascii() and " " not in uri and not uri.startswith("/")
    assert {"drafts/%E5%80%A1%E8%AE%AE%E4%B9%A6.docx", "%E5%85%AC%E6%96%87%20%E4%B8%80.docx"} == {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "坏文件.docx" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_junit_has_unique_names_per_suite_and_counts(results, findings_count):
    root = ET.fromstring(render("junit", results).encode("utf-8"))
    assert root.tag == "testsuites" and int(root.get("failures")) == findings_count
    assert int(root.get("errors")) == 1
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["drafts/倡议书.docx", "drafts/坏文件.docx", "公文 一.docx"]
    for suite in suites:
        names = [case.get("name") for case in suite.findall("testcase")]
        assert len(names) == len(set(names)) == int(suite.get("tests"))
    first = suites[0].find("testcase")
    assert first.get("classname").startswith("drafts/倡议书.docx.") and first.find("failure") is not None
    assert suites[1].find("testcase/error").get("type") == "not-docx"


def test_junit_numbers_repeated_rule_at_one_place():
    from officekit.check import FileResult
    from officekit.engine.finding import Finding, Location

    def finding(message):
        return Finding("W101", "半角", "文字关", "error", "正文", message, None, Location("body", 3, 1, 2), "x", None, "f")

    xml = render("junit", [FileResult(path="a.docx", findings=[finding("一"), finding("二")])])
    names = [c.get("name") for c in ET.fromstring(xml).iter("testcase")]
    assert names == ["W101 正文第3段第2字", "W101 正文第3段第2字 #2"]


def test_github_annotations_one_per_finding_grouped_per_file(results, findings_count):
    lines = render("github", results).splitlines()
    commands = [line for line in lines if line.startswith(("::error file", "::warning file", "::notice file"))]
    assert len(commands) == findings_count + 1  # + the unreadable file
    assert lines.count("::endgroup::") == 2
    f = results[0].findings[0]
    first = next(line for line in commands if f"title=officekit {f.rule}" in line)
    assert f"file=drafts/倡议书.docx,line={f.location.block}" in first
    assert all("\n" not in line for line in commands)


def test_github_escaping():
    assert escape_data("100%\r\nok") == "100%25%0D%0Aok"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_github_chosen_automatically_with_step_summary(workspace, monkeypatch):
    summary = workspace / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli("check", "公文 一.docx")
    assert result.exit_code == 1
    assert "::group::officekit 公文 一.docx" in result.output
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## officekit 公文审核") and "| 级别 | 文件 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| 错误") or line.startswith("| 警告")]
    assert rows and rows[0].startswith("| 错误")  # errors first


def test_step_summary_counts(results):
    text = summary_markdown(results, ReportOptions())
    errors = sum(r.counts()["error"] for r in results)
    assert f"错误 {errors}" in text and "无法读取 1" in text


def test_jsonl_one_line_per_finding(results, findings_count):
    lines = [json.loads(line) for line in render("jsonl", results).splitlines()]
    assert len(lines) == findings_count + 1
    assert {line["path"] for line in lines} == {"drafts/倡议书.docx", "drafts/坏文件.docx", "公文 一.docx"}
    finding = next(line for line in lines if "rule" in line)
    assert set(finding) >= {"rule", "gate", "severity", "location", "fingerprint", "message"}


# What GitLab reads from a Code Quality report (docs.gitlab.com, "Code Quality report format").
GITLAB_CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_shape_and_unique_fingerprints(results, findings_count):
    issues = json.loads(render("gitlab", results))
    jsonschema.validate(issues, GITLAB_CODE_QUALITY_SCHEMA)
    assert len(issues) == findings_count + 1  # + the unreadable file, as a critical issue
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    unreadable = [i for i in issues if i["check_name"] == "officekit-unreadable"]
    assert [(i["location"]["path"], i["severity"]) for i in unreadable] == [("drafts/坏文件.docx", "critical")]
    expected = {"error": "major", "warning": "minor", "info": "info"}
    by_place = {(r.path, f.location.block, f.rule, expected[f.severity]) for r in results for f in r.findings}
    assert {(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"], i["severity"])
            for i in issues if i["check_name"] != "officekit-unreadable"} == by_place
    assert all(i["description"].startswith(i["check_name"] + " ") for i in issues if i["check_name"][0] in "FPWS")


def test_gitlab_fingerprints_survive_edits_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "a.txt"
    draft.write_text("各单位要认真布署，确保按时完成。\n会议要求认真按装设备。\n", encoding="utf-8")
    before = json.loads(render("gitlab", [check_file("a.txt")]))
    draft.write_text("新增的一段。\n各单位要认真布署，确保按时完成。\n会议要求认真按装设备。\n", encoding="utf-8")
    after = json.loads(render("gitlab", [check_file("a.txt")]))
    old = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in before}
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in after}
    assert old and all(moved[fp] == line + 1 for fp, line in old.items())  # same issues, one line down


def test_gitlab_format_through_the_cli(workspace):
    result = run_cli("check", "公文 一.docx", "-f", "gitlab")
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert issues and {i["location"]["path"] for i in issues} == {"公文 一.docx"}


def test_html_is_self_contained_and_lists_every_finding(results, findings_count):
    page = render("html", results)
    assert page.count('<li class="finding') == findings_count
    for k in range(1, len(results[0].findings) + 1):
        assert f'href="#f1-{k}"' in page and f'id="f1-{k}"' in page
    # Nothing is loaded from anywhere: no src=, no <link>, every href an in-page anchor.
    assert "<link" not in page and " src=" not in page
    assert re.findall(r'href="([^"#][^"]*)"', page) == []


def test_output_file_and_force(workspace):
    assert run_cli("check", "drafts/倡议书.docx", "-f", "sarif", "-o", "out.sarif").exit_code == 1
    assert json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert run_cli("check", "drafts/倡议书.docx", "-f", "sarif", "-o", "out.sarif").exit_code == 2


# ---------------------------------------------------------------- the HTML page in a real browser

def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (CI installs Debian's chromium)")
def test_html_report_in_headless_chromium(workspace, results, findings_count):
    page = workspace / "report.html"
    assert run_cli("check", "drafts", "公文 一.docx", "-f", "html", "-o", page).exit_code == 2  # one unreadable file
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    # The inline script ran (no error stopped it) and found a target for every finding's link.
    assert f'data-findings="{findings_count}"' in dom
    assert 'data-check="ok"' in dom
    assert dom.count('<li class="finding') == findings_count
    console_errors = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console_errors == []


@pytest.mark.skipif(_chromium() is None or shutil.which("pdftotext") is None,
                    reason="Chromium or pdftotext is not installed (CI installs Debian's chromium and poppler-utils)")
def test_html_report_printed_to_pdf_carries_every_finding(workspace, results, findings_count):
    """A secretary prints the report or sends it on as a PDF: every finding must be on paper, not only
    the ones a scrolling box showed."""
    page = workspace / "report.html"
    assert run_cli("check", "drafts", "公文 一.docx", "-f", "html", "-o", page, "--force").exit_code == 2
    pdf = workspace / "report.pdf"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
             "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                             timeout=60).stdout.decode("utf-8")
    printed = re.sub(r"\s+", "", printed)  # lines wrap anywhere in CJK text
    labels = sum(printed.count(f"[{label}]") for label in ("错误", "警告", "提示"))
    assert labels == findings_count  # one severity label a finding, and every one of them printed
    missing = [f.message for r in results for f in r.findings if re.sub(r"\s+", "", f.message) not in printed]
    assert missing == []


# ---------------------------------------------------------------- the documented CI examples

def _example_commands(name: str) -> list[str]:
    """Every `officekit ...` command of a CI example, variables replaced by the test repository's ref."""
    import yaml

    docs = HERE.parent / "docs" / "ci" / name
    text = docs.read_text(encoding="utf-8")
    yaml.safe_load(text)  # the example is valid YAML
    commands = []
    for line in re.findall(r"officekit check[^\n]*(?:\n\s+--[^\n]*)*", text):
        line = re.sub(r"\s*\|\|\s*true\s*$", "", " ".join(line.split()))
        line = line.replace('"origin/${{ github.base_ref }}"', "base").replace('"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"', "base")
        commands.append(line)
    return commands


@pytest.mark.parametrize("draft", [FAULTY_NOTICE, corpus_param(DRAFT_SETS["corpus"]["公文 一.docx"], id="corpus")])
@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_run_as_documented(name, draft, tmp_path, monkeypatch):
    import shlex

    commands = _example_commands(name)
    assert len(commands) >= 2
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(tmp_path)}
    (tmp_path / "old.txt").write_text("各单位要认真布署。\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], check=True, env=env)
    subprocess.run(["git", "add", "."], check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "base"], check=True, env=env)
    subprocess.run(["git", "branch", "base"], check=True, env=env)
    assert run_cli("baseline", ".").exit_code == 0
    place(draft, tmp_path / "新稿.docx")
    for command in commands:
        args = shlex.split(command)[1:]
        result = run_cli(*args)
        assert result.exit_code in (0, 1), (command, result.output)
        if "-o" in args:
            assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0
