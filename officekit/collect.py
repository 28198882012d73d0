"""Which files a run checks: the paths given, with folders walked for drafts.

A folder walk takes the files that end in a draft suffix (.docx, .txt, .md and the legacy Word formats),
in a stable order, and leaves out:
- hidden files and folders (.git, .venv), Word's lock files (~$草稿.docx) and officekit's own outputs
  (X.审阅.docx, X.修订.docx);
- a repository's own files (README, CHANGELOG, LICENSE, CONTRIBUTING, … in any of those suffixes,
  requirements*.txt): they are not 公文;
- what the nearest .officekit.yaml excludes (`exclude:`, patterns relative to that file, as `suppress:`);
- what git ignores (.gitignore, .git/info/exclude, the global excludes file) when the folder is in a git
  work tree — asked of git itself (`git check-ignore`), so the rules are exactly git's;
- links that lead nowhere or round in a loop (never followed into folders, so a loop cannot recur).
A file named on the command line is checked as given, unless `force_exclude`: then it is taken only if a
walk would take it (pre-commit passes every staged file by name; they must still obey the same rules).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path, PurePosixPath

CHECKED_SUFFIXES = (".docx", ".txt", ".md")
LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
OUTPUT_MARKERS = (".审阅.docx", ".修订.docx", ".意见单.docx")  # files officekit itself wrote (copies, slips)
# A repository's own documents, by name (any suffix, any case): README.md, LICENSE.txt, CHANGELOG.md …
REPOSITORY_FILE = re.compile(
    r"(readme|changelog|changes|history|news|contributing|license|licence|copying|authors|contributors|notice"
    r"|code_of_conduct|security|support|todo|requirements[\w.-]*)(\.[\w.-]+)?", re.IGNORECASE)
GIT_TIMEOUT_S = 30  # `git check-ignore` on thousands of paths takes well under a second


def is_draft_name(name: str) -> bool:
    if name.startswith(("~$", ".")) or name.endswith(OUTPUT_MARKERS) or REPOSITORY_FILE.fullmatch(name):
        return False
    return name.lower().endswith(CHECKED_SUFFIXES + LEGACY_SUFFIXES)


def collect(paths: list[str], force_exclude: bool = False) -> list[str]:
    """Expand folders (recursively) to the drafts in them; keep files as given (see the module doc)."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            out.extend(_walk(p))
        elif force_exclude and p != "-" and (not is_draft_name(os.path.basename(p)) or _excluded_by_config(p)):
            continue
        elif os.path.basename(p).startswith("~$"):  # Word's lock file beside an open draft (check *.docx)
            continue
        else:
            out.append(p)
    if force_exclude:  # one `git check-ignore` for all the files named (pre-commit passes hundreds)
        ignored = git_ignored([p for p in out if p != "-" and not os.path.isdir(p)])
        out = [p for p in out if p not in ignored]
    return out


def walk_skips(path: str) -> str | None:
    """Why a folder walk would leave `path` out (for `officekit config show`), or None when it takes it."""
    name = os.path.basename(path)
    if path == "-":
        return None
    if not is_draft_name(name):
        return "跳过（隐藏文件、Word 锁定文件、officekit 的输出、仓库说明文件或不是草稿的后缀）"
    if _excluded_by_config(path):
        return "跳过（配置的 exclude: 匹配）"
    if git_ignored([path]):
        return "跳过（git 忽略：.gitignore）"
    return None


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):  # os.walk does not follow links into folders: no loop
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded_by_config(os.path.join(root, d)))
        for name in files:
            path = os.path.normpath(os.path.join(root, name))  # "./a.docx" → "a.docx", as reports name it
            if not is_draft_name(name) or not os.path.exists(path):  # a dangling or looping link
                continue
            if not _excluded_by_config(path):
                found.append(path)
    ignored = git_ignored(found)
    return sorted(p for p in found if p not in ignored)


# ---------------------------------------------------------------- exclude: in .officekit.yaml

def _excluded_by_config(path: str) -> bool:
    """Does the `exclude:` of the .officekit.yaml governing `path` match it or one of its folders?"""
    from officekit.config import load as config_load
    from officekit.errors import ConfigError

    try:
        config = config_load.load(_str(config_load.discover(Path(path))))
    except ConfigError:
        return False  # the run loads the same file next and reports what is wrong with it
    if not config.exclude or not config.path:
        return False
    base = Path(os.path.realpath(config.path)).parent
    try:
        relative = PurePosixPath(Path(os.path.realpath(path)).relative_to(base).as_posix())
    except ValueError:
        return False
    return any(matches(pattern, relative) for pattern in config.exclude)


def matches(pattern: str, relative: PurePosixPath) -> bool:
    """A pattern matches the path or one of its folders; "归档/" names a folder, as in .gitignore."""
    from officekit.suppress import pattern_matches

    pattern = pattern.rstrip("/") or pattern
    return any(pattern_matches(pattern, candidate) for candidate in (relative, *relative.parents[:-1]))


def _str(path: Path | None) -> str | None:
    return str(path) if path else None


# ---------------------------------------------------------------- .gitignore, through git

def git_ignored(paths: list[str]) -> set[str]:
    """The paths git would ignore; none when git is absent or the paths lie outside a work tree."""
    by_folder: dict[str, list[str]] = {}
    for p in paths:
        by_folder.setdefault(os.path.dirname(os.path.abspath(p)), []).append(p)
    ignored: set[str] = set()
    for folder in _work_tree_groups(by_folder):
        group = [p for f in folder for p in by_folder[f]]
        ignored |= _check_ignore(folder[0], group)
    return ignored


def _work_tree_groups(by_folder: dict[str, list[str]]) -> list[list[str]]:
    """Folders grouped by the git work tree they lie in (one `git check-ignore` a work tree)."""
    groups: dict[str, list[str]] = {}
    for folder in by_folder:
        top = _work_tree(folder)
        if top is not None:
            groups.setdefault(top, []).append(folder)
    return list(groups.values())


def _work_tree(folder: str) -> str | None:
    here = Path(folder)
    for d in (here, *here.parents):
        if (d / ".git").exists():
            return str(d)
    return None


def _check_ignore(cwd: str, paths: list[str]) -> set[str]:
    absolute = {os.path.abspath(p): p for p in paths}
    try:
        proc = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=cwd, input=b"\0".join(map(os.fsencode, absolute)),
                              capture_output=True, timeout=GIT_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):
        return set()  # no git: nothing is ignored, the walk stays as it was
    if proc.returncode not in (0, 1):  # 1 = none ignored; 128 = not a work tree after all
        return set()
    named = [os.fsdecode(n) for n in proc.stdout.split(b"\0") if n]
    return {absolute[os.path.abspath(os.path.join(cwd, n))] for n in named if os.path.abspath(os.path.join(cwd, n)) in absolute}
