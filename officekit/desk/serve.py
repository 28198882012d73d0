"""`officekit serve`: the review desk as a small local web server (standard library only).

Bound to 127.0.0.1 by default, it answers only requests addressed to this machine by name (a page on
another site cannot reach it through DNS tricks), keeps each secretary's drafts in a session folder
found by a cookie token (sessions.py), and turns every failure into a Chinese message on the page.
Nothing is written outside the server's own temporary folder, which is removed when it stops.
"""

from __future__ import annotations

import errno
import shutil
import socket
import sys
import threading
import time
import traceback
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import quote, urlsplit

from officekit.config.model import Config
from officekit.desk import page, review, upload
from officekit.desk.sessions import MAX_DRAFTS_PER_SESSION, SESSION_IDLE_SECONDS, Session, SessionStore
from officekit.document.convert import find_soffice
from officekit.engine.rule import RuleError
from officekit.errors import ConfigError, InputError

DEFAULT_PORT = 8765
REQUEST_TIMEOUT_SECONDS = 300  # a connection that stops sending mid-upload is dropped, not kept forever
SWEEP_EVERY_SECONDS = 60  # how often idle sessions are looked for
DISCARD_LIMIT_BYTES = 1024 * 1024 * 1024  # a refused upload up to this size is read and dropped, so the
# browser shows our message rather than "connection reset"; a larger one just has its connection closed
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
WARM_UP_DRAFT = "关于做好安全检查工作的通知\n各单位要认真部署，确保按时完成。\n"
PAGE_POLICY = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'")


class DeskServer(ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR lets a second server take a port that is in use; elsewhere it only
    # allows a restart while old connections linger.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, host: str, port: int, settings: Config, *, idle_seconds: float = SESSION_IDLE_SECONDS,
                 max_upload_bytes: int = upload.MAX_UPLOAD_BYTES, log=None):
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.store = None  # made once the port is ours: a failed start leaves no folder behind
        super().__init__((host.strip("[]"), port), DeskHandler)  # OSError when the port is taken
        self.settings = settings
        self.fail_on = settings.fail_on or "error"
        self.loopback = host in LOOPBACK_NAMES
        self.max_upload_bytes = max_upload_bytes
        self.legacy_readable = find_soffice() is not None  # .doc/.wps are offered only when LibreOffice is there
        self.store = SessionStore(idle_seconds)
        self.cookie_name = f"officekit_desk_{self.server_address[1]}"  # cookies ignore ports: one name a server
        self.log = log or (lambda text: print(text, file=sys.stderr, flush=True))
        # The checking engine builds its caches (word lists, segmenter) lazily and was written for one
        # thread: drafts are checked one at a time; pages and downloads of ready copies stay concurrent.
        self.work_lock = threading.Lock()
        self._last_sweep = time.monotonic()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def service_actions(self) -> None:
        """Called by serve_forever between requests: end the sessions idle for too long."""
        if time.monotonic() - self._last_sweep >= SWEEP_EVERY_SECONDS:
            self._last_sweep = time.monotonic()
            self.store.sweep()

    def server_close(self) -> None:
        super().server_close()
        if self.store is not None:
            self.store.close()

    def warm_up(self) -> None:
        """Check a two-line draft once, so the first secretary does not wait for the lazily built
        caches (segmenter, word lists: about 1.5 s, more on a first run ever)."""
        from officekit.check import check_document
        from officekit.document.text_reader import read_bytes

        with self.work_lock:
            try:
                check_document(read_bytes(WARM_UP_DRAFT.encode("utf-8"), "warm-up.txt"), self.settings)
            except Exception:  # only a head start: a real upload that fails says why on the page
                pass

    def page_options(self) -> page.PageOptions:
        return page.PageOptions(fail_on=self.fail_on, accepted=review.accepted_suffixes(self.legacy_readable),
                                max_upload_bytes=self.max_upload_bytes)


