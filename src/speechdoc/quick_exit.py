"""End the ``speechdoc`` process as soon as its work is done.

After a PDF, tearing the interpreter down — every WeasyPrint, Pango and font object freed one by one, every module
unloaded — takes ~0.25 s, a fifth of a whole cold ``to-pdf``, for nothing: the output is written and closed. So the
command runs the exit handlers (WeasyPrint's temporary font folder, logging, caches), flushes standard output and
error, and ends the process. When anything could still need the normal shutdown (another thread, a child process,
output that cannot be flushed, a non-numeric exit status), it exits the normal way.
"""
from __future__ import annotations

import atexit
import os
import sys
import threading


def quick_exit(code: object) -> None:
    """Exit with ``code`` (a ``SystemExit`` code); never returns."""
    if not isinstance(code, int) and code is not None:
        sys.exit(code)
    status = code or 0
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or threading.active_count() > 1 or _children_alive():
        sys.exit(status)
    run_exit_handlers()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None with no console (pythonw) or a closed descriptor
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)  # a closed or broken pipe: let the normal shutdown deal with it
    os._exit(status)


def _children_alive() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")
    return bool(multiprocessing is not None and multiprocessing.active_children())
