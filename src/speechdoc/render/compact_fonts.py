"""Embedded CFF (OpenType) fonts without the empty glyphs WeasyPrint keeps: the glyphs are renumbered 1…n.

WeasyPrint writes each glyph's id in the font file as its code in the page's text (``CIDToGIDMap /Identity``), so
it subsets "retaining glyph ids": every unused glyph below the highest one used stays as an empty glyph. The
CharStrings index still needs 3 bytes per glyph: for the title face (Noto Serif CJK SC Bold, whose hanzi sit at
glyph ids up to 44,000+) that is ~84 KB of the PDF for some twenty characters.

Here, once the pages are drawn and before the fonts are written, each CFF font is subset without retaining ids
(HarfBuzz keeps the glyphs in their old order), the codes in the page text, the widths and the ToUnicode map are
renumbered the same way, and the CFF charset is made the identity (CID k = glyph k), so that a viewer that maps
CIDs through the charset (as the PDF specification says) and one that takes CIDs as glyph ids (FreeType) read the
same glyphs. Anything unexpected (a font WeasyPrint has to treat specially, text in a form or group, a glyph count
that is not the one asked for) leaves that font, or the whole document, as WeasyPrint made it.
"""
from __future__ import annotations

import re
import struct

_DROP_TABLES = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT", b"SVG ")
_TF = re.compile(rb"^/(\w+) \S+ Tf$")
_CODES = re.compile(rb"<([0-9a-f]+)>")  # not the empty <> WeasyPrint writes between letter-spaced glyphs

_installed = False


def install() -> None:
    """Wrap WeasyPrint's font dictionary builder (once per process)."""
    global _installed
    if _installed:
        return
    import weasyprint.pdf as wpdf

    wpdf.build_fonts_dictionary = _renumbering(wpdf.build_fonts_dictionary)
    _installed = True


def _renumbering(build_fonts_dictionary):
    def build(pdf, fonts, compress, subset, options):
        if subset:
            try:
                renumber(pdf, fonts, options.get("hinting", False))
            except (AttributeError, KeyError, TypeError, ValueError, struct.error):
                pass  # WeasyPrint's internals are not what this module expects: keep its own fonts
        return build_fonts_dictionary(pdf, fonts, compress, subset, options)

    build.__wrapped__ = build_fonts_dictionary
    return build


# ---------------------------------------------------------------- the document


def renumber(pdf, fonts, hinting: bool) -> list[str]:
    """Renumber the glyphs of every eligible font of the document; returns the font hashes renumbered."""
    streams = _text_streams(pdf)
    if streams is None:
        return []
    by_hash: dict[str, list] = {}
    for font in fonts.values():
        by_hash.setdefault(font.hash, []).append(font)
    plans = {}
    for key, group in by_hash.items():
        if all(_eligible(f) for f in group):
            plan = _subset(group, hinting)
            if plan is not None:
                plans[key] = plan
    if not plans:
        return []
    rewritten = _rewrite_streams(streams, {k: _hex_codes(mapping) for k, (mapping, _data) in plans.items()})
    if rewritten is None:
        return []
    fonts_now = [(font, {mapping[g]: w for g, w in font.widths.items()},
                  {mapping[g]: t for g, t in font.to_unicode.items()}, data)
                 for key, (mapping, data) in plans.items() for font in by_hash[key]]
    # everything is computed: change the document (nothing below can fail half-way)
    for items, new_items in rewritten:
        items[:] = new_items
    for font, widths, to_unicode, data in fonts_now:
        font.widths, font.to_unicode, font.file_content = widths, to_unicode, data
        font.subset = _already_subset  # WeasyPrint's clean() must not subset the original face again
    return sorted(plans)


def _already_subset(to_unicode, hinting):
    return None


def _text_streams(pdf):
    """The item lists of the page streams, or None when text may be drawn elsewhere (forms, groups, patterns)."""
    from weasyprint.pdf.stream import Stream

    streams = [obj for obj in pdf.objects if isinstance(obj, Stream)]
    for stream in streams:
        resources = getattr(stream, "_resources", None)
        if resources is None or any(resources.get(k) for k in ("XObject", "Pattern")):
            return None
        if not all(isinstance(item, bytes) for item in stream.stream):
            return None
    return [stream.stream for stream in streams]


