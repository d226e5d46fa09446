"""YAML front matter of a Markdown draft: the fields plain text cannot carry well.

    ---
    title: 在全市教育工作会议上的讲话      # or a list: the title's lines
    subtitle: 在全市教育工作会议上的讲话   # "——" is added when missing
    speaker: 张三
    date: 2024-03-05                       # → 2024年3月5日
    salutation: 同志们
    issuer: ××市教育局
    attachments: [会议日程, 参会名单]
    author: 办公室
    ---

Each field becomes the line a clerk would have typed, at its place in the document: the title,
subtitle, speaker, date line and salutation before the body; the attachment note, issuer and
date after it. A speech (speaker or subtitle given) puts the date under the title; a document
with an issuer and no speaker puts it under the signature.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from ..errors import Diagnostic
from .source import Hint, SourceLine

FIELDS = ("title", "subtitle", "speaker", "date", "salutation", "issuer", "attachments", "author")
MAX_FRONT_MATTER_CHARS = 64 * 1024
_FENCE = re.compile(r"^---[ \t]*$")
_END_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field → 1-based source line
    body_start: int = 0  # index of the first body line in the source lines
    warnings: tuple[Diagnostic, ...] = ()

    def get(self, key: str) -> str | None:
        value = self.values.get(key)
        if isinstance(value, tuple):  # a title given as its lines
            return "".join(value) or None
        return value if isinstance(value, str) and value else None

    @property
    def is_speech(self) -> bool:
        return bool(self.get("speaker") or self.get("subtitle"))

    def head_lines(self, *, with_title: bool = True) -> list[SourceLine]:
        """The lines that go before the body."""
        out = [*self._title_lines(with_title),
               self._line("subtitle", _subtitle(self.get("subtitle")), "subtitle"),
               self._line("speaker", self.get("speaker"), "speaker")]
        if self.get("date") and not self._date_at_end():
            out.append(self._line("date", f"（{self.get('date')}）", "date_line"))
        out.append(self._line("salutation", _salutation(self.get("salutation")), "salutation"))
        return [line for line in out if line is not None]

    def tail_lines(self) -> list[SourceLine]:
        """The lines that go after the body: 附件说明, 署名, 成文日期."""
        out = list(self._attachment_lines())
        issuer = self._line("issuer", self.get("issuer"), "signature")
        if issuer:
            out.append(issuer)
        if self.get("date") and self._date_at_end():
            out.append(self._line("date", self.get("date"), "date"))
        return out

    def _title_lines(self, with_title: bool) -> list[SourceLine]:
        """The title; a list (or a multi-line text) gives the author's own line breaks."""
        title = self.values.get("title") if with_title else None
        parts = title if isinstance(title, tuple) else (title or "").split("\n")
        origin = self.lines.get("title")
        return [SourceLine(part.strip(), origin, Hint("title")) for part in parts if part and part.strip()]

    def _date_at_end(self) -> bool:
        return bool(self.get("issuer")) and not self.is_speech

    def _line(self, key: str, text: str | None, kind: str) -> SourceLine | None:
        if not text:
            return None
        return SourceLine(text, self.lines.get(key), Hint(kind))

    def _attachment_lines(self) -> list[SourceLine]:
        items = self.values.get("attachments") or ()
        if isinstance(items, str):
            items = (items,)
        origin = self.lines.get("attachments")
        if len(items) == 1:
            return [SourceLine(f"附件：{items[0]}", origin)]
        return [SourceLine(f"{'附件：' if n == 1 else ''}{n}.{item}", origin) for n, item in enumerate(items, 1)]


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Find and read a ``---`` … ``---`` block at the very top; a broken one is left as body text."""
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if _END_FENCE.match(lines[i])), None)
    if end is None:
        return FrontMatter()
    raw = "\n".join(lines[1:end])
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        return FrontMatter(warnings=(_warn(1, "the front matter is too long; it is read as body text"),))
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return FrontMatter(warnings=(_warn(line, f"the front matter is not valid YAML ({_problem(exc)}); "
                                                "it is read as body text", "check the quoting and the colons"),))
    if not isinstance(data, dict):
        return FrontMatter(warnings=(_warn(1, "the front matter is not a list of `key: value` fields; "
                                              "it is read as body text"),))
    return _fields(data, lines, end)


def _fields(data: dict, lines: list[str], end: int) -> FrontMatter:
    values: dict[str, str | tuple[str, ...]] = {}
    warnings: list[Diagnostic] = []
    where = _key_lines(lines[:end])
    for key, value in data.items():
        key = str(key)
        line = where.get(key, 1)
        if key not in FIELDS:
            warnings.append(_warn(line, f"front matter field {key!r} is not used",
                                  f"speechdoc reads: {', '.join(FIELDS)}"))
            continue
        converted = _value(key, value)
        if converted is None:
            warnings.append(_warn(line, f"front matter field {key!r} should be text"
                                        f"{' or a list of texts' if key in ('attachments', 'title') else ''}; "
                                        "it is ignored"))
            continue
        values[key] = converted
    return FrontMatter(values, where, end + 1, tuple(warnings))


def _value(key: str, value) -> str | tuple[str, ...] | None:
    if key in ("attachments", "title") and isinstance(value, list):
        items = tuple(_scalar(v) for v in value)
        return None if None in items else tuple(i for i in items if i)
    text = _scalar(value)
    if key == "date" and text:
        text = chinese_date(text)
    return text


def _scalar(value) -> str | None:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return chinese_date(value.isoformat()[:10])
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return None


def chinese_date(text: str) -> str:
    """``2024-03-05`` (or 2024/3/5, 2024.3.5) → ``2024年3月5日``; other text is kept as written."""
    m = _ISO_DATE.match(text.strip())
    if not m:
        return text
    year, month, day = (int(g) for g in m.groups())
    return f"{year}年{month}月{day}日"


def _subtitle(text: str | None) -> str | None:
    if not text:
        return None
    return text if text.startswith(("——", "—", "--")) else f"——{text}"


def _salutation(text: str | None) -> str | None:
    if not text:
        return None
    return text if text.endswith(("：", ":")) else f"{text}："


def _key_lines(lines: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = i + 1
    return out


def _problem(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).strip()


def _warn(line: int, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic("warning", message, line, hint, "front-matter")
