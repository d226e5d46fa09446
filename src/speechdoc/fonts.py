"""Font roles → real faces for the PDF: the official face when installed, else the open faces.

A role is one of the profile's ``fonts.<role>`` keys (xiaobiaosong, fangsong, kai, hei, song). For each role
the resolver builds a chain of faces: the official face if one is installed (the profile's Word names, then the
Windows/macOS names of ``font_aliases.toml``), then the open faces, then the fallback faces that together
cover every CJK block, so no character renders as a box. Faces are looked for in ``--font-dir`` folders, the
project's ``fonts/`` folder, then the system (fontconfig). The result is cached per process.

The API stays silent: ``substitution_notice`` returns the one line the CLI prints.
"""
from __future__ import annotations

import bisect
import ctypes.util
import functools
import shutil
import struct
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FontError
from .resources import PACKAGE_DIR, data_dir

ALIASES_FILE = PACKAGE_DIR / "font_aliases.toml"
LATIN_RANGE = (0x20, 0x7E)  # the Latin face takes only printable ASCII, so “” — … stay Chinese
_FC_FORMAT = "%{family}\t%{style}\t%{weight}\t%{index}\t%{file}\n"
_FC_BOLD = 180  # fontconfig weight from which a face counts as bold (demibold and up)


@dataclass(frozen=True)
class Face:
    """One installed face: the family name fontconfig knows, its file and the collection index."""

    family: str
    file: str
    index: int = 0
    weight: int = 400  # CSS weight
    source: str = "system"  # font-dir | project | system
    official: bool = False

    @property
    def needs_font_face(self) -> bool:
        """Official and non-system faces are loaded from their file under a private family name.

        (The set-up's fontconfig aliases map official names such as 仿宋 to the open faces, so naming an
        official family directly could silently give the substitute.)
        """
        return self.official or self.source != "system"


@dataclass(frozen=True)
class RoleFonts:
    role: str
    label: str
    wanted: str  # the official name the profile asks for
    faces: tuple[Face, ...]  # primary first; the chain ends in the full-coverage fallbacks
    latin: Face | None

    def __hash__(self) -> int:  # computed once: advance_em's cache hashes the role for every character set
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        return hash((self.role, self.label, self.wanted, self.faces, self.latin))

    def __getstate__(self) -> dict:  # a string's hash differs from process to process: never pickle it
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def primary(self) -> Face:
        return self.faces[0]

    @property
    def substituted(self) -> bool:
        return not self.primary.official


@dataclass(frozen=True)
class FontSet:
    roles: dict[str, RoleFonts]
    missing: tuple[str, ...] = field(default=())  # roles with no face at all (nothing installed)

    def role(self, name: str) -> RoleFonts:
        return self.roles[name]

    def files(self) -> frozenset[str]:
        out = {f.file for r in self.roles.values() for f in r.faces}
        out |= {r.latin.file for r in self.roles.values() if r.latin}
        return frozenset(out)

    def substitutions(self) -> list[RoleFonts]:
        return [r for r in self.roles.values() if r.substituted]


# ---------------------------------------------------------------- the catalogue of installed faces


@dataclass(frozen=True)
class _Installed:
    families: tuple[str, ...]
    style: str
    weight: int
    index: int
    file: str
    source: str


def _parse_fc(text: str, source: str) -> list[_Installed]:
    out = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 5 or not parts[4]:
            continue
        families, style, weight, index, file = parts
        try:
            fc_weight, idx = int(float(weight or 80)), int(index or 0)
        except ValueError:
            continue
        out.append(_Installed(tuple(f.strip() for f in families.split(",") if f.strip()), style.split(",")[0],
                              700 if fc_weight >= _FC_BOLD else 400, idx, file, source))
    return out


def _run_fc(args: list[str]) -> str:
    if not shutil.which(args[0]):
        raise FontError(f"{args[0]} not found", hint="install fontconfig (scripts/setup.sh does)")
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout


