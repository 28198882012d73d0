"""The 政策关/格式关 gaps of issue 11 that real drafts show and officekit used to pass in silence:
报告夹带请示 in the 恳请/予以支持 forms (P115), 事先协调关 (P116), a 通知 without 主送 (F410, F411), a 落款
without 署名 (F412), 「尊敬的」 in the 主送 (F413), 保密关 (P117), and the layout ones (F006, F415).
Whole drafts, as text and as .docx, with the exact rule, place and suggestion of every finding."""

from __future__ import annotations

import json

try:
    from corpus import CORPUS_DOCX, CORPUS_TEMPLATES, GOV_DOCUMENTS, skip_without_corpus
    from docx_builders import build_docx, p, tbl
except ImportError:  # tests/ imported as a package
    from tests.corpus import CORPUS_DOCX, CORPUS_TEMPLATES, GOV_DOCUMENTS, skip_without_corpus
    from tests.docx_builders import build_docx, p, tbl

from officekit.document import read
from officekit.document.text_reader import from_text
from officekit.engine import genre_profile, runner
from officekit.engine.ruleset import _pack_rules
from officekit.structure import recognize

GAP_RULES = {"P115", "P116", "P117", "F410", "F411", "F412", "F413"}


def gap_rules(ids=GAP_RULES):
    return [r for pack in ("xingwen", "elements", "format") for r in _pack_rules(pack) if r.id in ids]


def findings(lines, ids=GAP_RULES):
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    out = []
    for f in runner.run(draft, gap_rules(ids)):
        text = draft.document.block(f.location.part, f.location.block).text
        out.append((f.rule, f.location.block, text[f.location.start:f.location.end], f.suggestion))
    return sorted(out)


# ---------------------------------------------------------------- 报告夹带请示 (P115)

REPORT = [
    "云岭市林业局关于森林防火工作情况的报告",
    "市人民政府：",
    "今年共排查隐患126处，整改到位118处。",
    "目前检查站建设资金缺口较大，特恳请市政府协调解决。",
    "特此报告。",
    "云岭市林业局",
    "2026年3月5日",
]


def test_a_report_asking_for_coordination_is_a_request_smuggled_in():
    assert findings(REPORT) == [("P115", 4, "特恳请市政府协调解决", None)]


def test_the_other_request_forms_in_a_report():
    lines = list(REPORT)
    lines[3] = "以上问题请市人民政府予以解决。"
    assert findings(lines) == [("P115", 4, "请市人民政府予以解决", None)]
    lines[3] = "恳请上级部门给予支持。"
    assert findings(lines) == [("P115", 4, "恳请上级部门给予支持", None)]


def test_a_report_that_tells_what_others_were_asked_is_quiet():
    lines = list(REPORT)
    lines[3] = "对群众反映的问题，我局已请市财政局予以解决，并已向省厅申请资金。"
    assert findings(lines) == []


def test_the_plain_request_ending_stays_p108_alone():
    """「恳请批准」 is P108's 请批准: P115 does not report the same words a second time."""
    lines = list(REPORT)
    lines[3] = "恳请批准。"
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    rules = gap_rules() + [r for r in _pack_rules("xingwen") if r.id == "P108"]
    assert [(f.rule, f.location.block) for f in runner.run(draft, rules)] == [("P108", 4)]


def test_the_same_words_in_a_request_are_not_p115s_business():
    lines = list(REPORT)
    lines[0] = "云岭市林业局关于追加检查站建设资金的请示"
    lines[4] = "此事已商市财政局同意。妥否，请批示。"
    assert findings(lines) == []


# ---------------------------------------------------------------- 事先协调关 (P116)

REQUEST = [
    "云岭市林业局关于追加森林防火经费的请示",
    "市人民政府：",
    "今冬以来我市降水偏少，森林火险等级偏高。",
    "为此，请求追加森林防火经费80万元，用于购置扑火物资。",
    "妥否，请批示。",
    "云岭市林业局",
    "2026年3月5日",
]


def test_a_request_for_money_that_does_not_say_it_was_coordinated_is_asked_once():
    lines = REQUEST[:4] + ["另拟申请核增事业编制5名。"] + REQUEST[4:]
    found = findings(lines)
    assert [(rule, block, text) for rule, block, text, _ in found] == [("P116", 4, "请求追加森林防火经费")]
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    (finding,) = runner.run(draft, gap_rules({"P116"}))
    assert finding.severity == "warning" and finding.gate == "政策关"
    assert "是否已征求相关部门意见并协商一致？" in finding.message


def test_coordination_said_anywhere_in_the_text_answers_it():
    for said in ("此事已商市财政局同意。", "经与市财政局协商一致，", "已征求市财政局意见。", "由我局会同市财政局提出。"):
        lines = REQUEST[:4] + [said] + REQUEST[4:]
        assert findings(lines) == [], said


