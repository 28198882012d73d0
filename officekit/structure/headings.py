"""Which numbered paragraphs are heading lines, and how much of each is the heading.

The recogniser marks every paragraph that opens with 一、/（一）/1./（1） with its level
(Draft.heading_levels): that is the numbering ladder.  Not every numbered paragraph is a heading,
though.  Published documents set these in 仿宋 like any body paragraph:

    一、同意在北京市设立……，由……负责实施。          (an item: one long sentence)
    （一）建立完善……机制，……，……。                (an item whose first sentence runs on)
    （一）与法律、行政法规相抵触的事项；             (an enumeration item)

and only short heading lines take the heading font (GB/T 9704-2012 7.3.3 says 一般 for the fonts):

    一、总体要求                                      (the whole line)
    （一）加大援企稳岗力度。对……，……。             (a run-in heading: up to its first 。)

`heading_line(draft, block)` says, for a numbered body paragraph, whether it is a heading line and
where in `block.text` the heading ends; the text after a run-in heading is body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from officekit.document.model import Block
from officekit.structure.model import Draft

# A heading states a topic in a few words; the first sentence of an item is a full sentence.  In the
# 328 published documents run-in headings (（一）加大援企稳岗力度。…) keep their first sentence under
# 25 characters, items that open with a sentence run to 30 and more.
RUN_IN_HEADING_MAX = 30
# A heading line without any sentence end (一、总体要求); longer than this it is a paragraph that
# happens to carry no full stop.
HEADING_LINE_MAX = 40
# The first sentence ends here; 。！？ close a run-in heading, ；： make the line an item or a lead-in.
SENTENCE_END = re.compile(r"[。！？!?；;：:]")
ITEM_ENDS = "；;：:"
CLOSING_MARKS = "”’）)」』》"  # marks that may follow the last 。 of a paragraph
# An unnumbered section heading: at most this many characters, no mark of a sentence or a list in it.
UNNUMBERED_HEADING_MAX = 15
UNNUMBERED_HEADING_BREAKS = re.compile(r"[，。；：、！？,.;:!?（）()“”\"'《》]")
HEITI_NAMES = ("黑", "SimHei", "Hei")
KAITI_NAMES = ("楷", "KaiTi", "Kai")
MARKER = re.compile(r"\s*(?:[一二三四五六七八九十百]+\s*、|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|\d+\s*[.．](?!\d))\s*")


@dataclass(frozen=True, slots=True)
class HeadingLine:
    level: int  # 1–4, as Draft.heading_levels
    end: int  # offset in block.text where the heading part ends (exclusive)
    whole: bool  # the heading is the whole paragraph (no body text follows in it)


def visible_marker(block: Block) -> tuple[str, int]:
    """(the numbering label Word draws in front of the text, "" when typed; offset in block.text where
    the text after the typed marker begins)."""
    label = block.props.numbering_label if block.props and block.props.numbering_label else ""
    if label:
        return label, len(block.text) - len(block.text.lstrip())
    m = MARKER.match(block.text)
    return "", m.end() if m else 0


def heading_line(draft: Draft, block: Block) -> HeadingLine | None:
    """The heading part of a numbered body paragraph, or None when it is not a heading line (no
    number, or a numbered item whose text is a paragraph)."""
    level = draft.heading_levels.get(block.index)
    if not level or block.part != "body":
        return None
    _, body_at = visible_marker(block)
    text = block.text
    rest = text[body_at:]
    stop = SENTENCE_END.search(rest)
    if stop is None:
        if _length(rest) > HEADING_LINE_MAX:
            return None
        return HeadingLine(level, len(text.rstrip()), True)
    if stop.group() in ITEM_ENDS:
        return None  # （一）……的事项；  or  （五）提供优质公共服务方面4项：
    if _length(rest[: stop.start()]) > RUN_IN_HEADING_MAX:
        return None  # 一、同意在北京市……。 — the item's first sentence is a paragraph
    end = body_at + stop.end()
    whole = not text[end:].strip().strip(CLOSING_MARKS)  # 。” closes the paragraph as well
    return HeadingLine(level, len(text.rstrip()) if whole else end, whole)


def heading_lines(draft: Draft) -> dict[int, HeadingLine]:
    """heading_line() of every numbered body paragraph that is a heading line, by block index."""
    out: dict[int, HeadingLine] = {}
    blocks = draft.document.body
    last_of_level: dict[int, str] = {}  # the text of the last numbered paragraph of each level
    for index in sorted(draft.heading_levels):
        if not 0 < index <= len(blocks):
            continue
        level, text = draft.heading_levels[index], blocks[index - 1].text.rstrip()
        line = heading_line(draft, blocks[index - 1])
        # （五）……的其他问题。 closing a list whose items end in ；: the last item, not a heading
        closes_a_list = last_of_level.get(level, "").endswith(("；", ";")) and line is not None and line.whole
        last_of_level[level] = text
        if line is not None and not closes_a_list:
            out[index] = line
    out.update(_unnumbered_heading_lines(draft, out))
    return out


def _unnumbered_heading_lines(draft: Draft, numbered: dict[int, HeadingLine]) -> dict[int, HeadingLine]:
    """Short unnumbered 正文 lines set wholly in 黑体 or 楷体 over more text (来文回顾, 会议基本信息): section
    headings.  GB/T 9704-2012 7.3.3 says the 层次序数 *may* be written, so they are headings of the level
    their font says (黑体 first, 楷体 second), not body text in the wrong font."""
    if not draft.document.has_format:
        return {}
    blocks = draft.document.body
    out: dict[int, HeadingLine] = {}
    texts = [b for b in blocks if b.text.strip()]
    for n, block in enumerate(texts[:-1]):
        flat = "".join(block.text.split())
        if (block.index in numbered or block.index in draft.heading_levels or not 0 < len(flat) <= UNNUMBERED_HEADING_MAX
                or UNNUMBERED_HEADING_BREAKS.search(flat) or draft.element_at("body", block.index) != "正文"
                or draft.element_at("body", texts[n + 1].index) != "正文"):
            continue
        level = _heading_font_level(block)
        if level:
            out[block.index] = HeadingLine(level, len(block.text.rstrip()), True)
    return out


def _heading_font_level(block: Block) -> int | None:
    """1 when every visible character is in a 黑体 font, 2 when in a 楷体 font, else None."""
    fonts = {(run.props.east_asia_font or "") if run.props else "" for run in block.runs if run.text.strip()}
    if fonts and all(any(k in f for k in HEITI_NAMES) for f in fonts):
        return 1
    if fonts and all(any(k in f for k in KAITI_NAMES) for f in fonts):
        return 2
    return None


def _length(text: str) -> int:
    """Characters of the text that take room (spaces and line breaks do not count)."""
    return sum(1 for ch in text if not ch.isspace())
