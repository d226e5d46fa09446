"""The rules a saved model (``speechdoc inspect --json``, schema ``speechdoc.document/1``) must follow.

A user corrects the structure by hand and gives the file back to ``to-docx`` / ``to-pdf``; a value the
renderers could only guess at (a ``level`` of 7, a lead that is not the start of its paragraph, a
misspelt field) is refused with one line naming the place and the field — ``blocks[12] (heading
“二、工作要求”): level must be 1–4, not 7`` — never set some other way in silence.

A field that belongs to another kind of block (a heading turned into a paragraph by editing only its
``kind`` keeps its ``level``) is not an error: it is dropped, and the drop is reported as a warning of the
document. A heading made from a paragraph with a lead takes the lead's level and marker. An attachments
block whose ``text`` no longer says what its ``items`` say is refused: the renderers print ``items``.

``check_document(d)`` checks the decoded JSON, raises ``ModelError`` and returns the JSON with the stray
fields dropped and a note for each; ``model.from_dict`` calls it.
"""
from __future__ import annotations

import re
from typing import Any

BLOCK_FIELDS = ("kind", "text", "line", "level", "marker", "lead", "items", "rows", "lines")
# Fields only some kinds carry: anywhere else the renderers would ignore them.
ONLY_ON = {
    "level": ("heading",),
    "marker": ("heading",),
    "lead": ("paragraph",),
    "items": ("attachments",),
    "rows": ("table",),
    "lines": ("title", "attachment_title"),
}
_FIELD_TYPES = {"level": int, "marker": str, "lead": dict, "items": list, "rows": list, "lines": list}
LEVELS = (1, 2, 3, 4)
TOP_FIELDS = ("schema", "source", "blocks", "dropped", "edits", "warnings", "meta")
SOURCE_FIELDS = ("path", "encoding", "format")
SEVERITIES = ("error", "warning", "info")
PREVIEW = 12  # characters of a block's text that name it in a message


class ModelError(ValueError):
    """A saved model that breaks a rule; the message names the place, the field and the value."""


def _fail(where: str, message: str) -> ModelError:
    return ModelError(f"{where}: {message}" if where else message)


def check_document(d: Any, kinds: tuple[str, ...], meta_fields: tuple[str, ...],
                   ) -> tuple[dict, list[tuple[int | None, str]]]:
    """Raise ``ModelError`` at the first value of ``d`` (decoded JSON) that is not a valid model; else ``d``
    with the fields that belong to another kind of block dropped, and (line, note) for each drop."""
    _known(d, TOP_FIELDS, "")
    if "blocks" not in d:
        raise _fail("", "blocks is missing")
    source = _optional(d, "source", dict, "")
    if source is not None:
        _known(source, SOURCE_FIELDS, "source")
        for key in SOURCE_FIELDS:
            _optional(source, key, str, "source")
    meta = _optional(d, "meta", dict, "")
    if meta is not None:
        _known(meta, meta_fields, "meta")
        for key in meta:
            _optional(meta, key, str, "meta")
    blocks, notes = [], []
    for n, block in enumerate(_required(d, "blocks", list, "")):
        block, dropped = settle_kind(block, n, kinds)
        check_block(block, n, kinds)
        blocks.append(block)
        notes += [(block.get("line"), note) for note in dropped]
    _records(d, "dropped", {"line": int, "text": str, "reason": str}, required=("text", "reason"))
    _records(d, "edits", {"line": int, "column": int, "from": str, "to": str, "rule": str},
             required=("column", "from", "to"))
    _records(d, "warnings", {"line": int, "severity": str, "message": str, "hint": str, "code": str},
             required=("severity", "message"))
    return {**d, "blocks": blocks}, notes


def settle_kind(block: Any, n: int, kinds: tuple[str, ...]) -> tuple[Any, list[str]]:
    """``block`` without the fields that belong to another kind (its ``kind`` was edited by hand), and a note
    naming each one dropped. A heading made from a paragraph takes its lead's level and marker."""
    if not isinstance(block, dict) or block.get("kind") not in kinds:
        return block, []  # check_block names the error
    kind, out, notes = block["kind"], dict(block), []
    lead = block.get("lead")
    if kind == "heading" and block.get("level") is None and isinstance(lead, dict) and lead.get("level") in LEVELS:
        out["level"] = lead["level"]
        if out.get("marker") is None and isinstance(lead.get("marker"), str):
            out["marker"] = lead["marker"]
        notes.append(f"{_name(n, out)}: level {out['level']} taken from its lead")
    for key, allowed in ONLY_ON.items():
        if out.get(key) is not None and kind not in allowed:
            _optional(out, key, _FIELD_TYPES[key], _name(n, out))  # a wrong type is an error all the same
            notes.append(f"{_name(n, out)}: {key} {_show(out[key])} dropped: it belongs only to "
                         f"{' or '.join(allowed)} blocks")
            del out[key]
    return out, notes


def _name(n: int, block: dict) -> str:
    """``blocks[3] (heading “一、总体要求”)``: a block named in a message, on one line."""
    text = block.get("text")
    if not isinstance(text, str):
        return f"blocks[{n}]"
    shown = " ".join(text.split())  # one line, whatever the text holds
    return f"blocks[{n}] ({block['kind']} “{shown[:PREVIEW]}{'…' if len(shown) > PREVIEW else ''}”)"


