"""The command line: output shapes, exit codes, configuration, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from officekit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCHEMA = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))

REQUEST_TEXT = """\
云林发[2026]第05号
关于追加森林防火经费的请示
市人民政府：
今冬以来,我市降水偏少。
妥否，请批示。
云岭市林业局
2026年3月5日
"""


def invoke(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env or {"NO_COLOR": "1"})


def check_json(*args, input=None):
    result = invoke("check", "--format", "json", *args, input=input)
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    return result, report


@pytest.fixture
def draft_txt(tmp_path):
    path = tmp_path / "请示.txt"
    path.write_text(REQUEST_TEXT, encoding="utf-8")
    return path


def test_json_report_has_the_public_shape_and_exact_findings(draft_txt):
    result, report = check_json(str(draft_txt))
    assert result.exit_code == 1
    [file] = report["files"]
    assert file["status"] == "ok" and file["error"] is None
    assert file["document"]["doctype"] == "请示"
    by_rule = {f["rule"]: f for f in file["findings"]}
    number = by_rule["F201"]
    assert number["location"] == {"part": "body", "block": 1, "start": 0, "end": len("云林发[2026]第05号")}
    assert number["suggestion"] == "云林发〔2026〕5号"
    assert number["gate"] == "格式关" and number["element"] == "发文字号" and number["source"] == "GB/T 9704-2012 7.2.5"
    comma = by_rule["W101"]
    assert comma["location"]["block"] == 4 and comma["suggestion"] == "，"
    assert file["summary"]["gates"]["格式关"] == "fail"
    assert file["summary"]["error"] == sum(1 for f in file["findings"] if f["severity"] == "error")


def test_json_output_is_byte_identical_across_runs(draft_txt):
    first = invoke("check", "--format", "json", str(draft_txt)).stdout
    second = invoke("check", "--format", "json", str(draft_txt)).stdout
    assert first == second


def test_exit_0_when_nothing_reaches_the_failing_level(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("关于做好森林防火工作的通知\n各县人民政府：\n请认真做好森林防火工作。\n", encoding="utf-8")
    result, report = check_json(str(path))
    assert result.exit_code == 0, report["files"][0]["findings"]


def test_fail_on_warning_turns_warnings_into_exit_1(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("关于做好森林防火工作的通知\n各县人民政府：\n工作涉及到多个部门。\n", encoding="utf-8")
    assert invoke("check", str(path)).exit_code == 0
    assert invoke("check", "--fail-on", "info", str(path)).exit_code == 1


def test_unreadable_file_is_reported_and_others_still_checked(tmp_path, draft_txt):
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"this is not a zip file")
    result, report = check_json(str(broken), str(draft_txt))
    assert result.exit_code == 2
    bad, good = report["files"]
    assert bad["status"] == "error" and bad["error"]["kind"] and bad["findings"] == []
    assert good["status"] == "ok" and good["findings"]


def test_missing_file_gives_exit_2_and_names_it_without_traceback(tmp_path):
    missing = tmp_path / "没有.docx"
    proc = subprocess.run([sys.executable, "-m", "officekit", "check", str(missing)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert str(missing) in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_no_paths_is_a_usage_error():
    result = invoke("check")
    assert result.exit_code == 2 and "请给出" in result.output


def test_stdin_is_read_as_text():
    result, report = check_json("-", input=REQUEST_TEXT.encode("gb18030"))
    assert report["files"][0]["path"] == "-"
    assert any(f["rule"] == "F201" for f in report["files"][0]["findings"])


def test_directories_are_searched_recursively_and_in_parallel(tmp_path, draft_txt):
    sub = tmp_path / "子目录"
    sub.mkdir()
    (sub / "二.txt").write_text(REQUEST_TEXT, encoding="utf-8")
    (sub / "图片.png").write_bytes(b"\x89PNG")
    serial = invoke("check", "--format", "json", str(tmp_path)).stdout
    parallel = invoke("check", "--format", "json", "--jobs", "2", str(tmp_path)).stdout
    assert serial == parallel
    paths = [f["path"] for f in json.loads(serial)["files"]]
    assert paths == sorted(paths) and len(paths) == 2


def test_text_report_groups_by_gate_with_verdicts_and_locations(draft_txt):
    result = invoke("check", str(draft_txt))
    out = result.stdout
    assert out.index("政策关") < out.index("格式关") < out.index("文字关")
    assert "✘ 未通过" in out and "第 1 行" in out and "建议：云林发〔2026〕5号" in out
    assert "依据：GB/T 9704-2012 7.2.5" in out
    assert "\x1b[" not in out  # NO_COLOR / not a terminal: no escape codes


def test_color_only_when_asked_or_at_a_terminal(draft_txt):
    assert "\x1b[" in invoke("check", "--color", str(draft_txt), env={}).stdout


def test_config_is_found_by_walking_up_and_can_ignore_and_reseverity(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    draft = deep / "请示.txt"
    draft.write_text(REQUEST_TEXT, encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text("ignore: [W1]\nseverity:\n  F201: warning\n", encoding="utf-8")
    _, report = check_json(str(draft))
    rules = {f["rule"]: f["severity"] for f in report["files"][0]["findings"]}
    assert "W101" not in rules and rules["F201"] == "warning"


def test_config_adds_rules_and_word_lists(tmp_path):
    (tmp_path / "词表.txt").write_text("# 本单位易错词\n林草局->林业和草原局, 本单位规范名称\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text("""\
