"""What the corpus benches share: the 328 published documents and the tools to judge findings on them.

Imported by the scripts next to it (`python bench/<script>.py` puts bench/ on the path).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from officekit.engine.loader import load_file
from officekit.engine.packs import builtin_root

# ../shared/corpus relative to the checkout
GOV_DOCUMENTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "text" / "gov-documents.jsonl"


def read_documents(path: Path = GOV_DOCUMENTS) -> list[dict]:
    """The JSON lines of a corpus file (fields title, text, …)."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def load_packs(packs, keep=lambda rule: True) -> list:
    """The built-in rules of these packs (those `keep` accepts); a pack that does not exist ends the run."""
    rules = []
    for pack in packs:
        folder = builtin_root() / pack
        files = sorted(folder.glob("*.yaml"))
        if not files:
            sys.exit(f"规则包 {pack!r} 不存在或没有规则文件（{folder}）")
        for f in files:
            rules.extend(r for r in load_file(f, pack) if keep(r))
    return rules


def in_context(draft, location, width: int = 20) -> str:
    """The located text marked 【…】 with `width` characters either side, to judge a hit by eye."""
    block = draft.document.block(location.part, location.block).text
    s = location.start or 0
    e = location.end if location.end is not None else len(block)
    return block[max(0, s - width):s] + "【" + block[s:e] + "】" + block[e:e + width]
