"""How many 格式关 findings `officekit fix --layout` settles, per draft, and whether it makes new ones.

    python bench/layout_settle.py                   # ../shared/corpus/docx and docx-templates-short
    python bench/layout_settle.py some/draft.docx   # just these
    python bench/layout_settle.py --libreoffice     # also: every changed output opens in python-docx and
                                                    # LibreOffice (PDF page count within one of the input's),
                                                    # and LibreOffice's accept-all gives the --no-track layout

For each draft: check it, lay it out (tracked, as `fix --layout` writes it, without the text fixes, so
only layout moves), check the output.  Columns:

- 格式关: all 格式关 findings before → after;
- owned: the findings of the rules layout sets out to settle (officekit/layout/settles.py, the [排] of
  `check`) on blocks it recognised confidently; settled = those gone afterwards;
- new: findings of any gate after that were not there before (same rule, same block);
- weak: blocks left alone because their element was recognised only weakly.

A finding is "the same" when rule id, part and block match.  Prints one line a draft and the totals.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from officekit.check import check_document, config_for  # noqa: E402
from officekit.engine.ruleset import active_rules  # noqa: E402
from officekit.errors import InputError  # noqa: E402
from officekit.layout import lay_out  # noqa: E402
from officekit.layout.accept import layout_view, libreoffice_accept_all  # noqa: E402
from officekit.layout.settles import settled_rule_ids  # noqa: E402
from officekit.output.docx_edit import DocxEditor  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("docx", "docx-templates-short")
FOLDER_LABELS = {"docx": "docx", "docx-templates-short": "tmpl"}
TARGET_SETTLED = 0.90


def owned_rules(config) -> set[str]:
    """The rules whose findings layout sets out to settle: the same list as check's [排] marker."""
    active = {rule.id for rule in active_rules(config)}
    return set(settled_rule_ids()) & active


def key(f) -> tuple:
    return f.rule, f.location.part, f.location.block


def measure(path: Path) -> dict | None:
    config = config_for(str(path))
    owned = owned_rules(config)
    try:
        editor = DocxEditor.open(str(path))
    except InputError as exc:
        print(f"  {path.name}: {exc.message}", file=sys.stderr)
        return None
    _, before = check_document(editor.document, config)
    data = path.read_bytes()
    result = lay_out(DocxEditor(data, str(path)), config, track=True, data=data)
    _, after = check_document(DocxEditor(result.data, str(path)).document, config)
    again = lay_out(DocxEditor(result.data, str(path)), config, track=True, data=result.data)
    weak = {(w.part, w.index) for w in result.weak}
    targets = [f for f in before if f.rule in owned and (f.location.part, f.location.block) not in weak]
    after_keys = {key(f) for f in after}
    before_keys = {key(f) for f in before}
    checked = libreoffice_checks(path, data, result.data, config) if LIBREOFFICE and result.changed else None
    return {
        "lo": checked, "again": again.changed,
        "fmt_before": sum(f.gate == "格式关" for f in before), "fmt_after": sum(f.gate == "格式关" for f in after),
        "owned": len(targets), "settled": sum(key(f) not in after_keys for f in targets),
        "new": [f for f in after if key(f) not in before_keys], "weak": len(result.weak),
        "left": [f for f in targets if key(f) in after_keys], "skipped": result.skipped,
    }


LIBREOFFICE = False
PAGE_SLACK = 1  # the output's page count may differ from the input's by this much