def _eligible(font) -> bool:
    return (not font.bitmap and not font.used_in_forms and not font.missing and "CFF " in font.tables
            and not {"fvar", "CFF2"} & set(font.tables) and not (font.png or font.svg or font.colr)
            and bool(font.to_unicode) and 0 not in font.to_unicode)


def _rewrite_streams(streams, mappings):
    """New item lists with every glyph code of a renumbered font mapped; None if a code has no mapping."""
    out = []
    for items in streams:
        current = None
        new_items = []
        for item in items:
            tf = _TF.match(item)
            if tf:
                current = tf.group(1).decode("ascii")
            elif current in mappings and item.endswith(b"] TJ"):
                item = _map_codes(item, mappings[current])
                if item is None:
                    return None
            new_items.append(item)
        out.append((items, new_items))
    return out


def _hex_codes(mapping: dict[int, int]) -> dict[bytes, bytes]:
    """Old → new glyph codes as the page text writes them (4 lower-case hex digits)."""
    return {b"%04x" % old: b"%04x" % new for old, new in mapping.items()}


def _map_codes(item: bytes, codes: dict[bytes, bytes]) -> bytes | None:
    def replace(match):
        hexes = match.group(1)
        if len(hexes) == 4:  # one glyph: the usual case with letter-spacing
            return b"<" + codes[hexes] + b">"
        if len(hexes) % 4:
            raise KeyError(hexes)
        return b"<" + b"".join(codes[hexes[i:i + 4]] for i in range(0, len(hexes), 4)) + b">"

    try:
        return _CODES.sub(replace, item)
    except KeyError:
        return None


# ---------------------------------------------------------------- one font


def _subset(group, hinting: bool):
    """(old glyph id → new, font bytes) for the glyphs the fonts of ``group`` use, or None."""
    used = sorted({g for font in group for g in font.to_unicode})
    mapping = {g: n for n, g in enumerate([0, *used])}
    data = _harfbuzz_subset(group[0].hb_face, [0, *used], hinting)
    if data is None or _glyph_count(data) != len(mapping):
        return None
    data = identity_charset(data)
    return (mapping, data) if data is not None else None


def _harfbuzz_subset(hb_face, gids: list[int], hinting: bool) -> bytes | None:
    from weasyprint.text.ffi import ffi, harfbuzz, harfbuzz_subset
    from weasyprint.text.fonts import get_hb_object_data

    if not harfbuzz_subset or not harfbuzz.hb_version_atleast(4, 1, 0):
        return None
    hb = harfbuzz_subset
    plan = ffi.gc(hb.hb_subset_input_create_or_fail(), hb.hb_subset_input_destroy)
    glyphs = ffi.new("hb_codepoint_t[]", gids)
    harfbuzz.hb_set_add_sorted_array(hb.hb_subset_input_glyph_set(plan), glyphs, len(gids))
    flags = hb.HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED | hb.HB_SUBSET_FLAGS_DESUBROUTINIZE
    if not hinting:
        flags |= hb.HB_SUBSET_FLAGS_NO_HINTING
    hb.hb_subset_input_set_flags(plan, flags)
    tags = sorted(harfbuzz.hb_tag_from_string(t, -1) for t in _DROP_TABLES)
    drop = ffi.new("hb_codepoint_t[]", tags)
    harfbuzz.hb_set_add_sorted_array(hb.hb_subset_input_set(plan, hb.HB_SUBSET_SETS_DROP_TABLE_TAG), drop, len(tags))
    face = ffi.gc(hb.hb_subset_or_fail(hb_face, plan), harfbuzz.hb_face_destroy)
    if face == ffi.NULL:
        return None
    return get_hb_object_data(face) or None


# ---------------------------------------------------------------- sfnt and CFF bytes


def _tables(data: bytes) -> dict[bytes, tuple[int, int, int]]:
    """tag → (directory record offset, table offset, length)."""
    count = struct.unpack_from(">H", data, 4)[0]
    out = {}
    for i in range(count):
        record = 12 + 16 * i
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, record)
        out[tag] = (record, offset, length)
    return out


def _glyph_count(data: bytes) -> int:
    _record, offset, _length = _tables(data)[b"maxp"]
    return struct.unpack_from(">H", data, offset + 4)[0]


