"""Old Word (``.doc``) and WPS (``.wps``) files: converted to .docx by LibreOffice, then read.

LibreOffice runs headless with a private profile (other conversions may run at the same time)
in a temporary folder, with a time limit. Without LibreOffice the error says how to proceed.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .source import SourceDocument

TIMEOUT_SECONDS = 180
_PROGRAMS = ("soffice", "libreoffice")


def read_legacy_word(path: str | Path) -> SourceDocument:
    from .docx import read_docx

    name = str(path)
    if not Path(name).is_file():
        raise InputError("no such file", path=name)
    if _is_encrypted(name):
        raise InputError("is password-protected; speechdoc cannot open it", path=name,
                         hint="remove the password in Word or WPS (文件 → 信息 → 保护文档) and save it again")
    with tempfile.TemporaryDirectory(prefix="speechdoc-doc-") as tmp:
        converted = convert_to_docx(name, Path(tmp))
        doc = read_docx(converted)
    return replace(doc, path=name)


def _is_encrypted(name: str) -> bool:
    """A password-protected .docx is an OLE container holding an ``EncryptedPackage`` stream."""
    with open(name, "rb") as fh:
        head = fh.read(1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in head


def convert_to_docx(name: str, outdir: Path) -> Path:
    program = next((p for p in map(shutil.which, _PROGRAMS) if p), None)
    if program is None:
        raise InputError("is an old Word/WPS file, and LibreOffice (needed to read it) is not installed",
                         path=name, hint="install LibreOffice (apt-get install libreoffice-writer-nogui), "
                                         "or save the file as .docx in Word or WPS")
    source = outdir / ("input" + Path(name).suffix.lower())
    shutil.copyfile(name, source)  # a plain name: LibreOffice mishandles some characters in paths
    profile = (outdir / "profile").as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group we started
        proc.communicate()
        raise InputError(f"LibreOffice did not convert the file within {TIMEOUT_SECONDS} s", path=name) from None
    out = outdir / "input.docx"
    if proc.returncode != 0 or not out.is_file():
        detail = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"LibreOffice could not convert the file{': ' + detail[-1] if detail else ''}",
                         path=name, hint="open it in Word or WPS and save it as .docx")
    return out