def test_a_request_within_the_organs_own_remit_is_not_questioned():
    lines = list(REQUEST)
    lines[3] = "为此，拟于3月开展森林防火专项检查。"
    assert findings(lines) == []


# ---------------------------------------------------------------- 主送 and 落款 (F410–F413)

NOTICE = [
    "云岭市林业局关于开展森林防火检查的通知",
    "各乡镇人民政府，市直各部门：",
    "请按照检查方案认真落实。",
    "云岭市林业局",
    "2026年3月5日",
]


def test_a_notice_without_its_main_to_is_an_error_on_the_main_to():
    lines = [NOTICE[0]] + NOTICE[2:]
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    (finding,) = runner.run(draft, gap_rules())
    assert (finding.rule, finding.severity, finding.element, finding.location.block) == ("F410", "error", "主送机关", 1)


def test_a_notice_published_openly_without_main_to_gets_a_warning_only():
    lines = [NOTICE[0]] + NOTICE[2:] + ["（此件公开发布）"]
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    assert [(f.rule, f.severity, f.location.block) for f in runner.run(draft, gap_rules())] == [("F411", "warning", 1)]


def test_a_note_that_says_not_public_is_no_open_publication():
    lines = [NOTICE[0]] + NOTICE[2:] + ["（此件不予公开）"]
    assert [rule for rule, *_ in findings(lines)] == ["F410"]
    assert findings(SECRET[:-1] + ["（此件不公开发布）"]) == []


def test_announcements_and_notices_with_main_to_are_quiet():
    assert findings(NOTICE) == []
    assert findings(NOTICE + ["（此件公开发布）"]) == []
    announcement = ["云岭市人民政府关于禁止野外用火的通告", "森林防火期内禁止野外用火。", "云岭市人民政府", "2026年3月5日"]
    assert findings(announcement) == []
    # GB/T 9704 7.3.2: a long 主送 may move to the 版记, labelled 主送
    record = [NOTICE[0]] + NOTICE[2:] + ["主送：各乡镇人民政府，市直各部门。", "抄送：市政府办公室。"]
    assert findings(record) == []


def test_a_date_without_signature_is_a_finding_on_the_signature_at_the_date():
    lines = NOTICE[:3] + NOTICE[4:]
    draft = recognize(from_text("\n".join(lines), "稿.txt"))
    (finding,) = runner.run(draft, gap_rules())
    assert (finding.rule, finding.severity, finding.element, finding.location.block) == (
        "F412", "warning", "发文机关署名", 4)


def test_respectful_salutation_in_the_main_to():
    lines = list(NOTICE)
    lines[1] = "尊敬的各乡镇人民政府，市直各部门："
    assert findings(lines) == [("F413", 2, "尊敬的", "删去“尊敬的”，写作“各乡镇人民政府，市直各部门：”")]


# ---------------------------------------------------------------- 保密关 (P117)

SECRET = [
    "000001",
    "秘密★1年",
    "云岭市林业局文件",
    "云林发〔2026〕5号",
    "云岭市林业局关于开展森林防火检查的通知",
    "各乡镇人民政府：",
    "请认真落实。",
    "云岭市林业局",
    "2026年3月5日",
    "（此件公开发布）",
]


def test_a_secret_document_published_openly_is_a_contradiction_on_the_note():
    draft = recognize(from_text("\n".join(SECRET), "稿.txt"))
    (finding,) = runner.run(draft, gap_rules())
    assert (finding.rule, finding.severity, finding.element, finding.location.block) == ("P117", "error", "附注", 10)
    assert "“（此件公开发布）”" in finding.message


def test_a_secret_document_with_a_distribution_note_or_an_open_one_without_level_is_quiet():
    assert findings(SECRET[:-1] + ["（此件发至乡镇）"]) == []
    assert findings(SECRET[2:]) == []
    # F406 (份号) is its own rule: P117 does not repeat it
    assert findings(SECRET[1:-1]) == []


# ---------------------------------------------------------------- layout that slipped through (F006, F414)

TWIPS_PER_MM = 1440 / 25.4
PORTRAIT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
            '</w:sectPr>')


def landscape(top, bottom, left, right):
    mm = lambda v: round(v * TWIPS_PER_MM)  # noqa: E731
    return ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
            f'<w:pgMar w:top="{mm(top)}" w:right="{mm(right)}" w:bottom="{mm(bottom)}" w:left="{mm(left)}" '
            'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')


def docx_findings(tmp_path, body, sect_pr=None, ids=GAP_RULES | {"F002", "F003", "F005", "F006", "F414"}):
    path = build_docx(tmp_path / "稿.docx", body, sect_pr=sect_pr)
    draft = recognize(read(str(path)))
    out = []
    for f in runner.run(draft, gap_rules(ids)):
        text = draft.document.block(f.location.part, f.location.block).text
        out.append((f.rule, f.location.block, text[f.location.start:f.location.end]))
    return sorted(out), draft


