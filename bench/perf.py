"""How fast is officekit, against what no checker can beat?  Prints a Markdown table.

    python bench/perf.py [--runs N] [--drafts N]

Measured on the real drafts in ../shared/corpus/docx/ (beside the checkout), every number a median
of several runs, every run a fresh process (as a pre-commit hook or CI runs us):

- floor: a bare Python process that opens a draft with python-docx and reads every paragraph's
  text and run properties (body and table cells) — no checker can do less;
- cold single: `officekit check DRAFT.docx`, all default rules;
- batch: one `officekit check` over all drafts, --jobs 1 and --jobs 2 (time per draft);
- `officekit --version` start-up;
- jieba: loading the segmenter and its dictionary, the way officekit does (SQLite lexicon in the
  user cache) and jieba's own way (for reference), and the one-off cost of building the lexicon;
- peak RSS of `officekit check` on the largest draft.

Not a test: the numbers depend on the machine and its load (shown in the header).
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"

FLOOR_SCRIPT = r"""
import sys
import docx
from docx.oxml.ns import qn

def read(paragraph):
    paragraph.text
    for run in paragraph.runs:
        run.text, run.bold, run.italic, run.underline
        font = run.font
        font.name, font.size, font.color.rgb if font.color.type is not None else None
        rpr = run._element.rPr
        fonts = rpr.rFonts if rpr is not None else None
        fonts.get(qn("w:eastAsia")) if fonts is not None else None

document = docx.Document(sys.argv[1])
for paragraph in document.paragraphs:
    read(paragraph)
