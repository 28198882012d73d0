"""annotate: one Word comment per finding, anchored on exactly the offending characters."""

from __future__ import annotations

import hashlib
import zipfile

import docx
import pytest
from docx_builders import BOLD, build_docx, p, r
from corpus import CORPUS_DOCX, corpus_param
from output_helpers import ANNOTATE_DRAFTS, EXAMPLE, char_formats, run_cli
from sample_drafts import FAULTY_NOTICE, place

from officekit.check import check_file
from officekit.document import read
from officekit.output.annotate import comment_text


# The made-up drafts run everywhere; the corpus drafts add real-world layouts where ../shared is present.
DRAFTS = [pytest.param(EXAMPLE, id="example"), FAULTY_NOTICE] + [
    corpus_param(CORPUS_DOCX / name, id=name) for name in ANNOTATE_DRAFTS]


@pytest.mark.parametrize("draft", DRAFTS)
def test_corpus_draft_gets_one_comment_per_finding_on_its_characters(draft, tmp_path):
    source = place(draft, tmp_path / "draft.docx")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    findings = check_file(str(source)).findings
    assert findings, "the chosen drafts all have findings"

    result = run_cli("annotate", source)
    assert result.exit_code == 0, result.output
    copy = tmp_path / "draft.审阅.docx"
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is never touched

    body = [f for f in findings if f.location.part == "body"]
    elsewhere = [f for f in findings if f.location.part != "body"]
    reopened = docx.Document(str(copy))
    assert len(reopened.comments) == len(body) + (1 if elsewhere else 0)
    assert all(c.author == "officekit" for c in reopened.comments)

    original, annotated = read(str(source)), read(str(copy))
    assert [b.text for b in annotated.body] == [b.text for b in original.body]
    # Splitting runs kept every character's formatting.
    assert char_formats(annotated) == char_formats(original)

    anchors = {}
    for block, start, end, text in annotated.comments:
        anchors.setdefault(text, []).append((block, start, end))
    for f in body:
        loc = f.location
        text = original.body[loc.block - 1].text
        if loc.start is None:
            expected = (loc.block, 0, len(text))
        elif loc.end > loc.start:
            expected = (loc.block, loc.start, loc.end)
        else:  # an insertion point is shown on the character before it
            expected = (loc.block, max(loc.start - 1, 0), max(loc.start, 1))
        assert expected in anchors.get(comment_text(f), []), (f.rule, loc)
    if elsewhere:
        opening = [text for block, start, end, text in annotated.comments if text.startswith("officekit：页眉、页脚")]
        assert len(opening) == 1
        assert all(comment_text(f) in opening[0] for f in elsewhere)


@pytest.mark.parametrize("draft", [FAULTY_NOTICE, corpus_param(CORPUS_DOCX / ANNOTATE_DRAFTS[1], id="corpus")])
def test_comment_text_names_gate_severity_advice_and_source(draft, tmp_path):
    findings = check_file(str(place(draft, tmp_path / "draft.docx"))).findings
    f = next(f for f in findings if f.suggestion and f.source)
    text = comment_text(f)
    assert text.startswith(f"【{f.gate}·")
    assert f"建议：{f.suggestion}" in text and f"依据：{f.source}" in text and f.rule in text


def test_span_inside_a_run_splits_it_and_keeps_bold(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("各单位要认真布署，确保按时完成。", rpr=BOLD())))
    assert run_cli("annotate", source, "--select", "W301").exit_code == 0
    copy = read(str(tmp_path / "x.审阅.docx"))
    assert copy.comments[0][:3] == (1, 6, 8)
    assert copy.comments[0][3].startswith("【文字关·错误】“布署”应为“部署”")
    assert [run.text for run in copy.body[0].runs] == ["各单位要认真", "布署", "，确保按时完成。"]
    assert all(run.props.bold for run in copy.body[0].runs)
    with zipfile.ZipFile(tmp_path / "x.审阅.docx") as z:
        assert "word/comments.xml" in z.namelist()
        assert b"comments+xml" in z.read("[Content_Types].xml")


def test_existing_comments_are_kept_and_ids_stay_unique(tmp_path):
    comments = '<w:comment w:id="0" w:author="科员"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>'
    body = p('<w:commentRangeStart w:id="0"/>', r("各单位要认真布署"), '<w:commentRangeEnd w:id="0"/>',
             '<w:r><w:commentReference w:id="0"/></w:r>', r("，确保按时完成。"))
    source = build_docx(tmp_path / "c.docx", body, comments=comments)
    assert run_cli("annotate", source, "--select", "W301", "-o", tmp_path / "out.docx").exit_code == 0
    reopened = docx.Document(str(tmp_path / "out.docx"))
    assert sorted(c.author for c in reopened.comments) == ["officekit", "科员"]
    assert len({c.comment_id for c in reopened.comments}) == 2


def test_refuses_to_overwrite_input_or_existing_output(tmp_path):
    source = build_docx(tmp_path / "x.docx", p(r("各单位要认真布署。")))
    assert run_cli("annotate", source, "-o", source).exit_code == 2
    assert run_cli("annotate", source).exit_code == 0
    again = run_cli("annotate", source)
    assert again.exit_code == 2 and "--force" in again.output
    assert run_cli("annotate", source, "--force").exit_code == 0


def test_unreadable_input_is_exit_2_with_the_file_named(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    result = run_cli("annotate", bad)
    assert result.exit_code == 2 and "bad.docx" in result.output
