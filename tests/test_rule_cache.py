"""The validated built-in rule set kept in the user cache (officekit/engine/rulecache.py): the same rules,
the same findings — byte for byte — with the cache on and off, a new key whenever a rule file changes."""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest
from corpus import CORPUS_DOCX
from output_helpers import EXAMPLE
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.engine import rulecache, ruleset
from officekit.engine.packs import builtin_packs, builtin_root
from officekit.report import ReportOptions, renderer


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("OFFICEKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv(rulecache.DISABLE_VARIABLE, raising=False)
    ruleset._pack_rules.cache_clear()
    yield folder
    ruleset._pack_rules.cache_clear()  # later tests load the packs afresh


def fields(rule) -> dict:
    return {f.name: getattr(rule, f.name) for f in dataclasses.fields(rule) if f.name != "check"}


def test_rules_read_back_from_the_cache_are_the_rules_of_the_yaml(empty_cache, monkeypatch):
    from_yaml = ruleset.all_rules()  # first load: validated from YAML, then stored
    stored = sorted(p.name for p in empty_cache.glob("rules-*.pickle"))
    assert len(stored) == len(builtin_packs())
    ruleset._pack_rules.cache_clear()
    from_cache = ruleset.all_rules()
    assert [fields(r) for r in from_cache] == [fields(r) for r in from_yaml]
    assert all(isinstance(r.check, rulecache.LazyCheck) for r in from_cache)
    assert not any(isinstance(r.check, rulecache.LazyCheck) for r in from_yaml)


def test_a_corrupt_cache_file_means_loading_the_yaml(empty_cache):
    expected = [fields(r) for r in ruleset.all_rules()]
    for stored in empty_cache.glob("rules-*.pickle"):
        stored.write_bytes(b"not a pickle")
    ruleset._pack_rules.cache_clear()
    again = ruleset.all_rules()
    assert [fields(r) for r in again] == expected
    assert not any(isinstance(r.check, rulecache.LazyCheck) for r in again)


def test_the_key_changes_with_a_rule_file(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(builtin_root() / "core", pack)
    files = sorted(pack.glob("*.yaml"))
    before = rulecache.pack_key(files)
    assert rulecache.pack_key(files) == before  # stable
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n# 一处改动\n", encoding="utf-8")
    assert rulecache.pack_key(files) != before


def report_of(paths, cache_on: bool, monkeypatch) -> str:
    if cache_on:
        monkeypatch.delenv(rulecache.DISABLE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(rulecache.DISABLE_VARIABLE, "1")
    ruleset._pack_rules.cache_clear()
    return renderer("json")([check_file(str(p)) for p in paths], ReportOptions())


def test_findings_are_byte_identical_with_the_cache_on_and_off(empty_cache, tmp_path, monkeypatch):
    """Compared in one process, on one state of the tree (rules change under other engineers' hands)."""
    paths = [place(FAULTY_NOTICE, tmp_path / "通知.docx"), place(EXAMPLE, tmp_path / "请示.docx")]
    paths += sorted(CORPUS_DOCX.glob("*.docx"))[:6]  # where the shared corpus is present
    report_of(paths[:1], True, monkeypatch)  # fills the cache
    on = report_of(paths, True, monkeypatch)
    off = report_of(paths, False, monkeypatch)
    assert on == off
    assert sum(len(f["findings"]) for f in json.loads(on)["files"]) > 0
