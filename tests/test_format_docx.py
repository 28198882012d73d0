"""格式关 on .docx fixtures: a conformant draft is clean, and each injected fault gives exactly one finding."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the fixture helpers sit beside this file

from format_fixtures import conformant_notice
from officekit.config.model import Config
from officekit.document import read
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

FORMAT_RULES = [r for r in all_rules() if r.pack == "format"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def format_findings(path, config=None):
    draft = recognize(read(str(path)))
    return [f for f in runner.run(draft, FORMAT_RULES, config)]


def only(findings):
    assert len(findings) == 1, [(f.rule, f.message) for f in findings]
    return findings[0]


def test_conformant_fixture_is_clean(tmp_path):
    assert format_findings(conformant_notice(tmp_path)) == []


def test_conformant_example_is_clean():
    assert format_findings(EXAMPLES / "通知-规范.docx") == []


def test_body_font_and_size(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, body_font="宋体", body_size=12)))
    assert (f.rule, f.location.part, f.location.block) == ("F012", "body", 6)
    assert f.message == "正文字体字号应为仿宋三号（16 磅），实为宋体小四（12 磅）"
    assert f.source == "GB/T 9704-2012 5.2.2、7.3.3"


def test_body_indent(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, body_indent=0)))
    assert (f.rule, f.location.block) == ("F031", 6)
    assert f.message == "正文段落应首行左空 2 字，实为首行左空 0 字"


def test_title_not_centred(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, title_align="left")))
    assert (f.rule, f.location.block, f.message) == ("F034", 4, "标题应居中排布，实为左对齐")


def test_missing_header_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, header_line=None)))
    assert (f.rule, f.location.block, f.severity) == ("F051", 3, "error")
    assert "缺少版头分隔线" in f.message


def test_black_header_line(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, header_line="000000")))
    assert (f.rule, f.message) == ("F051", "版头分隔线应为红色，实为000000")


def test_skipped_heading_number(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, heading_text="三、加强火源管控")))
    assert (f.rule, f.location.block) == ("F071", 9)
    assert f.message == "序号跳号：“一、”之后是“三、”，缺少“二、”"


def test_page_number_as_di_n_ye(tmp_path):
    findings = format_findings(conformant_notice(tmp_path, page_text=("第", "页")))
    assert {f.rule for f in findings} == {"F062"}
    assert findings[0].location.part == "footer"
    assert "第N页" in findings[0].message


def test_same_footer_on_odd_and_even_pages(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, even_odd=False)))
    assert (f.rule, f.severity, f.location.part) == ("F063", "warning", "footer")


def test_top_margin(tmp_path):
    f = only(format_findings(conformant_notice(tmp_path, top_margin_twips=1440)))  # 25.4 mm
    assert (f.rule, f.element) == ("F002", "版面")
    assert f.message == "页边距应为上（天头） 37±1 mm，实为上（天头） 25.4 mm"


def test_profile_changes_a_size(tmp_path):
    path = conformant_notice(tmp_path, body_size=15)
    assert only(format_findings(path)).rule == "F012"
    local = format_findings(path, Config(profile={"F012": {"size": 15}}))
    # now the 15 pt paragraph is right and the 16 pt ones are the exceptions
    assert [(f.rule, f.location.block) for f in local] == [("F012", 8), ("F012", 10)]
    assert local[0].message == "正文字体字号应为仿宋小三（15 磅），实为仿宋_GB2312三号（16 磅）"


def test_profile_adds_a_font_name(tmp_path):
    path = conformant_notice(tmp_path, body_font="某地仿宋")
    f = only(format_findings(path))
    assert (f.rule, f.severity) == ("F012", "warning") and "未能识别为仿宋" in f.message
    assert format_findings(path, Config(profile={"fonts": {"仿宋": ["某地仿宋"]}})) == []


def test_plain_text_gets_no_format_findings_but_a_first_level_numbering_gap(tmp_path):
    text = tmp_path / "draft.txt"
    text.write_text("关于做好森林防火工作的通知\n各县人民政府：\n一、压实责任\n三、加强管控\n", encoding="utf-8")
    # the skipped 二、 is in the text itself; fonts, indents and page layout need a .docx
    assert [(f.rule, f.location.block) for f in format_findings(text)] == [("F071", 4)]
