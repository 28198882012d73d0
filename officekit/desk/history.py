"""Which drafts came to the desk in a period, and what they said then — for the 错情周报.

What counts as 「this week's errors」: every draft **submitted in the period, once, as it stood when it
first arrived in the period** — that is what the reviewer found in it; later versions in the same period
are its corrections (counting them too would count one error twice, counting only the last would miss what
the review caught).

- In a git repository a draft arrives with a commit: its first commit in the period that added or changed
  it (the commit date, on the committer's own calendar) gives the version, read from that commit.  A draft
  only in the working tree, not committed, has not been submitted.
- In a plain folder the file's modification time puts it in a period; its current content is what counts.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from officekit.collect import CHECKED_SUFFIXES, collect, walk_skips

GIT_TIMEOUT_S = 60


@dataclass(frozen=True)
class Period:
    """Calendar days first..last, both included."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> "Period":
        """The period of equal length just before this one."""
        from datetime import timedelta

        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def label(self) -> str:
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"


@dataclass(frozen=True)
class DraftVersion:
    """One draft as it came to the desk: where it lives (relative to the folder given), when, its bytes."""

    relative: str  # forward slashes, relative to the folder the user named
    day: date
    data: bytes
    source: str  # the commit (short hash) or "文件修改时间"


def is_draft(path: Path) -> bool:
    """A file a folder walk of `officekit check` would take (no 审阅/修订 copies or slips, no README, not
    excluded or git-ignored), in a format readable from its bytes alone (legacy Word needs the file)."""
    return path.name.lower().endswith(CHECKED_SUFFIXES) and walk_skips(str(path)) is None


def git_root(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`, None when it is not in one (or git is missing)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                              capture_output=True, text=True, timeout=GIT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def arrivals(folder: Path, period: Period) -> list[DraftVersion]:
    """The drafts under `folder` (a folder, or one file) that arrived in `period`, in path order."""
    folder = Path(folder)
    start = folder if folder.is_dir() else folder.parent
    root = git_root(start)
    found = _from_git(root, folder, period) if root else _from_mtimes(folder, period)
    return sorted(found, key=lambda v: v.relative)


def _from_git(root: Path, folder: Path, period: Period) -> list[DraftVersion]:
    base = folder if folder.is_dir() else folder.parent
    base_in_repo = base.resolve().relative_to(root.resolve()).as_posix()
    base_prefix = "" if base_in_repo == "." else base_in_repo + "/"
    pathspec = folder.resolve().relative_to(root.resolve()).as_posix() or "."
    first_seen: dict[str, tuple[datetime, str]] = {}  # repository path → (commit time, commit)
    taken: dict[str, bool] = {}
    for commit, when, paths in _commits(root, pathspec):
        if when.date() not in period:
            continue
        for path in paths:
            if path not in taken:
                taken[path] = path.startswith(base_prefix) and is_draft(root / path)
            if taken[path]:
                seen = first_seen.get(path)
                if seen is None or when < seen[0]:
                    first_seen[path] = (when, commit)
    out = []
    for path, (when, commit) in first_seen.items():
        data = _git(root, "show", f"{commit}:{path}")
        out.append(DraftVersion(path[len(base_prefix):], when.date(), data, commit[:7]))
    return out


def _commits(root: Path, pathspec: str):
    """(commit, committer time in its own time zone, [paths added or changed]) for every commit touching
    `pathspec`, newest first."""
    raw = _git(root, "-c", "core.quotePath=false", "log", "-z", "--format=%x1e%H%x1f%cI", "--name-status",
               "--no-renames", "--diff-filter=AM", "--", pathspec).decode("utf-8", "surrogateescape")
    for record in raw.split("\x1e")[1:]:
        header, _, rest = record.partition("\0")
        commit, _, stamp = header.partition("\x1f")
        tokens = rest.lstrip("\n").split("\0")
        paths = [tokens[i + 1] for i in range(0, len(tokens) - 1, 2)]
        yield commit, datetime.fromisoformat(stamp), paths


def _git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=GIT_TIMEOUT_S)
    if done.returncode != 0:
        from officekit.errors import InputError

        raise InputError(str(root), "unsupported", f"无法读取 git 历史：{done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _from_mtimes(folder: Path, period: Period) -> list[DraftVersion]:
    base = folder if folder.is_dir() else folder.parent
    out = []
    for name in collect([str(folder)]):
        path = Path(name)
        if not path.name.lower().endswith(CHECKED_SUFFIXES):
            continue
        day = datetime.fromtimestamp(path.stat().st_mtime).date()
        if day in period:
            out.append(DraftVersion(path.relative_to(base).as_posix(), day, path.read_bytes(), "文件修改时间"))
    return out
