"""The built-in word lists: every line parses, no duplicates, and no false alarm on published documents."""

from __future__ import annotations

import json

import pytest

from corpus import GOV_DOCUMENTS, requires_corpus, skip_without_corpus
from officekit.engine import matching
from officekit.engine.packs import builtin_root
from officekit.engine.wordlists import read_list


# Lists of `wrong->right, reason` lines whose wrong forms must never appear in correct published text.
PAIR_LISTS = ["typos", "redundancy"]


def pairs(name: str) -> list[tuple[str, str, str]]:
    return [matching.parse_pair(line) for line in read_list(builtin_root() / "wordlists" / f"{name}.txt")]


@pytest.fixture(scope="module")
def published_text() -> str:
    with skip_without_corpus(GOV_DOCUMENTS).open(encoding="utf-8") as f:
        return "\n".join(json.loads(line)["text"] for line in f)


@pytest.mark.parametrize("name", PAIR_LISTS)
def test_every_line_has_wrong_right_and_reason(name):
    for line in read_list(builtin_root() / "wordlists" / f"{name}.txt"):
        wrong, right, reason = matching.parse_pair(line)
        assert reason, f"{name}: 缺少理由：{line}"
        assert wrong != right, f"{name}: 错词与正词相同：{line}"
        assert " " not in wrong and " " not in right, f"{name}: 词中有空格：{line}"


@pytest.mark.parametrize("name", PAIR_LISTS)
def test_no_duplicate_wrong_forms(name):
    wrongs = [w for w, _, _ in pairs(name)]
    dupes = sorted({w for w in wrongs if wrongs.count(w) > 1})
    assert not dupes, f"{name}: 重复条目 {dupes}"


def test_typo_lexicon_is_large_enough():
    assert len(pairs("typos")) >= 300


def test_no_right_form_is_itself_listed_as_wrong():
    wrong = {w for w, _, _ in pairs("typos")}
    circular = [(w, r) for w, r, _ in pairs("typos") if r in wrong]
    assert not circular, circular


@pytest.mark.parametrize("name", PAIR_LISTS)
@requires_corpus
def test_wrong_forms_never_occur_in_published_documents(name, published_text):
    found = [w for w, _, _ in pairs(name) if w in published_text]
    assert not found, f"{name}: 这些“错词”在已发布公文中出现，说明它们可能是正确用法：{found}"
