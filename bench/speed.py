"""Is officekit fast to start and flat at scale?  Prints issue 15's one table (Markdown).

    python bench/speed.py [--runs 3] [--drafts N] [--sizes 1,100,10000] [--large-formats json]
                          [--no-peer] [--no-memory]

Every figure is whole processes, as a pre-commit hook or CI runs us, on the real drafts of
../shared/corpus/docx (beside the checkout); each process's CPU (user + system, children included)
and wall time come from wait4.

- floor: a bare Python process that opens the draft with python-docx and reads every paragraph's text
  and run properties (body and table cells): no checker can do less;
- ours: `python -m officekit check DRAFT.docx`, caches warm (the one-off cache build is its own row);
- peer: gongwen-skill 2.15.0, `python -m gongwen check DRAFT --json`, installed from PyPI into its own
  virtualenv under /tmp for this bench only (never a dependency of officekit);
  floor, ours and the peer run back to back on each draft, `--runs` times, in rotating order; a
  draft's figure is the median of its runs, the table gives the median over the drafts;
- batch: one `officekit check --jobs 1` (and `--jobs 2`) over all the drafts, time per draft;
- peak RSS (wait4's ru_maxrss: the largest of the process and its workers) of `officekit check` over
  folders of 1, 100, 10,000 … drafts (hard links to corpus drafts in /tmp), in every output format;
  sizes above 100 only in `--large-formats` (10,000 drafts cost about half an hour of CPU a format);
- the largest single draft; the first run with an empty cache folder (its build time, whether it says so
  on stderr at a terminal, and four processes started at once on one empty folder all succeeding).

Not a test: the figures depend on the machine and its load, both printed in the header.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import platform
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docx"
WORK = Path(tempfile.gettempdir()) / "officekit-speed"
PEER_VENV = Path(tempfile.gettempdir()) / "officekit-bench-gongwen"
PEER_PACKAGE = "gongwen-skill==2.15.0"
FORMATS = ["text", "json", "jsonl", "sarif", "github", "junit", "gitlab", "html"]
RACERS = 4  # processes started at once on an empty cache folder
SMALL_SIZE_LIMIT = 100  # folder sizes up to this are measured in every format
OURS = [sys.executable, "-m", "officekit"]

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


class Run:
    def __init__(self, wall: float, cpu: float, rss_mb: float, code: int):
        self.wall, self.cpu, self.rss_mb, self.code = wall, cpu, rss_mb, code


def run(cmd: list[str], env: dict | None = None, cwd: str | None = None, stderr=subprocess.DEVNULL) -> Run:
    """One process: wall time, CPU (user + system of it and the children it waited for), peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, kb / 1024, proc.returncode)


def median(values) -> float:
    return statistics.median(list(values))


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


def peer_python() -> Path | None:
    """gongwen-skill in its own virtualenv, installed on first use with pip (the ordinary client)."""
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"installing {PEER_PACKAGE} into {PEER_VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PEER_PACKAGE], check=False)
    ok = subprocess.run([str(python), "-c", "import gongwen"], capture_output=True).returncode == 0
    return python if ok else None


def folder_of(size: int, drafts: list[Path]) -> Path:
    """A folder of `size` drafts, cycling through the corpus (hard links: the same bytes, no disk)."""
    folder = WORK / f"drafts-{size}"
    if folder.is_dir() and len(list(folder.iterdir())) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(size):
        source = drafts[i % len(drafts)]
        target = folder / f"draft{i:05d}.docx"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return folder


