"""Open an Office Open XML package (.docx) with limits, and parse its XML parts safely.

A .docx is a ZIP of XML parts. Hostile files are refused with an ``InputError``, never a hang
or a crash: too many entries, a part larger than ``MAX_PART_BYTES`` once inflated (checked
while reading, since ZIP headers can lie), a compression ratio beyond ``MAX_RATIO``, and any
XML part with a document type declaration (entity definitions: "billion laughs", external
entities). Entities are never resolved and nothing is fetched from the network.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..errors import InputError

MAX_ENTRIES = 5000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed size of one part (text XML is typically 5–20)
_RATIO_FLOOR = 1024 * 1024  # small parts may compress better than MAX_RATIO harmlessly
_CHUNK = 1024 * 1024


class Package:
    """Read access to the parts of a ZIP package, within the limits above."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise InputError("is not a valid Word file (the ZIP container is damaged)", path=self.path,
                             hint="open it in Word or WPS and save it again as .docx") from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=self.path) from None
        entries = self._zip.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InputError(f"has {len(entries)} parts; a Word file has far fewer — refused", path=self.path)
        self._entries = {info.filename: info for info in entries}

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self._zip.close()

    def has(self, name: str) -> bool:
        return name in self._entries

    def names(self) -> list[str]:
        return list(self._entries)

    def read(self, name: str) -> bytes:
        """The inflated bytes of one part, read in chunks and stopped at the limit."""
        info = self._entries[name]
        self._check_declared(info)
        out = bytearray()
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    out += chunk
                    if len(out) > MAX_PART_BYTES:
                        raise self._bomb(name, f"inflates beyond {MAX_PART_BYTES // (1024 * 1024)} MB")
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - BadZipFile, zlib.error, EOFError, encrypted parts…
            raise InputError(f"the part {name} is damaged ({exc})", path=self.path) from None
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        """Parse one XML part: no DTD, no entities, no network."""
        return parse_xml(self.read(name), name=name, path=self.path)

    def main_part(self, rel_type: str = "officeDocument") -> str | None:
        """The package's main part (``word/document.xml`` in a Word file), from ``_rels/.rels``."""
        return self.related("", rel_type)

    def related(self, part: str, rel_type: str) -> str | None:
        """The part that ``part`` (``""`` for the package) points to with a relationship of
        ``rel_type`` (the last word of its type URI: ``styles``, ``numbering`` …), if any."""
        folder, _, base = part.rpartition("/")
        rels = f"{folder + '/' if folder else ''}_rels/{base}.rels"
        if not self.has(rels):
            return None
        for rel in self.xml(rels).iter(f"{{{_RELS}}}Relationship"):
            if rel.get("Type", "").rsplit("/", 1)[-1] == rel_type and rel.get("TargetMode") != "External":
                target = _resolve(folder, rel.get("Target", ""))
                return target if self.has(target) else None
        return None

    def _check_declared(self, info: zipfile.ZipInfo) -> None:
        if info.file_size > MAX_PART_BYTES:
            raise self._bomb(info.filename, f"declares {info.file_size // (1024 * 1024)} MB")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self._bomb(info.filename, f"is compressed {info.file_size // max(info.compress_size, 1)}:1")

    def _bomb(self, name: str, why: str) -> InputError:
        return InputError(f"the part {name} {why}: refused as a possible ZIP bomb", path=self.path,
                          hint="a real document this large is unlikely; open and re-save it in Word if it is genuine")


_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute (``/word/x.xml``) or relative to ``folder``."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = [p for p in (folder.split("/") if folder else [])]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                       huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, *, name: str, path: str | None) -> etree._Element:
    if b"<!DOCTYPE" in data[:_doctype_window(data)] or b"<!ENTITY" in data:
        raise InputError(f"the part {name} declares XML entities (a DOCTYPE); Word never writes one — refused",
                         path=path, hint="the file may be crafted to attack XML readers")
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the part {name} is not well-formed XML ({exc})", path=path,
                         hint="open it in Word or WPS and save it again") from None
    if root.getroottree().docinfo.doctype:
        raise InputError(f"the part {name} declares a DOCTYPE — refused", path=path)
    return root


def _doctype_window(data: bytes) -> int:
    """A DOCTYPE must come before the root element: look up to the first element tag."""
    i = 0
    while True:
        i = data.find(b"<", i)
        if i < 0 or i + 1 >= len(data):
            return len(data)
        if data[i + 1:i + 2] not in (b"?", b"!"):
            return i
        i += 1
