"""A configuration that names something which does not exist is a usage error (exit 2) saying what it
meant: an unknown rule id or prefix in --select/--ignore/select/ignore/severity, a misspelt word-list
name, a malformed word-list line (file and line), and `\\b` in a rule pattern."""

from __future__ import annotations

import json

import pytest
from output_helpers import run_cli

from officekit.engine import wordlists
from officekit.engine.loader import load_text
from officekit.engine.packs import builtin_root
from officekit.engine.rule import RuleError

DRAFT = "各单位要认真布署,确保按时完成。\n"  # W301 (error) and W101


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _config(folder, text: str, name: str = ".officekit.yaml") -> str:
    """Write a configuration; a test that needs two writes a second file (configurations are read
    once per path and process)."""
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def _usage_error(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""  # no report saying 通过 for rules that never ran
    return result.stderr


# ── rule selectors ───────────────────────────────────────────────────────────────────────────────

def test_an_unknown_id_on_the_command_line(folder):
    err = _usage_error("check", "--select", "X999", "草稿.txt")
    assert "命令行 --select 中的 'X999' 不是已有的规则编号" in err


def test_a_mistyped_id_in_the_config_names_the_file_and_the_id_meant(folder):
    _config(folder, "ignore: [W3O2]\n")
    err = _usage_error("check", "草稿.txt")
    assert f"{folder / '.officekit.yaml'}：ignore 中的 'W3O2'" in err
    assert "最接近的：W302、" in err  # O typed for 0: the id meant comes first


def test_a_lower_case_id_in_severity_suggests_the_id(folder):
    _config(folder, "severity: {w301: info}\n")
    assert "severity 中的 'w301' 不是已有的规则编号、编号前缀、关口或规则包；最接近的：W301、" in _usage_error(
        "check", "草稿.txt")


def test_select_in_the_config_is_checked_too(folder):
    _config(folder, "select: [F2, W3, F2O1]\n")
    assert "select 中的 'F2O1'" in _usage_error("check", "草稿.txt")


@pytest.mark.parametrize("command", [("rules",), ("explain", "W301"), ("baseline", "草稿.txt")])
def test_every_command_reading_the_config_refuses_it(folder, command):
    _config(folder, "ignore: [W3O2]\n")
    assert "'W3O2'" in _usage_error(*command)


def test_an_unknown_ignore_on_fix_is_refused(folder):
    import docx

    document = docx.Document()
    document.add_paragraph("各单位要认真布署。")
    document.save(folder / "草稿.docx")
    assert "命令行 --ignore 中的 'W999'" in _usage_error("fix", "--ignore", "W999", "草稿.docx")
    assert not (folder / "草稿.修订.docx").exists()


def test_gates_prefixes_packs_and_ids_are_accepted(folder):
    _config(folder, "ignore: [政策关, F2, words, S001]\nseverity: {W3: warning, W101: info}\n")
    result = run_cli("check", "-f", "json", "草稿.txt")
    assert result.exit_code == 0, result.output  # W101 lowered to info; W301 is in the words pack
    found = {(f["rule"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert ("W101", "info") in found and not any(rule == "W301" for rule, _ in found)
    plain = _config(folder, "", "空.yaml")
    result = run_cli("check", "-c", plain, "-f", "json", "--select", "文字关", "--ignore", "W1", "草稿.txt")
    assert {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]} == {"W301"}


def test_an_office_rule_id_is_a_known_id(folder):
    (folder / "本单位.yaml").write_text("""
- id: U990
  name: 本单位规范名称
  type: substitution
  gate: 文字关
  severity: warning
  message: “{match}”应写作“{expected}”
  source: 本单位规定
  swap: {林草局: 林业和草原局}
  examples:
    - fail: 请林草局办理。
    - pass: 请林业和草原局办理。
""", encoding="utf-8")
    _config(folder, "rule_files: [本单位.yaml]\nseverity: {U990: error}\n")
    (folder / "草稿.txt").write_text("请林草局办理。\n", encoding="utf-8")
    result = run_cli("check", "-f", "json", "--select", "U990", "草稿.txt")
    assert result.exit_code == 1, result.output
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["U990"]


# ── word lists ───────────────────────────────────────────────────────────────────────────────────

def test_a_misspelt_word_list_name(folder):
    (folder / "错别字.txt").write_text("布暑->部署, 测试\n", encoding="utf-8")
    _config(folder, "wordlists:\n  typo: 错别字.txt\n")
    err = _usage_error("check", "草稿.txt")
    assert "wordlists 中的词表名 'typo' 没有规则使用；最接近的：typos" in err
    other = _config(folder, "words:\n  leader: [王小明 市长]\n", "另一份.yaml")
    assert "words 中的词表名 'leader' 没有规则使用；最接近的：leaders" in _usage_error("check", "-c", other, "草稿.txt")


def test_a_malformed_line_names_its_file_and_line(folder):
    (folder / "错别字.txt").write_text("# 本单位错别字\n布暑->部署, 测试\n按排 安排\n", encoding="utf-8")
    _config(folder, "wordlists:\n  typos: 错别字.txt\n")
    err = _usage_error("check", "草稿.txt")
    assert f"{folder / '错别字.txt'}:3: 词表 typos 的行应为“错->正, 理由”：按排 安排（缺少“->”）" in err


def test_a_malformed_inline_entry_names_the_config(folder):
    _config(folder, "words:\n  leaders: [王小明]\n")
    err = _usage_error("check", "草稿.txt")
    assert f"{folder / '.officekit.yaml'}：words 中的词表 leaders 的行应为“姓名 职务 [职务…]”：王小明" in err


def test_a_missing_word_list_file(folder):
    _config(folder, "wordlists:\n  accept: 没有这个文件.txt\n")
    assert f"{folder / '没有这个文件.txt'}: 无法读取词表 accept" in _usage_error("check", "草稿.txt")


def test_a_well_formed_office_list_extends_the_rule(folder):
    (folder / "错别字.txt").write_text("确保按时->确保如期, 本单位用语\n", encoding="utf-8")
    _config(folder, "wordlists:\n  typos: 错别字.txt\n")
    result = run_cli("check", "-f", "json", "--select", "W301", "草稿.txt")
    found = [(f["rule"], f["suggestion"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert ("W301", "确保如期") in found and ("W301", "部署") in found


def test_an_office_list_read_by_its_own_rule_may_have_any_name(folder):
    (folder / "本单位用语.txt").write_text("林草局->林业和草原局, 本单位规定\n", encoding="utf-8")
    (folder / "本单位.yaml").write_text("""
- id: U991
  name: 本单位用语
  type: substitution
  gate: 文字关
  severity: warning
  message: “{match}”应写作“{expected}”（{reason}）
  source: 本单位规定
  wordlist: 本单位用语
  examples:
    - fail: 请林草局办理。
      words: {本单位用语: ["林草局->林业和草原局, 本单位规定"]}
    - pass: 请林业和草原局办理。
""", encoding="utf-8")
    _config(folder, "rule_files: [本单位.yaml]\nwordlists: {本单位用语: 本单位用语.txt}\n")
    (folder / "草稿.txt").write_text("请林草局办理。\n", encoding="utf-8")
    result = run_cli("check", "-f", "json", "--select", "U991", "草稿.txt")
    messages = [f["message"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert messages == ["“林草局”应写作“林业和草原局”（本单位规定）"]


READ_BY_CODE = {"leaders", "higher_organs", "superior_organs"}  # lists a check names itself (crossref)


def test_every_list_a_builtin_rule_reads_is_declared():
    from officekit.config.validate import _lists_named_by
    from officekit.engine.ruleset import all_rules

    files = {p.stem for p in (builtin_root() / "wordlists").glob("*.txt")}
    read = (_lists_named_by(all_rules()) & files) | READ_BY_CODE
    assert read - set(wordlists.DECLARED) == set()
    assert {"typos", "redundancy", "similar_shapes", "leaders"} <= read


@pytest.mark.parametrize("name", sorted(wordlists.DECLARED))
def test_every_line_of_a_builtin_list_has_its_form(name):
    path = builtin_root() / "wordlists" / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{name} has no built-in file (an office's list)")
    wordlists.check_file.__wrapped__(name, str(path))  # raises WordListError naming file:line


@pytest.mark.parametrize("name,line,ok", [
    ("typos", "布署->部署, 理由", True), ("typos", "布署->部署", True), ("typos", "布署 部署", False),
    ("typos", "->部署, 理由", False), ("outdated_organs", "国家计委->国家发展改革委, 2003", True),
    ("outdated_organs", "国家计委->国家发展改革委, 零三年", False), ("leaders", "王小明 市长 市委副书记", True),
    ("leaders", "王小明", False), ("similar_shapes", "己已巳", True), ("similar_shapes", "己", False),
    ("accept", "任何词语", True), ("本单位自己的词表", "任何一行", True),
])
def test_line_forms(name, line, ok):
    assert (wordlists.entry_problem(name, line) is None) == ok


# ── patterns that cannot work on Chinese ─────────────────────────────────────────────────────────

RULE = """
- id: W992
  name: 测试
  type: pattern
  gate: 文字关
  severity: warning
  forbid: '{pattern}'
  message: 测试
  source: 测试
  examples:
    - fail: 请市林草局办理。
    - pass: 请市林业和草原局办理。
"""


def test_a_word_boundary_in_a_pattern_is_a_load_error():
    with pytest.raises(RuleError) as caught:
        load_text(RULE.replace("{pattern}", r"\b林草局\b"), "本单位.yaml")
    assert caught.value.where == "本单位.yaml:2"
    assert "规则 W992 的 forbid 含有 \\b（单词边界）" in caught.value.message
    assert "两个汉字之间永远不匹配" in caught.value.message


@pytest.mark.parametrize("pattern", [r"林草局", r"[\b]林草局", r"\\b林草局", r"林草局(?!\w)"])
def test_patterns_without_a_word_boundary_load(pattern):
    assert load_text(RULE.replace("{pattern}", pattern), "本单位.yaml")[0].id == "W992"


def test_a_word_boundary_is_refused_in_the_builtin_packs_too():
    from officekit.engine.loader import trusted_rules

    with trusted_rules(), pytest.raises(RuleError):
        load_text(RULE.replace("{pattern}", r"林草局\b"), "rules/words/x.yaml")
