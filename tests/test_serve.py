"""`officekit serve`, the review desk: HTTP-level behaviour with urllib, the command's start and stop, and
the page in a real headless Chromium driven by selenium.

The drafts are built here (sample_drafts.faulty_notice): the tests run in a clone without the corpus.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from docx_builders import build_with_python_docx
from sample_drafts import faulty_notice

from officekit.cli import main
from officekit.config.model import Config
from officekit.desk.serve import DeskServer
from officekit.document.convert import find_soffice
from officekit.desk.upload import UploadError, parse, safe_name

FAULTY_NAME = "森林防火通知.docx"
# The misspelling faulty_notice puts in block 10 and how every report shows it.
TYPO_RULE, TYPO_PLACE, TYPO_ADVICE = "W301", "正文第10段第16字", "建议：部署"


# ---------------------------------------------------------------- a server and its clients

@pytest.fixture
def faulty(tmp_path) -> bytes:
    return faulty_notice(tmp_path).read_bytes()


def start_desk(settings: Config | None = None, **options) -> DeskServer:
    server = DeskServer("127.0.0.1", 0, settings or Config(), **options)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.fixture
def desk():
    server = start_desk()
    yield server
    server.shutdown()
    server.server_close()


class Secretary:
    """One browser's worth of HTTP: its own cookie jar, so two of them are two sessions."""

    def __init__(self, server: DeskServer):
        self.url = server.url.rstrip("/")
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str = "/", headers: dict | None = None):
        return self._open(urllib.request.Request(self.url + path, headers=headers or {}))

    def post(self, path: str, body: bytes = b"", content_type: str = "application/x-www-form-urlencoded",
             headers: dict | None = None):
        request = urllib.request.Request(self.url + path, data=body, method="POST",
                                         headers={"Content-Type": content_type, **(headers or {})})
        return self._open(request)

    def upload(self, *files: tuple[str, bytes]) -> str:
        """The page the upload lands on (its notices are shown there, once)."""
        body, content_type = multipart(files)
        status, _, page = self.post("/upload", body, content_type)
        assert status == 200
        return page.decode("utf-8")

    def page(self) -> str:
        status, _, body = self.get("/")
        assert status == 200
        return body.decode("utf-8")

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


def multipart(files, boundary: str = "----officekit-test-boundary") -> tuple[bytes, str]:
    out = io.BytesIO()
    for name, data in files:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="drafts"; filename="{name}"\r\n'
                  "Content-Type: application/octet-stream\r\n\r\n".encode("utf-8"))
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def card(page_html: str, name: str) -> str:
    """The HTML of the draft card titled `name`."""
    match = re.search(r'<section class="card[^"]*"[^>]*>\s*<div class="card-head"><h2 class="draft-name">'
                      + re.escape(name) + r"</h2>.*?</section></details></section>|"
                      r'<section class="card unreadable"[^>]*><div class="card-head"><h2 class="draft-name">'
                      + re.escape(name) + r"</h2>.*?</section>", page_html, re.S)
    assert match, f"no card for {name}"
    return match.group(0)