for table in document.tables:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                read(paragraph)
"""

JIEBA_OFFICEKIT = r"""
import time
t = time.perf_counter()
from officekit.engine import segment
segment.tokens("关于进一步加强公文处理工作的通知")
print(time.perf_counter() - t)
"""

JIEBA_PLAIN = r"""
import logging, time
t = time.perf_counter()
import jieba, jieba.posseg
jieba.setLogLevel(logging.WARNING)
list(jieba.posseg.cut("关于进一步加强公文处理工作的通知"))
print(time.perf_counter() - t)
"""


def officekit_command() -> list[str]:
    exe = shutil.which("officekit")
    return [exe] if exe else [sys.executable, "-m", "officekit"]


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; CPU = user + system of the process and the children
    it waited for (--jobs workers), which a busy machine inflates far less than wall time."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def median_both(cmd: list[str], runs: int) -> tuple[float, float]:
    results = [measure(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of one child process (Linux/macOS), from wait4's resource usage."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return kb / 1024


def timed_output(script: str, runs: int, env: dict | None = None) -> float:
    """Median of the number a script prints (its own in-process timing)."""
    values = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(values)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--drafts", type=int, default=0, help="use only the N largest drafts (0 = all)")
    args = parser.parse_args()

    drafts = sorted(CORPUS.glob("*.docx"), key=lambda p: -p.stat().st_size)
    if args.drafts:
        drafts = drafts[: args.drafts]
    if not drafts:
        sys.exit(f"no drafts in {CORPUS}")
    # Measure officekit as installed: pip compiles a package's bytecode at install time.  A checkout run
    # under PYTHONDONTWRITEBYTECODE=1 (as on this machine) would recompile its ~100 modules on every
    # start, a cost no user pays (~0.1 s of CPU); the floor's python-docx has its bytecode already.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "officekit"), quiet=1)
    ok = officekit_command()
    subprocess.run(ok + ["check", str(drafts[-1])], capture_output=True)  # warm the caches (jieba lexicon)

    floors, colds, ratios = [], [], []
    floors_cpu, colds_cpu, ratios_cpu = [], [], []
    for draft in drafts:
        floor, floor_cpu = median_both([sys.executable, "-c", FLOOR_SCRIPT, str(draft)], args.runs)
        cold, cold_cpu = median_both(ok + ["check", str(draft)], args.runs)
        floors.append(floor)
        colds.append(cold)
        ratios.append(cold / floor)
        floors_cpu.append(floor_cpu)
        colds_cpu.append(cold_cpu)
        ratios_cpu.append(cold_cpu / floor_cpu)
        print(f"  {draft.name[:60]:60s} floor {floor:.3f} ({floor_cpu:.3f} CPU)  cold {cold:.3f} ({cold_cpu:.3f} CPU)"
              f"  ×{cold / floor:.2f}", file=sys.stderr)

    batch_runs = max(1, args.runs // 2)
    paths = [str(d) for d in drafts]
    batch1, batch1_cpu = (x / len(drafts) for x in median_both(ok + ["check", "--jobs", "1", *paths], batch_runs))
    batch2, batch2_cpu = (x / len(drafts) for x in median_both(ok + ["check", "--jobs", "2", *paths], batch_runs))
    version, version_cpu = median_both(ok + ["--version"], max(args.runs, 10))
    bare_python, bare_python_cpu = median_both([sys.executable, "-c", "pass"], max(args.runs, 10))

    jieba_ours = timed_output(JIEBA_OFFICEKIT, args.runs)
    jieba_plain = timed_output(JIEBA_PLAIN, args.runs)
    with tempfile.TemporaryDirectory() as empty_cache:
        env = dict(os.environ, OFFICEKIT_CACHE_DIR=empty_cache)
        jieba_first = timed_output(JIEBA_OFFICEKIT, 1, env)
    rss = statistics.median(peak_rss_mb(ok + ["check", str(drafts[0])]) for _ in range(3))

    cold_median = statistics.median(colds)
    cold_cpu_median = statistics.median(colds_cpu)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"officekit performance — {datetime.date.today().isoformat()} — {machine()}")
    print(f"{len(drafts)} drafts from ../shared/corpus/docx, medians of {args.runs} runs "
          f"(batch: {batch_runs}); load average at the end {load:.2f}. Wall time is what a user waits; "
          "CPU time (user + system) is what officekit costs, and what a busy machine distorts least.\n")
    med = statistics.median
    rows = [
        ("floor: python-docx opens a draft, reads text + run properties (median over drafts)",
         f"{med(floors):.3f} s", f"{med(floors_cpu):.3f} s", ""),
        ("cold single draft: `officekit check DRAFT.docx` (median over drafts)", f"{cold_median:.3f} s",
         f"{cold_cpu_median:.3f} s", ""),
        ("cold single ÷ floor (median of per-draft ratios)", f"{med(ratios):.2f}×", f"{med(ratios_cpu):.2f}×", "≤ 2×"),
        ("batch `--jobs 1`, per draft", f"{batch1:.3f} s", f"{batch1_cpu:.3f} s", ""),
        ("batch `--jobs 1` per draft ÷ cold single (median)", f"{batch1 / cold_median:.2f}×",
         f"{batch1_cpu / cold_cpu_median:.2f}×", "≤ 0.3×"),
        ("batch `--jobs 1` total ÷ sum of the cold single runs", f"{batch1 * len(drafts) / sum(colds):.2f}×",
         f"{batch1_cpu * len(drafts) / sum(colds_cpu):.2f}×", ""),
        ("batch `--jobs 2`, per draft", f"{batch2:.3f} s", f"{batch2_cpu:.3f} s", ""),
        ("batch `--jobs 2` per draft ÷ cold single (median)", f"{batch2 / cold_median:.2f}×", "", "≤ 0.3×"),
        ("`officekit --version`", f"{version:.3f} s", f"{version_cpu:.3f} s", "< 0.2 s"),
        ("(bare `python -c pass`, for reference)", f"{bare_python:.3f} s", f"{bare_python_cpu:.3f} s", ""),
        ("jieba load as officekit does it (SQLite lexicon, cache warm)", f"{jieba_ours:.3f} s", "", ""),
        ("jieba load, plain `jieba.posseg` (for reference)", f"{jieba_plain:.3f} s", "", ""),
        ("jieba lexicon first build (once per machine and jieba version)", f"{jieba_first:.3f} s", "", ""),
        (f"peak RSS, `officekit check` on the largest draft ({drafts[0].stat().st_size // 1024} KB)",
         f"{rss:.0f} MB", "", "< 150 MB"),
    ]
    print("| measurement | wall | CPU | target |")
    print("| --- | ---: | ---: | --- |")
    for name, value, cpu, target in rows:
        print(f"| {name} | {value} | {cpu} | {target} |")


if __name__ == "__main__":
    main()
