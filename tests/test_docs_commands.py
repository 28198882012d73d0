"""The configuration examples of README.md and docs/workflows.md work as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from output_helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "各单位要认真布署,确保按时完成。\n"  # W301 (error by default) and W101


def _yaml_block(doc: str, after: str) -> str:
    text = (ROOT / doc).read_text(encoding="utf-8")
    return re.search(r"```yaml\n(.*?)```", text[text.index(after):], re.DOTALL).group(1)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_readme_configuration_example(folder):
    config = _yaml_block("README.md", "## Configuration")
    (folder / ".officekit.yaml").write_text(config, encoding="utf-8")
    for name in re.findall(r"\./(\S+?\.(?:yaml|txt))", config):  # the office's own files it names
        (folder / name).write_text("", encoding="utf-8")
    result = run_cli("check", "草稿.txt", "-f", "json")
    assert result.exit_code == 1, result.output  # W101 is still an error
    found = {(f["rule"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert ("W301", "warning") in found  # severity: {W3: warning}
    assert ("W101", "error") in found


def test_a_bare_off_in_severity_means_off(folder):
    # YAML 1.1 reads `off` as false; `officekit init` writes this line for the user to uncomment.
    (folder / ".officekit.yaml").write_text("severity:\n  W301: off\n", encoding="utf-8")
    result = run_cli("check", "草稿.txt", "-f", "json")
    assert result.exit_code == 1, result.output
    assert "W301" not in [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]]


def test_workflows_suppress_example(folder):
    (folder / ".officekit.yaml").write_text(_yaml_block("docs/workflows.md", "exempted from rules"), encoding="utf-8")
    (folder / "归档").mkdir()
    (folder / "归档" / "旧稿.txt").write_text("各单位要认真布署。\n", encoding="utf-8")  # only W3 findings
    result = run_cli("check", "归档")
    assert result.exit_code == 0, result.output  # "归档/*": [W3]
    assert result.stderr.strip().endswith("“外来文件/*”没有匹配任何草稿，其中的 F 不起作用：请改正通配符或删除该项（S002）")
    assert "W301" in run_cli("check", "草稿.txt").stdout  # outside 归档/ the rule runs
