"""Fuzz the checker with mutated corpus drafts: nothing may raise, nothing may take over 10 s.

    python bench/fuzz.py [--cases 10000] [--seed 1] [--workers 2] [--max-kb 64] [--save DIR]

Every case takes one real draft from ../shared/corpus/docx/ and mutates it, reproducibly from
(seed, case number):

- XML level (word/document.xml, sometimes styles.xml or numbering.xml): drop, duplicate or shuffle
  elements; drop attributes; corrupt attribute values (empty, negative, huge, not a number, junk);
  rename elements; stuff text with control, zero-width and right-to-left characters;
- zip level: truncate the file, flip bytes, drop a member.

The case runs in-process through `officekit.check.check_file` on a temporary file.  Outcomes:
ok (a report), input-error (a clean "cannot read" with a reason), crash (an exception escaped
check_file: a bug), rule-crash (a rule raised and the runner turned it into a "运行出错" finding:
also a bug), slow (over 10 s), hang (over 60 s, stopped).  Exit status 1 when any case crashed,
was slow or hung.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
SLOW_SECONDS = 10.0
HANG_SECONDS = 60
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

JUNK_VALUES = ["", "-1", "0", "-2147483649", "99999999999999999999", "1e308", "NaN", "inf", "abc", "１２",
               "auto", "true", "\u202e", "x" * 5000, "12.5pt", "0x10", "-0", "٣"]
JUNK_TEXT = ["\x00", "\x01", "\x0b", "\x1f", "\u200b", "\u200d", "\ufeff", "\u202e", "\u200f", "\u2028",
             "\ud7ff", "\U0001F600", "，", "（", "“", "一、", "第一条"]
OTHER_TAGS = ["p", "r", "t", "tbl", "tr", "tc", "pPr", "rPr", "sectPr", "tblPr", "rFonts", "sz", "jc",
              "ind", "spacing", "pStyle", "numPr", "ilvl", "numId", "br", "tab", "fldSimple", "hyperlink"]


@dataclass
class Outcome:
    case: int
    draft: str
    ops: list[str]
    kind: str  # ok / input-error / crash / rule-crash / slow / hang
    seconds: float
    detail: str = ""


def corpus_drafts(max_kb: int) -> list[Path]:
    drafts = sorted(p for p in CORPUS.glob("*.docx") if p.stat().st_size <= max_kb * 1024)
    if not drafts:
        sys.exit(f"no drafts of at most {max_kb} KB in {CORPUS}")
    return drafts


# -- mutations -------------------------------------------------------------------------------------

def _mutate_xml(data: bytes, rng: random.Random, ops: list[str]) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for _ in range(rng.randint(1, 4)):
        if len(elements) < 2:
            break
        el = rng.choice(elements[1:])
        parent = el.getparent()
        op = rng.choice(["drop", "duplicate", "shuffle", "drop-attr", "corrupt-attr", "rename", "text", "nest"])
        local = etree.QName(el).localname
        if op == "drop" and parent is not None:
            parent.remove(el)
        elif op == "duplicate" and parent is not None:
            parent.insert(parent.index(el), _copy(el))
        elif op == "shuffle" and len(el):
            children = list(el)
            rng.shuffle(children)
            el[:] = children
        elif op == "drop-attr" and el.attrib:
            del el.attrib[rng.choice(list(el.attrib))]
        elif op == "corrupt-attr":
            name = rng.choice(list(el.attrib)) if el.attrib else f"{{{W_NS}}}val"
            el.set(name, rng.choice(JUNK_VALUES))
        elif op == "rename":
            el.tag = f"{{{W_NS}}}{rng.choice(OTHER_TAGS)}"
        elif op == "text":
            junk = "".join(rng.choice(JUNK_TEXT) for _ in range(rng.randint(1, 20)))
            junk = "".join(c for c in junk if c in "\t\n\r" or c >= " ")  # XML cannot carry C0 controls
            el.text = (el.text or "") + junk
        elif op == "nest" and parent is not None:
            wrapper = etree.SubElement(parent, f"{{{W_NS}}}{rng.choice(['tbl', 'tc', 'p', 'r', 'sdtContent'])}")
            wrapper.append(el)
        else:
            continue
        ops.append(f"{op}:{local}")
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy(el):
    import copy

    return copy.deepcopy(el)


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            z.writestr(info.filename, data)
    return out.getvalue()


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    ops: list[str] = []
    kind = rng.random()
    if kind < 0.7:  # XML level: the file still opens, the reader and rules see odd structure
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = [(info, z.read(info)) for info in z.infolist()]
        names = [info.filename for info, _ in members]
        targets = ["word/document.xml"] * 6 + [n for n in ("word/styles.xml", "word/numbering.xml") if n in names]
        target = rng.choice(targets)
        ops.append(f"part:{target}")
        members = [(info, _mutate_xml(blob, rng, ops) if info.filename == target else blob) for info, blob in members]
        return _rezip(members), ops
    if kind < 0.8:
        cut = rng.randint(0, len(data) - 1)
        ops.append(f"truncate:{cut}")
        return data[:cut], ops
    if kind < 0.93:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
            ops.append(f"flip:{i}")
        return bytes(buf), ops
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    dropped = rng.randrange(len(members))
    ops.append(f"drop-member:{members[dropped][0].filename}")
    return _rezip(members[:dropped] + members[dropped + 1:]), ops


# -- running ---------------------------------------------------------------------------------------

class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def run_case(case: int, seed: int, drafts: list[Path], workdir: str, save: str | None = None) -> Outcome:
    from officekit.check import check_file

    rng = random.Random(f"{seed}:{case}")
    draft = rng.choice(drafts)
    try:
        data, ops = mutate(draft.read_bytes(), rng)
    except Exception as exc:  # a mutation the XML parser refuses: the case is simply the original
        data, ops = draft.read_bytes(), [f"unmutated ({type(exc).__name__})"]
    path = os.path.join(workdir, f"case{case}.docx")
    with open(path, "wb") as fh:
        fh.write(data)
    start = time.perf_counter()
    use_alarm = hasattr(signal, "SIGALRM")
    if use_alarm:
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(HANG_SECONDS)
    try:
        result = check_file(path)
        seconds = time.perf_counter() - start
        crashed = [f for f in result.findings if "运行出错" in f.message]
        if crashed:
            outcome = Outcome(case, draft.name, ops, "rule-crash", seconds, crashed[0].message)
        elif seconds > SLOW_SECONDS:
            outcome = Outcome(case, draft.name, ops, "slow", seconds)
        else:
            outcome = Outcome(case, draft.name, ops, "input-error" if result.status == "error" else "ok", seconds,
                              result.error["kind"] if result.error else "")
    except _Hang:
        outcome = Outcome(case, draft.name, ops, "hang", time.perf_counter() - start)
    except Exception as exc:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        outcome = Outcome(case, draft.name, ops, "crash", time.perf_counter() - start,
                          f"{type(exc).__name__} at {where}: {str(exc)[:200]}")
    finally:
        if use_alarm:
            signal.alarm(0)
    if save and outcome.kind in ("crash", "rule-crash", "slow", "hang"):
        os.makedirs(save, exist_ok=True)
        with open(os.path.join(save, f"case{case}-{outcome.kind}.docx"), "wb") as fh:
            fh.write(data)
    os.unlink(path)
    return outcome


def run_cases(cases: range, seed: int, drafts: list[Path], save: str | None = None,
              progress: bool = False) -> list[Outcome]:
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="officekit-fuzz-") as workdir:
        for n, case in enumerate(cases, 1):
            outcomes.append(run_case(case, seed, drafts, workdir, save))
            if progress and n % 250 == 0:
                bad = sum(o.kind in ("crash", "rule-crash", "slow", "hang") for o in outcomes)
                print(f"[{os.getpid()}] {n}/{len(cases)} cases, {bad} bad", file=sys.stderr, flush=True)
    return outcomes


def _worker(args) -> list[Outcome]:
    cases, seed, drafts, save = args
    return run_cases(cases, seed, drafts, save, progress=True)


def summarize(outcomes: list[Outcome], elapsed: float) -> str:
    kinds = collections.Counter(o.kind for o in outcomes)
    lines = [f"{len(outcomes)} cases in {elapsed:.0f} s: " + ", ".join(f"{k} {kinds[k]}" for k in
             ("ok", "input-error", "crash", "rule-crash", "slow", "hang"))]
    seconds = sorted(o.seconds for o in outcomes)
    if seconds:
        lines.append(f"per case: median {seconds[len(seconds) // 2]:.3f} s, max {seconds[-1]:.2f} s")
    errors = collections.Counter(o.detail for o in outcomes if o.kind == "input-error")
    lines.append("input errors by kind: " + ", ".join(f"{k} {n}" for k, n in errors.most_common()))
    bad = collections.defaultdict(list)
    for o in outcomes:
        if o.kind in ("crash", "rule-crash", "slow", "hang"):
            bad[(o.kind, o.detail[:160])].append(o)
    for (kind, detail), group in sorted(bad.items(), key=lambda kv: -len(kv[1])):
        example = group[0]
        lines.append(f"  {kind} ×{len(group)}: {detail}  (e.g. case {example.case}: {example.draft[:40]} {example.ops})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--max-kb", type=int, default=64, help="use drafts up to this size (speed)")
    parser.add_argument("--save", help="folder for the files of failing cases")
    args = parser.parse_args()

    drafts = corpus_drafts(args.max_kb)
    start = time.perf_counter()
    if args.workers <= 1:
        outcomes = run_cases(range(args.cases), args.seed, drafts, args.save, progress=True)
    else:
        from concurrent.futures import ProcessPoolExecutor

        chunks = [range(i, args.cases, args.workers) for i in range(args.workers)]
        with ProcessPoolExecutor(args.workers) as pool:
            outcomes = [o for part in pool.map(_worker, [(c, args.seed, drafts, args.save) for c in chunks])
                        for o in part]
    print(summarize(outcomes, time.perf_counter() - start))
    sys.exit(1 if any(o.kind in ("crash", "rule-crash", "slow", "hang") for o in outcomes) else 0)


if __name__ == "__main__":
    main()
