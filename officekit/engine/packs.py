"""Where the built-in rule packs are: rules/ in a checkout, officekit/builtin_rules in a wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    try:
        import officekit.builtin_rules as pkg

        return Path(pkg.__file__).parent
    except ImportError:  # running from a checkout without installing
        return Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> list[str]:
    """Pack names: the folders of rules/ that hold rule files (wordlists/ holds data, not rules)."""
    root = builtin_root()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.yaml")))