@functools.lru_cache(maxsize=8)
def installed_faces(font_dirs: tuple[str, ...] = ()) -> tuple[_Installed, ...]:
    """Every face in ``font_dirs``, the project's fonts/ folder and the system, in that order of preference."""
    faces: list[_Installed] = []
    for d in font_dirs:
        if not Path(d).is_dir():
            raise FontError("font folder not found", path=str(d))
        faces += _parse_fc(_run_fc(["fc-scan", "--format", _FC_FORMAT, str(d)]), "font-dir")
    try:
        project = data_dir("fonts")
    except FileNotFoundError:
        project = None
    if project and any(p.suffix.lower() in (".ttf", ".otf", ".ttc") for p in project.rglob("*")):
        faces += _parse_fc(_run_fc(["fc-scan", "--format", _FC_FORMAT, str(project)]), "project")
    faces += sorted(_parse_fc(_run_fc(["fc-list", "--format", _FC_FORMAT]), "system"), key=lambda f: (f.file, f.index))
    return tuple(faces)


def _find(name: str, weight: int, faces: tuple[_Installed, ...], official: bool) -> Face | None:
    """The first face (in source order) of family ``name``, nearest to ``weight``, upright."""
    wanted = name.casefold()
    hits = [f for f in faces if wanted in (n.casefold() for n in f.families)
            and "italic" not in f.style.lower() and "oblique" not in f.style.lower()]
    if not hits:
        return None
    order = {"font-dir": 0, "project": 1, "system": 2}
    best = min(hits, key=lambda f: (order[f.source], abs(f.weight - weight), f.file, f.index))
    return Face(name, best.file, best.index, weight if best.weight == weight else best.weight, best.source, official)


# ---------------------------------------------------------------- resolving roles


@functools.lru_cache(maxsize=1)
def alias_table() -> dict:
    with ALIASES_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _chain(official_names: list[str], open_faces: list, faces: tuple[_Installed, ...]) -> list[Face]:
    chain: list[Face] = []
    for name in official_names:
        face = _find(name, 400, faces, official=True)
        if face:
            chain.append(face)
            break
    for name, weight in open_faces:
        face = _find(name, weight, faces, official=False)
        if face and all((face.file, face.index) != (c.file, c.index) for c in chain):
            chain.append(face)
    return chain


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return out


@functools.lru_cache(maxsize=16)
def _resolve(role_names: tuple[tuple[str, str, str, str], ...], font_dirs: tuple[str, ...]) -> FontSet:
    table = alias_table()
    faces = installed_faces(font_dirs)
    fallback = table["fallback"]["open"]
    roles: dict[str, RoleFonts] = {}
    missing = []
    for role, word, word_fallback, latin_name in role_names:
        spec = table["roles"].get(role, {"label": role, "official": [], "open": []})
        chain = _chain(_unique([word, word_fallback, *spec["official"]]), spec["open"] + fallback, faces)
        latin_spec = table["latin"]
        latin = _chain(_unique([latin_name, *latin_spec["official"]]), latin_spec["open"], faces)
        if not chain:
            missing.append(role)
            continue
        roles[role] = RoleFonts(role, spec["label"], word, tuple(chain), latin[0] if latin else None)
    return FontSet(roles, tuple(missing))


def resolve_fonts(profile, *, font_dirs=(), strict_fonts: bool = False) -> FontSet:
    """The faces for every font role of ``profile`` (cached per process).

    ``strict_fonts``: a role without its official face is a ``FontError``.
    """
    role_names = tuple((k, r.word, r.word_fallback, r.latin) for k, r in sorted(profile.fonts.items()))
    fontset = _resolve(role_names, tuple(str(Path(d).resolve()) for d in font_dirs))
    if fontset.missing:
        raise FontError(f"no font at all for {', '.join(fontset.missing)}",
                        hint="run scripts/setup.sh to install the open CJK fonts, or pass --font-dir")
    if strict_fonts and fontset.substitutions():
        names = ", ".join(f"{r.label} ({r.wanted})" for r in fontset.substitutions())
        raise FontError(f"official fonts missing: {names}",
                        hint="install them or pass --font-dir DIR; without --strict-fonts open faces stand in")
    return fontset


# ---------------------------------------------------------------- coverage


