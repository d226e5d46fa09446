"""One exception hierarchy for everything speechdoc reports to a user.

Each error has a category, a one-line message, an optional hint and the exit code the CLI uses.
The CLI prints ``speechdoc: error: FILE: message`` and the hint; it never shows a traceback
unless ``--debug`` is given.
"""
from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FAILURE = 1  # a conversion failed (bad input, unwritable output, …); in batch: some files failed
EXIT_USAGE = 2  # the command line itself is wrong


class SpeechdocError(Exception):
    """Base class: a failure the user can act on."""

    category = "error"
    exit_code = EXIT_FAILURE

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message}"


class InputError(SpeechdocError):
    """The input cannot be read: missing, unreadable, a folder, binary, empty."""

    category = "input"


class DecodeError(InputError):
    """The bytes decode in no plausible encoding."""

    category = "encoding"


class OutputError(SpeechdocError):
    """The output cannot be written (folder missing, not writable, would overwrite the input)."""

    category = "output"


class ProfileError(SpeechdocError):
    """A style profile or a --set value is wrong."""

    category = "profile"
    exit_code = EXIT_USAGE


class UsageError(SpeechdocError):
    """The command line or the call is wrong: a folder that is not one, an option value of the wrong shape
    (e.g. ``--date``)."""

    category = "usage"
    exit_code = EXIT_USAGE


class FontError(SpeechdocError):
    """A required font is missing (e.g. with --strict-fonts)."""

    category = "font"


class RenderError(SpeechdocError):
    """A renderer failed on a valid model."""

    category = "render"


@dataclass(frozen=True)
class Diagnostic:
    """A warning or note about the input, tied to a source line where there is one."""

    severity: str  # "error" | "warning" | "info"
    message: str
    line: int | None = None
    hint: str = ""
    code: str = ""
