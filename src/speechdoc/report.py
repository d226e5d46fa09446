"""The human outline that ``speechdoc inspect`` prints: the blocks found, then what cleaning dropped and
changed, then the warnings."""
from __future__ import annotations

from .model import Block, Document

PREVIEW = 36  # characters of each block shown
EDITS_SHOWN = 20


def format_outline(doc: Document, *, edits_shown: int = EDITS_SHOWN) -> str:
    out = [_source_line(doc), ""]
    out += [_block_line(b) for b in doc.blocks] or ["(no blocks)"]
    if doc.dropped:
        out += ["", f"dropped {len(doc.dropped)} line(s):"]
        out += [f"  line {d.line:>4}  {d.reason}: {_preview(d.text)}" for d in doc.dropped]
    if doc.edits:
        out += ["", f"edits: {len(doc.edits)} ({_rule_counts(doc)})"]
        out += [f"  line {e.line:>4}:{e.column:<3} {_show(e.before)} → {_show(e.after)}  {e.rule}"
                for e in doc.edits[:edits_shown]]
        if len(doc.edits) > edits_shown:
            out.append(f"  … {len(doc.edits) - edits_shown} more (see `speechdoc inspect --json`)")
    if doc.warnings:
        out += ["", f"warnings: {len(doc.warnings)}"]
        for w in doc.warnings:
            where = f"line {w.line}" if w.line is not None else "document"
            out.append(f"  {w.severity}: {where}: {w.message}" + (f" ({w.hint})" if w.hint else ""))
    return "\n".join(out)


def _source_line(doc: Document) -> str:
    src = doc.source
    return f"source: {src.path or '<stdin>'}  encoding: {src.encoding or '?'}  format: {src.format}  " \
           f"blocks: {len(doc.blocks)}"


def _block_line(b: Block) -> str:
    where = f"{b.line:>4}" if b.line is not None else "   -"
    kind = b.kind + (f" {b.level}" if b.level is not None else "")
    line = f"{where}  {kind:<18} {_preview(b.text)}"
    if b.lead is not None:
        line += f"\n{'':6}{'  lead ' + str(b.lead.level):<19}{_preview(b.lead.text)}"
    if b.kind == "title" and b.lines:
        line += f"\n{'':6}{'  lines':<19}{' / '.join(b.lines)}"
    for item in b.items:
        line += f"\n{'':6}{'  item':<19}{_preview(item)}"
    if b.rows:
        line += f"\n{'':6}{'  rows':<19}{len(b.rows)} × {max(len(r) for r in b.rows)}"
    return line


def _preview(text: str) -> str:
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def _show(text: str) -> str:
    return repr(text) if not text or text.isspace() or not text.isprintable() else text


def _rule_counts(doc: Document) -> str:
    counts: dict[str, int] = {}
    for e in doc.edits:
        counts[e.rule or "edit"] = counts.get(e.rule or "edit", 0) + 1
    return ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items(), key=lambda kv: -kv[1]))
