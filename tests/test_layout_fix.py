"""fix --layout: the layout of recognised elements set as the format rules ask, as tracked formatting
changes that accept to the --no-track layout and reject to the draft as it was."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docx_builders import FONT, IND, JC, SIZE, SPACING, build_docx, p, r
from officekit.check import check_document
from officekit.config.model import Config
from officekit.document.ooxml import W
from officekit.layout import lay_out
from officekit.layout.accept import accept_all, layout_view, libreoffice_accept_all, reject_all
from officekit.output.docx_edit import DocxEditor

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# A draft typed in Word's defaults: Letter paper, 1-inch margins, 宋体 everywhere, no grid, no page number.
LETTER_SECT = ('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>'
               '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" '
               'w:gutter="0"/></w:sectPr>')
SONG12 = FONT("宋体", "Calibri") + SIZE(12)
TITLE = "云岭市人民政府关于做好森林防火工作的通知"
RUN_IN = "（一）健全工作机制。"
NUMBERED = "二、同意在云岭市设立森林防火综合示范区，由市林业局会同有关部门组织实施。"


def draft_xml(main_to: str = "各县（市、区）人民政府：") -> str:
    body_spacing = SPACING(line=400, lineRule="exact")
    return "".join([
        p(r(TITLE, FONT("宋体", "Calibri") + SIZE(18)), ppr=JC("left")),
        p(r(main_to, SONG12), ppr=IND(firstLineChars=200, firstLine=480)),
        p(r("为切实做好森林防火工作，现将有关事项通知如下。", SONG12), ppr=body_spacing),
        p(r("一、压实防火责任", SONG12), ppr=body_spacing),
        p(r(RUN_IN, FONT("仿宋_GB2312", "Times New Roman") + SIZE(16)),
          r("各地要建立联席会议制度，每月调度一次。", FONT("仿宋_GB2312", "Times New Roman") + SIZE(16)),
          ppr=body_spacing + IND(firstLineChars=200, firstLine=640)),
        p(r(NUMBERED, SONG12), ppr="<w:pageBreakBefore/>" + body_spacing),
        p(r("云岭市人民政府", SONG12), ppr=JC("right")),
        p(r("2026年11月16日", SONG12), ppr=JC("right")),
    ])


@pytest.fixture
def draft(tmp_path) -> Path:
    return build_docx(tmp_path / "通知.docx", draft_xml(), sect_pr=LETTER_SECT, default_rpr=FONT("宋体") + SIZE(10.5),
                      settings="<w:zoom w:percent=\"100\"/>")


def laid_out(path: Path, track: bool = True, config: Config | None = None):
    data = path.read_bytes()
    return lay_out(DocxEditor(data, str(path)), config or Config(), track=track, data=data)


def findings(data: bytes, config: Config | None = None):
    return check_document(DocxEditor(data, "x.docx").document, config or Config())[1]


def part(data: bytes, name: str = "word/document.xml"):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def paragraph(data: bytes, text_start: str, exact: bool = False):
    for node in part(data).iter(W + "p"):
        text = "".join(t.text or "" for t in node.iter(W + "t"))
        if text == text_start or not exact and text.startswith(text_start):
            return node
    raise AssertionError(f"no paragraph starting {text_start}")


def runs(node) -> list[tuple[str, str | None, str | None]]:
    """(text, east Asian font, half-point size) of each run of a paragraph (revisions' snapshots aside)."""
    out = []
    for run in node.iter(W + "r"):
        if run.getparent().tag == W + "rPrChange":
            continue
        fonts, size = run.find(f"{W}rPr/{W}rFonts"), run.find(f"{W}rPr/{W}sz")
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        if text:
            out.append((text, fonts.get(W + "eastAsia") if fonts is not None else None,
                        size.get(W + "val") if size is not None else None))
    return out


LAYOUT_RULES = {"F001", "F002", "F003", "F004", "F011", "F012", "F013", "F014", "F031", "F034", "F035", "F038",
                "F040", "F061", "F063", "F021"}


def test_the_format_findings_of_the_draft_are_settled(draft):
    before = {f.rule for f in findings(draft.read_bytes())}
    assert {"F001", "F002", "F011", "F012", "F013", "F031", "F034", "F035", "F061"} <= before
    result = laid_out(draft, track=False)
    after = findings(result.data)
    assert not {f.rule for f in after} & LAYOUT_RULES, [(f.rule, f.message) for f in after if f.rule in LAYOUT_RULES]
    title = paragraph(result.data, TITLE)
    assert runs(title) == [(TITLE, "方正小标宋简体", "44")]
    assert title.find(f"{W}pPr/{W}jc").get(W + "val") == "center"
    sect = part(result.data).find(f"{W}body/{W}sectPr")
    assert (sect.find(W + "pgSz").get(W + "w"), sect.find(W + "pgSz").get(W + "h")) == ("11906", "16838")
    assert sect.find(W + "pgMar").get(W + "top") == "2098" and sect.find(W + "pgMar").get(W + "left") == "1587"


def test_heading_font_stops_at_the_first_full_stop_and_numbered_paragraphs_stay_body_text(draft):
    data = laid_out(draft, track=False).data
    assert runs(paragraph(data, RUN_IN)) == [(RUN_IN, "楷体_GB2312", "32"),
                                            ("各地要建立联席会议制度，每月调度一次。", "仿宋_GB2312", "32")]
    assert runs(paragraph(data, "一、压实")) == [("一、压实防火责任", "黑体", "32")]
    assert runs(paragraph(data, NUMBERED)) == [(NUMBERED, "仿宋_GB2312", "32")]


def test_digits_get_the_ascii_font_beside_fangsong(draft):
    data = laid_out(draft, track=False).data
    fonts = paragraph(data, "2026年").find(f"{W}r/{W}rPr/{W}rFonts")
    assert (fonts.get(W + "eastAsia"), fonts.get(W + "ascii"), fonts.get(W + "hAnsi")) == \
        ("仿宋_GB2312", "Times New Roman", "Times New Roman")


def test_the_text_is_never_changed(draft):
    before = DocxEditor(draft.read_bytes(), "x").document
    for track in (True, False):
        after = DocxEditor(laid_out(draft, track=track).data, "x").document
        assert [b.text for b in after.body] == [b.text for b in before.body]


def test_the_closing_follows_7_3_5_2_without_a_seal(draft):
    data = laid_out(draft, track=False).data
    # 署名 7 字, date 7 字 wide (digits half a 字): the date's first character two 字 right of the 署名's
    # would push it past the edge, so the date 右空二字 and the 署名 moves left to 右空四字
    signature, date = paragraph(data, "云岭市人民政府", exact=True), paragraph(data, "2026年")
    assert signature.find(f"{W}pPr/{W}ind").get(W + "rightChars") == "400"
    assert date.find(f"{W}pPr/{W}ind").get(W + "rightChars") == "200"


def test_page_numbers_are_inserted_odd_right_even_left(draft):
    result = laid_out(draft, track=True)
    document = DocxEditor(result.data, "x").document
    footers = {b.story: b for b in document.footer}
    assert set(footers) == {"default", "even"} and document.even_and_odd_headers
    assert footers["default"].text == "— 1 —" and footers["even"].text == "— 1 —"
    assert footers["default"].props.alignment == "right" and footers["even"].props.alignment == "left"
    assert "PAGE" in footers["default"].fields[0]
    # inserted as tracked content: the runs sit in a w:ins
    footer = part(result.data, "word/footer1.xml")
    assert footer.find(f"{W}p/{W}ins") is not None


def test_changes_are_tracked_formatting_revisions(draft):
    data = laid_out(draft, track=True).data
    root = part(data)
    changes = list(root.iter(W + "rPrChange")) + list(root.iter(W + "pPrChange")) + list(root.iter(W + "sectPrChange"))
    assert len(changes) > 10
    ids = [c.get(W + "id") for c in changes]
    assert len(set(ids)) == len(ids)
    for change in changes:
        assert change.get(W + "author") == "officekit" and change.get(W + "date")
        assert change.getparent()[-1] is change  # the revision record is the properties' last child
    # the snapshot keeps what the run was
    title_change = paragraph(data, TITLE).find(f"{W}r/{W}rPr/{W}rPrChange")
    assert title_change.find(f"{W}rPr/{W}rFonts").get(W + "eastAsia") == "宋体"
    assert title_change.find(f"{W}rPr/{W}sz").get(W + "val") == "36"


def _canonical(data: bytes, name: str = "word/document.xml") -> bytes:
    return etree.tostring(part(data, name), method="c14n")


def test_accepting_every_revision_gives_the_no_track_layout(draft):
    tracked, direct = laid_out(draft, track=True).data, laid_out(draft, track=False).data
    accepted = accept_all(tracked)
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml", "word/settings.xml"):
        assert _canonical(accepted, name) == _canonical(direct, name), name


def test_rejecting_every_revision_gives_the_draft_back(draft):
    original = draft.read_bytes()
    rejected = reject_all(laid_out(draft, track=True).data)
    body = lambda data: [etree.tostring(n, method="c14n") for n in part(data).find(W + "body")
                         if n.tag == W + "p"]
    assert body(rejected) == body(original)
    sect = part(rejected).find(f"{W}body/{W}sectPr")
    assert sect.find(W + "pgSz").get(W + "w") == "12240"


def test_a_second_run_changes_nothing(draft):
    first = laid_out(draft, track=True).data
    again = lay_out(DocxEditor(first, "x"), Config(), track=True, data=first)
    assert not again.changed and again.data == first


def test_a_complying_draft_comes_back_byte_for_byte(draft, tmp_path):
    direct = tmp_path / "排好.docx"
    direct.write_bytes(laid_out(draft, track=False).data)
    result = laid_out(direct)
    assert not result.changed and result.data == direct.read_bytes()


def test_a_weakly_recognised_main_to_is_listed_not_touched(tmp_path):
    path = build_docx(tmp_path / "x.docx", draft_xml(main_to="各县（市、区）人民政府"), sect_pr=LETTER_SECT)
    result = laid_out(path, track=True)
    weak = [(w.element, w.index) for w in result.weak]
    assert ("主送机关", 2) in weak
    node = paragraph(result.data, "各县")
    assert node.find(f".//{W}rPrChange") is None and node.find(f".//{W}pPrChange") is None


def test_the_profile_decides_fonts_and_sizes(draft):
    config = Config(profile={"fonts": {"仿宋": ["华文仿宋"]}, "F012": {"size": 15}})
    data = laid_out(draft, track=False, config=config).data
    assert runs(paragraph(data, "为切实")) == [("为切实做好森林防火工作，现将有关事项通知如下。", "华文仿宋", "30")]
    assert not {f.rule for f in findings(data, config)} & {"F012"}


def test_the_output_opens_in_python_docx(draft):
    import docx

    document = docx.Document(io.BytesIO(laid_out(draft, track=True).data))
    assert document.paragraphs[0].text == TITLE


def _pdf_pages(path: Path, out: Path) -> int:
    # a profile of its own: another LibreOffice running on the machine must not lock this conversion
    profile = (out / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    pdf = out / (path.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice (soffice) or pdfinfo not installed")
def test_libreoffice_converts_the_output(draft, tmp_path):
    out = tmp_path / "pdf"
    tracked = tmp_path / "通知.修订.docx"
    tracked.write_bytes(laid_out(draft, track=True).data)
    direct = tmp_path / "通知.直接.docx"
    direct.write_bytes(laid_out(draft, track=False).data)
    original = _pdf_pages(draft, out)
    assert abs(_pdf_pages(tracked, out) - original) <= 1
    assert _pdf_pages(direct, out) == _pdf_pages(tracked, out)


def test_fix_layout_on_the_command_line(draft, tmp_path):
    from click.testing import CliRunner

    from officekit.cli import main

    original = draft.read_bytes()
    result = CliRunner().invoke(main, ["fix", "--layout", str(draft)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    copy = draft.with_name("通知.修订.docx")
    assert "一键排版" in result.output and copy.exists()
    assert draft.read_bytes() == original  # the input is never modified
    assert part(copy.read_bytes()).find(f".//{W}rPrChange") is not None
    direct = tmp_path / "直接.docx"
    result = CliRunner().invoke(main, ["fix", "--layout", "--no-track", "-o", str(direct), str(draft)])
    assert result.exit_code == 0 and part(direct.read_bytes()).find(f".//{W}rPrChange") is None
    assert not {f.rule for f in findings(direct.read_bytes())} & LAYOUT_RULES


def test_fix_layout_names_a_bad_file(tmp_path):
    from click.testing import CliRunner

    from officekit.cli import main

    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["fix", "--layout", str(bad)])
    assert result.exit_code == 2 and "坏.docx" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_accepting_every_revision_gives_the_no_track_layout(draft, tmp_path):
    tracked, accepted = tmp_path / "修订.docx", tmp_path / "接受.docx"
    tracked.write_bytes(laid_out(draft, track=True).data)
    libreoffice_accept_all(tracked, accepted, tmp_path)
    assert part(accepted.read_bytes()).find(f".//{W}rPrChange") is None
    direct, saved = tmp_path / "直接.docx", tmp_path / "直接-存.docx"
    direct.write_bytes(laid_out(draft, track=False).data)
    libreoffice_accept_all(direct, saved, tmp_path)  # through LibreOffice too: its export has its own units
    assert layout_view(accepted.read_bytes()) == layout_view(saved.read_bytes())
    assert layout_view(accepted.read_bytes()) == layout_view(direct.read_bytes())  # and here even as written


def test_a_missing_header_separator_is_drawn_red_under_the_zihao(tmp_path):
    head = (p(r("云岭市人民政府文件", FONT("方正小标宋简体") + SIZE(36) + '<w:color w:val="FF0000"/>'), ppr=JC("center"))
            + p(r("云政发〔2026〕12号", FONT("仿宋_GB2312", "Times New Roman") + SIZE(16)), ppr=JC("center")))
    path = build_docx(tmp_path / "文件.docx", head + draft_xml(), default_rpr=SIZE(16))
    assert "F051" in {f.rule for f in findings(path.read_bytes())}
    data = laid_out(path, track=True).data
    assert "F051" not in {f.rule for f in findings(data)}
    bottom = paragraph(data, "云政发").find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert (bottom.get(W + "val"), bottom.get(W + "color")) == ("single", "FF0000")
    # rejecting the revision takes the line away again
    assert paragraph(reject_all(data), "云政发").find(f"{W}pPr/{W}pBdr") is None


CORPUS_SAMPLE = ("docx-templates-short/danxiaozhiren__gongwen-format-converter-skill__01-basic-formal.docx",
                 "docx-templates-short/liangming99__gongwen__公文-2026-02-23.docx",
                 "docx-templates-short/Lawliet-lgtm__copilot-help__test.docx",
                 "docx-templates-short/billysince__GongwenAssistant__A5_3.docx")


@pytest.mark.parametrize("name", CORPUS_SAMPLE)
def test_real_drafts_settle_without_new_findings_and_stay_settled(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip("shared corpus not present")
    data = path.read_bytes()
    result = lay_out(DocxEditor(data, str(path)), Config(), track=True, data=data)
    before = {(f.rule, f.location.part, f.location.block) for f in findings(data)}
    after = {(f.rule, f.location.part, f.location.block) for f in findings(result.data)}
    assert after - before == set()  # no new finding of any gate
    assert len(after) < len(before)
    assert [b.text for b in DocxEditor(result.data, "x").document.body] == \
        [b.text for b in DocxEditor(data, "x").document.body]
    again = lay_out(DocxEditor(result.data, str(path)), Config(), track=True, data=result.data)
    assert not again.changed
    assert layout_view(accept_all(result.data)) == \
        layout_view(lay_out(DocxEditor(data, str(path)), Config(), track=False, data=data).data)


def test_check_marks_what_fix_layout_would_settle(draft, tmp_path):
    from click.testing import CliRunner

    from officekit.cli import main

    weak = build_docx(tmp_path / "弱.docx", draft_xml(main_to="各县（市、区）人民政府"), sect_pr=LETTER_SECT)
    for path, main_to_marked in ((draft, True), (weak, False)):
        output = CliRunner().invoke(main, ["check", str(path), "--no-color"]).output
        lines = {line.split(" · ")[-1].split(" ")[0]: line for line in output.splitlines() if " · " in line}
        assert lines["F011"].endswith("[排]") and lines["F002"].endswith("[排]")
        assert lines["F035"].endswith("[排]") == main_to_marked  # a weakly recognised 主送 is not laid out
        assert "`officekit fix --layout`" in output
    # the text rules' findings are not layout's
    output = CliRunner().invoke(main, ["check", str(draft), "--no-color", "--select", "W"]).output
    assert "[排]" not in output


def test_what_layout_does_not_own_is_kept_byte_for_byte(tmp_path):
    other = 'w:id="90" w:author="审稿人" w:date="2026-11-01T00:00:00Z"'
    reviewed = (f'<w:p><w:pPr><w:spacing w:line="400" w:lineRule="exact"/></w:pPr>'
                f'<w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/>'
                f'<w:rPrChange {other}><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrChange></w:rPr>'
                f'<w:t>各地要加强值班值守。</w:t></w:r>'
                f'<w:ins {other.replace("90", "91")}><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>'
                f'<w:t>确保信息畅通。</w:t></w:r></w:ins></w:p>')
    commented = ('<w:p><w:commentRangeStart w:id="5"/>' + r("请认真贯彻执行。", SONG12)
                 + '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>')
    xml = draft_xml().replace(p(r(NUMBERED, SONG12), ppr="<w:pageBreakBefore/>" + SPACING(line=400, lineRule="exact")),
                              reviewed + commented + p(r(NUMBERED, SONG12), ppr="<w:pageBreakBefore/>"))
    comment = '<w:comment w:id="5" w:author="审稿人"><w:p><w:r><w:t>此句可删</w:t></w:r></w:p></w:comment>'
    path = build_docx(tmp_path / "审过.docx", xml, sect_pr=LETTER_SECT, comments=comment)
    data = laid_out(path, track=True).data
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as before, zipfile.ZipFile(io.BytesIO(data)) as after:
        assert after.read("word/comments.xml") == before.read("word/comments.xml")
        assert after.read("word/styles.xml") == before.read("word/styles.xml")
    # the run under another reviewer's pending format change is left to them; their insertion keeps its mark
    node = paragraph(data, "各地要加强值班值守")
    pending = node.find(f"{W}r/{W}rPr/{W}rPrChange")
    assert pending.get(W + "author") == "审稿人" and node.find(f"{W}r/{W}rPr/{W}sz").get(W + "val") == "24"
    assert node.find(f"{W}ins").get(W + "author") == "审稿人"
    # the text they inserted is formatted like the rest, as officekit's own revision inside theirs
    inserted = node.find(f"{W}ins/{W}r/{W}rPr")
    assert inserted.find(f"{W}sz").get(W + "val") == "32"
    assert inserted.find(f"{W}rPrChange").get(W + "author") == "officekit"
    # the commented paragraph is laid out, its comment anchors stay where they were
    marked = paragraph(data, "请认真")
    assert [etree.QName(n).localname for n in marked if etree.QName(n).localname != "pPr"][:1] == ["commentRangeStart"]
    assert marked.find(f"{W}commentRangeEnd") is not None


def test_a_signer_on_its_own_line_is_set_right_one_character_in(tmp_path):
    fang = FONT("仿宋_GB2312", "Times New Roman") + SIZE(16)
    body = "".join([
        p(r("云岭市林业局文件", FONT("方正小标宋简体") + SIZE(36) + '<w:color w:val="FF0000"/>'), ppr=JC("center")),
        p(r("云林〔2026〕5号", fang), ppr=IND(leftChars=100, left=320)),
        p(r("签发人：王某", fang)),
        p(r("云岭市林业局关于申请森林防火专项经费的请示", FONT("方正小标宋简体") + SIZE(22)), ppr=JC("center")),
        p(r("市人民政府：", fang)),
        p(r("为做好今冬明春森林防火工作，特申请专项经费。", fang), ppr=IND(firstLineChars=200, firstLine=640)),
        p(r("妥否，请批示。", fang), ppr=IND(firstLineChars=200, firstLine=640)),
        p(r("云岭市林业局", fang), ppr=JC("right") + IND(rightChars=400, right=1280)),
        p(r("2026年11月16日", fang), ppr=JC("right") + IND(rightChars=200, right=640)),
    ])
    path = build_docx(tmp_path / "请示.docx", body, default_rpr=SIZE(16))
    assert "F090" in {f.rule for f in findings(path.read_bytes())}
    data = laid_out(path, track=False).data
    assert "F090" not in {f.rule for f in findings(data)}
    signer = paragraph(data, "签发人")
    assert signer.find(f"{W}pPr/{W}jc").get(W + "val") == "right"
    assert signer.find(f"{W}pPr/{W}ind").get(W + "rightChars") == "100"
