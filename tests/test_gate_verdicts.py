"""Gate verdicts say what they mean: a gate with warnings only passes, and says so in plain words."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from output_helpers import run_cli  # noqa: E402

from officekit.engine.finding import Finding, Location
from officekit.report.verdict import gate_verdict

# a 通知 with a warning in the 格式关 (标题 without the organ) and an error in the 文字关 (半角逗号)
DRAFT = "关于开展森林防火检查的通知\n各科室：\n请于3月10日前报送检查情况,逾期不候。\n云岭市林业局\n2026年3月5日\n"


def _f(severity: str) -> Finding:
    return Finding(rule="W101", name="n", gate="文字关", severity=severity, element="正文", message="m",
                   suggestion=None, location=Location("body", 1), excerpt="", source=None)


def test_wording():
    assert gate_verdict([], True) == ("通过", "")
    assert gate_verdict([_f("warning")] * 5 + [_f("info")] * 2, True) == ("通过", "（有 5 条警告、2 条提示，不影响通过）")
    assert gate_verdict([_f("error")] * 3 + [_f("warning")] * 2, False) == ("未通过", "（须修改 3 处错误；另有 2 条警告）")
    assert gate_verdict([_f("error"), _f("warning")], False, "warning") == ("未通过", "（须修改 1 处错误、1 条警告）")


def test_terminal_and_html_say_a_warning_only_gate_passes(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    text = run_cli("check", draft, "--no-color", "--select", "W101", "--select", "F247").stdout
    assert "文字关  ✘ 未通过（须修改 1 处错误）" in text
    assert "格式关  ✔ 通过（有 1 条警告，不影响通过）" in text
    assert "个问题）" not in text
    html = tmp_path / "a.html"
    run_cli("check", draft, "--select", "W101", "--select", "F247", "-f", "html", "-o", html)
    page = html.read_text(encoding="utf-8")
    assert "格式关 通过（有 1 条警告，不影响通过）" in page and "文字关 未通过（须修改 1 处错误）" in page
