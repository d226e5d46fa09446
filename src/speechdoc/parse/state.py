"""The parser's working state: the lines, the blocks built so far, the numbered lines seen."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..errors import Diagnostic
from ..model import Block
from .hint import Hint
from .lines import Line


@dataclass(frozen=True)
class Numbered:
    """A line that carries a number, for the numbering checks."""

    line: int
    sequence: str  # "outline" | "lead:第一，" | "lead:一是" | "attachments"
    level: int
    marker: str
    number: int
    style: str


@dataclass
class State:
    lines: list[Line]
    lead_level: int = 2
    hints: Mapping[int, Hint] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    numbered: list[Numbered] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    scope: int = 0  # 0 = the main document, n = the n-th attachment page

    def hint(self, i: int) -> Hint | None:
        return self.hints.get(self.lines[i].number) if self.hints else None

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def number(self, i: int, sequence: str, level: int, marker: str, number: int | None, style: str) -> None:
        if number is not None:
            self.numbered.append(Numbered(self.lines[i].number, f"{self.scope}:{sequence}", level, marker, number,
                                          style))

    def warn(self, line: int | None, message: str, hint: str = "", code: str = "structure") -> None:
        self.warnings.append(Diagnostic("warning", message, line, hint, code))
