"""Read a plain-text source: detect its encoding, split its lines.

Encodings: UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030 (which includes GBK and GB2312).
Line endings LF, CRLF and CR. Bytes that decode in no plausible encoding raise ``DecodeError``
naming the line and byte offset of the first bad byte; nothing is ever replaced silently.
"""
from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import DecodeError, InputError

MAX_INPUT_BYTES = 64 * 1024 * 1024  # larger inputs are refused with a clear message

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or an Office file)",
    b"%PDF": "a PDF file",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office file (.doc/.wps/.xls)",
    b"\x7fELF": "a program",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class SourceText:
    path: str | None
    encoding: str
    text: str

    @property
    def lines(self) -> list[str]:
        """The lines, without line endings; line i (1-based) is ``lines[i - 1]``."""
        lines = _LINE_BREAK.split(self.text)
        if lines and lines[-1] == "":
            lines.pop()
        return lines


def read_text(path: str | Path, encoding: str | None = None) -> SourceText:
    """Read a text file (``-`` for standard input)."""
    name = str(path)
    data = _read_bytes(name)
    enc, text = decode_bytes(data, encoding, name=name)
    return SourceText(path=None if name == "-" else name, encoding=enc, text=text)


def require_regular_file(name: str) -> None:
    """Refuse a folder, a device (``/dev/zero``), a pipe or a socket before anything opens it: reading one
    would block or never end."""
    p = Path(name)
    if p.is_dir():
        raise InputError("is a folder, not a file", path=name, hint="use `speechdoc batch DIR` for a folder")
    if p.exists() and not p.is_file():
        raise InputError("is not a regular file (a device, pipe or socket)", path=name,
                         hint="to read a stream, give `-` and pipe it to standard input")


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"standard input is over {MAX_INPUT_BYTES // (1024 * 1024)} MB; speechdoc reads at most "
                         f"{MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return data


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return _read_stdin()
    p = Path(name)
    try:
        require_regular_file(name)
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"is {size // (1024 * 1024)} MB; speechdoc reads at most "
                             f"{MAX_INPUT_BYTES // (1024 * 1024)} MB", path=name)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except PermissionError:
        raise InputError("permission denied: cannot read the file", path=name) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from None


def decode_bytes(data: bytes, encoding: str | None = None, *, name: str = "<input>") -> tuple[str, str]:
    """(encoding name, text) for ``data``; ``encoding`` forces one."""
    if encoding:
        return _forced(data, encoding, name)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return enc, _strict(data, enc, name)
    _refuse_binary(data, name)
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        utf8_failure = utf8_error
    text = _utf8_with_surrogates(data)
    if text is not None:
        return "utf-8", text
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return "gb18030", text
    raise _decode_error(data, utf8_failure.start, "UTF-8 or GB18030", name)


def _forced(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=name,
                         hint="try utf-8, gb18030, gbk or utf-16") from None
    enc = encoding.lower()
    if enc.replace("_", "-") in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    return enc, _strict(data, enc, name)


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise _decode_error(data, exc.start, enc, name) from None


def _decode_error(data: bytes, offset: int, enc: str, name: str) -> DecodeError:
    line = data.count(b"\n", 0, offset) + 1
    return DecodeError(
        f"cannot decode as {enc}: bad byte 0x{data[offset]:02x} at line {line}, byte offset {offset}",
        path=name,
        hint="name the file's encoding with --encoding (e.g. --encoding gb18030, --encoding big5)",
    )


def _utf8_with_surrogates(data: bytes) -> str | None:
    """UTF-8 that holds encoded UTF-16 surrogates (CESU-8, WTF-8 from Java or JavaScript): pairs become their
    character; lone surrogates stay for the cleaner to remove and report."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"is {what}, not text", path=name,
                             hint="give a .txt, .md, .docx or .html file")
    if _looks_binary(data[:8192]):
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        raise InputError("looks binary (it contains NUL bytes)", path=name,
                         hint="if it is UTF-16 text without a BOM, give --encoding utf-16-le")


def _looks_binary(head: bytes) -> bool:
    """Many NUL bytes, or NULs all on even or all on odd offsets (UTF-16). A few stray NULs in text are
    control characters the cleaner removes and reports."""
    nuls = [i for i, byte in enumerate(head) if byte == 0]
    if not nuls:
        return False
    if len(nuls) * 10 >= len(head):
        return True
    even = sum(1 for i in nuls if i % 2 == 0)
    return len(nuls) >= 8 and even in (0, len(nuls))


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost anything: accept it only when the result reads as Chinese text."""
    sample = text[:20000]
    letters = [c for c in sample if not c.isascii()]
    if not letters:
        return True
    good = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               or unicodedata.category(c).startswith("P"))
    return good / len(letters) >= 0.9
