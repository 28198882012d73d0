"""The user's files: never modified by any command; outputs written atomically, never over an input
or an existing file without --force; the same input and config give byte-identical reports."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from officekit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "请示-问题多.docx"
TEXT_SAMPLE = "云林发[2026]第05号\n关于追加森林防火经费的请示\n市人民政府：\n今冬以来,我市降水偏少。\n妥否，请批示。\n"


def invoke(*args):
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def has_command(name: str) -> bool:
    return main.get_command(None, name) is not None


def fingerprint(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns


@pytest.fixture()
def drafts(tmp_path):
    docx = tmp_path / "请示.docx"
    shutil.copyfile(SAMPLE, docx)
    text = tmp_path / "请示.txt"
    text.write_text(TEXT_SAMPLE, encoding="utf-8")
    return docx, text


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


COMMANDS = [
    ("check", []),
    ("check", ["--format", "json"]),
    ("check", ["--format", "sarif"]),
    ("annotate", []),
    ("fix", []),
    ("textconv", []),
]


@pytest.mark.parametrize("command,extra", COMMANDS)
def test_no_command_modifies_its_input(drafts, command, extra):
    if not has_command(command):
        pytest.skip(f"officekit {command} does not exist yet")
    for draft in drafts:
        if command in ("annotate", "fix") and draft.suffix != ".docx":
            continue
        before = fingerprint(draft)
        result = invoke(command, *extra, str(draft))
        assert result.exit_code in (0, 1), result.output
        assert fingerprint(draft) == before, f"{command} changed {draft.name}"
    assert not leftovers(drafts[0].parent)


def test_check_output_never_overwrites_an_input(drafts):
    docx, text = drafts
    before = fingerprint(text)
    result = invoke("check", "-o", str(text), str(text))
    assert result.exit_code == 2 and "输入文件" in result.output
    result = invoke("check", "--force", "-o", str(text), str(text))
    assert result.exit_code == 2  # not even with --force
    assert fingerprint(text) == before


def test_check_output_needs_force_to_replace_a_file(drafts, tmp_path):
    docx, text = drafts
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    result = invoke("check", "--format", "json", "-o", str(report), str(text))
    assert result.exit_code == 2 and "--force" in result.output
    assert report.read_text(encoding="utf-8") == "old"
    result = invoke("check", "--format", "json", "--force", "-o", str(report), str(text))
    assert result.exit_code == 1 and report.read_text(encoding="utf-8").startswith("{")
    assert not leftovers(tmp_path)


@pytest.mark.parametrize("command", ["annotate", "fix"])
def test_copies_never_overwrite_the_input_or_an_existing_copy(drafts, command):
    if not has_command(command):
        pytest.skip(f"officekit {command} does not exist yet")
    docx, _ = drafts
    before = fingerprint(docx)
    result = invoke(command, "-o", str(docx), str(docx))
    assert result.exit_code == 2
    assert fingerprint(docx) == before
    first = invoke(command, str(docx))
    assert first.exit_code in (0, 1), first.output
    written = [p for p in docx.parent.iterdir() if p != docx and p.suffix == ".docx"]
    assert len(written) == 1
    copy_before = fingerprint(written[0])
    again = invoke(command, str(docx))
    assert again.exit_code == 2 and "--force" in again.output
    assert fingerprint(written[0]) == copy_before
    forced = invoke(command, "--force", str(docx))
    assert forced.exit_code in (0, 1)
    assert fingerprint(docx) == before
    assert not leftovers(docx.parent)


def run_report(fmt: str, path: Path, hash_seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "officekit", "check", "--format", fmt, str(path)],
                          capture_output=True, env=env, cwd=path.parent)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    return proc.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_reports_are_byte_identical_across_runs(drafts, fmt):
    from officekit.report import FORMATS

    if fmt not in FORMATS:
        pytest.skip(f"--format {fmt} does not exist yet")
    docx, _ = drafts
    # different hash seeds: no set or dict iteration order may leak into the output
    assert run_report(fmt, docx, "1") == run_report(fmt, docx, "2")
