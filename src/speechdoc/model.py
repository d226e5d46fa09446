"""The document model: what the parser finds and the only thing the renderers see.

Frozen dataclasses, no I/O and no styling. ``dump`` / ``load`` give the JSON form
(schema ``speechdoc.document/1``) that ``speechdoc inspect --json`` prints and that the
renderers accept back, so a user can correct the structure by hand and re-render.
Fields that hold their default value are left out of the JSON; ``load(dump(doc)) == doc``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import Diagnostic
from .model_schema import check_document

SCHEMA = "speechdoc.document/1"

# Every kind of block, in the order they usually appear.
BLOCK_KINDS = (
    "title",  # 标题; text is the whole title, ``lines`` the author's own line breaks if any
    "doc_number",  # 发文字号, e.g. 国办发〔2019〕4号
    "subtitle",  # ——在××会议上的讲话
    "speaker",  # the speaker's name on its own line
    "date_line",  # （2020年3月5日）under a speech title
    "salutation",  # 同志们： / 主送机关
    "heading",  # outline heading standing alone: level 1–4, marker 一、 （一） 1. （1）
    "paragraph",  # body text; may carry a run-in ``lead``
    "table",  # a simple table: ``rows`` of cell texts
    "attachments",  # 附件说明: text is the whole line(s), ``items`` the attachment names
    "signature",  # 署名 (issuer)
    "date",  # 成文日期
    "note",  # 附注, e.g. （此件公开发布）
    "attachment_label",  # 附件 / 附件1 at the top of an attachment page (starts a new page)
    "attachment_title",  # the attachment's own title
)

HEADING_MARKER_STYLES = ("一、", "（一）", "1.", "（1）")


@dataclass(frozen=True)
class Lead:
    """A run-in heading or speech lead: the first sentence of a paragraph, set like a heading.

    ``text`` is that sentence including its closing punctuation (``第一，是……需要。``);
    ``marker`` the marker it starts with (``第一，`` ``一是`` ``（一）``); ``level`` the heading
    level whose look it takes.
    """

    level: int
    text: str
    marker: str | None = None


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    line: int | None = None  # 1-based source line where the block starts
    level: int | None = None  # headings: 1–4
    marker: str | None = None  # headings: the outline marker as written (一、 （一） 1. （1）)
    lead: Lead | None = None  # paragraphs: a run-in heading or lead; ``text`` is still the whole paragraph
    items: tuple[str, ...] = ()  # attachments: the attachment names, without numbers
    rows: tuple[tuple[str, ...], ...] = ()  # tables
    lines: tuple[str, ...] = ()  # title: the author's line breaks, when they are meaningful

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass(frozen=True)
class Dropped:
    """A source line the cleaner removed (web boilerplate), and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Edit:
    """A change the cleaner made to the text (punctuation, spacing, joined lines)."""

    line: int
    column: int  # 1-based, in the source line
    before: str  # JSON key "from"
    after: str  # JSON key "to"
    rule: str = ""


@dataclass(frozen=True)
class Source:
    path: str | None = None
    encoding: str | None = None
    format: str = "text"  # text | markdown | docx | html | json


