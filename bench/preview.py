"""Look at a bench .docx as paper: convert it to PDF and PNG pages with LibreOffice and poppler.

    python bench/preview.py bench/out/mutate/clean/gov077.docx [--pages 1-2] [--dpi 50]

Writes NAME.pdf and NAME-<page>.png into bench/out/preview/.  LibreOffice reads the document grid's
negative w:charSpace (Word's 28 characters on a 156 mm line at 三号) as a wider pitch and spreads every
line to about half its characters, so the preview copy keeps the 22-line grid and drops the character
grid; the bench files themselves keep Word's 22 × 28 grid.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "preview"
LINE_GRID = '<w:docGrid w:type="lines" w:linePitch="579"/>'


def preview_copy(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(r"<w:docGrid[^>]*/>", LINE_GRID, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return dst


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docx", type=Path)
    ap.add_argument("--pages", default="1", help="first-last page for the PNGs, e.g. 1-3")
    ap.add_argument("--dpi", type=int, default=50)
    args = ap.parse_args(argv)
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} not found (apt-get install libreoffice-writer poppler-utils)", file=sys.stderr)
            return 2
    if not args.docx.exists():
        print(f"{args.docx}: 文件不存在", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    name = f"{args.docx.parent.name}-{args.docx.stem}"
    copy = preview_copy(args.docx, OUT / f"{name}.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT), str(copy)],
                   check=True, capture_output=True, timeout=300)
    first, _, last = args.pages.partition("-")
    subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", first, "-l", last or first,
                    str(OUT / f"{name}.pdf"), str(OUT / name)], check=True, timeout=300)
    for png in sorted(OUT.glob(f"{name}-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