def first_run(draft: Path, warm_cpu: float, warm_wall: float) -> dict:
    """The first run ever (empty cache folder): its extra cost, its note at a terminal, and racers."""
    out: dict = {}
    with tempfile.TemporaryDirectory() as empty:
        env = dict(os.environ, OFFICEKIT_CACHE_DIR=empty)
        master, slave = pty.openpty()  # stderr at a terminal, as a person sees it
        try:
            first = run(OURS + ["check", str(draft)], env=env, stderr=slave)
            os.set_blocking(master, False)
            try:
                said = os.read(master, 65536).decode("utf-8", "replace")
            except OSError:
                said = ""
        finally:
            os.close(slave)
            os.close(master)
        out["build_cpu"], out["build_wall"] = first.cpu - warm_cpu, first.wall - warm_wall
        out["said"] = "首次运行" in said
    with tempfile.TemporaryDirectory() as empty:
        env = dict(os.environ, OFFICEKIT_CACHE_DIR=empty)
        procs = [subprocess.Popen(OURS + ["check", "-f", "json", str(draft)], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=env) for _ in range(RACERS)]
        outputs = [p.communicate()[0] for p in procs]
        out["racers_ok"] = sum(p.returncode in (0, 1) and outputs[k] == outputs[0] and outputs[k].startswith(b"{")
                               for k, p in enumerate(procs))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per draft and command (median)")
    parser.add_argument("--drafts", type=int, default=0, help="only the first N drafts by name (0 = all)")
    parser.add_argument("--sizes", default="1,100,10000", help="folder sizes for peak RSS")
    parser.add_argument("--large-formats", default="json", help="formats measured above 100 drafts (comma list)")
    parser.add_argument("--no-peer", action="store_true", help="leave out gongwen-skill")
    parser.add_argument("--no-memory", action="store_true", help="leave out the peak-RSS folders")
    args = parser.parse_args()

    drafts = sorted(CORPUS.glob("*.docx"))
    if args.drafts:
        drafts = drafts[: args.drafts]
    if not drafts:
        sys.exit(f"no drafts in {CORPUS}")
    # Measure officekit as installed: pip compiles bytecode at install time; a checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every start, a cost no user pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(ROOT / "officekit"), quiet=1)
    peer = None if args.no_peer else peer_python()
    run(OURS + ["check", str(drafts[0])])  # warm the caches
    if peer:
        run([str(peer), "-m", "gongwen", "check", str(drafts[0]), "--json"], cwd=str(WORK.parent))

    rows: dict[str, list[tuple[float, float]]] = {"floor": [], "ours": [], "peer": []}
    ratios = {"floor": [], "peer": []}  # per draft: ours ÷ floor, peer ÷ ours (wall, CPU)
    for draft in drafts:
        commands = {"floor": [sys.executable, "-c", FLOOR_SCRIPT, str(draft)], "ours": OURS + ["check", str(draft)]}
        if peer:
            commands["peer"] = [str(peer), "-m", "gongwen", "check", str(draft), "--json"]
        names = list(commands)
        taken: dict[str, list[Run]] = {name: [] for name in names}
        for k in range(args.runs):
            for name in names[k % len(names):] + names[:k % len(names)]:  # rotate the order
                taken[name].append(run(commands[name], cwd=str(WORK.parent)))
        mine = {name: (median(r.wall for r in taken[name]), median(r.cpu for r in taken[name])) for name in names}
        for name in names:
            rows[name].append(mine[name])
        ratios["floor"].append((mine["ours"][0] / mine["floor"][0], mine["ours"][1] / mine["floor"][1]))
        if peer:
            ratios["peer"].append((mine["peer"][0] / mine["ours"][0], mine["peer"][1] / mine["ours"][1]))
        print(f"  {draft.name[:50]:50s} floor {mine['floor'][1]:.3f}  ours {mine['ours'][1]:.3f}"
              + (f"  peer {mine['peer'][1]:.3f}" if peer else "") + " s CPU", file=sys.stderr)

    folder = folder_of(len(drafts), drafts)
    batch = {jobs: run(OURS + ["check", "--jobs", str(jobs), str(folder)]) for jobs in (1, 2)}
    cold_wall, cold_cpu = median(w for w, _ in rows["ours"]), median(c for _, c in rows["ours"])
    largest = max(drafts, key=lambda p: p.stat().st_size)
    largest_rss = median(run(OURS + ["check", str(largest)]).rss_mb for _ in range(3))
    first = first_run(drafts[0], *reversed(rows["ours"][0]))

    memory: dict[tuple[int, str], float] = {}
    if not args.no_memory:
        large_formats = [f for f in args.large_formats.split(",") if f]
        for size in (int(s) for s in args.sizes.split(",")):
            where = folder_of(size, drafts)
            for fmt in FORMATS if size <= SMALL_SIZE_LIMIT else large_formats:
                jobs = "1" if size <= SMALL_SIZE_LIMIT else "2"
                memory[(size, fmt)] = run(OURS + ["check", "--jobs", jobs, "-f", fmt, str(where)]).rss_mb
                print(f"  peak RSS {size} drafts {fmt}: {memory[(size, fmt)]:.0f} MB", file=sys.stderr)

    n = len(drafts)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"officekit speed — {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC — {machine()}")
    print(f"{n} drafts from ../shared/corpus/docx, {args.runs} runs each of floor, ours"
          + (" and gongwen-skill 2.15.0" if peer else "") + f" back to back; load average at the end {load:.2f}.\n")
    table = [
        ("floor: python-docx reads the draft (median over drafts)",
         median(w for w, _ in rows["floor"]), median(c for _, c in rows["floor"]), "s", ""),
        ("ours: cold `officekit check DRAFT.docx` (median over drafts)", cold_wall, cold_cpu, "s", ""),
        ("ours ÷ floor (median of per-draft ratios)", median(w for w, _ in ratios["floor"]),
         median(c for _, c in ratios["floor"]), "×", "≤ 2.0× (stretch 1.5×)"),
    ]
    if peer:
        table += [
            ("gongwen-skill 2.15.0 `check --json` (median over drafts)",
             median(w for w, _ in rows["peer"]), median(c for _, c in rows["peer"]), "s", ""),
            ("gongwen-skill ÷ ours (median of per-draft ratios: how many times faster we are)",
             median(w for w, _ in ratios["peer"]), median(c for _, c in ratios["peer"]), "×", "≥ 2×"),
        ]
    table += [
        ("batch `--jobs 1`, per draft", batch[1].wall / n, batch[1].cpu / n, "s", ""),
        ("batch `--jobs 1` per draft ÷ cold single", batch[1].wall / n / cold_wall, batch[1].cpu / n / cold_cpu,
         "×", "≤ 0.3×"),
        ("batch `--jobs 2`, per draft", batch[2].wall / n, batch[2].cpu / n, "s", ""),
        ("batch `--jobs 2` ÷ `--jobs 1` (wall: scaling with 2 cores)", batch[2].wall / batch[1].wall,
         batch[2].cpu / batch[1].cpu, "×", "≈ 0.5× wall"),
        (f"first run, empty cache: the one-time build (said on stderr at a terminal: "
         f"{'yes' if first['said'] else 'NO'}; {first['racers_ok']}/{RACERS} processes started at once succeed)",
         first["build_wall"], first["build_cpu"], "s", "≤ 2 s"),
    ]
    print("| measurement | wall | CPU | target |")
    print("| --- | ---: | ---: | --- |")
    for name, wall, cpu, unit, target in table:
        fmt = (lambda v: f"{v:.3f} s") if unit == "s" else (lambda v: f"{v:.2f}×")
        print(f"| {name} | {fmt(wall)} | {fmt(cpu)} | {target} |")
    print(f"| peak RSS, the largest draft ({largest.stat().st_size // 1024} KB) | {largest_rss:.0f} MB | | ≤ 150 MB |")
    if memory:
        sizes = sorted({s for s, _ in memory})
        print("\npeak RSS of `officekit check -f FORMAT FOLDER` (MB; `--jobs 1` up to "
              f"{SMALL_SIZE_LIMIT} drafts, `--jobs 2` above; target ≤ 150 MB everywhere)\n")
        print("| format | " + " | ".join(f"{s:,} drafts" for s in sizes) + " |")
        print("| --- | " + " | ".join("---:" for _ in sizes) + " |")
        for fmt in FORMATS:
            cells = [f"{memory[(s, fmt)]:.0f}" if (s, fmt) in memory else "—" for s in sizes]
            print(f"| {fmt} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
