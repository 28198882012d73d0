"""Mutation bench: officekit on GB/T 9704 documents with one injected defect each (issue «Read the draft right»).

The published documents of ../shared/corpus/text/gov-documents.jsonl are typeset as conformant 文件-format
.docx files with plain-text twins (bench/gbt9704_render.py); each defect class of bench/defects.py is then
injected into copies, one defect a copy.  officekit runs in-process (read → recognise → every default rule,
as `officekit check` with no configuration) on every clean and every mutated file.  Printed:

- strict recall: a mutated copy counts as caught when some finding has the class's gate and names one of
  its (element, part, block) places; by gate, by format, and every class under 100 % with an example of
  what was reported instead;
- error- and warning-level findings per CLEAN document, with the table of rules behind them;
- recognition per element on the clean set: the renderer knows which block is which element, compared
  with the first span officekit's Draft gives the block.

    python bench/mutate.py                     # default sample: 40 documents, 4 copies a class, 2 jobs
    python bench/mutate.py --limit 20 --per-class 2 --seed 7
    python bench/mutate.py --all               # every document clean, every applicable document per class (hours)
    python bench/mutate.py --classes date-dotted,main-to-no-colon --show 5 --keep

Files go to bench/out/mutate/run-PID/ (ignored by git): test data, made afresh on each run and removed
at its end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from defects import BY_ID, DEFECTS  # noqa: E402
from gbt9704_render import compose, load_published, render_files  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "text" / "gov-documents.jsonl"
OUT = Path(__file__).resolve().parent / "out" / "mutate"

TARGET_RECALL = 0.98
TARGET_ERRORS_PER_DOC = 0.02
TARGET_WARNINGS_PER_DOC = 0.3
TARGET_RECOGNITION = 0.995
DEFAULT_LIMIT = 40
DEFAULT_PER_CLASS = 4


@dataclass(frozen=True)
class Task:
    kind: str  # clean / a defect id
    key: str  # document key (gov012)
    seed: int


# -- the worker: render, check, report findings and spans -----------------------------------------------------
_DOCS: dict = {}
_CONFIG = None
_OUT: Path = OUT


def _init(corpus: str, seed: int, out: str) -> None:
    global _DOCS, _CONFIG, _OUT
    from officekit.config.model import Config

    docs, _ = load_published(Path(corpus), seed)
    _DOCS = {d.key: d for d in docs}
    _CONFIG = Config()
    _OUT = Path(out)


def _check(path: Path) -> dict:
    from officekit.check import check_document
    from officekit.document import read
    from officekit.errors import InputError

    try:
        draft, findings = check_document(read(str(path)), _CONFIG)
    except InputError as exc:
        return {"error": exc.message}
    return {
        "findings": [(f.rule, f.gate, f.element, f.severity, f.location.part, f.location.block, f.message)
                     for f in findings],
        "spans": [(s.part, s.block, s.element) for s in draft.spans],
        "doctype": draft.doctype,
    }


def run_task(task: Task) -> list[dict]:
    doc = _DOCS[task.key]
    rendering = compose(doc)
    formats = ("docx", "txt")
    expect = None
    if task.kind != "clean":
        defect = BY_ID[task.kind]
        expect = defect.inject(rendering, random.Random(f"{task.seed}-{task.kind}-{task.key}"))
        if expect is None:
            return []
        formats = defect.formats
    stem = _OUT / task.kind / task.key
    docx_path, txt_path = render_files(rendering, stem)
    if "txt" not in formats:
        txt_path.unlink()
    out = []
    for fmt in formats:
        result = _check(docx_path if fmt == "docx" else txt_path)
        result.update(kind=task.kind, key=task.key, format=fmt, path=str(stem.with_suffix("." + fmt)))
        if expect is not None:
            result["expect"] = {"gate": expect.gate, "places": [list(p) for p in expect.places]}
        else:
            result["map"] = rendering.element_map()
            result["footer"] = rendering.footer_blocks()
        out.append(result)
    return out


# -- scoring --------------------------------------------------------------------------------------------------
def caught(result: dict) -> bool:
    places = {tuple(p) for p in result["expect"]["places"]}
    gate = result["expect"]["gate"]
    return any(f[1] == gate and (f[2], f[4], f[5]) in places for f in result.get("findings", []))


def read_right(result: dict) -> bool:
    """officekit tagged one of the defect's places with the element it names (recognised generously)."""
    first: dict[tuple[str, int], str] = {}
    for part, block, element in result.get("spans", []):
        first.setdefault((part, block), element)
    return any(first.get((part, block)) == element for element, part, block in result["expect"]["places"])


