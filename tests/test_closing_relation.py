"""F038: the 落款 is one relation (GB/T 9704-2012 7.3.5), not two alignments.

Without a seal (7.3.5.2) the 署名 is 右空二字 and the date's first character sits two 字 right of the
署名's first; when the date is the longer line, the date is 右空二字 and the 署名 moves left.  With a seal,
or in a draft awaiting one (7.3.5.1), the date is 右空四字 and the 署名 centred over it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builders import IND, JC, p
from format_fixtures import LINE, conformant_notice, run
from officekit.document import read
from officekit.engine import runner
from officekit.engine.ruleset import all_rules
from officekit.engine.types.placement import closing_layouts
from officekit.structure import recognize

F038 = [r for r in all_rules() if r.id == "F038"]


def f038(tmp_path, signature: str, signature_right: float, date_right: float, date: str = "2026年11月16日"):
    swap = {11: p(run(signature), ppr=JC("right") + IND(rightChars=int(signature_right * 100)) + LINE),
            12: p(run(date), ppr=JC("right") + IND(rightChars=int(date_right * 100)) + LINE)}
    return runner.run(recognize(read(str(conformant_notice(tmp_path, swap=swap)))), F038)


def test_layouts_follow_the_clauses():
    # 云岭市林业局 (6 字) over 2026年11月16日 (7 字): the date is longer
    assert closing_layouts(6, 7) == {"不加盖印章": (5, 2), "加盖印章": (4.5, 4)}
    # 云岭市人民政府办公室 (10 字): the 署名 右空二字, the date's first character two 字 further right
    assert closing_layouts(10, 7) == {"不加盖印章": (2, 3), "加盖印章": (2.5, 4)}


def test_a_short_signature_over_a_longer_date_is_correct(tmp_path):
    # published practice for a short organ name: the date 右空二字, the 署名 moved left (the old rule said 右空 5 字 was wrong)
    assert f038(tmp_path, "云岭市林业局", 5, 2) == []


def test_a_draft_awaiting_its_seal_may_centre_the_signature_over_a_date_four_from_the_right(tmp_path):
    assert f038(tmp_path, "云岭市林业局", 4.5, 4) == []


def test_both_lines_two_from_the_right_is_reported_once_on_the_line_that_is_off(tmp_path):
    (f,) = f038(tmp_path, "云岭市林业局", 2, 2)
    assert (f.severity, f.element, f.location.block) == ("warning", "发文机关署名", 11)
    assert f.message == ("落款位置：不加盖印章时署名应右空 5 字、成文日期应右空 2 字（成文日期首字比署名首字右移二字），"
                         "实为署名右空 2 字、成文日期右空 2 字")


def test_a_date_not_under_its_signature_points_at_the_date(tmp_path):
    (f,) = f038(tmp_path, "云岭市人民政府办公室", 2, 0)
    assert (f.element, f.location.block) == ("成文日期", 12)
    assert "成文日期应右空 3 字" in f.message
