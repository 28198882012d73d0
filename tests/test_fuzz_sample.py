"""A seeded sample of bench/fuzz.py: mutated corpus drafts never make the checker raise or hang.

The full run (10,000 cases) is `python bench/fuzz.py`; this sample keeps it true in CI.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from corpus import requires_corpus

ROOT = Path(__file__).resolve().parents[1]


def load_fuzz():
    spec = importlib.util.spec_from_file_location("officekit_bench_fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


fuzz = load_fuzz()
pytestmark = requires_corpus  # mutates the corpus drafts (bench/fuzz.py reads the same ../shared/corpus)

SAMPLE = 200
SEED = 20260


def test_mutated_drafts_never_crash_or_hang(tmp_path):
    drafts = fuzz.corpus_drafts(max_kb=12)  # the small drafts: a few hundred cases in seconds
    outcomes = fuzz.run_cases(range(SAMPLE), SEED, drafts)
    assert len(outcomes) == SAMPLE
    bad = [o for o in outcomes if o.kind in ("crash", "rule-crash", "hang")]
    assert not bad, fuzz.summarize(bad, 0)
    kinds = {o.kind for o in outcomes}
    assert {"ok", "input-error"} <= kinds  # the sample exercises both readable and broken files


def test_mutations_are_reproducible():
    data = sorted(fuzz.CORPUS.glob("*.docx"), key=lambda p: p.stat().st_size)[0].read_bytes()
    import random

    first = fuzz.mutate(data, random.Random("7:3"))
    second = fuzz.mutate(data, random.Random("7:3"))
    assert first == second