rules:
  - id: U990
    name: 本单位规范名称
    type: substitution
    gate: 文字关
    severity: warning
    message: “{match}”应写作“{expected}”（{reason}）
    source: 本单位规定
    wordlist: house_names
    examples:
      - fail: 林草局
      - pass: 林业和草原局
wordlists:
  house_names: 词表.txt
""", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("请市林草局牵头办理。\n", encoding="utf-8")
    _, report = check_json(str(draft))
    [finding] = [f for f in report["files"][0]["findings"] if f["rule"] == "U990"]
    assert finding["suggestion"] == "林业和草原局"
    assert finding["location"] == {"part": "body", "block": 1, "start": 2, "end": 5}
    assert "本单位规范名称" in finding["message"]


def test_broken_config_is_a_usage_error_naming_file_and_line(tmp_path):
    (tmp_path / ".officekit.yaml").write_text("select: [F]\ncolour: red\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    result = invoke("check", str(draft))
    assert result.exit_code == 2
    assert ".officekit.yaml:1" in result.output and "colour" in result.output


def test_broken_user_rule_names_file_and_line(tmp_path):
    (tmp_path / "rules.yaml").write_text("- id: U991\n  name: x\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text("rule_files: [rules.yaml]\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    result = invoke("check", str(draft))
    assert result.exit_code == 2 and "rules.yaml:1" in result.output and "缺少必填项" in result.output


def test_select_on_the_command_line(draft_txt):
    _, report = check_json("--select", "F201", str(draft_txt))
    assert {f["rule"] for f in report["files"][0]["findings"]} == {"F201"}


def test_rules_lists_and_filters():
    result = invoke("rules", "--element", "发文字号")
    assert result.exit_code == 0 and "F201" in result.stdout and "F211" not in result.stdout


def test_explain_prints_source_and_examples():
    result = invoke("explain", "f201")
    assert result.exit_code == 0
    assert "GB/T 9704-2012 7.2.5" in result.stdout and "乐政发[2018]59号  →  乐政发〔2018〕59号" in result.stdout
    assert invoke("explain", "F999").exit_code == 2


def test_init_writes_a_config_that_loads(tmp_path):
    target = tmp_path / ".officekit.yaml"
    assert invoke("init", "-o", str(target)).exit_code == 0
    from officekit.config.load import load

    assert load(str(target)).extends == ["default"]
    assert invoke("init", "-o", str(target)).exit_code == 2  # no silent overwrite


def test_output_file_never_overwrites_the_input(draft_txt):
    before = draft_txt.read_bytes()
    result = invoke("check", "-o", str(draft_txt), "--force", str(draft_txt))
    assert result.exit_code == 2 and draft_txt.read_bytes() == before


def test_examples_report_as_a_secretary_expects():
    _, good = check_json(str(EXAMPLES / "通知-规范.docx"))
    errors = [f for f in good["files"][0]["findings"] if f["severity"] == "error"]
    assert errors == [], errors
    assert good["files"][0]["document"]["doctype"] == "通知"
    _, bad = check_json(str(EXAMPLES / "请示-问题多.docx"))
    rules = {f["rule"] for f in bad["files"][0]["findings"]}
    assert {"F201", "F211", "F231", "W101", "W301"} <= rules


def test_version_and_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "officekit", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("officekit, version ")


def test_an_unused_ignore_comment_is_reported_in_the_public_schema(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("请认真做好森林防火工作。")
    document.add_comment(paragraph.runs, text="officekit: ignore W301", author="秘书")
    path = tmp_path / "草稿.docx"
    document.save(path)
    _, report = check_json(str(path))  # validates against docs/report-schema.json
    notes = [f for f in report["files"][0]["findings"] if f["rule"] == "S001"]
    assert len(notes) == 1 and notes[0]["severity"] == "info"
    explained = invoke("explain", "S001")
    assert explained.exit_code == 0 and "没有隐藏任何问题" in explained.stdout


def test_an_offices_leader_list_catches_a_wrong_title(tmp_path):
    (tmp_path / "领导名单.txt").write_text("# 姓名 职务\n王小明 市长 市委副书记\n赵大伟 副市长\n", encoding="utf-8")
    (tmp_path / ".officekit.yaml").write_text("wordlists:\n  leaders: 领导名单.txt\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("会议由副市长王小明同志主持，市长赵大伟同志出席。\n", encoding="utf-8")
    _, report = check_json(str(draft))
    found = [(f["rule"], f["location"]["start"], f["location"]["end"]) for f in report["files"][0]["findings"]
             if f["rule"] == "P311"]
    assert found == [("P311", 3, 6), ("P311", 14, 16)]  # 副市长 before 王小明, 市长 before 赵大伟


def test_an_office_rule_whose_example_does_not_behave_is_a_load_error(tmp_path):
    (tmp_path / ".officekit.yaml").write_text("""\
rules:
  - id: U991
    name: 本单位用语
    type: substitution
    gate: 文字关
    severity: warning
    message: 应写作“{expected}”
    source: 本单位规定
    swap: {林草局: 林业和草原局}
    examples:
      - fail: 请市林业局牵头办理。
      - pass: 请市林业和草原局牵头办理。
""", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    result = invoke("check", str(draft))
    assert result.exit_code == 2
    assert ".officekit.yaml:2" in result.output and "示例不成立" in result.output and "未被发现" in result.output
