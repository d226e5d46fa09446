"""The command line: options → one API call → one error handler. No logic lives here."""
from __future__ import annotations

import functools
import os
import sys
import traceback

import click

from . import __version__, api
from .errors import EXIT_FAILURE, SpeechdocError
from .model import Meta, dump
from .quick_exit import quick_exit
from .style import load_profile

_debug = False


def _fail(exc: BaseException) -> None:
    if isinstance(exc, SpeechdocError):
        click.echo(f"speechdoc: error: {exc.one_line()}", err=True)
        if exc.hint:
            click.echo(f"  hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    if isinstance(exc, OSError) and exc.errno is not None:  # the system refused (disk full, device error)
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"speechdoc: error: {where}cannot write: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_FAILURE)
    click.echo(f"speechdoc: error: internal error: {type(exc).__name__}: {exc}", err=True)
    click.echo("  hint: run again with --debug for the traceback, and report it", err=True)
    sys.exit(EXIT_FAILURE)


def _reader_went_away() -> None:
    """Standard output's reader closed the pipe (``speechdoc inspect f.txt | head -1``): stop quietly, as Unix
    tools do, with standard output pointed at /dev/null so that nothing complains on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(EXIT_FAILURE)


def handled(fn):
    """Run a command; turn every failure into the one-line error format and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("speechdoc: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _reader_went_away()
        except Exception as exc:  # noqa: BLE001 - the one place errors become messages
            if _debug:
                traceback.print_exc()
            _fail(exc)

    return wrapper


# ---------------------------------------------------------------- shared options


def read_options(fn):
    """Options for reading and cleaning the input."""
    fn = click.option("--encoding", metavar="NAME", help="Input encoding (default: detected; e.g. gb18030).")(fn)
    fn = click.option("--keep-boilerplate", is_flag=True, help="Keep web-page boilerplate lines.")(fn)
    fn = click.option("--no-normalize", is_flag=True, help="Leave punctuation as it is.")(fn)
    return fn


def style_options(fn):
    """Options for the style profile and document metadata."""
    fn = click.option("--profile", "profile_name", metavar="NAME|FILE",
                      help="Style profile: a built-in name (gbt9704) or a TOML file layered over it.")(fn)
    fn = click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                      help="Override one profile number, e.g. --set page.number.align=center.")(fn)
    fn = click.option("--author", help="Author for the document properties.")(fn)
    fn = click.option("--org", help="Organisation for the document properties.")(fn)
    fn = click.option("--date", "date", help="成文日期 when the text has none, e.g. 2024年3月5日.")(fn)
    return fn


def pdf_options(fn):
    """Options for the PDF renderer."""
    fn = click.option("--font-dir", multiple=True, metavar="DIR", help="Look for fonts here first.")(fn)
    fn = click.option("--strict-fonts", is_flag=True, help="Fail when an official font is missing.")(fn)
    fn = click.option("--real-date", is_flag=True,
                      help="Stamp the PDF with the current time (default: fixed, reproducible).")(fn)
    return fn


def _read(encoding, keep_boilerplate, no_normalize) -> api.ReadOptions:
    return api.ReadOptions(encoding=encoding, keep_boilerplate=keep_boilerplate, normalize=not no_normalize)


# ---------------------------------------------------------------- commands


class _Group(click.Group):
    """Usage errors in the same one-line format as every other error (exit status 2)."""

    def main(self, *args, **kwargs):
        kwargs.pop("standalone_mode", None)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help())
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            command = _subcommand(exc.ctx)
            click.echo(f"speechdoc: error: {exc.format_message()}", err=True)
            click.echo(f"  hint: see `speechdoc{command} --help`", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("speechdoc: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def _subcommand(ctx) -> str:
    names = []
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name)
        ctx = ctx.parent
    return "".join(f" {n}" for n in names)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="speechdoc")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