@dataclass(frozen=True)
class Meta:
    """Document properties from the command line or front matter (not from the body)."""

    title: str | None = None
    author: str | None = None
    org: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    source: Source = field(default_factory=Source)
    dropped: tuple[Dropped, ...] = ()
    edits: tuple[Edit, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    meta: Meta = field(default_factory=Meta)

    @property
    def title(self) -> str | None:
        """The document title, else the metadata title: the first title block's text, or, when title blocks follow
        one another at the head (a 版头 such as ``××市人民政府文件``, maybe a 发文字号, then the title), the last."""
        head = None
        for block in self.blocks:
            if block.kind == "title":
                head = block.text
            elif head is not None and block.kind != "doc_number":
                break
        return head if head is not None else self.meta.title

    def with_blocks(self, blocks: tuple[Block, ...]) -> Document:
        return replace(self, blocks=tuple(blocks))


# ---------------------------------------------------------------- JSON


def block_to_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": block.kind, "text": block.text}
    if block.line is not None:
        out["line"] = block.line
    if block.level is not None:
        out["level"] = block.level
    if block.marker is not None:
        out["marker"] = block.marker
    if block.lead is not None:
        lead: dict[str, Any] = {"level": block.lead.level, "text": block.lead.text}
        if block.lead.marker is not None:
            lead["marker"] = block.lead.marker
        out["lead"] = lead
    if block.items:
        out["items"] = list(block.items)
    if block.rows:
        out["rows"] = [list(r) for r in block.rows]
    if block.lines:
        out["lines"] = list(block.lines)
    return out


def block_from_dict(d: dict[str, Any]) -> Block:
    """A block from its JSON form; a field of the wrong type (a hand-edited model) raises ValueError."""
    if not isinstance(d, dict):
        raise ValueError(f"a block must be an object, not {d!r:.40}")
    lead = _typed(d, "lead", dict, None)
    if lead is not None:
        lead = Lead(_typed(lead, "level", int, ...), _typed(lead, "text", str, ...), _typed(lead, "marker", str, None))
    return Block(
        kind=_typed(d, "kind", str, ...),
        text=_typed(d, "text", str, ""),
        line=_typed(d, "line", int, None),
        level=_typed(d, "level", int, None),
        marker=_typed(d, "marker", str, None),
        lead=lead,
        items=tuple(_strings(d, "items")),
        rows=tuple(tuple(_strings({"row": r}, "row")) for r in _typed(d, "rows", list, [])),
        lines=tuple(_strings(d, "lines")),
    )


def _typed(d: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    """``d[key]`` when it is a ``kind`` (``bool`` is not an int here); ``default`` when missing or null
    (``...``: required)."""
    value = d.get(key)
    if value is None:
        if default is ...:
            raise ValueError(f"a block needs {key!r}")
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{key!r} must be {kind.__name__}, not {value!r:.40}")
    return value


def _strings(d: dict[str, Any], key: str) -> list[str]:
    values = _typed(d, key, list, [])
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key!r} must be a list of strings")
    return values


def diagnostic_dict(w: Diagnostic) -> dict[str, Any]:
    """A warning as the model's JSON writes it (``speechdoc inspect --json``, and ``batch --json``)."""
    out: dict[str, Any] = {"line": w.line, "severity": w.severity, "message": w.message, "hint": w.hint}
    if w.code:
        out["code"] = w.code
    return out


def to_dict(doc: Document) -> dict[str, Any]:
    meta = {k: v for k, v in vars(doc.meta).items() if v is not None}
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "source": {"path": doc.source.path, "encoding": doc.source.encoding, "format": doc.source.format},
        "blocks": [block_to_dict(b) for b in doc.blocks],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in doc.dropped],
        "edits": [
            {"line": e.line, "column": e.column, "from": e.before, "to": e.after, "rule": e.rule}
            for e in doc.edits
        ],
        "warnings": [diagnostic_dict(w) for w in doc.warnings],
    }
    if meta:
        out["meta"] = meta
    return out


def from_dict(d: dict[str, Any]) -> Document:
    if not isinstance(d, dict) or d.get("schema") != SCHEMA:
        schema = d.get("schema") if isinstance(d, dict) else None
        raise ValueError(f"not a speechdoc document (schema {schema!r}, expected {SCHEMA!r})")
    # a hand-edited model: refused, never guessed at; a field of another kind of block dropped and reported
    d, notes = check_document(d, BLOCK_KINDS, tuple(vars(Meta())))
    src = _typed(d, "source", dict, {})
    meta = _typed(d, "meta", dict, {})
    if not all(isinstance(v, str) for v in meta.values() if v is not None):
        raise ValueError("'meta' values must be strings")
    return Document(
        blocks=tuple(block_from_dict(b) for b in d.get("blocks", ())),
        source=Source(_typed(src, "path", str, None), _typed(src, "encoding", str, None),
                      _typed(src, "format", str, "text")),
        dropped=tuple(Dropped(x.get("line"), x["text"], x["reason"]) for x in d.get("dropped") or ()),
        edits=tuple(
            Edit(x.get("line"), x["column"], x["from"], x["to"], x.get("rule") or "") for x in d.get("edits") or ()
        ),
        warnings=tuple(
            Diagnostic(x["severity"], x["message"], x.get("line"), x.get("hint") or "", x.get("code") or "")
            for x in d.get("warnings") or ()
        ) + tuple(Diagnostic("warning", note, line, "", "model-field") for line, note in notes),
        meta=Meta(**meta),
    )


def dump(doc: Document, *, indent: int | None = 2) -> str:
    """The model as JSON text (UTF-8, hanzi unescaped; a lone surrogate, which UTF-8 cannot hold, as ``\\udXXX``)."""
    text = json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def load(text: str) -> Document:
    """A model from JSON text (a leading byte-order mark ignored); raises ValueError when it is not a speechdoc
    document, and its subclass ``model_schema.ModelError`` when a value breaks the model's rules (naming the block
    and field)."""
    return from_dict(json.loads(text.removeprefix("\ufeff")))  # a BOM: saved by Windows Notepad