def check_block(block: Any, n: int, kinds: tuple[str, ...]) -> None:
    where = f"blocks[{n}]"
    if not isinstance(block, dict):
        raise _fail(where, f"a block must be an object, not {_show(block)}")
    kind = _required(block, "kind", str, where)
    if kind not in kinds:
        raise _fail(where, f"kind {_show(kind)} is not a block kind ({', '.join(kinds)})")
    text = _required(block, "text", str, where)
    where = _name(n, block)
    _known(block, BLOCK_FIELDS, where)
    _line(block, where)
    _optional(block, "marker", str, where)
    if kind == "heading":
        _level(_required(block, "level", int, where), where, "level")
    _lead(block, text, where)
    _strings(block, "items", where)
    _items_in_text(block, text, where)
    _strings(block, "lines", where)
    if kind == "table":
        rows = _required(block, "rows", list, where)
        if not rows:
            raise _fail(where, "a table needs at least one row in rows")
        for r, row in enumerate(rows):
            if not isinstance(row, list) or not all(isinstance(cell, str) for cell in row):
                raise _fail(where, f"rows[{r}] must be a list of strings, not {_show(row)}")


def _lead(block: dict, text: str, where: str) -> None:
    lead = _optional(block, "lead", dict, where)
    if lead is None:
        return
    inside = f"{where}: lead"
    _known(lead, ("level", "text", "marker"), inside)
    _level(_required(lead, "level", int, inside), where, "lead.level")
    lead_text = _required(lead, "text", str, inside)
    _optional(lead, "marker", str, inside)
    if not lead_text or not text.startswith(lead_text):
        raise _fail(where, f"lead.text must be the start of the paragraph's text, not {_show(lead_text)}")


# What an attachments block's text holds besides its item names: 附件：, the numbers, separators, space.
_WHITESPACE = re.compile(r"\s+")
_ATTACHMENTS_FRAME = set("附件:：0123456789０１２３４５６７８９.．、,，;；。") | {" ", "\u3000", "\n", "\t"}


def _items_in_text(block: dict, text: str, where: str) -> None:
    """An attachments block's ``text`` says what its ``items`` say: every item, in order, and nothing else
    but ``附件：`` and the numbers. The renderers print ``items``, so an edit to ``text`` alone would be lost."""
    items = block.get("items")
    if not items:
        return
    rest = _WHITESPACE.sub("", text)  # a long name wraps onto a second line of text (7.3.4 回行)
    intro = re.match(r"附件[:：]?", rest)  # an item is looked for after the 附件： it follows
    for n, item in enumerate(items):
        name = _WHITESPACE.sub("", item)
        at = rest.find(name, intro.end() if intro else 0) if name else -1
        if at < 0:
            raise _fail(where, f"items[{n}] {_show(item)} is not in text: text and items must say the same "
                               "(the Word file and PDF print items — edit the name in both)")
        rest = rest[:at] + "\n" + rest[at + len(name):]
    extra = "".join(ch for ch in rest if ch not in _ATTACHMENTS_FRAME)
    if extra:
        raise _fail(where, f"text holds {_show(extra)}, which no item holds: text and items must say the same "
                           "(the Word file and PDF print items — add or edit the name in both)")


def _level(value: int, where: str, field: str) -> None:
    if value not in LEVELS:
        raise _fail(where, f"{field} must be 1–4, not {_show(value)}")


def _line(block: dict, where: str) -> None:
    line = _optional(block, "line", int, where)
    if line is not None and line < 1:
        raise _fail(where, f"line must be a line number from 1, not {line}")


def _records(d: dict, key: str, fields: dict[str, type], *, required: tuple[str, ...]) -> None:
    for n, record in enumerate(_optional(d, key, list, "") or ()):
        where = f"{key}[{n}]"
        if not isinstance(record, dict):
            raise _fail(where, f"must be an object, not {_show(record)}")
        _known(record, tuple(fields), where)
        for name, kind in fields.items():
            (_required if name in required else _optional)(record, name, kind, where)
    if key == "warnings":
        for n, record in enumerate(d.get(key) or ()):
            if record["severity"] not in SEVERITIES:
                raise _fail(f"warnings[{n}]", f"severity must be one of {', '.join(SEVERITIES)}, "
                                              f"not {_show(record['severity'])}")


def _known(d: Any, fields: tuple[str, ...], where: str) -> None:
    if not isinstance(d, dict):
        raise _fail(where, f"must be an object, not {_show(d)}")
    unknown = [key for key in d if key not in fields]
    if unknown:
        raise _fail(where, f"unknown field {_show(unknown[0])} (known: {', '.join(fields)})")


def _required(d: dict, key: str, kind: type, where: str) -> Any:
    if d.get(key) is None:
        raise _fail(where, f"{key} is missing")
    return _optional(d, key, kind, where)


def _optional(d: dict, key: str, kind: type, where: str) -> Any:
    value = d.get(key)
    if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise _fail(where, f"{key} must be {_TYPE_NAMES[kind]}, not {_show(value)}")
    return value


def _strings(d: dict, key: str, where: str) -> None:
    values = _optional(d, key, list, where)
    if values is not None and not all(isinstance(v, str) for v in values):
        raise _fail(where, f"{key} must be a list of strings, not {_show(values)}")


_TYPE_NAMES = {str: "a string", int: "a whole number", list: "a list", dict: "an object"}


def _show(value: Any) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