def comments_of(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/comments.xml").decode("utf-8")


# ---------------------------------------------------------------- the page over HTTP

def test_the_page_is_chinese_local_and_gives_a_private_cookie(desk):
    status, headers, body = Secretary(desk).get("/")
    page = body.decode("utf-8")
    assert status == 200 and '<html lang="zh-CN">' in page
    assert "把公文草稿拖到这里" in page and "开始审核" in page and "还没有草稿" in page
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"officekit_desk_{desk.server_address[1]}=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    token = cookie.split("=", 1)[1].split(";")[0]
    assert len(token) >= 40  # 32 random bytes, URL-safe
    # Every asset is this server's own: nothing is fetched from anywhere else, and the policy says so.
    assert re.findall(r'(?:src|href)="(?!/|#)[^"]*"', page) == []
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        asset_status, asset_headers, asset_body = Secretary(desk).get(asset)
        assert asset_status == 200 and asset_body, asset
        assert "http://" not in asset_body.decode("utf-8") and "https://" not in asset_body.decode("utf-8")


def test_a_faulty_draft_gets_its_verdicts_findings_and_copies(desk, faulty):
    secretary = Secretary(desk)
    draft_card = card(secretary.upload((FAULTY_NAME, faulty)), FAULTY_NAME)
    assert 'data-verdict="fail"' in draft_card and "✘ 未通过：退回修改" in draft_card
    verdicts = dict(re.findall(r'data-gate="(\S+)"><span class="gate-name">\S+</span>'
                               r'<span class="gate-verdict">. (\S+?)</span>', draft_card))
    assert verdicts == {"政策关": "通过", "格式关": "未通过", "文字关": "未通过"}
    assert "（须修改 4 处错误）" in draft_card  # 文字关: two W101, W103, W301
    typo = re.search(rf'<li class="finding[^>]*data-rule="{TYPO_RULE}">.*?</li>', draft_card).group(0)
    assert TYPO_PLACE in typo and TYPO_ADVICE in typo and "“布署”应为“部署”" in typo

    # The 审阅 copy: a Word comment on every finding, saved under the draft's own name.
    status, headers, review_copy = secretary.get("/drafts/1/review")
    assert status == 200 and headers["Content-Type"].endswith("wordprocessingml.document")
    saved_as = unquote(headers["Content-Disposition"].split("filename*=UTF-8''")[1])
    assert saved_as == "森林防火通知.审阅.docx"
    comments = comments_of(review_copy)
    assert "“布署”应为“部署”" in comments and f"（{TYPO_RULE}）" in comments
    assert comments.count("<w:comment ") == 7  # one a body finding, one summing up the footer's
    # The 修订 copy: the safe fixes as tracked changes by officekit.
    status, _, fixed_copy = secretary.get("/drafts/1/fixed")
    with zipfile.ZipFile(io.BytesIO(fixed_copy)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert 'w:author="officekit"' in body
    accepted = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", re.sub(r"<w:del .*?</w:del>", "", body)))
    rejected = "".join(re.findall(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>",
                                  re.sub(r"<w:ins .*?</w:ins>", "", body)))
    assert "认真部署巡查工作" in accepted and "认真布署巡查工作" in rejected


def test_the_slip_and_the_layout_copy_come_from_their_own_engines(desk, faulty):
    import docx

    secretary = Secretary(desk)
    draft_card = card(secretary.upload((FAULTY_NAME, faulty)), FAULTY_NAME)
    assert [kind for kind in re.findall(r'data-copy="(\w+)"', draft_card)] == ["review", "fixed", "layout", "slip"]
    status, headers, slip = secretary.get("/drafts/1/slip")
    assert status == 200 and unquote(headers["Content-Disposition"]).endswith("森林防火通知.意见单.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(slip)).paragraphs)
    assert "送审文件：森林防火通知.docx" in text  # the secretary's name for the file, not the session folder's
    assert "文字关：退回修改（须修改 4 处错误）" in text and "W301 错别字（第 10 段 第 16 字）" in text
    # As `fix --layout`: the text fixes as tracked changes, then 一键排版 — the left-aligned title centred
    # as a tracked paragraph change.
    status, _, laid_out = secretary.get("/drafts/1/layout")
    with zipfile.ZipFile(io.BytesIO(laid_out)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert status == 200 and "<w:pPrChange " in body and "<w:delText" in body
    title = re.search(r"<w:p>(?:(?!</w:p>).)*云岭市人民政府办公室关于做好森林防火工作的通知.*?</w:p>", body).group(0)
    assert '<w:jc w:val="center"/>' in title and "<w:pPrChange " in title


def test_a_draft_that_is_not_a_gongwen_is_not_laid_out(desk, tmp_path):
    source = build_with_python_docx(tmp_path / "倡议书.docx", [
        "节约用水倡议书", "全体居民：", "水是生命之源，让我们从身边做起,节约每一滴水。", "社区居委会", "2026年11月1日"])
    draft_card = card(Secretary(desk).upload(("倡议书.docx", source.read_bytes())), "倡议书.docx")
    assert "文稿 事务文书：不是公文，只审文字和用语" in draft_card and 'data-rule="W101"' in draft_card
    assert re.findall(r'data-copy="(\w+)"', draft_card) == ["review", "fixed", "slip"]


def test_files_that_cannot_be_reviewed_get_a_message_not_a_traceback(desk):
    secretary = Secretary(desk)
    page = secretary.upload(("会议纪要.pdf", b"%PDF-1.7 not a draft"), ("假文档.docx", "这不是 Word 文件".encode()),
                            ("空白.docx", b""))
    assert "会议纪要.pdf：不是可以审核的文件类型。请上传 .docx" in page
    assert "无法审核这份文件：" in card(page, "假文档.docx")
    assert "无法审核这份文件：文件为空（0 字节）" in card(page, "空白.docx")
    assert "Traceback" not in page and "Error" not in page
    # An unreadable draft offers no copies; asking anyway brings the message, not a crash.
    assert "/drafts/2/review" not in page
    status, _, body = secretary.get("/drafts/2/review")
    assert status == 200 and "未能生成审阅稿（批注）：这份文件无法读取，没有副本" in body.decode("utf-8")
    # The message is said once: the next visit shows the cards, not the old notices.
    assert "不是可以审核的文件类型" not in secretary.page()


def test_an_upload_over_the_limit_is_refused_with_its_size():
    server = start_desk(max_upload_bytes=64 * 1024)
    try:
        secretary = Secretary(server)
        page = secretary.upload(("大文件.docx", b"PK" + os.urandom(200 * 1024)))
        assert "上传的文件太大：每次合计不能超过 64 KB（这次约 200 KB）" in page
        assert "大文件.docx" not in page
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed (CI installs it)")
def test_a_doc_is_converted_once_and_its_copies_are_docx(desk, tmp_path):
    source = faulty_notice(tmp_path, "通知.docx")
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=180, check=True, stdin=subprocess.DEVNULL)
    secretary = Secretary(desk)
    draft_card = card(secretary.upload(("通知.doc", (tmp_path / "通知.doc").read_bytes())), "通知.doc")
    assert "已由 LibreOffice 转换为 .docx 后审核" in draft_card and f'data-rule="{TYPO_RULE}"' in draft_card
    status, headers, review_copy = secretary.get("/drafts/1/review")
    assert status == 200 and unquote(headers["Content-Disposition"]).endswith("通知.审阅.docx")
    assert "“布署”应为“部署”" in comments_of(review_copy)
    (session,) = desk.store._sessions.values()
    assert sorted(p.name for p in (session.folder / "1" / "original").iterdir()) == ["通知.doc", "通知.docx"]


def test_two_uploads_at_the_same_moment_both_get_their_own_results(desk, faulty):
    secretaries = [Secretary(desk), Secretary(desk)]
    drafts = [("甲通知.docx", faulty), ("乙通知.txt", "关于召开会议的通知\n请各单位按时参加,不得缺席.\n".encode())]
    pages = [None, None]

    def upload(k):
        pages[k] = secretaries[k].upload(drafts[k])

    workers = [threading.Thread(target=upload, args=(k,)) for k in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert f'data-rule="{TYPO_RULE}"' in card(pages[0], "甲通知.docx") and "乙通知.txt" not in pages[0]
    assert 'data-rule="W101"' in card(pages[1], "乙通知.txt") and "甲通知.docx" not in pages[1]


def test_a_plain_text_draft_gets_verdicts_but_no_word_copies(desk):
    secretary = Secretary(desk)
    text = "关于开展安全检查的通知\n各单位：\n请于本月底前完成自查,并报送结果.\n"
    secretary.upload(("检查通知.txt", text.encode("utf-8")))
    draft_card = card(secretary.page(), "检查通知.txt")
    assert 'data-rule="W101"' in draft_card
    assert "纯文本草稿只给出审核结论" in draft_card and "/drafts/1/review" not in draft_card


def test_two_secretaries_never_see_each_others_drafts(desk, faulty):
    first, second = Secretary(desk), Secretary(desk)
    first.upload((FAULTY_NAME, faulty))
    assert FAULTY_NAME in first.page()
    assert FAULTY_NAME not in second.page() and "还没有草稿" in second.page()
    # Draft numbers are per session: the second secretary's /drafts/1 is not the first one's.
    status, _, body = second.get("/drafts/1/review")
    assert status == 404 and "找不到" in body.decode("utf-8")
    second.upload(("另一份.txt", "关于召开会议的通知\n".encode()))
    assert "另一份.txt" in second.page() and FAULTY_NAME not in second.page()
    assert "另一份.txt" not in first.page()
    # A made-up token is no session.
    status, _, _ = Secretary(desk).get("/drafts/1/review", headers={
        "Cookie": f"officekit_desk_{desk.server_address[1]}=made-up-token"})
    assert status == 404
    folders = [s.folder for s in desk.store._sessions.values()]
    assert len({f.parent for f in folders}) == 1 and len(set(folders)) == len(folders) >= 2


def test_ending_the_session_deletes_its_files(desk, faulty):
    secretary = Secretary(desk)
    secretary.upload((FAULTY_NAME, faulty))
    secretary.get("/drafts/1/review")
    (session,) = desk.store._sessions.values()
    stored = sorted(p.relative_to(session.folder).as_posix() for p in session.folder.rglob("*") if p.is_file())
    assert stored == ["1/original/森林防火通知.docx", "1/review.docx"]
    status, _, page = secretary.post("/end")
    assert status == 200 and not session.folder.exists()
    assert "本次会话已结束，上传的草稿及其副本已全部删除。" in page.decode("utf-8")
    assert secretary.get("/drafts/1/review")[0] == 404


def test_removing_one_draft_keeps_the_others(desk, faulty):
    secretary = Secretary(desk)
    secretary.upload(("甲.docx", faulty), ("乙.docx", faulty))
    (session,) = desk.store._sessions.values()
    page = secretary.post("/drafts/1/remove")[2].decode("utf-8")
    assert "已移除 甲.docx 及其副本。" in page and 'id="draft-2"' in page and 'id="draft-1"' not in page
    assert sorted(p.name for p in session.folder.iterdir()) == ["2"]


def test_a_session_holds_a_bounded_number_of_drafts(desk, monkeypatch):
    monkeypatch.setattr("officekit.desk.serve.MAX_DRAFTS_PER_SESSION", 2)
    page = Secretary(desk).upload(*[(f"{n}.txt", "关于召开会议的通知\n".encode()) for n in "甲乙丙"])
    assert re.findall(r'<h2 class="draft-name">(\S+?)</h2>', page) == ["甲.txt", "乙.txt"]
    assert "丙.txt：本次会话已有 2 份草稿，请先移除一些，或结束会话后重新开始。" in page


def test_warming_up_checks_nothing_of_the_secretaries(desk):
    desk.warm_up()
    assert len(desk.store) == 0 and list(desk.store.root.iterdir()) == []


def test_the_latest_upload_comes_first_in_the_order_it_was_chosen(desk):
    secretary = Secretary(desk)
    secretary.upload(("一.txt", "关于甲的通知\n".encode()), ("二.txt", "关于乙的通知\n".encode()))
    page = secretary.upload(("三.txt", "关于丙的通知\n".encode()), ("四.txt", "关于丁的通知\n".encode()))
    assert re.findall(r'<h2 class="draft-name">(\S+?)</h2>', page) == ["三.txt", "四.txt", "一.txt", "二.txt"]


def test_idle_sessions_expire_and_the_server_leaves_nothing_behind(faulty):
    now = [1000.0]
    server = start_desk(idle_seconds=600)
    server.store.clock = lambda: now[0]
    try:
        secretary = Secretary(server)
        secretary.upload((FAULTY_NAME, faulty))
        (session,) = server.store._sessions.values()
        now[0] += 599
        assert server.store.sweep() == 0 and session.folder.exists()
        now[0] += 602
        assert server.store.sweep() == 1 and not session.folder.exists()
        assert FAULTY_NAME not in secretary.page()  # a new, empty session
        root = server.store.root
        assert root.exists()
    finally:
        server.shutdown()
        server.server_close()
    assert not root.exists()


def test_a_process_that_never_closes_the_server_still_removes_its_folder(tmp_path):
    script = ("from officekit.config.model import Config\nfrom officekit.desk.serve import DeskServer\n"
              "server = DeskServer('127.0.0.1', 0, Config())\n"
              "(server.store.create().folder / 'draft.docx').write_bytes(b'PK')\nprint(server.store.root)\n")
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, "TMPDIR": str(tmp_path)},
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip().startswith(str(tmp_path)) and list(tmp_path.iterdir()) == []


def test_requests_naming_another_host_or_posted_from_another_site_are_refused(desk, faulty):
    secretary = Secretary(desk)
    # DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
    status, _, body = secretary.get("/", headers={"Host": "evil.example"})
    assert status == 403 and "只接受本机地址" in body.decode("utf-8")
    body, content_type = multipart([(FAULTY_NAME, faulty)])
    status, _, _ = secretary.post("/upload", body, content_type, headers={"Origin": "http://evil.example"})
    assert status == 403 and not list(desk.store.root.rglob("*.docx"))


def test_upload_parsing_keeps_bytes_and_names_exact():
    data = os.urandom(4096) + b"\r\n--not-the-boundary\r\n"
    body, content_type = multipart([("公文 一.docx", data), ("b.txt", b"")])
    files = parse(content_type, body)
    assert [(f.name, f.data) for f in files] == [("公文 一.docx", data), ("b.txt", b"")]
    with pytest.raises(UploadError, match="不完整"):
        parse(content_type, body[:-20])
    assert safe_name("C:\\Users\\某人\\桌面\\请示.docx") == "请示.docx"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name('a%22b<c>.docx') == "a＂b_c_.docx"
    assert safe_name("...") == "草稿"


# ---------------------------------------------------------------- the command

def test_a_port_in_use_is_a_usage_error_naming_it():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"端口 {port} 已被占用" in result.output and "Traceback" not in result.output


BROKEN_RULE = {"id": "U001", "type": "occurrence", "gate": "文字关", "severity": "error", "message": "x"}  # no name


def test_a_broken_office_rule_is_said_on_the_page():
    server = start_desk(Config(rules=[BROKEN_RULE]))
    try:
        page = Secretary(server).upload(("通知.txt", "关于召开会议的通知\n".encode()))
        assert "通知.txt：规则或配置无法加载，未能审核（&lt;config&gt;: 规则 U001 缺少必填项 name）。" in page
    finally:
        server.shutdown()
        server.server_close()


def test_the_command_refuses_a_broken_configuration_before_it_listens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".officekit.yaml").write_text("severity: [W301\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 2 and "规则或配置无法加载" in result.output and ".officekit.yaml" in result.output


def test_the_command_serves_and_deletes_everything_when_stopped(tmp_path, faulty):
    work, temp = tmp_path / "office", tmp_path / "temp"
    work.mkdir()
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "officekit", "serve", "--port", "0"], cwd=work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first_line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", first_line).group(0)
        server = type("Address", (), {"url": url})
        secretary = Secretary(server)
        secretary.upload((FAULTY_NAME, faulty))
        assert "✘ 未通过：退回修改" in secretary.page()
        assert len(list(temp.rglob("森林防火通知.docx"))) == 1
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "已停止，上传的文件已删除" in stderr
    assert list(temp.iterdir()) == [] and list(work.iterdir()) == []  # nothing left, nothing in the user's folder


# ---------------------------------------------------------------- the page in a real browser

def _browser_tools() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            break
    else:
        return "Chromium is not installed (CI installs Debian's chromium)"
    if not shutil.which("chromedriver"):
        return "chromedriver is not installed (CI installs Debian's chromium-driver)"
    return None


needs_browser = pytest.mark.skipif(_browser_tools() is not None, reason=_browser_tools() or "")
SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT = 1280, 1800


def _chromium(downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", f"--window-size={SCREENSHOT_WIDTH},{SCREENSHOT_HEIGHT}", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.set_page_load_timeout(120)
    return browser


def _wait_for(condition, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


def _console_errors(browser) -> list[str]:
    try:
        return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    except Exception:  # not every driver keeps the console log
        return []


@needs_browser
def test_in_chromium_a_secretary_reviews_downloads_and_stays_alone(desk, tmp_path):
    from selenium.webdriver.common.by import By

    (tmp_path / "desktop").mkdir()
    draft = faulty_notice(tmp_path / "desktop", FAULTY_NAME)
    not_a_draft = tmp_path / "desktop" / "会议照片.png"
    not_a_draft.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shots = tmp_path / "screenshots"
    shots.mkdir()
    browser = _chromium(downloads)
    try:
        browser.get(desk.url)
        _wait_for(lambda: browser.find_element(By.TAG_NAME, "body").get_attribute("data-desk") == "ready")
        browser.save_screenshot(str(shots / "1-empty.png"))
        # Choosing the file starts the review (desk.js); no button to find.
        browser.find_element(By.ID, "drafts").send_keys(str(draft))
        section = _wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "section.card"))[0]
        assert section.find_element(By.CSS_SELECTOR, "p.overall").text == "✘ 未通过：退回修改"
        gates = {li.get_attribute("data-gate"): li.find_element(By.CSS_SELECTOR, ".gate-verdict").text
                 for li in section.find_elements(By.CSS_SELECTOR, "li.gate")}
        assert gates == {"政策关": "✔ 通过", "格式关": "✘ 未通过", "文字关": "✘ 未通过"}
        typo = section.find_element(By.CSS_SELECTOR, f'li.finding[data-rule="{TYPO_RULE}"]')
        assert TYPO_PLACE in typo.text and TYPO_ADVICE in typo.text
        assert typo.is_displayed()
        browser.save_screenshot(str(shots / "2-reviewed.png"))

        section.find_element(By.CSS_SELECTOR, 'a[data-copy="review"]').click()
        saved = _wait_for(lambda: [p for p in downloads.iterdir() if p.name == "森林防火通知.审阅.docx"])[0]
        _wait_for(lambda: zipfile.is_zipfile(saved))
        assert "“布署”应为“部署”" in comments_of(saved.read_bytes())

        browser.find_element(By.ID, "drafts").send_keys(str(not_a_draft))
        notice = _wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "p.notice.error"))[0]
        assert notice.text.startswith("会议照片.png：不是可以审核的文件类型。")
        browser.save_screenshot(str(shots / "3-refused.png"))
        assert _console_errors(browser) == []

        # A second secretary's browser (its own profile): an empty desk, and the first one's URL is not found.
        other = _chromium(tmp_path / "downloads")
        try:
            other.get(desk.url)
            assert other.find_elements(By.CSS_SELECTOR, "section.card") == []
            assert "还没有草稿" in other.find_element(By.TAG_NAME, "main").text
            other.get(desk.url + "drafts/1/review")
            assert "找不到这个页面或这份草稿" in other.find_element(By.TAG_NAME, "body").text
        finally:
            other.quit()
        browser.refresh()
        assert len(browser.find_elements(By.CSS_SELECTOR, "section.card")) == 1  # still the first one's draft
    finally:
        browser.quit()
