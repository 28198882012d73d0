"""Where officekit keeps data it derives once and reuses across runs (e.g. jieba's dictionary as an
indexed SQLite file).  Nothing here is needed for correctness: every cache can be deleted at any time
and is rebuilt on the next run; when no cache folder is writable, callers fall back to working in
memory.

The folder is OFFICEKIT_CACHE_DIR when set, else $XDG_CACHE_HOME/officekit, else ~/.cache/officekit
(%LOCALAPPDATA%\\officekit on Windows).  Files are written to a temporary name and renamed into
place, so parallel runs (--jobs) never see half-written files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("OFFICEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "officekit"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "officekit"


def file_key(*parts: object) -> str:
    """A short digest naming a cache file: changes whenever any of `parts` changes."""
    return hashlib.sha256("\x00".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def stat_key(path: str | os.PathLike) -> str:
    """Size and modification time of a source file: cheap, and enough to notice an upgrade."""
    st = os.stat(path)
    return f"{os.fspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def temporary_path(target: Path) -> str:
    """A fresh file beside `target` (same file system, so os.replace is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    return tmp


def memoized(name: str, key_parts: tuple, build):
    """`build()` once per key, its result kept as a marshal file in the cache folder.

    For derived tables that are slow to compute and plain data (dicts, tuples, str, numbers).  Put
    in `key_parts` everything the result depends on (e.g. stat_key of the source data file and of
    the module that computes it), so that an upgrade or an edit rebuilds it.  Any trouble with the
    cache (unwritable, corrupt) just means computing it again.
    """
    import marshal

    target = cache_dir() / f"{name}-{file_key(*key_parts)}.marshal"
    try:
        with open(target, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        tmp = temporary_path(target)
        try:
            with open(tmp, "wb") as fh:
                marshal.dump(value, fh)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, ValueError):
        pass
    return value
