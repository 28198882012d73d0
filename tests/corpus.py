"""The shared corpus beside the checkout (../shared/corpus), for the tests that measure against it.

A clone of the repository alone has no ../shared: tests that read the corpus carry `requires_corpus`
(or call `skip_without_corpus()`) and are skipped there with one line of reason; CI and the
developers' machines have the corpus, so they run.  Tests of behaviour never need it: they build their
own drafts (docx_builders.py, sample_drafts.py) or use the repository's examples/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPUS_DOCX = CORPUS / "docx"
CORPUS_TEMPLATES = CORPUS / "docx-templates-short"
GOV_DOCUMENTS = CORPUS / "text" / "gov-documents.jsonl"

HAS_CORPUS = CORPUS.is_dir()
REASON = "shared corpus not present (../shared/corpus)"

requires_corpus = pytest.mark.skipif(not HAS_CORPUS, reason=REASON)


def skip_without_corpus(path: Path = CORPUS) -> Path:
    """`path` inside the corpus, or skip the calling test when it is not there."""
    if not path.exists():
        pytest.skip(REASON if not HAS_CORPUS else f"not in the shared corpus: {path.name}")
    return path


def corpus_param(path: Path, **kwargs):
    """A pytest.param for a corpus file, skipped when the corpus is absent (for parametrize lists that
    mix corpus drafts with drafts the tests build)."""
    return pytest.param(path, marks=requires_corpus, **kwargs)
