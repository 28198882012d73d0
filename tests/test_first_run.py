"""The first run on a machine: its caches are built when a rule needs them, and a person at a terminal
is told, once, why that run is slow."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading

from hostile import builders

from officekit import cache

NOTE = "首次运行：正在建立分词缓存"


def check_at_a_terminal(path, cache_home) -> tuple[int, str]:
    """`officekit check --format json PATH` with stderr on a pseudo-terminal: (exit code, what it showed)."""
    master, slave = pty.openpty()
    shown = bytearray()

    def read_terminal():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the terminal's other side is closed
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    env = {k: v for k, v in os.environ.items() if k != "OFFICEKIT_CACHE_DIR"}
    env.update(XDG_CACHE_HOME=str(cache_home), NO_COLOR="1")
    try:
        proc = subprocess.run([sys.executable, "-m", "officekit", "check", "--format", "json", str(path)],
                              stdout=subprocess.DEVNULL, stderr=slave, env=env, timeout=120)
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return proc.returncode, shown.decode("utf-8", "replace")


def test_first_run_says_once_why_it_is_slow_and_later_runs_do_not(tmp_path):
    draft = builders.good_docx(tmp_path / "good.docx")
    code, shown = check_at_a_terminal(draft, tmp_path / "xdg")
    assert code in (0, 1)
    assert shown.count(NOTE) == 1 and shown.strip().startswith(NOTE), shown
    assert "仅此一次" in shown and len(shown.strip().splitlines()) == 1
    assert list((tmp_path / "xdg" / "officekit").glob("jieba-*.sqlite3"))
    code, shown = check_at_a_terminal(draft, tmp_path / "xdg")
    assert code in (0, 1) and NOTE not in shown


def test_a_refused_draft_builds_no_cache_and_says_nothing_about_one(tmp_path):
    code, shown = check_at_a_terminal(builders.empty(tmp_path / "空.docx"), tmp_path / "xdg")
    assert code == 2 and NOTE not in shown
    folder = tmp_path / "xdg" / "officekit"
    # Only the validated rule set (engine/rulecache.py, written in milliseconds as the rules load):
    # none of the slow caches the note speaks of.
    built = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert all(name.startswith("rules-") and name.endswith(".pickle") for name in built), built


class _Stderr(io.StringIO):
    def __init__(self, terminal: bool):
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


def test_the_note_is_for_terminals_only_and_said_once(tmp_path, monkeypatch):
    monkeypatch.setenv("OFFICEKIT_CACHE_DIR", str(tmp_path / "cache"))
    for terminal, expected in ((False, ""), (True, cache.FIRST_RUN_NOTE + "\n")):
        monkeypatch.setattr(cache, "_noted", False)
        monkeypatch.setattr(sys, "stderr", _Stderr(terminal))
        cache.note_building()
        cache.note_building()  # a second cache in the same run: still one line
        assert sys.stderr.getvalue() == expected


def test_no_note_when_no_cache_can_be_kept(tmp_path, monkeypatch):
    """Without a writable cache folder every run builds in memory: "only this once" would be untrue."""
    blocker = tmp_path / "a-file"
    blocker.write_text("where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("OFFICEKIT_CACHE_DIR", str(blocker / "officekit"))
    monkeypatch.setattr(cache, "_noted", False)
    monkeypatch.setattr(sys, "stderr", _Stderr(True))
    cache.note_building()
    assert sys.stderr.getvalue() == ""
