"""Sessions of the review desk: one secretary's drafts, in a folder of their own, found by an unguessable token.

The token travels only in a cookie.  A session's folder lives under the server's private temporary
folder; it is removed when the secretary ends the session, when the session has been idle for too
long, and (with everything else) when the server stops.  Two sessions share nothing: a draft is
looked up inside the session that owns it, never by a global number.
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_BYTES = 32  # 256 random bits: not guessable, not enumerable
SESSION_IDLE_SECONDS = 60 * 60  # an hour without a request ends a session and deletes its files
MAX_DRAFTS_PER_SESSION = 60  # bounds the disk one browser tab can fill


@dataclass
class Session:
    token: str
    folder: Path
    last_seen: float
    drafts: dict = field(default_factory=dict)  # number → review.Draft, in upload order
    notices: list = field(default_factory=list)  # (kind, text) shown once on the next page
    next_number: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take_number(self) -> int:
        with self.lock:
            number, self.next_number = self.next_number, self.next_number + 1
            return number

    def add_notice(self, kind: str, text: str) -> None:
        with self.lock:
            self.notices.append((kind, text))

    def pop_notices(self) -> list[tuple[str, str]]:
        with self.lock:
            notices, self.notices = self.notices, []
            return notices


class SessionStore:
    """All sessions of one server, in one private temporary folder."""

    def __init__(self, idle_seconds: float = SESSION_IDLE_SECONDS, clock=time.monotonic):
        self.root = Path(tempfile.mkdtemp(prefix="officekit-serve-"))  # mode 0700: only this user reads it
        self.idle_seconds = idle_seconds
        self.clock = clock
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        # A backstop for a process that ends without server_close (an embedding script, an uncaught
        # error): the folder still goes at interpreter exit.  Only a killed process leaves it behind.
        atexit.register(self.close)

    def get(self, token: str | None) -> Session | None:
        """The live session of `token` (its idle clock restarted), or None."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            now = self.clock()
            if now - session.last_seen > self.idle_seconds:
                self._drop(session)
                return None
            session.last_seen = now
            return session

    def create(self) -> Session:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        folder = Path(tempfile.mkdtemp(prefix="s-", dir=self.root))  # a random name, not the token
        session = Session(token=token, folder=folder, last_seen=self.clock())
        with self._lock:
            self._sessions[token] = session
        return session

    def end(self, session: Session) -> None:
        with self._lock:
            self._drop(session)

    def sweep(self) -> int:
        """End every session idle for too long; the number ended."""
        now = self.clock()
        with self._lock:
            stale = [s for s in self._sessions.values() if now - s.last_seen > self.idle_seconds]
            for session in stale:
                self._drop(session)
        return len(stale)

    def close(self) -> None:
        """Delete every session and the server's folder (at server exit)."""
        with self._lock:
            self._sessions.clear()
            shutil.rmtree(self.root, ignore_errors=True)

    def __len__(self) -> int:
        return len(self._sessions)

    def _drop(self, session: Session) -> None:
        self._sessions.pop(session.token, None)
        shutil.rmtree(session.folder, ignore_errors=True)