def notice_with_landscape_table(margins):
    """A portrait 通知 (GB/T 9704 margins) whose second section is a landscape table page."""
    text = "".join(p(x) for x in NOTICE)
    table_page = (p(f'<w:pPr><w:sectPr>{PORTRAIT[len("<w:sectPr>"):-len("</w:sectPr>")]}</w:sectPr></w:pPr>')
                  + p("附件") + p("检查安排表") + tbl([[p("乡镇"), p("检查日期")], [p("东山镇"), p("3月10日")]]))
    return text + table_page, landscape(*margins)


def test_a_landscape_table_page_with_the_version_turned_is_quiet(tmp_path):
    body, sect = notice_with_landscape_table((28, 26, 37, 35))
    found, draft = docx_findings(tmp_path, body, sect)
    assert [s.orientation for s in draft.document.sections] == ["portrait", "landscape"]
    assert found == []


def test_a_landscape_page_that_kept_the_portrait_margins_is_a_warning_on_its_first_block(tmp_path):
    body, sect = notice_with_landscape_table((37, 35, 28, 26))
    path = build_docx(tmp_path / "稿.docx", body, sect_pr=sect)
    draft = recognize(read(str(path)))
    (finding,) = runner.run(draft, gap_rules({"F002", "F003", "F005", "F006"}))
    first_of_section = next(b.index for b in draft.document.body if b.section == 1)
    assert (finding.rule, finding.severity, finding.element, finding.location.block) == (
        "F006", "warning", "版面", first_of_section)
    assert "此节为版心 243 mm × 138 mm" in finding.message


def test_a_table_right_under_the_date_is_outside_every_attachment(tmp_path):
    body = "".join(p(x) for x in NOTICE) + tbl([[p("乡镇"), p("检查日期")], [p("东山镇"), p("3月10日")]])
    found, _ = docx_findings(tmp_path, body)
    assert found == [("F414", 6, "乡镇")]


def test_tables_of_an_attachment_or_of_the_record_are_in_place(tmp_path):
    table = tbl([[p("乡镇"), p("检查日期")], [p("东山镇"), p("3月10日")]])
    labelled = "".join(p(x) for x in NOTICE) + p("附件") + p("检查安排表") + table
    assert docx_findings(tmp_path, labelled)[0] == []
    record = tbl([[p("抄送：市政府办公室。")], [p("云岭市林业局办公室　　2026年3月5日印发")]])
    assert docx_findings(tmp_path, "".join(p(x) for x in NOTICE) + record)[0] == []
    in_text = "".join(p(x) for x in NOTICE[:3]) + table + "".join(p(x) for x in NOTICE[3:])
    assert docx_findings(tmp_path, in_text)[0] == []


# ---------------------------------------------------------------- measured on the shared corpus

ALL_GAPS = GAP_RULES | {"F006", "F414"}


def test_published_documents_get_no_error_and_three_signature_warnings():
    """The 328 published documents: nothing at error level; F412 on the web versions of three 国办
    网站抽查情况通报, printed with the date and without the 署名."""
    path = skip_without_corpus(GOV_DOCUMENTS)
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = gap_rules(ALL_GAPS)
    hits = [(f.rule, f.severity, doc["title"]) for doc in docs
            for f in runner.run(recognize(from_text(doc["text"], "<corpus>")), rules)]
    assert [h for h in hits if h[1] == "error"] == []
    assert sorted((rule, "政府网站抽查情况通报" in title) for rule, _, title in hits) == [("F412", True)] * 3


def test_real_drafts_and_templates_give_what_was_read():
    """27 real drafts and 37 templates, judged as `officekit check` does (公文-only packs stand aside for
    a draft that is no 公文): the GB/T 9704 layout sample marked 秘密★1年 and （此文公开发布） (P117, true).
    A company's 通知 template addressed to one person (某某同学，您好！) is read as a letter, so F410 (no
    主送机关) no longer speaks to it."""
    skip_without_corpus(CORPUS_DOCX)
    rules = gap_rules(ALL_GAPS)
    found = set()
    for path in sorted(CORPUS_DOCX.glob("*.docx")) + sorted(CORPUS_TEMPLATES.glob("*.docx")):
        draft = recognize(read(str(path)))
        kept, _ = genre_profile.apply(draft, runner.run(draft, rules), rules, None)
        found |= {(path.name, f.rule, f.location.block) for f in kept}
    assert found == {
        ("kamisky__GB-T-9704-2012-gongwen-format__公文样例_standard.docx", "P117", 19),
    }
