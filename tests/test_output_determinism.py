"""annotate and fix write byte-identical .docx files for the same input and SOURCE_DATE_EPOCH."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from corpus import CORPUS_DOCX, corpus_param
from output_helpers import EXAMPLE, run_cli
from sample_drafts import FAULTY_NOTICE, place

CORPUS_DRAFT = CORPUS_DOCX / "liuhanning__gongwen-formatter__demo_gongwen.docx"
EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC


def _restamp(source: Path, target: Path, date_time: tuple) -> None:
    """The same draft re-zipped with other member time stamps (as a re-save or a fresh conversion gives)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(zipfile.ZipInfo(info.filename, date_time=date_time), zin.read(info))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command,marker", [("annotate", "审阅"), ("fix", "修订"), ("fix --no-track", "修订")])
@pytest.mark.parametrize("draft", [pytest.param(EXAMPLE, id="example"), FAULTY_NOTICE,  # a footer finding too
                                   corpus_param(CORPUS_DRAFT, id="corpus")])
def test_two_runs_give_identical_bytes(command, marker, draft, tmp_path, monkeypatch):
    draft = place(draft, tmp_path / "source.docx")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first, second = tmp_path / "one" / "draft.docx", tmp_path / "two" / "draft.docx"
    first.parent.mkdir()
    second.parent.mkdir()
    _restamp(draft, first, (2021, 3, 4, 5, 6, 8))
    _restamp(draft, second, (2024, 12, 30, 23, 59, 58))
    outputs = []
    for source, now in ((first, 1_000_000_000.0), (second, 2_000_000_000.0)):
        monkeypatch.setattr(time, "time", lambda now=now: now)  # a clock-dependent stamp would differ
        result = run_cli(*command.split(), source)
        assert result.exit_code == 0, result.output
        outputs.append(source.with_name(f"draft.{marker}.docx"))
    monkeypatch.undo()
    assert _digest(outputs[0]) == _digest(outputs[1])

    stamp = time.gmtime(EPOCH)[:6]
    with zipfile.ZipFile(outputs[0]) as z, zipfile.ZipFile(draft) as original:
        infos = z.infolist()
        assert {info.date_time for info in infos} == {stamp}
        assert {info.create_system for info in infos} == {3}
        names = [info.filename for info in infos]
        kept = [info.filename for info in original.infolist()]
        assert names[:len(kept)] == kept and names[len(kept):] == sorted(names[len(kept):])  # input order, then new parts
        xml = "".join(z.read(n).decode("utf-8") for n in names if n in ("word/document.xml", "word/comments.xml"))
    dates = set(re.findall(r'w:date="([^"]*)"', xml))
    assert dates == (set() if "--no-track" in command else {"2023-11-14T22:13:20Z"})


def test_without_source_date_epoch_copied_members_keep_their_stamps(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    source = tmp_path / "draft.docx"
    _restamp(EXAMPLE, source, (2021, 3, 4, 5, 6, 8))
    assert run_cli("annotate", source).exit_code == 0
    with zipfile.ZipFile(tmp_path / "draft.审阅.docx") as z:
        stamps = {info.filename: info.date_time for info in z.infolist()}
    assert stamps.pop("word/comments.xml") == (1980, 1, 1, 0, 0, 0)  # new part: a fixed stamp, never the clock
    assert set(stamps.values()) == {(2021, 3, 4, 5, 6, 8)}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_legacy_draft_gives_identical_copies_too(tmp_path, monkeypatch):
    """Each run converts the .doc afresh (new zip stamps); SOURCE_DATE_EPOCH still makes the copies equal."""
    import subprocess

    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(EXAMPLE)],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    legacy = tmp_path / f"{EXAMPLE.stem}.doc"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    for name in ("one.docx", "two.docx"):
        assert run_cli("annotate", legacy, "-o", tmp_path / name).exit_code == 0
    assert _digest(tmp_path / "one.docx") == _digest(tmp_path / "two.docx")