class DeskHandler(BaseHTTPRequestHandler):
    server: DeskServer
    server_version = "officekit-desk"
    timeout = REQUEST_TIMEOUT_SECONDS

    # ------------------------------------------------------------ dispatch

    def do_GET(self):
        self._guarded(self._get)

    def do_POST(self):
        self._guarded(self._post)

    def _guarded(self, handle) -> None:
        """Every request: refuse strangers, then handle; a bug becomes a message, never a traceback."""
        if not self._addressed_to_us():
            self._send_page(HTTPStatus.FORBIDDEN, page.message_page("拒绝访问", "此页面只接受本机地址的访问。"))
            return
        try:
            handle(urlsplit(self.path).path)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:
            self.server.log("officekit serve: 内部错误\n" + traceback.format_exc())
            self._send_page(HTTPStatus.INTERNAL_SERVER_ERROR,
                            page.message_page("出错了", "officekit 内部出错，未能完成这次操作。请重试；若仍出错，请联系维护人员。"))

    def _get(self, path: str) -> None:
        if path == "/":
            session = self._session(create=True)
            drafts = list(session.drafts.values())
            self._send_page(HTTPStatus.OK, page.render(drafts, session.pop_notices(), self.server.page_options()),
                            session=session)
        elif path.startswith("/static/"):
            self._send_static(path[len("/static/"):])
        elif path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")
        elif path.startswith("/drafts/"):
            self._download(path)
        else:
            self._not_found()

    def _post(self, path: str) -> None:
        if not self._same_origin():
            self._send_page(HTTPStatus.FORBIDDEN, page.message_page("拒绝访问", "不接受来自其他网页的提交。"))
            return
        if path == "/upload":
            self._upload()
        elif path == "/end":
            session = self._session(create=False)
            if session is not None:
                self.server.store.end(session)
            fresh = self.server.store.create()
            fresh.add_notice("info", "本次会话已结束，上传的草稿及其副本已全部删除。")
            self._redirect("/", session=fresh)
        elif path.startswith("/drafts/") and path.endswith("/remove"):
            self._remove(path)
        else:
            self._not_found()

    # ------------------------------------------------------------ actions

    def _upload(self) -> None:
        session = self._session(create=True)
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            session.add_notice("error", "上传未能完成（浏览器没有说明大小），请重新上传。")
            self._redirect("/", session=session)
            return
        limit = self.server.max_upload_bytes
        if length > limit:
            self._discard(length)
            session.add_notice("error", f"上传的文件太大：每次合计不能超过 {upload.size_text(limit)}"
                                        f"（这次约 {upload.size_text(length)}）。请分几次上传，或先压缩文中的图片。")
            self._redirect("/", session=session)
            return
        body = self.rfile.read(length)
        try:
            files = upload.parse(self.headers.get("Content-Type", ""), body)
        except upload.UploadError as exc:
            files = []
            session.add_notice("error", str(exc))
        else:
            if not files:
                session.add_notice("error", "没有收到文件：请先选择要审核的草稿。")
        received = [number for number in (self._receive(session, item) for item in files) if number is not None]
        for number in received:
            session.drafts[number].batch = received[0]
        self._redirect(f"/#draft-{received[0]}" if received else "/", session=session)

    def _receive(self, session: Session, item: upload.UploadedFile) -> int | None:
        """Check one uploaded file into the session; its number, or None when it was refused."""
        options = self.server.page_options()
        suffix = "." + item.name.rpartition(".")[2].lower() if "." in item.name else ""
        if suffix not in options.accepted:
            legacy = suffix in review.LEGACY_SUFFIXES
            hint = ("审核 .doc、.wps 需要在这台电脑上安装 LibreOffice；也可在 Word/WPS 中“另存为” .docx 后上传。"
                    if legacy else f"请上传 {'、'.join(options.accepted)} 文件。")
            session.add_notice("error", f"{item.name}：不是可以审核的文件类型。{hint}")
            return None
        if len(session.drafts) >= MAX_DRAFTS_PER_SESSION:
            session.add_notice("error", f"{item.name}：本次会话已有 {MAX_DRAFTS_PER_SESSION} 份草稿，"
                                        "请先移除一些，或结束会话后重新开始。")
            return None
        number = session.take_number()
        try:
            with self.server.work_lock:
                draft = review.receive(number, item.name, item.data, session.folder / str(number), self.server.settings)
        except (ConfigError, RuleError) as exc:
            session.add_notice("error", f"{item.name}：规则或配置无法加载，未能审核（{exc}）。")
            return None
        except Exception:
            self.server.log(f"officekit serve: 审核第 {number} 份草稿时内部错误\n" + traceback.format_exc())
            session.add_notice("error", f"{item.name}：officekit 审核这份文件时内部出错，已跳过。请把文件交给维护人员排查。")
            return None
        session.drafts[number] = draft
        return number

    def _download(self, path: str) -> None:
        session = self._session(create=False)
        draft, kind = self._draft_of(session, path)
        if draft is None or kind not in review.COPIES:
            self._not_found()
            return
        try:
            with self.server.work_lock:
                copy = review.make_copy(draft, kind)
        except (review.CopyUnavailable, InputError, ConfigError, RuleError) as exc:
            message = exc.message if isinstance(exc, InputError) else str(exc)
            session.add_notice("error", f"{draft.name}：未能生成{review.COPIES[kind][0]}：{message}")
            self._redirect(f"/#draft-{draft.number}", session=session)
            return
        name = draft.copy_name(kind)
        fallback = "officekit-" + kind + ".docx"  # for clients that do not read filename*
        self._send(HTTPStatus.OK, copy.read_bytes(), DOCX_TYPE, headers={
            "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"})

    def _remove(self, path: str) -> None:
        session = self._session(create=False)
        draft, _ = self._draft_of(session, path)
        if draft is None:
            self._not_found()
            return
        session.drafts.pop(draft.number, None)
        shutil.rmtree(draft.folder, ignore_errors=True)
        session.add_notice("info", f"已移除 {draft.name} 及其副本。")
        self._redirect("/", session=session)

    # ------------------------------------------------------------ sessions and checks

    def _session(self, create: bool) -> Session | None:
        """The session of this request's cookie; a new one when there is none and `create`."""
        session = self.server.store.get(self._cookie_token())
        if session is None and create:
            session = self.server.store.create()
        return session

    def _cookie_token(self) -> str | None:
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("Cookie", ""))
        except Exception:  # a malformed Cookie header is no session, not an error
            return None
        morsel = cookie.get(self.server.cookie_name)
        return morsel.value if morsel else None

    @staticmethod
    def _draft_of(session: Session | None, path: str):
        """(the session's draft named in /drafts/N/…, the last path segment) or (None, None)."""
        parts = path.strip("/").split("/")
        if session is None or len(parts) != 3 or not parts[1].isdigit():
            return None, None
        return session.drafts.get(int(parts[1])), parts[2]

    def _addressed_to_us(self) -> bool:
        """On a loopback address, only requests that name the loopback host (no DNS rebinding)."""
        if not self.server.loopback:
            return True
        host = self.headers.get("Host", "")
        name = host.rpartition("]")[0] + "]" if host.startswith("[") else host.partition(":")[0]
        return name.lower() in LOOPBACK_NAMES

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        return origin is None or origin == f"http://{self.headers.get('Host', '')}"

    def _discard(self, length: int) -> None:
        if length > DISCARD_LIMIT_BYTES:
            self.close_connection = True
            return
        left = length
        while left > 0:
            chunk = self.rfile.read(min(left, 1024 * 1024))
            if not chunk:
                break
            left -= len(chunk)

    # ------------------------------------------------------------ responses

    def _send_static(self, name: str) -> None:
        if name == "report.css":
            from officekit.report.html import STYLE

            self._send(HTTPStatus.OK, STYLE.encode("utf-8"), STATIC_TYPES[".css"])
            return
        suffix = "." + name.rpartition(".")[2]
        if "/" in name or suffix not in STATIC_TYPES:
            self._not_found()
            return
        asset = resources.files("officekit.desk").joinpath("static", name)
        if not asset.is_file():
            self._not_found()
            return
        self._send(HTTPStatus.OK, asset.read_bytes(), STATIC_TYPES[suffix])

    def _not_found(self) -> None:
        self._send_page(HTTPStatus.NOT_FOUND,
                        page.message_page("找不到", "找不到这个页面或这份草稿（可能已移除，或会话已过期）。"))

    def _redirect(self, location: str, session: Session | None = None) -> None:
        self._send(HTTPStatus.SEE_OTHER, b"", "text/plain; charset=utf-8", headers={"Location": location},
                   session=session)

    def _send_page(self, status: HTTPStatus, html: str, session: Session | None = None) -> None:
        self._send(status, html.encode("utf-8"), "text/html; charset=utf-8", session=session)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict | None = None,
              session: Session | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", PAGE_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")  # "no-referrer" would make form posts say Origin: null
        if session is not None and session.token != self._cookie_token():
            self.send_header("Set-Cookie",
                             f"{self.server.cookie_name}={session.token}; Path=/; HttpOnly; SameSite=Strict")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args):  # noqa: A002 - the signature of BaseHTTPRequestHandler
        """Requests are not logged: a secretary's terminal should not fill with lines."""


def port_error(exc: OSError, host: str, port: int) -> str:
    """What to tell the user when the server cannot listen."""
    if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", None)):
        return f"端口 {port} 已被占用（可能已有一个 officekit serve 在运行）：请换一个端口，例如 --port {port + 1}"
    if exc.errno in (errno.EACCES, getattr(errno, "WSAEACCES", None)):
        return f"没有权限使用端口 {port}：请换一个大于 1024 的端口，例如 --port {DEFAULT_PORT}"
    return f"无法在 {host}:{port} 上启动：{exc.strerror or exc}"
