"""The finding type: one problem at one place, with an optional safe correction."""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` (which starts at 1-based ``col`` of ``line``) with ``new``."""

    line: int
    col: int
    old: str
    new: str


@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    severity: str
    code: str
    message: str
    hint: str = ""
    fix: Edit | None = None
    path: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def as_dict(self) -> dict:
        """The JSON form: file, line, col, severity, code, message, hint, fixable, fix ({from, to} or null)."""
        data = {"file": self.path}
        data.update((k, v) for k, v in asdict(self).items() if k not in ("path", "fix"))
        data["fixable"] = self.fixable
        data["fix"] = {"from": self.fix.old, "to": self.fix.new} if self.fix else None
        return data

    def format(self) -> str:
        """``file:line:col: severity: message [code]`` and an indented hint, like a compiler."""
        head = f"{self.path or '<stdin>'}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"
        return f"{head}\n  hint: {self.hint}" if self.hint else head
