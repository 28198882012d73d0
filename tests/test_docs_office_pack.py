"""docs/writing-rules.md followed step by step: the office pack it shows (configuration, word list, a
substitution, a pattern, a shape and a relation rule, a reworded built-in message) loads, and the draft
it shows gets exactly the findings its table promises."""

from __future__ import annotations

import json

import pytest
from docs_pack import expected_findings, write_pack
from output_helpers import run_cli


@pytest.fixture
def pack(tmp_path, monkeypatch):
    files = write_pack(tmp_path)
    monkeypatch.chdir(tmp_path)
    return files


def findings(*args: str) -> list[dict]:
    result = run_cli("check", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def test_the_pack_has_every_file_the_doc_names(pack):
    assert set(pack) == {".officekit.yaml", "本单位规范名称.txt", "本单位规则.yaml", "草稿.txt"}


def test_the_draft_gets_the_findings_of_the_docs_table(pack):
    text = open("草稿.txt", encoding="utf-8").read().splitlines()
    got = []
    for f in findings("--select", "U", "草稿.txt"):
        loc = f["location"]
        line = text[loc["block"] - 1]
        at = line[loc["start"]:loc["end"]] if loc["start"] is not None else line
        got.append((f["rule"], at, f["message"]))
    assert got == expected_findings()


def test_the_reworded_built_in_message_reads_as_the_doc_says(pack):
    with open("草稿.txt", "a", encoding="utf-8") as draft:
        draft.write("请各单位认真布署。\n")
    [typo] = [f for f in findings("--select", "W301", "草稿.txt")]
    assert typo["message"] == "错别字“布署”，应为“部署”"


def test_an_office_rule_with_a_built_in_id_gets_the_docs_advice(pack):
    rules = open("本单位规则.yaml", encoding="utf-8").read().replace("id: U002", "id: W902")
    open("本单位规则.yaml", "w", encoding="utf-8").write(rules)
    result = run_cli("check", "草稿.txt")
    assert result.exit_code == 2
    assert "本单位规则 W902 的编号应以 U 开头" in result.stderr and "请改为 U902" in result.stderr