def pdf_pages(docx: Path, work: Path) -> int:
    profile = (work / "lo-pdf-profile").resolve().as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(work), str(docx)], check=True, capture_output=True, timeout=300)
    info = subprocess.run(["pdfinfo", str(docx.with_suffix(".pdf"))], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def libreoffice_checks(path: Path, original: bytes, tracked: bytes, config) -> dict:
    """python-docx opens the output; LibreOffice converts input and output (page counts); LibreOffice's
    accept-all of the tracked output gives the layout of the --no-track output (saved by LibreOffice too)."""
    import docx

    direct = lay_out(DocxEditor(original, str(path)), config, track=False, data=original).data
    out: dict = {}
    docx.Document(io.BytesIO(tracked))  # raises when python-docx cannot open it
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "in.docx").write_bytes(original)
        (work / "out.docx").write_bytes(tracked)
        out["pages"] = (pdf_pages(work / "in.docx", work), pdf_pages(work / "out.docx", work))
        libreoffice_accept_all(work / "out.docx", work / "accepted.docx", work)
        # the --no-track copy goes through LibreOffice too: its export writes indents in its own units
        # (it drops w:firstLineChars and friends), which is no difference the revisions make
        (work / "direct.docx").write_bytes(direct)
        libreoffice_accept_all(work / "direct.docx", work / "direct-saved.docx", work)
        out["accept_same"] = layout_view((work / "accepted.docx").read_bytes()) == \
            layout_view((work / "direct-saved.docx").read_bytes())
    return out


def main(argv: list[str]) -> int:
    global LIBREOFFICE
    LIBREOFFICE = "--libreoffice" in argv
    argv = [a for a in argv if a != "--libreoffice"]
    paths = [Path(a) for a in argv] or [p for folder in FOLDERS for p in sorted((CORPUS / folder).glob("*.docx"))]
    if not paths:
        print("no drafts (is ../shared/corpus present?)")
        return 1
    totals = {"fmt_before": 0, "fmt_after": 0, "owned": 0, "settled": 0, "new": 0, "weak": 0}
    started = time.perf_counter()
    lo_totals = {"checked": 0, "pages_ok": 0, "accept_same": 0}
    totals_again: list[str] = []
    print(f"{'draft':60} 格式关 before→after  owned settled  new weak")
    for path in paths:
        m = measure(path)
        if m is None:
            continue
        for k in totals:
            totals[k] += len(m[k]) if k == "new" else m[k]
        share = f"{m['settled'] / m['owned']:.0%}" if m["owned"] else "–"
        note = f"  ({m['skipped']})" if m["skipped"] else ""
        print(f"{FOLDER_LABELS.get(path.parent.name, path.parent.name[:4])}/{path.stem[:55]:55} {m['fmt_before']:4d} → {m['fmt_after']:4d}  "
              f"{m['owned']:5d} {m['settled']:4d} {share:>4} {len(m['new']):4d} {m['weak']:4d}{note}")
        if m["lo"]:
            pages, same = m["lo"]["pages"], m["lo"]["accept_same"]
            lo_totals["checked"] += 1
            lo_totals["pages_ok"] += abs(pages[0] - pages[1]) <= PAGE_SLACK
            lo_totals["accept_same"] += same
            print(f"      LibreOffice: pages {pages[0]} → {pages[1]}, accept-all = --no-track: {'yes' if same else 'NO'}")
        if m["again"]:
            print("      NOT IDEMPOTENT: a second run changes the output again")
            totals_again.append(path.name)
        for f in m["new"]:
            print(f"      new: {f.rule} {f.location.part}#{f.location.block} {f.message[:80]}")
        for f in m["left"]:
            print(f"      left: {f.rule} {f.location.part}#{f.location.block} {f.message[:80]}")
    share = totals["settled"] / totals["owned"] if totals["owned"] else 1.0
    print(f"\n{len(paths)} drafts in {time.perf_counter() - started:.0f} s: 格式关 {totals['fmt_before']} → "
          f"{totals['fmt_after']}; owned findings on confident blocks {totals['owned']}, settled {totals['settled']} "
          f"({share:.1%}, target ≥ {TARGET_SETTLED:.0%}); new findings {totals['new']}; weak blocks left {totals['weak']}; "
          f"a second run changed {len(totals_again)} drafts")
    if LIBREOFFICE:
        print(f"LibreOffice on {lo_totals['checked']} changed outputs: page count within {PAGE_SLACK} of the input's "
              f"{lo_totals['pages_ok']}, accept-all = --no-track layout {lo_totals['accept_same']} (all open in python-docx)")
    return 0 if share >= TARGET_SETTLED and totals["new"] == 0 and not totals_again else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