def main(debug: bool) -> None:
    """Turn Chinese speeches and official-document text into GB/T 9704 DOCX and PDF.

    \b
    Examples:
      speechdoc to-docx speech.txt            # speech.docx next to it
      speechdoc to-pdf speech.txt -o out.pdf
      speechdoc inspect speech.txt            # the structure it found
      speechdoc batch speeches/ -o out/ --to docx,pdf

    \b
    Exit status: 0 done, 1 a file failed, 2 the command line is wrong, 130 interrupted.
    Errors: one line `speechdoc: error: FILE: what happened` and a hint; --debug shows the traceback.
    """
    global _debug
    _debug = debug


@main.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@read_options
@click.option("--profile", "profile_name", metavar="NAME|FILE",
              help="Style profile: a built-in name (gbt9704) or a TOML file layered over it.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Override one profile number, e.g. --set page.number.align=center.")
@handled
def inspect(file, as_json, encoding, keep_boilerplate, no_normalize, profile_name, sets):
    """Show the structure found in FILE (`-` for standard input).

    \b
    Examples:
      speechdoc inspect speech.txt
      speechdoc inspect --json speech.txt > model.json   # edit, then: speechdoc to-docx model.json
    """
    from .report import format_outline

    profile = load_profile(profile_name, sets)
    doc = api.parse(file, options=_read(encoding, keep_boilerplate, no_normalize), profile=profile)
    click.echo(dump(doc) if as_json else format_outline(doc))


@main.command()
@click.argument("folder", metavar="DIR")
@click.option("-o", "--output", metavar="OUTDIR", help="Mirror DIR's folders here (default: each output next to its input).")
@click.option("--to", "to", default="docx", show_default=True, metavar="docx|pdf|docx,pdf", help="Output format(s).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Worker processes (default: the cores).")
@click.option("--recursive/--no-recursive", default=True, show_default=True, help="Go into sub-folders.")
@click.option("--force", is_flag=True, help="Convert again even when an output is up to date.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON (for scripts).")
@click.option("-q", "--quiet", is_flag=True, help="No progress; only the summary.")
@read_options
@style_options
@pdf_options
@handled
def batch(folder, output, to, jobs, recursive, force, as_json, quiet, encoding, keep_boilerplate, no_normalize,
          profile_name, sets, author, org, date, font_dir, strict_fonts, real_date):
    """Convert every .txt (and other input) under DIR, in parallel; one bad file never stops the others.

    Outputs already made from the same input with the same options are skipped (unless --force);
    the stamps live in a hidden `.speechdoc-stamps.json` in each output folder.

    \b
    Examples:
      speechdoc batch speeches/                       # speeches/**/x.docx next to each x.txt
      speechdoc batch speeches/ -o out/ --to docx,pdf -j 2
      speechdoc batch speeches/ -o out/ --json > summary.json
    """
    from . import batch as batching
    from .errors import UsageError
    from .progress import for_stream

    _check_folder(folder, output)
    try:
        formats = batching.parse_formats(to)
    except ValueError as exc:
        raise UsageError(str(exc), hint="--to docx, --to pdf or --to docx,pdf") from None
    profile = load_profile(profile_name, sets)
    if "pdf" in formats:
        _font_notice(profile, font_dir, strict_fonts, quiet)
    summary = api.convert_many(
        folder, output, to=formats, jobs=jobs, recursive=recursive, force=force,
        profile=profile, options=_read(encoding, keep_boilerplate, no_normalize),
        meta=Meta(author=author, org=org, date=date),
        pdf_options={"font_dirs": font_dir, "strict_fonts": strict_fonts, "real_date": real_date},
        progress=for_stream(sys.stderr, quiet=quiet))
    if as_json:
        import json

        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(batching.format_summary(summary))
    sys.exit(summary.exit_code)


def _font_notice(profile, font_dirs, strict_fonts: bool, quiet: bool) -> None:
    """Once for the whole batch: the font substitutions the PDFs will have (--strict-fonts: fail here, not per file)."""
    from . import fonts

    notice = fonts.substitution_notice(fonts.resolve_fonts(profile, font_dirs=font_dirs, strict_fonts=strict_fonts))
    if notice and not quiet:
        click.echo(notice, err=True)


