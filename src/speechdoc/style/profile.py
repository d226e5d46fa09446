"""Load a style profile (TOML) and derive the numbers that follow from it.

The default profile is ``profiles/gbt9704.toml``. A user profile (``--profile FILE.toml``) and
single ``--set key=value`` overrides are layered over it; an unknown key or a value of the wrong
type is a ``ProfileError``. The renderers read only the objects this module returns.
"""
from __future__ import annotations

import copy
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ProfileError
from .units import MM_PER_INCH, mm_to_pt

DEFAULT_PROFILE = "gbt9704"


@dataclass(frozen=True)
class PageGeometry:
    width_mm: float
    height_mm: float
    top_mm: float
    left_mm: float
    body_width_mm: float
    body_height_mm: float
    lines: int
    chars: int
    char_spacing_pt: float

    @property
    def right_mm(self) -> float:
        return self.width_mm - self.left_mm - self.body_width_mm

    @property
    def bottom_mm(self) -> float:
        return self.height_mm - self.top_mm - self.body_height_mm

    @property
    def line_pitch_twips(self) -> int:
        """Grid line pitch in twips: the whole-twip pitch that still puts ``lines`` lines in the 版心.

        225 mm / 22 = 579.8 twips; Word and LibreOffice need the pitch rounded down (579) or the
        last line does not fit.
        """
        body_twips = self.body_height_mm / MM_PER_INCH * 1440
        return math.floor(body_twips / self.lines)

    @property
    def line_pitch_pt(self) -> float:
        return self.line_pitch_twips / 20

    @property
    def char_pitch_pt(self) -> float:
        """Width of one grid character: 156 mm / 28 ≈ 15.79 pt."""
        return mm_to_pt(self.body_width_mm) / self.chars


@dataclass(frozen=True)
class PageNumberStyle:
    role: str
    size_pt: float
    dash: str
    align: str  # outside | center | left | right
    inset_chars: float
    below_body_mm: float


@dataclass(frozen=True)
class FontRole:
    key: str
    word: str
    word_fallback: str
    latin: str


@dataclass(frozen=True)
class BlockStyle:
    key: str
    role: str
    size_pt: float
    bold: bool = False
    align: str = "justify"  # justify | left | center | right
    first_line_indent_chars: float = 0.0
    right_indent_chars: float = 0.0
    space_before_lines: int = 0
    space_after_lines: int = 0
    outline_level: int | None = None
    page_break_before: bool = False
    offset_from_signature_chars: float = 0.0
    cell_padding_chars: float = 0.0  # tables: space left and right of a cell's text, in characters


@dataclass(frozen=True)
class Profile:
    name: str
    page: PageGeometry
    page_number: PageNumberStyle
    fonts: dict[str, FontRole]
    blocks: dict[str, BlockStyle]
    lead_level: int
    data: dict[str, Any] = field(repr=False, compare=False)

    def block(self, key: str) -> BlockStyle:
        return self.blocks[key]

    def key_for(self, kind: str, level: int | None = None) -> str:
        """The style key of a model block: ``heading`` → ``heading1``…, ``paragraph`` → ``body``."""
        if kind == "heading":
            return f"heading{level or 1}"
        if kind == "paragraph":
            return "body"
        return kind

    def font(self, role: str) -> FontRole:
        return self.fonts[role]


# ---------------------------------------------------------------- loading


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ProfileError("profile not found", path=str(path),
                           hint=f"give a TOML file or the built-in name {DEFAULT_PROFILE!r}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"not valid TOML: {exc}", path=str(path)) from None


PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"


def builtin_profile_path(name: str) -> Path:
    return PROFILES_DIR / f"{name}.toml"


def builtin_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def _merge(base: dict[str, Any], over: dict[str, Any], where: str = "") -> dict[str, Any]:
    """``over`` layered on ``base``; keys must exist in ``base`` and keep their type."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        dotted = f"{where}{key}"
        if key not in base:
            if where.startswith("block.") or where == "block." or where.startswith("fonts."):
                out[key] = copy.deepcopy(value)  # optional fields of a block / font role
                continue
            raise ProfileError(f"unknown profile key {dotted!r}", hint="see the README's profile table for every key")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ProfileError(f"profile key {dotted!r} is a table, not a value")
            out[key] = _merge(base[key], value, dotted + ".")
        else:
            out[key] = _coerce(dotted, base[key], value)
    return out


def _coerce(dotted: str, default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, float) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    elif isinstance(default, int) and isinstance(value, int) and not isinstance(value, bool):
        return value
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise ProfileError(f"profile key {dotted!r} wants a {type(default).__name__}, got {value!r}")


def parse_set(assignment: str) -> dict[str, Any]:
    """``page.number.align=center`` → ``{"page": {"number": {"align": "center"}}}``."""
    if "=" not in assignment:
        raise ProfileError(f"--set wants key=value, got {assignment!r}")
    key, raw = (s.strip() for s in assignment.split("=", 1))
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw  # a bare word: a string
    tree: dict[str, Any] = {}
    node = tree
    parts = key.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return tree


def load_profile(profile: str | Path | None = None, sets: list[str] | tuple[str, ...] = ()) -> Profile:
    """The built-in default, with ``profile`` (a built-in name or a TOML file) and ``sets`` layered on."""
    data = _read_toml(builtin_profile_path(DEFAULT_PROFILE))
    if profile and str(profile) != DEFAULT_PROFILE:
        path = Path(profile)
        if not path.suffix and str(profile) in builtin_profiles():
            path = builtin_profile_path(str(profile))
        over = _read_toml(path)
        over.pop("schema", None)
        name = over.pop("name", path.stem)
        data = _merge(data, over)
        data["name"] = name
    for assignment in sets:
        data = _merge(data, parse_set(assignment))
    return build_profile(data)


def build_profile(data: dict[str, Any]) -> Profile:
    page, grid, number = data["page"], data["grid"], data["page"]["number"]
    geometry = PageGeometry(
        width_mm=page["width_mm"], height_mm=page["height_mm"], top_mm=page["top_mm"], left_mm=page["left_mm"],
        body_width_mm=page["body_width_mm"], body_height_mm=page["body_height_mm"],
        lines=grid["lines"], chars=grid["chars"], char_spacing_pt=grid["char_spacing_pt"],
    )
    if geometry.right_mm <= 0 or geometry.bottom_mm <= 0 or geometry.lines < 1 or geometry.chars < 1:
        raise ProfileError("the 版心 does not fit on the page")
    if number["align"] not in ("outside", "center", "left", "right"):
        raise ProfileError(f"page.number.align must be outside, center, left or right, not {number['align']!r}")
    fonts = {k: FontRole(key=k, **v) for k, v in data["fonts"].items()}
    blocks = {}
    for key, spec in data["block"].items():
        if spec["role"] not in fonts:
            raise ProfileError(f"block.{key}.role names an unknown font role {spec['role']!r}")
        try:
            blocks[key] = BlockStyle(key=key, **spec)
        except TypeError as exc:
            raise ProfileError(f"block.{key}: {exc}") from None
    lead_level = data["heading"]["lead_level"]
    if lead_level not in (1, 2, 3, 4):
        raise ProfileError(f"heading.lead_level must be 1–4, not {lead_level}")
    return Profile(
        name=data.get("name", DEFAULT_PROFILE),
        page=geometry,
        page_number=PageNumberStyle(**number),
        fonts=fonts,
        blocks=blocks,
        lead_level=lead_level,
        data=data,
    )
