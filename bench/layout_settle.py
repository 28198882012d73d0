"""How many 格式关 findings `officekit fix --layout` settles, per draft, and whether it makes new ones.

    python bench/layout_settle.py                   # ../shared/corpus/docx and docx-templates-short
    python bench/layout_settle.py some/draft.docx   # just these

For each draft: check it, lay it out (tracked, as `fix --layout` writes it, without the text fixes, so
only layout moves), check the output.  Columns:

- 格式关: all 格式关 findings before → after;
- owned: the findings of the rule types layout sets (format, page, pagenum, the 落款's placement) on
  blocks it recognised confidently — the ones it is meant to settle; settled = those gone afterwards;
- new: findings of any gate after that were not there before (same rule, same block);
- weak: blocks left alone because their element was recognised only weakly.

A finding is "the same" when rule id, part and block match.  Prints one line a draft and the totals.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from officekit.check import check_document, config_for  # noqa: E402
from officekit.engine.ruleset import active_rules  # noqa: E402
from officekit.errors import InputError  # noqa: E402
from officekit.layout import lay_out  # noqa: E402
from officekit.output.docx_edit import DocxEditor  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("docx", "docx-templates-short")
OWNED_TYPES = frozenset({"format", "page", "pagenum"})
OWNED_PLACEMENT = frozenset({"closing"})
TARGET_SETTLED = 0.90


def owned_rules(config) -> set[str]:
    out = set()
    for rule in active_rules(config):
        if rule.type in OWNED_TYPES or (rule.type == "placement" and rule.params.get("check") in OWNED_PLACEMENT):
            out.add(rule.id)
    return out


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
    weak = {(w.part, w.index) for w in result.weak}
    targets = [f for f in before if f.rule in owned and (f.location.part, f.location.block) not in weak]
    after_keys = {key(f) for f in after}
    before_keys = {key(f) for f in before}
    return {
        "fmt_before": sum(f.gate == "格式关" for f in before), "fmt_after": sum(f.gate == "格式关" for f in after),
        "owned": len(targets), "settled": sum(key(f) not in after_keys for f in targets),
        "new": [f for f in after if key(f) not in before_keys], "weak": len(result.weak),
        "left": [f for f in targets if key(f) in after_keys], "skipped": result.skipped,
    }


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for folder in FOLDERS for p in sorted((CORPUS / folder).glob("*.docx"))]
    if not paths:
        print("no drafts (is ../shared/corpus present?)")
        return 1
    totals = {"fmt_before": 0, "fmt_after": 0, "owned": 0, "settled": 0, "new": 0, "weak": 0}
    started = time.perf_counter()
    print(f"{'draft':60} 格式关 before→after  owned settled  new weak")
    for path in paths:
        m = measure(path)
        if m is None:
            continue
        for k in totals:
            totals[k] += len(m[k]) if k == "new" else m[k]
        share = f"{m['settled'] / m['owned']:.0%}" if m["owned"] else "–"
        note = f"  ({m['skipped']})" if m["skipped"] else ""
        print(f"{path.parent.name[:4]}/{path.stem[:55]:55} {m['fmt_before']:4d} → {m['fmt_after']:4d}  "
              f"{m['owned']:5d} {m['settled']:4d} {share:>4} {len(m['new']):4d} {m['weak']:4d}{note}")
        for f in m["new"]:
            print(f"      new: {f.rule} {f.location.part}#{f.location.block} {f.message[:80]}")
        for f in m["left"]:
            print(f"      left: {f.rule} {f.location.part}#{f.location.block} {f.message[:80]}")
    share = totals["settled"] / totals["owned"] if totals["owned"] else 1.0
    print(f"\n{len(paths)} drafts in {time.perf_counter() - started:.0f} s: 格式关 {totals['fmt_before']} → "
          f"{totals['fmt_after']}; owned findings on confident blocks {totals['owned']}, settled {totals['settled']} "
          f"({share:.1%}, target ≥ {TARGET_SETTLED:.0%}); new findings {totals['new']}; weak blocks left {totals['weak']}")
    return 0 if share >= TARGET_SETTLED and totals["new"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
