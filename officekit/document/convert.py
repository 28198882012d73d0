"""Legacy formats (.doc, .wps, .rtf, .odt): convert to .docx with LibreOffice, then read the .docx.

The conversion runs in a private temporary directory that is always removed; the input file is only
read.  Without LibreOffice there is no honest way to read these formats, so the user gets a message
saying what to install instead of a guess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from officekit.errors import InputError

CONVERSION_TIMEOUT_S = 60
LEGACY_EXTENSIONS = frozenset({".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".ott"})

INSTALL_HINT = (
    "读取 .doc/.wps/.rtf/.odt 需要 LibreOffice（命令 soffice）。请安装后重试"
    "（Debian/Ubuntu: sudo apt install libreoffice-writer；macOS: brew install --cask libreoffice；"
    "Windows: https://www.libreoffice.org；装在别处时把 soffice 的完整路径写入环境变量 OFFICEKIT_SOFFICE），"
    "或在 Word/WPS 中“另存为” .docx 后再检查"
)


SOFFICE_VARIABLE = "OFFICEKIT_SOFFICE"  # the soffice program to use, wherever it is installed


def usual_install_places(environ=os.environ) -> list[Path]:
    """Where LibreOffice's installers put soffice.  The Windows installer does not add it to PATH, and
    the macOS app bundle never is on PATH."""
    places = []
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        root = environ.get(variable)
        if root:
            base = Path(root) / "Programs" if variable == "LOCALAPPDATA" else Path(root)
            places.append(base / "LibreOffice" / "program" / "soffice.exe")
    places.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    if environ.get("HOME"):
        places.append(Path(environ["HOME"]) / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    places.extend(sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True))  # the .deb/.rpm bundles
    return places


def find_soffice(environ=os.environ) -> str | None:
    """OFFICEKIT_SOFFICE when set, else soffice on PATH, else the usual install folders."""
    chosen = environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        return chosen
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((str(place) for place in usual_install_places(environ) if place.is_file()), None)


def convert_legacy(path: str):
    """Read a legacy-format file by converting it to .docx with LibreOffice."""
    from officekit.document.docx_reader import read_docx  # late import: convert is rarely needed

    document = read_docx(convert_to_docx_bytes(path), path)
    document.warnings.insert(0, "由 LibreOffice 转换为 .docx 后读取，格式信息可能与原文件略有出入")
    return document


def convert_to_docx_bytes(path: str) -> bytes:
    """The .docx LibreOffice makes of a legacy-format file (annotate and fix write copies of it)."""
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, "legacy-format", INSTALL_HINT)
    if os.environ.get(SOFFICE_VARIABLE, "").strip() and not os.path.isfile(soffice):
        raise InputError(path, "legacy-format", f"环境变量 {SOFFICE_VARIABLE} 指向的 {soffice} 不存在，"
                                                "请改为 LibreOffice 的 soffice 程序的完整路径")
    source = Path(path)
    if not source.is_file():
        raise InputError(path, "not-found", "文件不存在")
    with tempfile.TemporaryDirectory(prefix="officekit-convert-") as outdir:
        # A private profile directory: a running LibreOffice (or a locked default profile) must not
        # block or receive the conversion.  The input is copied under a plain name first: LibreOffice
        # reads options out of some file names and cannot open names starting with "-".
        profile = Path(outdir, "profile").as_uri()
        work = Path(outdir, "in")
        work.mkdir()
        staged = work / ("draft" + source.suffix.lower())
        shutil.copyfile(source, staged)
        command = [
            soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir, os.fspath(staged),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, timeout=CONVERSION_TIMEOUT_S, check=False, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise InputError(path, "conversion", f"LibreOffice 转换超过 {CONVERSION_TIMEOUT_S} 秒未完成，已放弃") from None
        except OSError as exc:
            raise InputError(path, "conversion", f"无法运行 LibreOffice（{exc}）") from None
        converted = Path(outdir, "draft.docx")
        if not converted.is_file():
            detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"退出码 {completed.returncode}"
            raise InputError(path, "conversion", f"LibreOffice 未能把文件转换为 .docx（{reason}）")
        return converted.read_bytes()
