"""`--changed-since REF`: which drafts git says changed since a ref (committed, staged, unstaged, new)."""

from __future__ import annotations

import os
import subprocess


class GitError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"无法运行 git（{exc}）") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {' '.join(args)} 失败")
    return done.stdout


def changed_since(ref: str, cwd: str = ".") -> set[str]:
    """Absolute paths of files changed between `ref` and the working tree, plus untracked files."""
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    _git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd)
    names = _git(["diff", "--name-only", "-z", "--diff-filter=ACMRT", ref, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    return {os.path.realpath(os.path.join(top, n)) for n in names if n}


def keep_changed(files: list[str], changed: set[str]) -> list[str]:
    return [f for f in files if f != "-" and os.path.realpath(f) in changed]
