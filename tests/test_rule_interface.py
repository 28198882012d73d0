"""The rule file as a public interface: an id range that is the office's own (U…), a rule's status
(preview and deprecated rules run only when named), former ids of a renamed rule, an office's own
wording and per-draft limit for any rule (`override:`), and fixes with their applicability in the JSON
and SARIF reports."""

from __future__ import annotations

import json
import re

import pytest
from output_helpers import run_cli

from officekit.engine.finding import Finding, Fix, Location
from officekit.engine.loader import OFFICE_ID_PATTERN, load_text
from officekit.engine.rule import RuleError
from officekit.engine.ruleset import all_rules
from officekit.report.sarif import report_sarif

DRAFT = "各单位要认真布署,确保按时完成,不得拖延,截止5月底。\n"  # W301, W101 ×3, W310


def office_rule(rule_id: str, extra: str = "") -> str:
    return f"""
- id: {rule_id}
  name: 本单位规范名称
  type: substitution
  gate: 文字关
  severity: warning
  message: “{{match}}”应写作“{{expected}}”
  source: 本单位《公文处理办法》
  swap: {{拖延: 延误}}
{extra}  examples:
    - fail: 不得拖延。
    - pass: 不得延误。
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def configure(folder, config: str, rules: str | None = None) -> None:
    if rules is not None:
        (folder / "本单位.yaml").write_text(rules, encoding="utf-8")
    (folder / ".officekit.yaml").write_text(config, encoding="utf-8")


def findings(*args: str) -> list[dict]:
    result = run_cli("check", "-f", "json", *args, "草稿.txt")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["files"][0]["findings"]


def usage_error(*args: str) -> str:
    result = run_cli("check", *args, "草稿.txt")
    assert result.exit_code == 2, result.output
    return result.stderr


# ── the office's id range ─────────────────────────────────────────────────────────────────────────

def test_an_office_rule_takes_a_u_id_and_runs(folder):
    configure(folder, "rule_files: [本单位.yaml]\n", office_rule("U001"))
    [found] = [f for f in findings("--select", "U001")]
    assert (found["rule"], found["message"], found["location"]["start"]) == ("U001", "“拖延”应写作“延误”", 18)


def test_an_office_rule_with_a_built_in_looking_id_is_refused_with_the_id_to_use(folder):
    configure(folder, "rule_files: [本单位.yaml]\n", office_rule("W901"))
    err = usage_error()
    assert "本单位.yaml:2: 本单位规则 W901 的编号应以 U 开头（U001–U9999）" in err
    assert "请改为 U901" in err


def test_no_built_in_rule_uses_the_office_range():
    assert [r.id for r in all_rules() if OFFICE_ID_PATTERN.match(r.id)] == []


def test_an_id_outside_both_ranges_is_a_load_error():
    with pytest.raises(RuleError, match="本单位规则为 U 加三到四位数字"):
        load_text(office_rule("X001"), "本单位.yaml")


# ── former ids ────────────────────────────────────────────────────────────────────────────────────

def test_a_renamed_rule_answers_to_its_former_id_in_select_ignore_and_severity(folder):
    configure(folder, "rule_files: [本单位.yaml]\nseverity: {U001: error}\n",
              office_rule("U002", "  former_ids: [U001]\n"))
    [found] = findings("--select", "U001")
    assert (found["rule"], found["severity"]) == ("U002", "error")
    assert [f for f in findings("--ignore", "U001") if f["rule"] == "U002"] == []


def test_a_former_id_that_is_another_rules_id_is_refused(folder):
    configure(folder, "rule_files: [本单位.yaml]\n",
              office_rule("U002", "  former_ids: [U001]\n") + office_rule("U001").replace("拖延", "推诿")
              .replace("延误", "推脱"))
    assert "规则 U002 的 former_ids 中 U001 已是现有规则的编号" in usage_error()


def test_a_former_id_must_be_an_id():
    with pytest.raises(RuleError, match="former_ids 中 'old-name' 不是另一个规则编号"):
        load_text(office_rule("U002", "  former_ids: [old-name]\n"), "本单位.yaml")


# ── status ────────────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("status", ["preview", "deprecated"])
def test_preview_and_deprecated_rules_run_only_when_named(folder, status):
    configure(folder, "rule_files: [本单位.yaml]\n", office_rule("U003", f"  status: {status}\n"))
    assert [f for f in findings() if f["rule"] == "U003"] == []
    assert [f for f in findings("--select", "U") if f["rule"] == "U003"] == []  # a prefix does not bring it in
    assert [f["rule"] for f in findings("--select", "U003")] == ["U003"]


def test_an_unknown_status_is_a_load_error():
    with pytest.raises(RuleError, match="规则 U004 的 status 应为 stable/preview/deprecated 之一"):
        load_text(office_rule("U004", "  status: beta\n"), "本单位.yaml")


# ── override: the office's wording and limit ──────────────────────────────────────────────────────

def test_a_built_in_message_and_suggestion_reworded_by_the_office(folder):
    configure(folder, "override:\n  W301: {message: '错字“{match}”，本单位要求写作“{expected}”', suggestion: '改为{expected}'}\n")
    [found] = [f for f in findings() if f["rule"] == "W301"]
    assert (found["message"], found["suggestion"]) == ("错字“布署”，本单位要求写作“部署”", "改为部署")


def test_a_reworded_message_may_use_only_the_fields_the_rule_fills(folder):
    configure(folder, "override:\n  W301: {message: '“{match}”应为“{correct}”'}\n")
    err = usage_error()
    assert "override 中 W301 的 message 用了规则不提供的字段 {correct}" in err
    assert "可用：{expected}、{match}、{reason}" in err


def test_override_of_an_unknown_rule_names_the_closest(folder):
    configure(folder, "override:\n  W3O1: {limit: 2}\n")
    assert "override 中的 'W3O1' 不是已有的规则编号；最接近的：W301" in usage_error()


@pytest.mark.parametrize("change, problem", [
    ("{severity: info}", "override 中 W101 的 'severity' 不能改（可改：message、suggestion、limit、wording）"),
    ("{limit: 0}", "override 中 W101 的 limit 应为正整数"),
    ("3", "override 应为“规则编号: {message/suggestion/limit: …}”的映射"),
])
def test_override_values_are_checked(folder, change, problem):
    configure(folder, f"override:\n  W101: {change}\n")
    assert problem in usage_error()


def test_a_limit_shows_the_first_findings_and_counts_the_rest(folder):
    configure(folder, "override:\n  W101: {limit: 1}\n")
    commas = [f for f in findings() if f["rule"] == "W101"]
    assert [(f["location"]["start"], f.get("more")) for f in commas] == [(8, 2)]
    assert commas[0]["message"].endswith("（本稿另有 2 处同类问题未逐一列出）")


def test_a_limit_in_the_rule_file_is_checked_when_loaded():
    with pytest.raises(RuleError, match="规则 U005 的 limit 应为正整数"):
        load_text(office_rule("U005", "  limit: 0\n"), "本单位.yaml")


# ── fixes and how far they may be trusted ─────────────────────────────────────────────────────────

def test_the_json_report_carries_each_fix_with_its_applicability(folder):
    fixes = {(f["rule"], f["location"]["start"]): f.get("fix") for f in findings()}
    assert fixes[("W301", 6)] == {"replacement": "部署", "applicability": "safe"}
    assert fixes[("W101", 8)] == {"replacement": "，", "applicability": "safe"}
    assert fixes[("W310", 21)] == {"replacement": "截至", "applicability": "unsafe"}


def test_a_guess_is_displayed_never_applied():
    guess = Finding(rule="W302", name="疑似错别字", gate="文字关", severity="info", element="正文", message="m",
                    suggestion="部署", location=Location("body", 1, 0, 2), excerpt="布署", source=None,
                    fix=Fix("部署", safe=True), guess=True)
    assert guess.applicability == "display"
    assert guess.to_json()["fix"] == {"replacement": "部署", "applicability": "display"}


def test_sarif_offers_safe_and_unsafe_fixes_on_the_finding_region(folder):
    from officekit.check import check_file

    sarif = report_sarif([check_file("草稿.txt")])
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startColumn"]): r
               for r in sarif["runs"][0]["results"]}
    [fix] = results[("W310", 22)]["fixes"]
    [change] = fix["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 1, "startColumn": 22, "endColumn": 24},
                                       "insertedContent": {"text": "截至"}}]
    assert fix["properties"] == {"applicability": "unsafe"}
    assert results[("W101", 9)]["fixes"][0]["properties"] == {"applicability": "safe"}


def test_rules_and_explain_show_a_preview_rule_and_a_former_id(folder):
    configure(folder, "rule_files: [本单位.yaml]\n",
              office_rule("U006", "  status: preview\n  former_ids: [U005]\n  limit: 3\n"))
    listed = run_cli("rules").stdout
    assert re.search(r"^U006  文字关  warning  全文 +本单位规范名称  （本单位《公文处理办法》）  \[试行\]$", listed, re.M)
    explained = run_cli("explain", "U005")  # asked for by its former id
    assert explained.exit_code == 0, explained.output
    assert "U006  本单位规范名称" in explained.stdout
    assert "状态：试行（只在按编号 U006 选用时运行）" in explained.stdout
    assert "旧编号：U005（仍可用于选用、忽略和配置）" in explained.stdout
    assert "每份草稿最多报告：3 处" in explained.stdout


def test_an_ignore_comment_and_a_suppress_entry_naming_a_former_id_still_hide_the_renamed_rule(folder):
    import docx

    configure(folder, "rule_files: [本单位.yaml]\n", office_rule("U002", "  former_ids: [U001]\n"))
    document = docx.Document()
    paragraph = document.add_paragraph("不得拖延。")
    document.add_comment(paragraph.runs, text="officekit: ignore U001", author="秘书")
    document.save(folder / "批注.docx")
    result = run_cli("check", "-f", "json", "--select", "U002", "--select", "S001", "批注.docx")
    assert json.loads(result.stdout)["files"][0]["findings"] == []  # hidden, and the comment counts as used
    # configurations are read once per path and process: the second one gets a name of its own
    (folder / "第二.yaml").write_text('rule_files: [本单位.yaml]\nsuppress:\n  "草稿.txt": [U001]\n', encoding="utf-8")
    assert [f for f in findings("-c", "第二.yaml", "--select", "U002") if f["rule"] == "U002"] == []


# ── wording: every sentence of a many-case check is in the rule file ───────────────────────────────

def test_each_case_of_a_layout_check_is_worded_in_the_rule_file():
    rules = {r.id: r for r in all_rules()}
    assert rules["F062"].params["wording"]["page_word"] == "页码不用“第N页”的形式（此处为“{text}”）"
    assert set(rules["F052"].params["wording"]) == {"outer_missing", "outer_thin", "middle_missing", "middle_thick"}
    assert rules["F100"].message.startswith("版记应排在公文最后一页的最后")  # one case: the message itself


def test_a_rule_missing_the_wording_of_a_case_is_a_load_error():
    rule = """
