"""Made-up drafts with findings of every kind, for tests of what officekit does with findings
(annotate, fix, report formats) that must also run in a clone without the shared corpus.

    from sample_drafts import faulty_notice
    path = faulty_notice(tmp_path)

In a parametrize list beside corpus files, name it FAULTY_NOTICE and let `place` build or copy:

    @pytest.mark.parametrize("draft", [FAULTY_NOTICE, corpus_param(CORPUS_DOCX / "x.docx", id="corpus")])
    def test_x(draft, tmp_path):
        source = place(draft, tmp_path / "draft.docx")

The text is invented; the layout is format_fixtures.conformant_notice with a few faults put in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docx_builders import IND, p
from format_fixtures import LINE, ST, conformant_notice, run

BODY_PARAGRAPH = IND(firstLineChars=200) + LINE


def faulty_notice(folder: Path, name: str = "faulty.docx") -> Path:
    """A 通知 whose findings are, in the body: 标题 and the first 正文 paragraph laid out wrongly (whole
    paragraphs, no fix), half-width punctuation, straight quotes and a misspelt word (spans with safe
    fixes that keep the length: W101, W103, W301); in the footer: the page number not on alternate
    sides (F063, a warning).  Errors and a warning, in body and footer."""
    return conformant_notice(folder, name=name, body_font=ST, title_align="left", even_odd=False, swap={
        8: p(run('各地要严格落实森林防火行政首长负责制,把责任落实到"山头地块"和具体人员.'), ppr=BODY_PARAGRAPH),
        10: p(run("严格执行野外用火审批制度，认真布署巡查工作，做到早发现、早报告、早处置。"), ppr=BODY_PARAGRAPH),
    })


FAULTY_NOTICE = "faulty-notice"  # stands for faulty_notice() in a list of draft paths (also a test id)


def place(source: Path | str, target: Path) -> Path:
    """Put a draft at `target` for a test to work on: FAULTY_NOTICE is built there, a path is copied
    (tests never touch the original)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source == FAULTY_NOTICE:
        return faulty_notice(target.parent, target.name)
    shutil.copyfile(source, target)
    return target
