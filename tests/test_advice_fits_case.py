"""Advice that fits its case: no 「（上行文除外）」 told to a 上行文, a misplaced red line is not called
missing, and a title example in the draft's own 文种."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builders import BORDER, JC, p
from format_fixtures import XBS, conformant_notice, run
from officekit.check import check_document
from officekit.config.model import Config
from officekit.document import read
from officekit.document.text_reader import from_text
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.structure import recognize

RULES = {r.id: r for r in all_rules()}


def test_red_line_above_the_zihao_is_misplaced_not_missing(tmp_path):
    mark = p(run("云岭市人民政府办公室文件", XBS, 36, "FF0000"), ppr=JC("center") + BORDER("bottom", color="FF0000"))
    path = conformant_notice(tmp_path, header_line=None, swap={2: mark})
    (f,) = runner.run(recognize(read(str(path))), [RULES["F051"]])
    assert f.location.block == 2
    assert f.message == "版头分隔线应在发文字号之下（4 mm 处），此处在发文字号之上"


def test_a_request_without_signer_is_not_told_to_centre_its_zihao():
    text = "云岭市林业局文件\n云林发〔2026〕5号\n关于追加森林防火经费的请示\n市人民政府：\n妥否，请批示。\n云岭市林业局\n2026年3月5日\n"
    draft = recognize(from_text(text, "r.txt"))
    assert draft.direction == "上行文"
    assert runner.applies(RULES["F043"], draft) is False  # F044 (左空一字) and F281 (签发人) speak instead


def test_title_example_uses_the_drafts_own_doctype():
    text = "关于2026年森林防火工作情况的报告\n市人民政府：\n现将有关情况报告如下。\n云岭市林业局\n2026年3月5日\n"
    _, found = check_document(from_text(text, "r.txt"), Config(select=["F247"]))
    (f,) = found
    assert f.message.endswith("（如“××局关于××的报告”）")