- id: U010
  name: 页码形式
  type: pagenum
  gate: 格式关
  severity: warning
  check: form
  message: "{problem}"
  wording: {page_word: 页码不用第N页}
  source: 本单位规定
  examples:
    - pass: {footers: [{text: — 1 —}]}
    - fail: {footers: [{text: 第 1 页}]}
"""
    with pytest.raises(RuleError, match="规则 U010 的 wording 缺少这些情形的说法：fraction、no_dashes、typed、wrong_dashes"):
        load_text(rule, "本单位.yaml")


def test_an_office_rewords_one_case_of_a_built_in_check(folder):
    import docx

    configure(folder, "profile: {genre: 公文}\n"  # a one-line draft is no 公文 by itself: layout is judged on 公文
                      "override:\n  F062: {wording: {page_word: '页码请写作“— 1 —”，不写“{text}”'}}\n")
    document = docx.Document()
    document.add_paragraph("正文。")
    document.sections[0].footer.paragraphs[0].text = "第1页"
    document.save(folder / "页码.docx")
    result = run_cli("check", "-f", "json", "--select", "F062", "页码.docx")
    [found] = json.loads(result.stdout)["files"][0]["findings"]
    assert found["message"] == "页码请写作“— 1 —”，不写“第1页”"


@pytest.mark.parametrize("wording, problem", [
    ("{pages: x}", "override 中 F062 的 wording 没有情形 'pages'（可改：page_word、fraction、no_dashes、typed、wrong_dashes）"),
    ("{page_word: '第{n}页'}", "override 中 F062 的 wording.page_word 用了这种情形不提供的字段 {n}"),
])
def test_a_reworded_case_is_checked(folder, wording, problem):
    configure(folder, f"override:\n  F062: {{wording: {wording}}}\n")
    assert problem in usage_error()
