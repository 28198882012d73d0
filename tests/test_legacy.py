"""LibreOffice, for real: .odt/.doc drafts are read through a conversion, and the copies annotate and
fix write open in LibreOffice (converted to PDF and ODT without error, comments and revisions intact).

Conversions are slow (a few seconds each), so each is done once per module."""

from __future__ import annotations

import subprocess
import zipfile
from collections import Counter

import pytest
from corpus import CORPUS_DOCX, requires_corpus
from output_helpers import run_cli
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.document import read
from officekit.document.convert import find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed (CI installs it)")

CORPUS_SOURCE = CORPUS_DOCX / "liuhanning__gongwen-formatter__demo_gongwen.docx"


def soffice_convert(files, fmt: str, outdir, profile) -> None:
    done = subprocess.run(
        [find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=180, check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module", params=[FAULTY_NOTICE, pytest.param(CORPUS_SOURCE, marks=requires_corpus, id="corpus")])
def work(request, tmp_path_factory):
    """The draft (made up, or from the corpus where ../shared is present) as .docx, .odt and .doc."""
    root = tmp_path_factory.mktemp("legacy")
    profile = root / "profile"
    place(request.param, root / "draft.docx")
    soffice_convert([root / "draft.docx"], "odt", root, profile)
    soffice_convert([root / "draft.docx"], "doc", root, profile)
    return root, profile


def _text_findings(path):
    return Counter((f.rule, f.excerpt) for f in check_file(str(path)).findings if f.rule.startswith("W"))


@pytest.mark.parametrize("extension", [".odt", ".doc"])
def test_legacy_draft_is_checked_through_libreoffice(work, extension):
    root, _ = work
    converted = root / f"draft{extension}"
    result = check_file(str(converted))
    assert result.status == "ok", result.error
    assert result.draft.document.warnings[0].startswith("由 LibreOffice 转换")
    # The text rules find the same problems in the converted file as in the .docx it came from.
    assert _text_findings(converted) == _text_findings(root / "draft.docx")


def test_annotate_a_doc_writes_a_docx_copy(work):
    root, _ = work
    result = run_cli("annotate", root / "draft.doc")
    assert result.exit_code == 0, result.output
    copy = root / "draft.审阅.docx"
    assert zipfile.is_zipfile(copy) and len(read(str(copy)).comments) > 0


def test_annotated_and_fixed_copies_open_in_libreoffice(work):
    root, profile = work
    assert run_cli("annotate", root / "draft.docx", "-o", root / "a.docx").exit_code == 0
    assert run_cli("fix", root / "draft.docx", "-o", root / "f.docx").exit_code == 0
    comments = len(read(str(root / "a.docx")).comments)
    out = root / "lo"
    soffice_convert([root / "a.docx", root / "f.docx"], "pdf", out, profile)
    assert (out / "a.pdf").stat().st_size > 1000 and (out / "f.pdf").stat().st_size > 1000
    soffice_convert([root / "a.docx", root / "f.docx"], "odt", out, profile)
    with zipfile.ZipFile(out / "a.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == comments
    with zipfile.ZipFile(out / "f.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<text:changed-region") > 0 and "officekit" in content
