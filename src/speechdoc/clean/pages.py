"""Bare page numbers in a PDF copy: a line that is only ``3``.

A lone number is content as often as not (a table cell, a list of figures), so it is taken for a page number
only where a page break is the likely reading:
- between two lines that join across it — the line before is a full line that ends mid-sentence, the line
  after does not start a new element nor with a unit (``3`` / ``所，…`` is a figure) (``…确保人民群众生`` /
  ``3`` / ``命财产安全…``), or
- in a series of lone numbers that count up by one (``2``, ``3``, ``4``…), each at least ``MIN_PAGE_LINES``
  content lines after the one before: the page breaks of the copy, wherever they fall.
"""
from __future__ import annotations

from collections import defaultdict, deque

from .indents import INDENT_CELLS, Indents, is_indented, read_indents
from .prose import BARE_NUMBER, UNITS
from .tracked import Tracked
from .wrap import continues_across_page, is_full_line, wrap_width

MIN_PAGE_LINES = 8  # lines of text between two page numbers of a series, at least
MIN_SERIES = 2  # lone numbers counting up, at least


def bare_page_numbers(lines: list[Tracked], content: list[int]) -> set[int]:
    """The indexes (into ``lines``) of the lone numbers that are page numbers; ``content`` indexes the non-blank
    lines."""
    width, indents = wrap_width([line.text for line in lines]), read_indents(lines)
    numbers = [rank for rank, i in enumerate(content) if BARE_NUMBER.match(lines[i].text)]
    found = {content[rank] for rank in numbers if _between_joined_lines(lines, content, rank, width, indents)}
    return found | {content[rank] for rank in _counting_series(lines, content, numbers)}


def _between_joined_lines(lines: list[Tracked], content: list[int], rank: int, width: int | None,
                           indents: Indents) -> bool:
    if rank == 0 or rank + 1 >= len(content):
        return False
    prev, nxt = lines[content[rank - 1]], lines[content[rank + 1]]
    first_line = INDENT_CELLS if indents.pdf_copy and is_indented(prev) else 0
    return (is_full_line(prev.text, width, first_line)
            and not nxt.text.startswith(tuple(UNITS))  # ``3`` / ``所，…``: a figure
            and continues_across_page(prev, nxt, width, indents))


def _counting_series(lines: list[Tracked], content: list[int], numbers: list[int]) -> list[int]:
    """The lone numbers (content ranks) in chains that count up by one, each at least ``MIN_PAGE_LINES`` lines of
    text (not lone numbers) after the one before; a number that does not fit (a table's ``5``) starts a chain."""
    chains: list[list[tuple[int, int]]] = []  # (content rank, index in ``numbers``)
    ending: dict[int, deque[list[tuple[int, int]]]] = defaultdict(deque)  # chains by their last value, oldest first
    for index, rank in enumerate(numbers):
        value = int(lines[content[rank]].text)
        waiting = ending[value - 1]
        if waiting and _text_lines_between(waiting[0][-1], (rank, index)) >= MIN_PAGE_LINES:
            chain = waiting.popleft()  # the oldest chain is the farthest back
            chain.append((rank, index))
        else:
            chain = [(rank, index)]
            chains.append(chain)
        ending[value].append(chain)
    return [rank for chain in chains if len(chain) >= MIN_SERIES for rank, _ in chain]


def _text_lines_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Content lines between two lone numbers that are not lone numbers themselves."""
    return (b[0] - a[0] - 1) - (b[1] - a[1] - 1)