def _index(data: bytes, at: int) -> tuple[list[bytes], int]:
    """The items of the CFF INDEX at ``at`` and the offset after it."""
    count = struct.unpack_from(">H", data, at)[0]
    if count == 0:
        return [], at + 2
    size = data[at + 2]
    offsets = [int.from_bytes(data[at + 3 + i * size:at + 3 + (i + 1) * size], "big") for i in range(count + 1)]
    base = at + 3 + (count + 1) * size - 1
    return [data[base + offsets[i]:base + offsets[i + 1]] for i in range(count)], base + offsets[-1]


def _dict(data: bytes) -> dict[int, list]:
    """A CFF DICT: operator (12 x → 1200 + x) → operands."""
    out, operands, i = {}, [], 0
    while i < len(data):
        b = data[i]
        if b <= 21:
            op = 1200 + data[i + 1] if b == 12 else b
            i += 2 if b == 12 else 1
            out[op], operands = operands, []
        elif b == 28:
            operands.append(struct.unpack_from(">h", data, i + 1)[0])
            i += 3
        elif b == 29:
            operands.append(struct.unpack_from(">i", data, i + 1)[0])
            i += 5
        elif b == 30:  # real number: skip its nibbles
            i += 1
            while data[i] & 0x0F != 0x0F and data[i] >> 4 != 0x0F:
                i += 1
            i += 1
            operands.append(None)
        elif 32 <= b <= 246:
            operands.append(b - 139)
            i += 1
        elif 247 <= b <= 250:
            operands.append((b - 247) * 256 + data[i + 1] + 108)
            i += 2
        elif 251 <= b <= 254:
            operands.append(-(b - 251) * 256 - data[i + 1] - 108)
            i += 2
        else:
            raise ValueError(f"CFF DICT byte {b}")
    return out


def identity_charset(data: bytes) -> bytes | None:
    """The font with its CID-keyed CFF charset rewritten so that glyph k has CID k (in place, same format).

    A name-keyed CFF is returned as it is (its CIDs are glyph ids). None when the CFF cannot be read.
    """
    tables = _tables(data)
    if b"CFF " not in tables:
        return None
    record, start, length = tables[b"CFF "]
    cff = data[start:start + length]
    try:
        _names, at = _index(cff, cff[2])
        tops, _at = _index(cff, at)
        top = _dict(tops[0])
    except (ValueError, IndexError, struct.error):
        return None
    if 1230 not in top:  # no ROS: name-keyed
        return data
    if 15 not in top or 17 not in top:
        return None
    glyphs = struct.unpack_from(">H", cff, top[17][0])[0]
    charset = _identity_charset(cff, top[15][0], glyphs)
    if charset is None:
        return None
    at = top[15][0]
    cff = cff[:at] + charset + cff[at + len(charset):]
    out = bytearray(data[:start] + cff + data[start + length:])
    _fix_checksums(out, record, start, length)
    return bytes(out)


def _identity_charset(cff: bytes, at: int, glyphs: int) -> bytes | None:
    """Identity charset bytes in the format of the one at ``at`` (never longer than it)."""
    fmt = cff[at]
    rest = glyphs - 1
    if fmt == 0:
        return bytes([0]) + b"".join(struct.pack(">H", cid) for cid in range(1, glyphs))
    if fmt == 1:
        old_ranges, covered, i = 0, 0, at + 1
        while covered < rest:
            covered += cff[i + 2] + 1
            i += 3
            old_ranges += 1
        out, first = bytearray([1]), 1
        while first <= rest:
            n = min(256, rest - first + 1)
            out += struct.pack(">HB", first, n - 1)
            first += n
        return bytes(out) if (len(out) - 1) // 3 <= old_ranges else None
    if fmt == 2:
        return struct.pack(">BHH", 2, 1, rest - 1) if rest >= 1 else bytes([2])
    return None


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _fix_checksums(font: bytearray, record: int, start: int, length: int) -> None:
    struct.pack_into(">I", font, record + 4, _checksum(bytes(font[start:start + length])))
    tables = _tables(bytes(font))
    if b"head" in tables:
        _rec, head, _len = tables[b"head"]
        struct.pack_into(">I", font, head + 8, 0)
        struct.pack_into(">I", font, head + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