def _check_folder(folder: str, output: str | None) -> None:
    from pathlib import Path

    from .errors import UsageError

    if not Path(folder).exists():
        raise UsageError("no such folder", path=folder)
    if not Path(folder).is_dir():
        raise UsageError("is a file, not a folder", path=folder, hint="use `speechdoc to-docx FILE` for one file")
    if output is not None and Path(output).exists() and not Path(output).is_dir():
        raise UsageError("the output is a file, not a folder", path=output, hint="name a folder with -o")


@main.command("to-docx")
@click.argument("file")
@click.option("-o", "--output", metavar="OUT.docx", help="Output file (default: next to FILE; `-` for stdout).")
@read_options
@style_options
@handled
def to_docx(file, output, encoding, keep_boilerplate, no_normalize, profile_name, sets, author, org, date):
    """Convert FILE (text, or a model from `inspect --json`) to a GB/T 9704 Word file.

    \b
    Examples:
      speechdoc to-docx speech.txt
      speechdoc to-docx speech.txt -o 讲话.docx --author 办公室
    """
    from .outputs import check_default_output, check_output, default_output

    profile = load_profile(profile_name, sets)
    doc = api.parse(file, options=_read(encoding, keep_boilerplate, no_normalize), profile=profile,
                    meta=Meta(author=author, org=org, date=date))
    if output is None:
        check_default_output(default_output(doc.source.path, ".docx"), file)
    else:
        check_output(output, file)
    out = api.to_docx(doc, output, profile=profile)
    _warn(doc)
    if str(out) != "-":
        click.echo(f"speechdoc: wrote {out}", err=True)


@main.command("to-pdf")
@click.argument("file")
@click.option("-o", "--output", metavar="OUT.pdf", help="Output file (default: next to FILE; `-` for stdout).")
@read_options
@style_options
@click.option("--font-dir", multiple=True, metavar="DIR", help="Look for fonts here first.")
@click.option("--strict-fonts", is_flag=True, help="Fail when an official font is missing.")
@click.option("--real-date", is_flag=True, help="Stamp the PDF with the current time (default: fixed, reproducible).")
@handled
def to_pdf(file, output, encoding, keep_boilerplate, no_normalize, profile_name, sets, author, org, date,
           font_dir, strict_fonts, real_date):
    """Convert FILE (text, or a model from `inspect --json`) to a print-ready PDF with embedded fonts.

    \b
    Examples:
      speechdoc to-pdf speech.txt
      speechdoc to-pdf speech.txt -o - > speech.pdf
    """
    from . import fonts
    from .outputs import check_default_output, check_output, default_output

    profile = load_profile(profile_name, sets)
    doc = api.parse(file, options=_read(encoding, keep_boilerplate, no_normalize), profile=profile,
                    meta=Meta(author=author, org=org, date=date))
    fontset = fonts.resolve_fonts(profile, font_dirs=font_dir, strict_fonts=strict_fonts)
    if output is None:
        check_default_output(default_output(doc.source.path, ".pdf"), file)
    else:
        check_output(output, file)
    out = api.to_pdf(doc, output, profile=profile,
                     pdf_options={"font_dirs": font_dir, "strict_fonts": strict_fonts, "real_date": real_date})
    notice = fonts.substitution_notice(fontset, fonts.glyph_report(fontset, doc, profile))
    if notice:
        click.echo(notice, err=True)
    _warn(doc)
    if str(out) != "-":
        click.echo(f"speechdoc: wrote {out}", err=True)


WARNINGS_SHOWN = 10


def _warn(doc) -> None:
    """The input's warnings (removed characters, numbering gaps…) on standard error, one line each."""
    where = f"{doc.source.path}:" if doc.source.path else ""
    for w in doc.warnings[:WARNINGS_SHOWN]:
        line = f"{w.line}: " if w.line is not None else " "
        click.echo(f"speechdoc: {w.severity}: {where}{line}{w.message}", err=True)
    if len(doc.warnings) > WARNINGS_SHOWN:
        click.echo(f"speechdoc: … {len(doc.warnings) - WARNINGS_SHOWN} more warning(s) "
                   f"(see `speechdoc inspect`)", err=True)


