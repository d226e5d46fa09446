"""Writing output files: next to the input by default, atomically, never over the input."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import OutputError


def default_output(source: str | None, suffix: str) -> Path:
    """``speech.txt`` → ``speech.docx`` next to it; standard input → ``speechdoc-output.docx`` here.

    A Word file reformatted to Word keeps its original: ``messy.docx`` → ``messy-gbt9704.docx``.
    """
    if not source or source == "-":
        return Path(f"speechdoc-output{suffix}")
    path = Path(source)
    if path.suffix.lower() == suffix:
        return path.with_name(f"{path.stem}-gbt9704{suffix}")
    return path.with_suffix(suffix)


def check_output(out: str | Path, source: str | None) -> None:
    """Refuse an output that is the input itself or whose folder cannot take it."""
    if str(out) == "-":
        return
    out_path = Path(out)
    if source and source != "-":
        src = Path(source)
        try:
            same = out_path.exists() and src.exists() and os.path.samefile(out_path, src)
        except OSError:
            same = False
        if same or out_path.resolve() == src.resolve():
            raise OutputError("the output would overwrite the input", path=str(out),
                              hint="choose another name with -o")
    parent = out_path.parent if str(out_path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"the output folder {str(parent)!r} does not exist", path=str(out))
    if not parent.is_dir():
        raise OutputError(f"{str(parent)!r} is not a folder", path=str(out))
    if out_path.is_dir():
        raise OutputError("the output is a folder", path=str(out), hint="name a file with -o")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"the output folder {str(parent)!r} is not writable", path=str(out))


PDF_ID_PREFIX = b"speechdoc-"  # the start of the /ID speechdoc gives every PDF (render/pdf.py)


def made_by_speechdoc(path: str | Path) -> bool:
    """Whether ``path`` is a file speechdoc wrote and nobody has saved since: a .docx whose application is
    speechdoc (Word or WPS put their own name there on saving), a PDF whose identifier speechdoc set."""
    p = Path(path)
    try:
        if p.suffix.lower() == ".docx":
            import zipfile

            with zipfile.ZipFile(p) as package:
                return b"<Application>speechdoc" in package.read("docProps/app.xml")[:4096]
        if p.suffix.lower() == ".pdf":
            with p.open("rb") as fh:
                fh.seek(max(p.stat().st_size - 8192, 0))
                return b"/ID [(" + PDF_ID_PREFIX in fh.read()
    except Exception:  # noqa: BLE001 - an unreadable or damaged file is not one of ours
        return False
    return False


def check_default_output(out: str | Path, source: str | None) -> None:
    """Like ``check_output``, for an output the user did not name: a file already there that speechdoc did not
    write (the user's own 讲话.docx beside 讲话.txt) is never replaced."""
    check_output(out, source)
    if Path(out).exists() and not made_by_speechdoc(out):
        raise OutputError("a file speechdoc did not write is already there; it is not replaced", path=str(out),
                          hint="name the output with -o (or move that file away)")


def write_atomic(out: str | Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder and a rename.

    A failure (or an interrupt) leaves either the old file or none, never half a file.
    ``-`` writes to standard output.
    """
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    out_path = Path(out)
    parent = out_path.parent if str(out_path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{_short(out_path.name)}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(out)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, out_path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(out)) from None
        raise


def _short(name: str, limit: int = 120) -> str:
    """``name`` cut to ``limit`` bytes, so the temporary name stays under the 255-byte limit of file names."""
    raw = os.fsencode(name)[:limit]
    return os.fsdecode(raw.decode("utf-8", "ignore").encode("utf-8")) if len(raw) == limit else name


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
