"""The office pack of docs/writing-rules.md, written out as a newcomer would copy it: every code block
whose first line is `# <file name>` becomes that file; rule lists without a name join the rule file."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

WRITING_RULES = Path(__file__).resolve().parents[1] / "docs" / "writing-rules.md"
RULE_FILE = "本单位规则.yaml"
BLOCK = re.compile(r"```(yaml|text)\n(.*?)```", re.DOTALL)
NAMED = re.compile(r"#\s*(\S+\.(?:yaml|txt))\n")


def doc_blocks() -> list[tuple[str | None, str]]:
    """(file name or None, text) of every yaml/text block of the doc, in order; a named block's text
    without the line that names it."""
    out = []
    for _, body in BLOCK.findall(WRITING_RULES.read_text(encoding="utf-8")):
        named = NAMED.match(body)
        out.append((named.group(1), body[named.end():]) if named else (None, body))
    return out


def rule_blocks() -> list[str]:
    """The blocks that are rule lists (the walk-through's rule file and the reference of the keys)."""
    return [body for name, body in doc_blocks() if (name is None or name == RULE_FILE)
            and isinstance(yaml.safe_load(body), list)]


def write_pack(folder: Path, with_reference: bool = False) -> dict[str, str]:
    """Write the doc's files into `folder`.  With `with_reference` the rule file also holds the rule of
    the doc's key reference (it overlaps the walk-through's U001, so the walk-through runs without it)."""
    files = {name: body for name, body in doc_blocks() if name}
    if with_reference:
        files[RULE_FILE] = "\n".join(rule_blocks())
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    return files


def expected_findings() -> list[tuple[str, str, str]]:
    """(rule, at, message) rows of the doc's table of what the office's rules report."""
    text = WRITING_RULES.read_text(encoding="utf-8")
    return [tuple(cell.strip() for cell in row.strip("|").split("|"))
            for row in re.findall(r"^\| (U\d{3,4} \|.*)$", text, re.MULTILINE)]