@main.command("fonts")
@click.option("--font-dir", multiple=True, metavar="DIR", help="Look for fonts here first.")
@click.option("--strict-fonts", is_flag=True, help="Fail when an official font is missing.")
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@click.option("--profile", "profile_name", metavar="NAME|FILE",
              help="Style profile: a built-in name (gbt9704) or a TOML file layered over it.")
@handled
def fonts_command(font_dir, strict_fonts, as_json, profile_name):
    """Show, for every font role, the face the PDF uses, its file, and whether it is the official face.

    \b
    Examples:
      speechdoc fonts
      speechdoc fonts --font-dir ~/fonts --strict-fonts
    """
    import json

    from . import fonts

    profile = load_profile(profile_name)
    fontset = fonts.resolve_fonts(profile, font_dirs=font_dir)
    rows = fonts.describe(fontset)
    fast = fonts.harfbuzz_subset_available()
    if as_json:
        click.echo(json.dumps({"roles": rows, "harfbuzz_subset": fast}, ensure_ascii=False, indent=2))
    else:
        click.echo(fonts.format_table(rows))
    if not fast:
        click.echo("speechdoc: warning: libharfbuzz-subset not found: PDF font subsetting is about 10x slower "
                   "(install libharfbuzz-subset0)", err=True)
    fonts.resolve_fonts(profile, font_dirs=font_dir, strict_fonts=strict_fonts)  # --strict-fonts: fail now


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a JSON list.")
@click.option("--encoding", metavar="NAME", help="Input encoding (default: detected; e.g. gb18030).")
@handled
def check(files, as_json, encoding):
    """Proofread FILES for official-document conventions; exit 1 when there are errors (or a file cannot be read).

    \b
    Examples:
      speechdoc check notice.txt
      speechdoc check --json *.txt > findings.json
    """
    import json

    from .check import has_errors

    failed = []

    def unreadable(exc: SpeechdocError) -> None:
        failed.append(exc)
        click.echo(f"speechdoc: error: {exc.one_line()}", err=True)

    findings = api.check(list(files), encoding=encoding, on_error=unreadable)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            click.echo(f.format())
        click.echo(_summary(findings), err=True)
    sys.exit(EXIT_FAILURE if failed or has_errors(findings) else 0)


def _summary(findings) -> str:
    errors = sum(f.severity == "error" for f in findings)
    fixable = sum(f.fixable for f in findings)
    return (f"speechdoc: {errors} error(s), {len(findings) - errors} warning(s)"
            + (f"; {fixable} can be corrected with `speechdoc fix`" if fixable else ""))


@main.command()
@click.argument("file")
@click.option("-o", "--output", metavar="OUT", help="Write the corrected text here (default: standard output).")
@click.option("--in-place", is_flag=True, help="Replace FILE itself (keeps its encoding).")
@click.option("--encoding", metavar="NAME", help="Input encoding (default: detected; e.g. gb18030).")
@handled
def fix(file, output, in_place, encoding):
    """Write FILE with the safe corrections applied (UTF-8); list each change on standard error.

    Placeholders and wording are never touched; FILE is never overwritten unless --in-place is given.

    \b
    Examples:
      speechdoc fix notice.txt -o notice.fixed.txt
      speechdoc fix --in-place notice.txt
    """
    from .check.files import describe

    fixed = api.fix(file, output, in_place=in_place, encoding=encoding)
    for line in describe(fixed):
        click.echo(line, err=True)
    where = "" if fixed.output == "-" else f"; wrote {fixed.output}"
    click.echo(f"speechdoc: {len(fixed.result.applied)} correction(s){where}", err=True)


def run() -> None:
    """The ``speechdoc`` command (console script and ``python -m speechdoc``): the CLI, then a quick exit."""
    try:
        main(prog_name="speechdoc")
    except SystemExit as done:
        quick_exit(done.code)
    quick_exit(0)


if __name__ == "__main__":  # pragma: no cover
    run()
