"""fix deletes and inserts only the characters that change, and on request offers the unsafe
suggestions as tracked changes of their own author."""

from __future__ import annotations

import zipfile

import pytest
from docx_builders import build_docx, p, r
from lxml import etree
from output_helpers import run_cli

from officekit.document import read
from officekit.document.ooxml import W
from officekit.output.edit_spans import changed_pieces, edit_spans
from officekit.output.fix import SUGGESTION_AUTHOR


@pytest.mark.parametrize("old,new,pieces", [
    ("云林发[2026]第05号", "云林发〔2026〕5号", [(3, 4, "〔"), (8, 11, "〕")]),
    ("截止", "截至", [(1, 2, "至")]),
    ("请示报告", "请示", [(2, 4, "")]),  # a deletion
    ("签发人张某", "签发人：张某", [(3, 3, "：")]),  # an insertion
    ("(一)", "（一）", [(0, 1, "（"), (2, 3, "）")]),  # two swaps: the character between stays
    ("不断加强", "持续强化", [(0, 4, "持续强化")]),  # a rewrite keeping a lone 强 is one change
    ("部署", "部署", []),
])
def test_changed_pieces(old, new, pieces):
    assert changed_pieces(old, new) == pieces


def test_edit_spans_are_on_the_block_offsets():
    text = "发文字号：云林发[2026]第05号。"
    assert edit_spans(text, 5, 18, "云林发〔2026〕5号") == [(8, 9, "〔"), (13, 16, "〕")]
    assert edit_spans("短", 0, 5, "长文字") == [(0, 5, "长文字")]  # a stale span is one edit, not a guess


def _revisions(path) -> list[list[tuple[str, str, str | None]]]:
    """Per body paragraph: (kind, text, author) for each piece — kind keep, del or ins."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for paragraph in root.iter(W + "p"):
        pieces = []
        for child in paragraph:
            kind = {W + "r": "keep", W + "del": "del", W + "ins": "ins"}.get(child.tag)
            if kind is None:
                continue
            text = "".join(t.text or "" for t in child.iter(W + "t", W + "delText"))
            pieces.append((kind, text, child.get(W + "author")))
        out.append(pieces)
    return out


def test_a_tracked_fix_deletes_and_inserts_only_what_changes(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("云林发[2026]第05号")))
    result = run_cli("fix", source, "--select", "F201")
    assert result.exit_code == 0, result.output
    assert "2 处修订（解决 1 个问题）" in result.stderr
    assert _revisions(tmp_path / "x.修订.docx")[0] == [
        ("keep", "云林发", None), ("del", "[", "officekit"), ("ins", "〔", "officekit"), ("keep", "2026", None),
        ("del", "]第0", "officekit"), ("ins", "〕", "officekit"), ("keep", "5号", None)]
    assert read(str(tmp_path / "x.修订.docx")).body[0].text == "云林发〔2026〕5号"


def test_a_direct_fix_keeps_the_unchanged_runs(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("云林发[2026]第05号")))
    assert run_cli("fix", source, "--select", "F201", "--no-track").exit_code == 0
    assert _revisions(tmp_path / "x.修订.docx")[0] == [
        ("keep", "云林发", None), ("keep", "〔", None), ("keep", "2026", None), ("keep", "〕", None), ("keep", "5号", None)]


SUGGESTION_DRAFT = [p(r("截止6月底，全市已完成造林。")), p(r("各单位要认真布署。"))]


def test_suggestions_are_tracked_changes_of_their_own_author(tmp_path):
    source = build_docx(tmp_path / "x.docx", "".join(SUGGESTION_DRAFT))
    result = run_cli("fix", source, "--select", "W310", "--select", "W301", "--suggestions")
    assert result.exit_code == 0, result.output
    assert "3 处修订" not in result.stderr and "2 处修订（解决 2 个问题），其中 1 处为需要判断的建议" in result.stderr
    assert f"修订作者“{SUGGESTION_AUTHOR}”" in result.stderr
    suggested, mechanical = _revisions(tmp_path / "x.修订.docx")
    assert suggested == [("keep", "截", None), ("del", "止", SUGGESTION_AUTHOR), ("ins", "至", SUGGESTION_AUTHOR),
                         ("keep", "6月底，全市已完成造林。", None)]
    assert ("ins", "部", "officekit") in mechanical
    assert [b.text for b in read(str(tmp_path / "x.修订.docx")).body] == ["截至6月底，全市已完成造林。", "各单位要认真部署。"]


def test_without_suggestions_an_unsafe_fix_is_not_made(tmp_path):
    source = build_docx(tmp_path / "x.docx", "".join(SUGGESTION_DRAFT))
    result = run_cli("fix", source, "--select", "W310", "--select", "W301")
    assert result.exit_code == 0, result.output
    assert "1 处修订（解决 1 个问题）；0 个留待人工处理；另有 1 个问题没有可自动套用的修改" in result.stderr
    assert [author for paragraph in _revisions(tmp_path / "x.修订.docx") for _, _, author in paragraph if author] == [
        "officekit", "officekit"]  # 布 deleted, 部 inserted; nothing by SUGGESTION_AUTHOR
    assert read(str(tmp_path / "x.修订.docx")).body[0].text == "截止6月底，全市已完成造林。"


def test_suggestions_are_never_made_untracked(tmp_path):
    source = build_docx(tmp_path / "x.docx", "".join(SUGGESTION_DRAFT))
    result = run_cli("fix", source, "--suggestions", "--no-track")
    assert result.exit_code == 2 and "--suggestions 只能以修订形式给出" in result.stderr
    assert not (tmp_path / "x.修订.docx").exists()


def test_diff_previews_the_suggestions_when_asked(tmp_path):
    source = build_docx(tmp_path / "x.docx", "".join(SUGGESTION_DRAFT))
    plain = run_cli("fix", source, "--select", "W310", "--select", "W301", "--diff")
    assert "+2各单位要认真部署。" in plain.stdout.replace(" ", "") and "截至" not in plain.stdout
    offered = run_cli("fix", source, "--select", "W310", "--select", "W301", "--diff", "--suggestions")
    assert offered.exit_code == 1 and "+1截至6月底，全市已完成造林。" in offered.stdout.replace(" ", "")
    assert not (tmp_path / "x.修订.docx").exists()
