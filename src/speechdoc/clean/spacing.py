"""Whitespace: zero-width characters, indentation and padding, spaces inside a line.

- Zero-width spaces (U+200B/C/D, U+2060, U+FEFF) are removed everywhere (recorded).
- With normalisation on, a decorative bullet at the start of a line (``·`` ``•`` ``●`` ``■`` ``◆`` ``▶``) is
  removed (recorded).
- Indentation and right padding (ASCII spaces, tabs, NBSP, U+3000) are stripped (not recorded: they are
  layout, and the renderer indents by the standard).
- With normalisation on (all recorded):
  spaces next to a Chinese punctuation mark are removed (``时间： 2026年`` → ``时间：2026年``);
  between two Chinese characters, a single stray space (ASCII or NBSP) is removed (``中 国`` → ``中国``) —
  unless it is the only one in a short line (≤ 24 characters: ``国务院总理 李克强``, ``凝心聚力 共创辉煌``), where
  it is a deliberate separator and becomes one U+3000; a single U+3000 is kept (a deliberate full-width space: ``凝心聚力　担当作为``), and a longer run or a tab —
  column alignment, ``张三　　　电话：…`` — becomes one U+3000; a space run inside a date (``2019 年 5 月``) is
  removed; any other run of odd spaces (NBSP, U+3000, tabs, several spaces) becomes one ASCII space.
- A blank of a form, to fill in by hand, keeps its width as U+3000s (recorded as ``form-blank``): a run after a
  label's ``：`` before the next label (``单位名称：        填报人：``) or ``（盖章）``, and the runs of a blank date
  (``填报日期：　　年　　月　　日``).
"""
from __future__ import annotations

import re

from ..model import Edit
from .chars import OUTER_SPACE, SPACE_CHARS, SPACE_RUN, ZERO_WIDTH, is_chinese, is_hanzi
from .tracked import Span, Tracked

_DATE_UNIT = re.compile("[年月日号]")
SHORT_LINE = 24  # characters: in a line this short, a single space between hanzi is deliberate
PHRASE_LINE = 40  # characters: a line this short without sentence punctuation may be phrases set apart by spaces
_SENTENCE_MARKS = re.compile("[。，；！？、：]")
_ARTICLE_MARKER = re.compile(r"^第[一二三四五六七八九十百零〇]{1,4}(?:条|章|节|部分|篇)(?=[ \u00a0])")
MIN_BLANK = 2  # display cells: a run this wide after a label's colon may be a blank to fill in
_SPACES = re.escape(SPACE_CHARS)
_NEXT_LABEL = re.compile(  # 填报人： / 年 of a blank date / （盖章）; not a clock time (上午9:00)
    rf"[^{_SPACES}：:。，；！？]{{1,16}}(?<!\d)[：:]|[{_SPACES}]*年[{_SPACES}]|[（(](?:盖章|签字|签名|公章|签章)[）)]")
_BLANK_DATE = re.compile(rf"([{_SPACES}]+)年([{_SPACES}]+)月([{_SPACES}]+)日")
_BULLET = re.compile(r"^[·•●▪■◆◇►▶]\s*(?=\S)(?!\d{1,4}\s*[·•]$)")  # not a page number ·4·


def remove_zero_width(line: Tracked) -> tuple[Tracked, list[Edit]]:
    return line.replace(Span(m.start(), m.end(), "", "zero-width") for m in ZERO_WIDTH.finditer(line.text))


def strip_outer(line: Tracked) -> Tracked:
    return line.strip(OUTER_SPACE)


def normalize_inner_spaces(line: Tracked) -> tuple[Tracked, list[Edit]]:
    text, spans = line.text, []
    separators = _separator_runs(text)
    blanks = _form_blanks(text)
    for m in SPACE_RUN.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if m.start() in blanks:
            spans.append(Span(m.start(), m.end(), "\u3000" * -(-_blank_width(m.group()) // 2), "form-blank"))
        elif (is_chinese(before) and not is_hanzi(before)) or (is_chinese(after) and not is_hanzi(after)):
            spans.append(Span(m.start(), m.end(), "", "space-next-to-punctuation"))
        elif is_chinese(before) and is_chinese(after):
            if m.group() in (" ", "\u00a0") and m.start() not in separators:
                spans.append(Span(m.start(), m.end(), "", "space-between-hanzi"))
            elif m.group() != "\u3000":
                spans.append(Span(m.start(), m.end(), "\u3000", "whitespace"))
        elif _in_date(before, after):
            spans.append(Span(m.start(), m.end(), "", "space-in-date"))
        elif m.group() != " ":
            spans.append(Span(m.start(), m.end(), " ", "whitespace"))
    return line.replace(spans)


def _separator_runs(text: str) -> set[int]:
    """Where a line has deliberate separator spaces, kept as one U+3000 each: after ``第一条`` / ``第一章``; the one
    space between hanzi in a short line (``国务院总理 李克强``, ``凝心聚力 共创辉煌``); the spaces between phrases
    of a short line without sentence punctuation (``坚定信心 真抓实干 奋力谱写新篇章``, a speech title) when
    every phrase is at least two hanzi (``中 国`` is a stray space)."""
    marker = _ARTICLE_MARKER.match(text)
    if marker:
        return {marker.end()}
    runs = [m for m in SPACE_RUN.finditer(text)
            if 0 < m.start() and m.end() < len(text) and is_hanzi(text[m.start() - 1]) and is_hanzi(text[m.end()])]
    if len(runs) == 1 and len(text) <= SHORT_LINE:
        return {runs[0].start()}
    if len(runs) > 1 and len(text) <= PHRASE_LINE and not _SENTENCE_MARKS.search(text):
        phrases = SPACE_RUN.split(text)
        if all(len(p) >= 2 for p in phrases):
            return {m.start() for m in runs}
    return set()


def _form_blanks(text: str) -> set[int]:
    """Where the runs of spaces are blanks of a form, to be filled in by hand: after a label's ``：`` (or a blank
    line ``____``) and before the next label (``单位名称：　　　　填报人：``) or a blank date; and the blanks inside a
    date to fill in (``　　年　　月　　日``)."""
    starts = set()
    for m in SPACE_RUN.finditer(text):
        wide = _blank_width(m.group()) >= MIN_BLANK
        if wide and m.start() > 0 and text[m.start() - 1] in "：:_" and _NEXT_LABEL.match(text, m.end()):
            starts.add(m.start())
    for m in _BLANK_DATE.finditer(text):
        starts.update(m.start(g) for g in (1, 2, 3) if _blank_width(m.group(g)) >= MIN_BLANK)
    return starts


def _blank_width(run: str) -> int:
    """Display cells of a run of spaces: U+3000 two, a tab four, any other space one."""
    return sum(2 if c == "\u3000" else 4 if c == "\t" else 1 for c in run)


def _in_date(before: str, after: str) -> bool:
    return (before.isdigit() and bool(_DATE_UNIT.match(after))) or (before in "年月" and after.isdigit())


def remove_leading_bullet(line: Tracked) -> tuple[Tracked, list[Edit]]:
    """A decorative bullet a web page put before a line (``·株洲市委书记…``) is removed (recorded)."""
    m = _BULLET.match(line.text)
    return line.replace([Span(0, m.end(), "", "bullet")] if m else [])
