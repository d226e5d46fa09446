"""Word's automatic numbering: compute the number Word displays before each list paragraph.

``numbering.xml`` holds abstract lists (``w:abstractNum``: per level a start value, a number
format, a level text such as ``%1、`` or ``（%2）``, restart rules) and list instances
(``w:num``: an abstract list plus overrides). A paragraph names an instance and a level
(``w:numPr``), directly or through its style. The reader walks paragraphs in order and asks
``label(num_id, ilvl)`` for each; counters advance exactly as Word's do, so the text keeps the
numbers the author saw (``一、`` ``（一）`` ``1.``) once the numbering itself is gone.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .docx_styles import w, wval
from ..numerals import to_chinese

_LEVELS = 9
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every %N as a decimal
    suffix: str = "tab"  # tab | space | nothing
    style_id: str | None = None  # w:pStyle: the style linked to this level


@dataclass
class _Instance:
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl → startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # ilvl → level redefined in the override
    started: bool = False


class Numbering:
    """``list_styles`` maps a numbering style's id to its numId (from styles.xml), for lists
    defined through a list style (``w:numStyleLink``)."""

    def __init__(self, root: etree._Element | None, list_styles: dict[str, str] | None = None):
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        links: dict[str, str] = {}
        for el in root.iter(w("abstractNum")):
            abstract_id = el.get(w("abstractNumId")) or ""
            self._abstracts[abstract_id] = {int(lvl.get(w("ilvl")) or 0): _level(lvl) for lvl in el.findall(w("lvl"))}
            if wval(el, "numStyleLink"):
                links[abstract_id] = wval(el, "numStyleLink") or ""
        for el in root.iter(w("num")):
            self._instances[el.get(w("numId")) or ""] = _instance(el)
        self._follow_style_links(links, list_styles or {})

    def _follow_style_links(self, links: dict[str, str], list_styles: dict[str, str]) -> None:
        """An abstract list that only names a list style takes the levels (and counters) of the
        list that style points to."""
        for instance in self._instances.values():
            style = links.get(instance.abstract_id)
            target = self._instances.get(list_styles.get(style or "", ""))
            if target is not None and target.abstract_id not in links:
                instance.abstract_id = target.abstract_id

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The list level linked to a style (``w:pStyle`` in a level), else 0."""
        for ilvl, level in self._levels(num_id).items():
            if style_id and level.style_id == style_id:
                return ilvl
        return 0

    def label(self, num_id: str | None, ilvl: int | None) -> str | None:
        """Advance the list and return the number text Word shows (``一、``), or None (bullets, no list)."""
        instance = self._instances.get(num_id or "")
        if instance is None or num_id == "0":
            return None
        ilvl = min(max(ilvl or 0, 0), _LEVELS - 1)
        levels = self._levels(num_id)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(instance.abstract_id, [None] * _LEVELS)
        if not instance.started:
            instance.started = True
            for lvl, start in instance.overrides.items():
                if 0 <= lvl < _LEVELS:
                    counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None
        text = _render(level, levels, counters)
        return text + _separator(text, level.suffix) if text else None

    def _levels(self, num_id: str) -> dict[int, Level]:
        instance = self._instances.get(num_id)
        if instance is None:
            return {}
        return {**self._abstracts.get(instance.abstract_id, {}), **instance.levels}


def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    text = level.text
    for n in range(_LEVELS, 0, -1):
        token = f"%{n}"
        if token in text:
            ref = levels.get(n - 1, Level())
            value = counters[n - 1] if counters[n - 1] is not None else ref.start
            text = text.replace(token, format_number(value, "decimal" if level.legal else ref.fmt))
    return text


def _separator(text: str, suffix: str) -> str:
    """What stands between the number and the text once it is plain text: nothing after 、 . ）
    or ①, else the ideographic space a clerk would type (第一章　总则)."""
    if suffix == "nothing" or text[-1] in "、.．)）:：，," or text[-1] in _CIRCLED:
        return ""
    return "\u3000"


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word number format (``w:numFmt``)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting",
               "koreanCounting", "taiwaneseCountingThousand"):
        return to_chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return to_chinese(n).translate(str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰"))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def _level(el: etree._Element) -> Level:
    start = wval(el, "start")
    restart = wval(el, "lvlRestart")
    is_lgl = el.find(w("isLgl"))
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=wval(el, "numFmt") or "decimal",
        text=wval(el, "lvlText") if el.find(w("lvlText")) is not None else "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=is_lgl is not None and is_lgl.get(w("val"), "1") not in ("0", "false", "off"),
        suffix=wval(el, "suff") or "tab",
        style_id=wval(el, "pStyle"),
    )


def _instance(el: etree._Element) -> _Instance:
    inst = _Instance(abstract_id=wval(el, "abstractNumId") or "")
    for override in el.findall(w("lvlOverride")):
        ilvl = int(override.get(w("ilvl")) or 0)
        start = wval(override, "startOverride")
        if start and start.lstrip("-").isdigit():
            inst.overrides[ilvl] = int(start)
        redefined = override.find(w("lvl"))
        if redefined is not None:
            inst.levels[ilvl] = _level(redefined)
    return inst