@functools.lru_cache(maxsize=32)
def coverage(file: str, index: int = 0) -> frozenset[int]:
    """The code points a face maps (its cmap)."""
    from fontTools.ttLib import TTFont

    font = TTFont(file, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _role_text(doc, profile) -> dict[str, str]:
    """The text each font role sets, by the profile's block styles."""
    out: dict[str, list[str]] = {}
    for block in doc.blocks:
        key = profile.key_for(block.kind, block.level)
        role = profile.block(key).role if key in profile.blocks else "fangsong"
        texts = [block.text, *block.items, *(c for row in block.rows for c in row)]
        lead_key = f"heading{block.lead.level}" if block.lead is not None else None
        if lead_key in profile.blocks:
            out.setdefault(profile.block(lead_key).role, []).append(block.lead.text)
        out.setdefault(role, []).extend(texts)
    return {k: "".join(v) for k, v in out.items()}


@dataclass(frozen=True)
class GlyphReport:
    """Characters past each role's primary face (set from a fallback), and characters no face has."""

    fallback: dict[str, tuple[str, ...]]
    unrenderable: tuple[str, ...]


def glyph_report(fontset: FontSet, doc, profile) -> GlyphReport:
    fallback: dict[str, tuple[str, ...]] = {}
    lost: set[str] = set()
    for role, text in _role_text(doc, profile).items():
        chain = fontset.role(role).faces
        chars = sorted({c for c in text if not c.isspace() and not LATIN_RANGE[0] <= ord(c) <= LATIN_RANGE[1]})
        past = [c for c in chars if not has_glyph(chain[0], c)]
        if past:
            fallback[role] = tuple(past)
        for c in past:
            if not any(has_glyph(f, c) for f in chain[1:]):
                lost.add(c)
    return GlyphReport(fallback, tuple(sorted(lost)))


# ---------------------------------------------------------------- notices and diagnostics


def substitution_notice(fontset: FontSet, report: GlyphReport | None = None) -> str | None:
    """One line for stderr when a conversion substitutes faces or falls back for characters; else None."""
    parts = []
    subs = fontset.substitutions()
    if subs:
        parts.append("fonts substituted: " + ", ".join(f"{r.label} → {_face_name(r.primary)}" for r in subs))
    if report and report.fallback:
        chars = "".join(sorted({c for cs in report.fallback.values() for c in cs}))
        parts.append(f"characters set from a fallback face: {chars[:20]}{'…' if len(chars) > 20 else ''}")
    if report and report.unrenderable:
        parts.append(f"characters no installed font has: {''.join(report.unrenderable[:20])}")
    if not parts:
        return None
    return "speechdoc: " + "; ".join(parts) + " (see `speechdoc fonts`)"


def _face_name(face: Face) -> str:
    return f"{face.family}{' Bold' if face.weight >= 700 else ''}"


def harfbuzz_subset_available() -> bool:
    """WeasyPrint subsets fonts ~10× faster with libharfbuzz-subset than with fontTools."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def describe(fontset: FontSet) -> list[dict]:
    """Per role: the face chosen, its file, official or substitute, and the fallback chain (for `speechdoc fonts`)."""
    rows = []
    for role in fontset.roles.values():
        rows.append({
            "role": role.role, "label": role.label, "wanted": role.wanted,
            "face": _face_name(role.primary), "file": role.primary.file, "index": role.primary.index,
            "official": role.primary.official, "source": role.primary.source,
            "fallbacks": [_face_name(f) for f in role.faces[1:]],
            "latin": _face_name(role.latin) if role.latin else None,
            "latin_file": role.latin.file if role.latin else None,
        })
    return rows


def format_table(rows: list[dict]) -> str:
    """The `speechdoc fonts` table: one line per role, then its file and fallbacks."""
    out = []
    for r in rows:
        status = "official" if r["official"] else f"substitute for {r['wanted']}"
        out.append(f"{r['label']} ({r['role']}): {r['face']} — {status}")
        out.append(f"    file: {r['file']}" + (f" (face {r['index']})" if r["index"] else ""))
        if r["latin"]:
            out.append(f"    Latin (U+0020–007E): {r['latin']} — {r['latin_file']}")
        out.append(f"    fallbacks: {', '.join(r['fallbacks']) or 'none'}")
    return "\n".join(out)


# ---------------------------------------------------------------- advance widths (for the PDF's line breaking)


class _Advances:
    """Advance widths straight from a face's raw cmap and hmtx tables (fontTools would first decode every
    glyph name of a 65,535-glyph CJK face: seconds; this reads only what it looks up)."""

    def __init__(self, file: str, index: int):
        from fontTools.ttLib.sfnt import SFNTReader

        with open(file, "rb") as fh:
            reader = SFNTReader(fh, fontNumber=index)
            self.upm = struct.unpack_from(">H", reader["head"], 18)[0]
            self.n_hmetrics = struct.unpack_from(">H", reader["hhea"], 34)[0]
            self.hmtx = reader["hmtx"]
            self._cmap(reader["cmap"])

    def _cmap(self, data: bytes) -> None:
        count = struct.unpack_from(">H", data, 2)[0]
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
            fmt = struct.unpack_from(">H", data, offset)[0]
            subtables.setdefault(fmt, offset) if (platform, encoding) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3)) \
                else None
        self.data = data
        if 12 in subtables:
            off = subtables[12]
            groups = struct.unpack_from(">I", data, off + 12)[0]
            triples = struct.unpack_from(f">{3 * groups}I", data, off + 16)
            self.fmt, self.starts, self.ends, self.glyphs = 12, triples[0::3], triples[1::3], triples[2::3]
        elif 4 in subtables:
            off = subtables[4]
            seg = struct.unpack_from(">H", data, off + 6)[0] // 2
            self.fmt = 4
            self.ends = struct.unpack_from(f">{seg}H", data, off + 14)
            self.starts = struct.unpack_from(f">{seg}H", data, off + 16 + 2 * seg)
            self.deltas = struct.unpack_from(f">{seg}h", data, off + 16 + 4 * seg)
            self.range_pos = off + 16 + 6 * seg
            self.ranges = struct.unpack_from(f">{seg}H", data, self.range_pos)
        else:
            self.fmt, self.starts, self.ends = 0, (), ()

    def glyph(self, code: int) -> int:
        i = bisect.bisect_left(self.ends, code)
        if i >= len(self.ends) or self.starts[i] > code:
            return 0
        if self.fmt == 12:
            return self.glyphs[i] + code - self.starts[i]
        if self.ranges[i] == 0:
            return (code + self.deltas[i]) & 0xFFFF
        at = self.range_pos + 2 * i + self.ranges[i] + 2 * (code - self.starts[i])
        gid = struct.unpack_from(">H", self.data, at)[0]
        return (gid + self.deltas[i]) & 0xFFFF if gid else 0

    def advance(self, code: int) -> float | None:
        """Advance in ems, or None when the face has no glyph for ``code``."""
        gid = self.glyph(code)
        if not gid:
            return None
        adv = struct.unpack_from(">H", self.hmtx, 4 * min(gid, self.n_hmetrics - 1))[0]
        return adv / self.upm


@functools.lru_cache(maxsize=32)
def _advances(file: str, index: int) -> _Advances:
    return _Advances(file, index)


def has_glyph(face: Face, char: str) -> bool:
    return bool(_advances(face.file, face.index).glyph(ord(char)))


@functools.lru_cache(maxsize=65536)
def advance_em(role: RoleFonts, char: str, after_cjk: bool = False) -> float:
    """The advance width of ``char`` in ems, from the face that sets it (Latin face for ASCII, else the chain).

    ``after_cjk``: a space right after a character of the CJK faces, which Pango sets in that same face (it never
    changes faces for a space), not in the Latin face.
    Kept per role and character: a long document asks for the same few thousand characters again and again."""
    code = ord(char)
    faces = list(role.faces)
    if role.latin and LATIN_RANGE[0] <= code <= LATIN_RANGE[1] and not (after_cjk and char == " "):
        faces.insert(0, role.latin)
    for n, face in enumerate(faces):
        if n > (1 if faces[0] is role.latin else 0) and _is_ideograph(code):
            return 1.0  # fallback faces are CJK faces: ideographs are one em (and their metrics are slow to load)
        adv = _advances(face.file, face.index).advance(code)
        if adv is not None:
            return adv
    return 1.0


def _is_ideograph(code: int) -> bool:
    return 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x3FFFF or 0xF900 <= code <= 0xFAFF
