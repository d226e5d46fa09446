"""Findings from the converter's own cleaner (``speechdoc.clean``), so that ``check`` and the converter agree
on what is wrong: every edit the cleaner would make (punctuation widths, paired quotes, ellipses, 发文字号
brackets, spacing, joined hard wraps, split paragraphs) and every boilerplate line it would drop becomes a
fixable finding. While the cleaner is not installed, ``cleaner_findings`` returns None and the check falls
back on its own half-width detector (``punctuation``).
"""
from __future__ import annotations

from .finding import ERROR, WARNING, Edit, Finding

# cleaner rule → (code, severity, message)
RULES = {
    "punctuation": ("punct-halfwidth", ERROR, "half-width '{before}' in Chinese text"),
    "full-stop": ("punct-halfwidth", ERROR, "half-width '{before}' ending a Chinese sentence"),
    "quotes": ("punct-quotes", ERROR, "straight quote '{before}' in Chinese text"),
    "ellipsis": ("punct-ellipsis", ERROR, "'{before}' used as an ellipsis"),
    "dash": ("punct-dash", WARNING, "'{before}' used as a dash"),
    "doc-number-brackets": ("docnum-brackets", ERROR, "'{before}' around the year of a 发文字号"),
    "space-between-hanzi": ("spacing", WARNING, "a space between Chinese characters"),
    "space-in-date": ("spacing", WARNING, "a space inside a date"),
    "whitespace": ("spacing", WARNING, "odd white space"),
    "zero-width": ("spacing", WARNING, "an invisible zero-width character"),
    "control-character": ("spacing", WARNING, "a control character"),
    "join-wrapped-line": ("hard-wrap", WARNING, "a paragraph is broken by a hard line wrap"),
    "split-at-space-run": ("para-split", WARNING, "paragraphs run together on one line, parted only by spaces"),
    "split-glued-line": ("para-split", WARNING, "head lines glued together on one line"),
    "space-next-to-punctuation": ("spacing", WARNING, "a space next to full-width punctuation"),
    "direction-control": ("spacing", WARNING, "an invisible text-direction mark"),
    "bullet": ("spacing", WARNING, "a bullet character before the text"),
    "date-zero-padding": ("date-padded", ERROR, "a zero-padded month or day '{before}'"),
    "year-zero": ("date-zero", WARNING, "the letter O or the digit 0 written for 〇 in a year"),
    "form-blank": ("form-blank", WARNING, "a fill-in blank typed as half-width spaces"),
}
OTHER = ("normalize", WARNING, "the converter changes '{before}' to '{after}' here")  # a rule added later
HINTS = {
    "normalize": "speechdoc fix makes the same change",
    "punct-halfwidth": "write the full-width mark: ，：；？！（）",
    "punct-quotes": "write Chinese quotes “ ” (‘ ’ inside)",
    "punct-ellipsis": "the Chinese ellipsis is two marks: ……",
    "punct-dash": "the Chinese dash is two marks: ——",
    "docnum-brackets": "a 发文字号 writes its year in 〔 〕: 国办发〔2019〕4号",
    "spacing": "remove it",
    "hard-wrap": "join the lines",
    "para-split": "put each paragraph on its own line",
    "boilerplate": "remove it (speechdoc fix does)",
    "date-padded": "no leading zeros in a date: 2024年3月5日",
    "date-zero": "write the Chinese zero 〇 (U+3007) in a year",
    "form-blank": "full-width spaces (　) keep the blank's width in Word and WPS; speechdoc fix writes them",
}


def cleaner():
    try:
        from ..clean import clean
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("speechdoc.clean"):
            return None
        raise
    return clean


def cleaner_findings(lines: list[str]) -> list[Finding] | None:
    clean = cleaner()
    if clean is None:
        return None
    cleaned = clean(list(lines), keep_boilerplate=False, normalize=True)
    findings = [_dropped(d, lines) for d in cleaned.dropped]
    findings += [_edited(e, lines) for e in cleaned.edits if not _deliberate_separator(e)]
    return findings


def _deliberate_separator(e) -> bool:
    """Spaces the converter keeps as one full-width space (``市长 王建国``, ``单位　　电话``) are no finding."""
    return e.rule == "whitespace" and e.after == "\u3000"


def _dropped(d, lines: list[str]) -> Finding:
    """A whole boilerplate line is dropped with its line break; a piece of a line (a site date glued to the
    title) is cut out of it."""
    line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
    reason = f" ({d.reason})" if d.reason else ""
    if line.strip() == d.text.strip():
        edit = Edit(d.line, 1, line + "\n" + _blank_lines_after(d.line, lines), "")
    else:
        edit = Edit(d.line, max(line.find(d.text), 0) + 1, d.text, "")
    return Finding(d.line, edit.col, WARNING, "boilerplate", f"web-page boilerplate{reason}: '{_short(d.text)}'",
                   HINTS["boilerplate"], edit)


def _blank_lines_after(number: int, lines: list[str]) -> str:
    """The blank lines that separated a dropped line from the next go with it."""
    blank = []
    for line in lines[number:]:
        if line.strip():
            break
        blank.append(line + "\n")
    return "".join(blank)


def _short(text: str, limit: int = 20) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _edited(e, lines: list[str]) -> Finding:
    code, severity, message = RULES.get(e.rule, OTHER)
    return Finding(e.line, e.column, severity, code, message.format(before=e.before, after=e.after), HINTS[code],
                   Edit(e.line, e.column, _with_trailing_space(e, lines), e.after))


def _with_trailing_space(e, lines: list[str]) -> str:
    """A joined line break comes after the line's text; white space the cleaner stripped there goes with it."""
    if e.before != "\n" or not 0 < e.line <= len(lines):
        return e.before
    rest = lines[e.line - 1][e.column - 1:]
    return rest + "\n" if not rest.strip() else e.before
