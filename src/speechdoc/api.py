"""The public Python API: the pipeline read → clean → parse → model → render, top to bottom.

    import speechdoc
    doc = speechdoc.parse("speech.txt")           # a Document (see model.py)
    speechdoc.to_docx(doc, "speech.docx")
    speechdoc.to_pdf("speech.txt", "speech.pdf")  # a path is parsed first
    speechdoc.convert_many("speeches/", "out/", to="docx,pdf")  # a folder, in parallel

The CLI is a thin layer over these functions.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from . import model
from .errors import InputError, RenderError
from .model import Document, Meta, Source
from .style import Profile, load_profile

MODEL_SUFFIXES = (".json",)


@dataclass(frozen=True)
class ReadOptions:
    """How to read and clean a source (the CLI's --encoding, --keep-boilerplate, --no-normalize)."""

    encoding: str | None = None
    keep_boilerplate: bool = False
    normalize: bool = True


def parse(source: str | Path, *, options: ReadOptions | None = None, profile: Profile | None = None,
          meta: Meta | None = None, text: str | None = None) -> Document:
    """Read, clean and parse ``source`` (a path, or ``-`` for standard input) into a Document.

    Give ``text`` to parse a string instead of a file (``source`` is then only its name).
    A ``.json`` path is a saved model (``speechdoc inspect --json``) and is loaded as it is.
    """
    name = str(source)
    if text is None and name.lower().endswith(MODEL_SUFFIXES):
        return with_meta(load_model(name), meta)
    from .clean import clean
    from .parse import parse_lines
    from .readers import SourceDocument, SourceText, read_source

    options = options or ReadOptions()
    profile = profile or load_profile()
    src = SourceText(path=name, encoding="str", text=text) if text is not None else read_source(
        name, options.encoding, keep_boilerplate=options.keep_boilerplate)
    if isinstance(src, SourceDocument):
        return with_meta(parse_source_document(src, options=options, profile=profile), meta)
    cleaned = clean(src.lines, keep_boilerplate=options.keep_boilerplate, normalize=options.normalize)
    blocks, warnings = parse_lines(cleaned.lines, lead_level=profile.lead_level)
    doc = Document(
        blocks=tuple(blocks),
        source=Source(path=src.path, encoding=src.encoding, format="text"),
        dropped=tuple(cleaned.dropped),
        edits=tuple(cleaned.edits),
        warnings=tuple(cleaned.warnings) + tuple(warnings),
    )
    return with_meta(doc, meta)


def parse_source_document(src, *, options: ReadOptions, profile: Profile) -> Document:
    """Clean and parse the lines a rich reader (Markdown, Word, HTML) made, taking its hints;
    line numbers in the result point into the source file (see ``readers.source``)."""
    from .clean import clean
    from .parse import parse_lines

    cleaned = clean(src.texts(), keep_boilerplate=options.keep_boilerplate, normalize=options.normalize)
    blocks, warnings = parse_lines(cleaned.lines, lead_level=profile.lead_level, hints=src.hints())

    def at(item):
        return replace(item, line=src.origin(item.line))

    return Document(
        blocks=tuple(map(at, blocks)),
        source=Source(path=src.path, encoding=src.encoding, format=src.format),
        dropped=src.dropped + tuple(map(at, cleaned.dropped)),
        edits=_in_source_order(src.edits + tuple(map(at, cleaned.edits))),
        warnings=src.warnings + tuple(map(at, (*cleaned.warnings, *warnings))),
        meta=src.meta,
    )


def _in_source_order(edits: tuple) -> tuple:
    """The reader's edits (generated heading numbers) and the cleaner's, by source line."""
    return tuple(sorted(edits, key=lambda e: e.line if e.line is not None else 0))


def parse_text(text: str, **kwargs) -> Document:
    """Parse a string."""
    return parse("<text>", text=text, **kwargs)


def load_model(path: str | Path) -> Document:
    """A model saved by ``speechdoc inspect --json``."""
    try:
        data = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the model: {exc}", path=str(path)) from None
    from .model_schema import ModelError

    try:
        doc = model.load(data)
    except ModelError as exc:
        raise InputError(f"not a speechdoc model: {exc}", path=str(path),
                         hint="correct that value in the file (`speechdoc inspect --json` shows a valid model)"
                         ) from None
    except RecursionError:
        raise InputError("not a speechdoc model: nested too deeply", path=str(path)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a speechdoc model: {exc}", path=str(path),
                         hint="make one with `speechdoc inspect --json FILE > model.json`") from None
    if not doc.blocks:  # named here: the model's source path is the text it was made from
        raise InputError("nothing to convert: the model's blocks list is empty", path=str(path))
    return doc


def with_meta(doc: Document, meta: Meta | None) -> Document:
    """``doc`` with the non-empty fields of ``meta`` laid over its own; a ``meta.date`` (``--date``)
    becomes the 成文日期 block when the text has none (see written_date.py)."""
    if meta is None:
        return doc
    from .written_date import add_written_date, official_date

    merged = {k: v for k, v in vars(doc.meta).items()}
    merged.update({k: v for k, v in vars(meta).items() if v})
    if meta.date:
        merged["date"] = official_date(meta.date)
    return add_written_date(replace(doc, meta=Meta(**merged)))


def as_document(doc_or_path: Document | str | Path, **parse_kwargs) -> Document:
    if isinstance(doc_or_path, Document):
        return with_meta(doc_or_path, parse_kwargs.get("meta"))
    return parse(doc_or_path, **parse_kwargs)


# ---------------------------------------------------------------- rendering


def require_text(doc: Document) -> Document:
    """``doc`` when it has something to render; an empty or all-boilerplate input is an error, not a blank page."""
    if doc.blocks:
        return doc
    if doc.dropped:
        raise InputError(f"nothing to convert: all {len(doc.dropped)} line(s) were web-page boilerplate",
                         path=doc.source.path, hint="give --keep-boilerplate to keep them")
    raise InputError("nothing to convert: the text is empty", path=doc.source.path)


def _write(data: bytes, out: str | Path, source: str | None) -> Path:
    from .outputs import check_output, write_atomic

    check_output(out, source)
    write_atomic(out, data)
    return Path(out)


def render_docx_bytes(doc: Document, profile: Profile | None = None) -> bytes:
    from .render.docx import render_docx

    return render_docx(doc, profile or load_profile())


def to_docx(doc_or_path: Document | str | Path, out: str | Path | None = None, *,
            profile: Profile | None = None, **parse_kwargs) -> Path:
    """Write ``doc_or_path`` as a GB/T 9704 .docx; returns the output path (default: next to the input)."""
    from .outputs import check_default_output, default_output

    profile = profile or load_profile()
    doc = require_text(as_document(doc_or_path, profile=profile, **parse_kwargs))
    source = doc.source.path if isinstance(doc_or_path, Document) else str(doc_or_path)  # e.g. a .json model
    if out is None:
        out = default_output(doc.source.path, ".docx")
        check_default_output(out, source)
    return _write(render_docx_bytes(doc, profile), out, source)


# The PDF is laid out in memory, all pages at once: 2 MB of text (699,000 characters, 1,227 pages) took
# 1.35 GB and minutes. Beyond this many characters (about 1,750 pages, 2 GB) the PDF is refused up front.
MAX_PDF_CHARS = 1_000_000
CHARS_PER_PAGE = 570  # measured: 699,164 characters of plain paragraphs made 1,227 pages


def document_chars(doc: Document) -> int:
    """The characters a renderer sets: block texts, attachment names, table cells."""
    return sum(len(b.text) + sum(map(len, b.items)) + sum(len(c) for r in b.rows for c in r) for b in doc.blocks)


def require_pdf_size(doc: Document) -> Document:
    """``doc`` when the PDF renderer can lay it out in reasonable memory; a one-line error otherwise."""
    chars = document_chars(doc)
    if chars > MAX_PDF_CHARS:
        raise RenderError(f"is {chars:,} characters (about {chars // CHARS_PER_PAGE:,} pages); a PDF takes at most "
                          f"{MAX_PDF_CHARS:,} (about {MAX_PDF_CHARS // CHARS_PER_PAGE:,} pages)",
                          path=doc.source.path,
                          hint="convert it to .docx (no such limit) and print from Word, or split the text")
    return doc


def render_pdf_bytes(doc: Document, profile: Profile | None = None, **pdf_options) -> bytes:
    from .render.pdf import render_pdf

    return render_pdf(require_pdf_size(doc), profile or load_profile(), **pdf_options)


def to_pdf(doc_or_path: Document | str | Path, out: str | Path | None = None, *,
           profile: Profile | None = None, pdf_options: dict | None = None, **parse_kwargs) -> Path:
    """Write ``doc_or_path`` as a print-ready PDF with embedded fonts; returns the output path."""
    from .outputs import check_default_output, default_output

    profile = profile or load_profile()
    doc = require_text(as_document(doc_or_path, profile=profile, **parse_kwargs))
    source = doc.source.path if isinstance(doc_or_path, Document) else str(doc_or_path)  # e.g. a .json model
    if out is None:
        out = default_output(doc.source.path, ".pdf")
        check_default_output(out, source)
    return _write(render_pdf_bytes(doc, profile, **(pdf_options or {})), out, source)


# ---------------------------------------------------------------- many files


def convert_many(paths: str | Path | Iterable[str | Path], out_dir: str | Path | None = None, *,
                 to: str | Sequence[str] = ("docx",), jobs: int | None = None, recursive: bool = True,
                 force: bool = False, profile: Profile | None = None, options: ReadOptions | None = None,
                 meta: Meta | None = None, pdf_options: dict | None = None, progress=None, convert=None):
    """Convert every input under ``paths`` (folders and files) into ``out_dir``, mirroring the folders.

    ``out_dir`` None writes each output next to its input. ``to`` is ``"docx"``, ``"pdf"`` or
    ``"docx,pdf"``; ``jobs`` the number of worker processes (default: the cores). Outputs already
    made from the same input with the same options are skipped unless ``force``. One bad file never
    stops the others: returns a ``batch.Summary`` (``.outcomes``, ``.exit_code``, ``.to_dict()``).
    """
    from . import batch

    roots = [paths] if isinstance(paths, (str, Path)) else list(paths)
    settings = batch.Settings(formats=batch.parse_formats(to), read=options or ReadOptions(), profile=profile,
                              meta=meta or Meta(), pdf_options=dict(pdf_options or {}))
    return batch.convert_tree(roots, out_dir, settings, recursive=recursive, force=force, jobs=jobs,
                              convert=convert, progress=progress)


# ---------------------------------------------------------------- proofreading


def check(paths: list[str | Path], *, encoding: str | None = None, on_error=None) -> list:
    """The proofreading findings (``speechdoc.check.Finding``) for each file, in reading order.

    A file that cannot be read raises its ``SpeechdocError``; give ``on_error`` to be handed it instead and go on.
    """
    from .check.files import check_paths

    return check_paths([str(p) for p in paths], encoding, on_error)


def fix(path: str | Path, output: str | Path | None = None, *, in_place: bool = False, encoding: str | None = None):
    """Write ``path`` with the safe corrections applied (to ``output``, standard output, or in place)."""
    from .check.files import fix_file

    return fix_file(str(path), None if output is None else str(output), in_place=in_place, encoding=encoding)