def reported_instead(result: dict) -> str:
    """What officekit said at the expected blocks (or that it said nothing there), and how it read them."""
    places = result["expect"]["places"]
    blocks = {(p[1], p[2]) for p in places}
    near = [f for f in result.get("findings", []) if (f[4], f[5]) in blocks]
    read_as = {}
    for part, block, element in result.get("spans", []):
        if (part, block) in blocks:
            read_as.setdefault(f"{part}:{block}", element)
    want = " / ".join(f"{e}@{p}:{b}" for e, p, b in places[:3])
    seen = "; ".join(f"{f[0]} {f[1]} {f[2]}「{f[6][:40]}」" for f in near[:3]) or "nothing at those blocks"
    read = ", ".join(f"{k}={v}" for k, v in read_as.items()) or "untagged"
    return f"want {result['expect']['gate']} {want}; got {seen} (read as {read})"


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} %" if b else "   –   "


def report(results: list[dict], args, elapsed: float, skipped: int, n_docs: int) -> dict:
    clean = [r for r in results if r["kind"] == "clean" and "error" not in r]
    mutated = [r for r in results if r["kind"] != "clean" and "error" not in r]
    failed = [r for r in results if "error" in r]
    summary: dict = {}

    print(f"\nMutation bench — {time.strftime('%Y-%m-%d %H:%M')} — {platform.node()} "
          f"({os.cpu_count()} cores), Python {platform.python_version()}, {elapsed:.0f} s with {args.jobs} jobs")
    print(f"source: {n_docs} corpus documents typeset ({skipped} skipped: 令/公告, joint issue, cut texts); "
          f"sample {len({r['key'] for r in clean})} clean documents, {len(mutated)} mutated files "
          f"({len({(r['kind'], r['key']) for r in mutated})} copies) of {len({r['kind'] for r in mutated})} classes; "
          f"seed {args.seed}")
    if failed:
        print(f"!! {len(failed)} files could not be read: {failed[0]['path']}: {failed[0]['error']}")

    # strict recall
    hits = sum(caught(r) for r in mutated)
    print(f"\nstrict recall (gate + element + block): {hits}/{len(mutated)} = {pct(hits, len(mutated))}"
          f"   target ≥ {TARGET_RECALL:.0%}")
    summary["recall"] = hits / len(mutated) if mutated else None
    by_gate: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_format: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_class: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    examples: dict[str, str] = {}
    for r in mutated:
        ok = caught(r)
        for table, key in ((by_gate, BY_ID[r["kind"]].gate), (by_format, r["format"])):
            table[key][0] += ok
            table[key][1] += 1
        by_class[r["kind"]][r["format"]][0] += ok
        by_class[r["kind"]][r["format"]][1] += 1
        if not ok and r["kind"] not in examples:
            examples[r["kind"]] = f"{r['key']}.{r['format']}: {reported_instead(r)}"
    print("  by gate:   " + "   ".join(f"{g} {pct(*v)} ({v[0]}/{v[1]})" for g, v in sorted(by_gate.items())))
    print("  by format: " + "   ".join(f"{f} {pct(*v)} ({v[0]}/{v[1]})" for f, v in sorted(by_format.items())))
    read = sum(read_right(r) for r in mutated)
    print(f"  the defective element read as what it is (at one of its places): {read}/{len(mutated)} = "
          f"{pct(read, len(mutated))}")
    summary["read_right_at_defect"] = read / len(mutated) if mutated else None
    summary["recall_by_gate"] = {g: v[0] / v[1] for g, v in by_gate.items()}
    summary["recall_by_format"] = {f: v[0] / v[1] for f, v in by_format.items()}

    weak = []
    for defect in DEFECTS:
        cells = by_class.get(defect.id)
        if not cells:
            continue
        got = sum(v[0] for v in cells.values())
        total = sum(v[1] for v in cells.values())
        if got < total:
            weak.append((got / total, defect, cells))
    weak.sort(key=lambda w: (w[0], w[1].id))
    print(f"\nclasses under 100 % ({len(weak)} of {len(by_class)}):")
    print(f"  {'recall':>7}  {'class':<24} {'gate':<4} {'element':<10} docx    txt    example of what was reported instead")
    for share, defect, cells in weak:
        cols = "  ".join(f"{cells[f][0]}/{cells[f][1]:<3}" if f in cells else "  –  " for f in ("docx", "txt"))
        print(f"  {100 * share:6.0f}%  {defect.id:<24} {defect.gate:<4} {defect.element:<10} {cols}  {examples.get(defect.id, '')}")
    summary["weak_classes"] = {d.id: round(s, 3) for s, d, _ in weak}
    # per class and format: copies, caught, defective element read as what it is (to compare two runs)
    per_class: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for r in mutated:
        cell = per_class[r["kind"]][r["format"]]
        cell[0] += 1
        cell[1] += caught(r)
        cell[2] += read_right(r)
    summary["by_class"] = {k: {f: dict(zip(("copies", "caught", "read_right"), v)) for f, v in cells.items()}
                           for k, cells in sorted(per_class.items())}
    if args.show:
        for r in [r for r in mutated if not caught(r)][: args.show]:
            print(f"    {r['kind']} {r['path']}: {reported_instead(r)}")

    # findings on clean documents
    print("\nfindings per CLEAN document (error / warning):")
    per_rule: dict[tuple, Counter] = defaultdict(Counter)
    messages: dict[str, str] = {}
    for fmt in ("docx", "txt"):
        files = [r for r in clean if r["format"] == fmt]
        errors = sum(1 for r in files for f in r["findings"] if f[3] == "error")
        warnings = sum(1 for r in files for f in r["findings"] if f[3] == "warning")
        n = len(files) or 1
        print(f"  {fmt:<5} {errors / n:6.2f} errors   (target ≤ {TARGET_ERRORS_PER_DOC})   "
              f"{warnings / n:6.2f} warnings   (target ≤ {TARGET_WARNINGS_PER_DOC})   over {len(files)} documents")
        summary[f"clean_{fmt}"] = {"errors_per_doc": errors / n, "warnings_per_doc": warnings / n, "documents": len(files)}
        for r in files:
            for f in r["findings"]:
                if f[3] in ("error", "warning"):
                    per_rule[(f[0], f[3])][fmt] += 1
                    messages.setdefault(f[0], f[6])
        for r in files:
            for rule, sev in {(f[0], f[3]) for f in r["findings"] if f[3] in ("error", "warning")}:
                per_rule[(rule, sev)][f"docs_{fmt}"] += 1
    print(f"\n  {'rule':<6} {'severity':<8} {'docx':>6} {'txt':>6} {'docs docx/txt':>14}  example message")
    for (rule, sev), c in sorted(per_rule.items(), key=lambda kv: (kv[0][1] != "error", -kv[1]["docx"] - kv[1]["txt"])):
        print(f"  {rule:<6} {sev:<8} {c['docx']:>6} {c['txt']:>6} {c['docs_docx']:>7}/{c['docs_txt']:<6}  {messages[rule][:60]}")
    summary["clean_by_rule"] = {f"{rule} {sev}": {"docx": c["docx"], "txt": c["txt"]} for (rule, sev), c in per_rule.items()}

    # recognition per element on the clean set
    print(f"\nrecognition per element on the clean set (target ≥ {TARGET_RECOGNITION:.1%} each):")
    seen: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    wrong: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in clean:
        first: dict[tuple[str, int], str] = {}
        for part, block, element in r["spans"]:
            first.setdefault((part, block), element)
        expected = [("body", b, e) for b, e in r["map"]]
        if r["format"] == "docx":
            expected += [("footer", b, "页码") for b in r["footer"]]
        for part, block, element in expected:
            got = first.get((part, block))
            cell = seen[(element, r["format"])]
            cell[1] += 1
            if got == element:
                cell[0] += 1
            else:
                wrong[(element, r["format"])][got or "untagged"] += 1
    order = {e: i for i, e in enumerate(("发文机关标志", "发文字号", "标题", "主送机关", "正文", "附件说明", "发文机关署名",
                                         "成文日期", "附注", "附件", "抄送机关", "印发机关和印发日期", "页码"))}
    print(f"  {'element':<10} {'docx':>16} {'txt':>16}   read instead")
    for element in sorted({e for e, _ in seen}, key=lambda e: order.get(e, 99)):
        cols = []
        for fmt in ("docx", "txt"):
            ok, total = seen.get((element, fmt), (0, 0))
            cols.append(f"{pct(ok, total)} ({ok}/{total})" if total else "–")
        instead = "; ".join(f"{fmt}: " + ", ".join(f"{k}×{v}" for k, v in wrong[(element, fmt)].most_common(3))
                            for fmt in ("docx", "txt") if wrong.get((element, fmt)))
        print(f"  {element:<10} {cols[0]:>16} {cols[1]:>16}   {instead}")
        summary.setdefault("recognition", {})[element] = {
            fmt: (seen[(element, fmt)][0] / seen[(element, fmt)][1]) for fmt in ("docx", "txt") if (element, fmt) in seen}
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="documents in the sample")
    ap.add_argument("--per-class", type=int, default=DEFAULT_PER_CLASS, help="mutated copies per defect class")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--all", action="store_true", help="every document clean, every applicable document per class")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--classes", help="comma-separated defect ids (default: all)")
    ap.add_argument("--show", type=int, default=0, help="also list this many missed copies with their files")
    ap.add_argument("--out", help=f"where the files go (default: a directory of this run under {OUT})")
    ap.add_argument("--keep", action="store_true", help="keep the generated files after the run")
    ap.add_argument("--json", help="write the summary figures to this file")
    args = ap.parse_args(argv)

    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    classes = [BY_ID[c] for c in args.classes.split(",")] if args.classes else list(DEFECTS)
    docs, skipped = load_published(Path(args.corpus), args.seed)
    rng = random.Random(args.seed)
    sample = list(docs) if args.all else rng.sample(docs, min(args.limit, len(docs)))
    # A directory of its own per run: colleagues may run the bench at the same time.
    out = Path(args.out) if args.out else OUT / f"run-{os.getpid()}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    tasks = [Task("clean", d.key, args.seed) for d in sample]
    # Candidate documents per class, in a per-class order; a class that does not apply to a document gives
    # no file and the next candidate is tried (over-asked in batches so the pool stays busy).
    per_class = None if args.all else args.per_class
    started = time.perf_counter()
    results: list[dict] = []
    with Pool(args.jobs, initializer=_init, initargs=(args.corpus, args.seed, str(out))) as pool:
        for batch in pool.imap_unordered(run_task, tasks, chunksize=2):
            results.extend(batch)
        pending = {d.id: random.Random(f"{args.seed}-{d.id}").sample(sample, len(sample)) for d in classes}
        made: Counter = Counter()
        while pending:
            round_tasks = []
            for defect_id, order in list(pending.items()):
                want = len(order) if per_class is None else per_class - made[defect_id]
                take, pending[defect_id] = order[:max(want, 0)], order[max(want, 0):]
                round_tasks += [Task(defect_id, d.key, args.seed) for d in take]
                if not pending[defect_id] or want <= 0:
                    pending.pop(defect_id)
            for batch in pool.imap_unordered(run_task, round_tasks, chunksize=2):
                results.extend(batch)
                if batch:
                    made[batch[0]["kind"]] += 1
            pending = {k: v for k, v in pending.items() if per_class is None or made[k] < per_class}
            if per_class is None:
                break
    elapsed = time.perf_counter() - started
    summary = report(results, args, elapsed, skipped, len(docs))
    if args.keep:
        print(f"\nfiles: {out}")
    else:
        shutil.rmtree(out, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
