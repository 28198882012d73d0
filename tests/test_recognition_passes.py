"""Each recognition pass on its own (structure/front.py, main_to.py, record.py, closing.py): the pass
reads its region of a draft and says where the next region starts, whatever the others do."""

from __future__ import annotations

from officekit.document.text_reader import from_text
from officekit.structure.recognize import _Recogniser

TEXT = ("000123\n秘密★1年\n特急\n某某市人民政府文件\n某政发〔2026〕5号\n关于加强安全生产工作的通知\n各县区人民政府：\n"
        "现将有关事项通知如下。\n附件：检查表\n某某市人民政府\n2026年5月6日\n（此件公开发布）\n附件\n检查表\n"
        "抄送：市委办公室。\n某某市人民政府办公室  2026年5月7日印发\n")


def reading():
    return _Recogniser(from_text(TEXT))


def tagged(r) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in sorted(r.spans):
        for s in r.spans[i]:
            out.setdefault(s.element, []).append(s.text.strip())
    return out


def test_front_pass_reads_the_banner_and_title_and_stops_at_the_main_to():
    r = reading()
    front = r._front()
    assert tagged(r) == {"份号": ["000123"], "密级和保密期限": ["秘密★1年"], "紧急程度": ["特急"],
                         "发文机关标志": ["某某市人民政府文件"], "发文字号": ["某政发〔2026〕5号"],
                         "标题": ["关于加强安全生产工作的通知"]}
    assert r.flat[r.lines[front.end]] == "各县区人民政府："


def test_main_to_pass_starts_where_it_is_told_and_returns_the_start_of_the_text():
    r = reading()
    r._tag(r.lines[5], "标题")  # what the front pass would have said
    body = r._main_to(6)
    assert tagged(r)["主送机关"] == ["各县区人民政府："] and r.flat[r.lines[body]] == "现将有关事项通知如下。"


def test_record_pass_finds_the_record_from_the_end():
    r = reading()
    start = r._record(7)
    assert tagged(r) == {"抄送机关": ["抄送：市委办公室。"], "印发机关和印发日期": ["某某市人民政府办公室  2026年5月7日印发"]}
    assert r.flat[r.lines[start]] == "抄送：市委办公室。"


def test_closing_pass_reads_the_closing_note_and_attachments_between_text_and_record():
    r = reading()
    body_end = r._closing(7, 14)
    found = tagged(r)
    assert found["附件说明"] == ["附件：检查表"] and found["发文机关署名"] == ["某某市人民政府"]
    assert found["成文日期"] == ["2026年5月6日"] and found["附注"] == ["（此件公开发布）"]
    assert found["附件"] == ["附件", "检查表"]
    assert r.flat[r.lines[body_end]] == "附件：检查表"
