"""Measure the recogniser on the published-documents corpus (../shared/corpus/text/gov-documents.jsonl).

Two agreements:
  文种     — detected Draft.doctype against the `wenzhong` label, over documents whose label is a statutory
             文种 (令 → 命令);
  发文字号 — the text of the first 发文字号 span against `fawen_zihao` (where given), spaces stripped.

The corpus texts were scraped from web pages and some lost their title line (only the 字号 or the 主送 is
left, or a 新华社 dateline stands in front).  A title cannot be read from a text that does not contain it, so
the 文种 agreement is reported three ways: on every labelled text as it is, on the texts that carry a title
line, and with the `title` field put back as the first line of texts that lack one.  Likewise some
`fawen_zihao` labels are numbers that the text only cites inside the body (the number of the 请示 being
answered, of a document quoted): they are counted, and reported as label errors.

    python bench/recognition.py [--verbose] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from govdocs import GOV_DOCUMENTS, read_documents

from officekit.document.text_reader import from_text
from officekit.structure import STATUTORY_DOCTYPES, recognize
from officekit.structure.doctype import ends_with_statutory_doctype
from officekit.structure.patterns import compact

_SENTENCE = re.compile(r"[。！？；]")


def label_doctype(label: str) -> str | None:
    label = "命令" if label == "令" else label
    return label if label in STATUTORY_DOCTYPES else None


def carries_title(text: str) -> bool:
    """Does the text have a title line at its head?  Read without the recogniser: the lines before the
    first sentence or 主送 line, joined, end in a 文种 word at a line end."""
    joined = ""
    for line in text.split("\n")[:40]:
        flat = compact(line)
        if not flat:
            continue
        if _SENTENCE.search(flat) or flat.endswith(("：", ":")) or len(flat) > 80:
            break
        joined += flat
        if ends_with_statutory_doctype(joined):
            return True
    return False


def zihao_label_is_citation(text: str, label: str) -> bool:
    """The labelled number appears in the text only inside a longer line (a citation), never alone."""
    lines = [compact(line) for line in text.split("\n")]
    return label not in lines and any(label in line for line in lines) or label not in compact(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--corpus", default=str(GOV_DOCUMENTS))
    args = parser.parse_args(argv)

    rows = read_documents(args.corpus)
    t0 = time.perf_counter()
    doc_all = doc_titled = doc_restored = 0
    ok_all = ok_titled = ok_restored = 0
    no_title: list[str] = []
    doc_misses: list[str] = []
    z_total = z_ok = z_cited = 0
    z_misses: list[str] = []

    for n, row in enumerate(rows):
        text = row["text"]
        draft = recognize(from_text(text, f"gov-documents#{n}"))
        gold = label_doctype(row["wenzhong"])
        if gold:
            doc_all += 1
            hit = draft.doctype == gold
            ok_all += hit
            titled = carries_title(text)
            if titled:
                doc_titled += 1
                ok_titled += hit
                restored = draft
            else:
                no_title.append(f"#{n} label {gold}, text starts {compact(text)[:30]!r}")
                restored = recognize(from_text(row["title"] + "\n" + text, f"gov-documents#{n}+title"))
            doc_restored += 1
            ok_restored += restored.doctype == gold
            if restored.doctype != gold or (titled and not hit):
                title = draft.text_of("标题") or "(no title)"
                doc_misses.append(f"#{n} label {gold} got {restored.doctype} | title {title[:50]!r} "
                                  f"| field {row['title'][:40]!r}")
        label = row.get("fawen_zihao")
        if label:
            label = compact(label)
            z_total += 1
            span = draft.first("发文字号")
            got = compact(span.text) if span else None
            if got == label:
                z_ok += 1
            else:
                cited = zihao_label_is_citation(text, label)
                z_cited += cited
                why = "label only cited in the body (label error)" if cited else "missed"
                z_misses.append(f"#{n} label {label} got {got} — {why}")
    elapsed = time.perf_counter() - t0

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f} %" if b else "n/a"

    print(f"documents: {len(rows)}, recognised in {elapsed:.2f} s ({1000 * elapsed / len(rows):.1f} ms each)")
    print(f"文种 agreement, texts as they are:            {pct(ok_all, doc_all)}")
    print(f"文种 agreement, texts that carry a title:      {pct(ok_titled, doc_titled)}")
    print(f"文种 agreement, title restored where missing:  {pct(ok_restored, doc_restored)}")
    print(f"  ({len(no_title)} labelled texts have no title line)")
    print(f"发文字号 agreement:                             {pct(z_ok, z_total)}")
    print(f"发文字号 agreement, label errors left out:      {pct(z_ok, z_total - z_cited)}"
          f"  ({z_cited} labels are numbers the text only cites)")
    if args.verbose:
        print("\n文种 disagreements (restored run, plus titled texts that failed as they are):")
        print("\n".join("  " + m for m in doc_misses) or "  none")
        print("\nTexts without a title line:")
        print("\n".join("  " + m for m in no_title) or "  none")
        print("\n发文字号 disagreements:")
        print("\n".join("  " + m for m in z_misses) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
