"""Where officekit keeps data it derives once and reuses across runs (e.g. jieba's dictionary as an
indexed SQLite file).  Nothing here is needed for correctness: every cache can be deleted at any time
and is rebuilt on the next run; when no cache folder is writable, callers fall back to working in
memory.

The folder is OFFICEKIT_CACHE_DIR when set, else $XDG_CACHE_HOME/officekit, else ~/.cache/officekit
(%LOCALAPPDATA%\\officekit on Windows).  Files are written to a temporary name and renamed into
place, so parallel runs (--jobs) never see half-written files.

Caches are built by the code that needs them, on first use (a draft refused before any rule runs
builds none).  Building them all takes a few seconds once; a person at a terminal is told why.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

# What a first run spends building caches (jieba's lexicon ~3.5 s, the sound and character tables
# ~1 s), measured on the 2-core machine the project is tested on.
FIRST_RUN_SECONDS = 5
FIRST_RUN_NOTE = f"首次运行：正在建立分词缓存（约 {FIRST_RUN_SECONDS} 秒，仅此一次）…"
_noted = False  # the note is said once per process, whichever cache is built first


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


def note_building() -> None:
    """Before building a cache: tell a person at a terminal why this run is slow (one line on stderr,
    once per process).  Silent when stderr is a file or a pipe, and when no cache folder can be
    written, since then every run builds in memory and "only this once" would not be true."""
    global _noted
    if _noted:
        return
    _noted = True
    try:
        if not sys.stderr.isatty():
            return
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return
        print(FIRST_RUN_NOTE, file=sys.stderr, flush=True)
    except (AttributeError, OSError, ValueError):  # no stderr, or a closed one
        pass


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
    note_building()
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
