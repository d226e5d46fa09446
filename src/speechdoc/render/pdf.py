"""HTML → PDF with WeasyPrint: fonts embedded and subset, a locked-down URL fetcher, reproducible bytes.

One WeasyPrint ``FontConfiguration`` serves the whole process (a new one per document copies every
``@font-face`` file to a temporary folder again), and the font roles are resolved once per process.
"""
from __future__ import annotations

import atexit
import datetime as _dt
import hashlib
import logging
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import RenderError
from ..fonts import FontSet, resolve_fonts
from ..outputs import PDF_ID_PREFIX
from ..model import Document
from ..resources import data_dir
from ..style.profile import Profile
from . import cffi_cache, compact_fonts, lazy_font_data
from .html import render_css, render_html
from .weasyprint_import import import_weasyprint

UA_STYLESHEET = "ua.css"  # in templates/: the defaults of the elements our template uses

_FONT_CONFIG = None
_USER_AGENT = None  # (WeasyPrint CSS, CounterStyle) of ua.css, parsed once per process
_HTML_CLASS = None
_STYLESHEETS: dict[str, tuple] = {}  # CSS text → (WeasyPrint CSS, the warnings its parsing logged), per process
_MAX_STYLESHEETS = 8


def font_configuration():
    """The process's one WeasyPrint FontConfiguration."""
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        from weasyprint.text.fonts import FontConfiguration

        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


@atexit.register
def release() -> None:
    """Drop the process's WeasyPrint state while the interpreter is whole: the FontConfiguration removes its
    temporary font folder when it is deleted, which fails (and leaves the folder) during interpreter shutdown."""
    global _FONT_CONFIG
    _STYLESHEETS.clear()
    config, _FONT_CONFIG = _FONT_CONFIG, None
    folder = getattr(config, "_folder", None)  # removed here too: the process may end without collecting it
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def stylesheet(css: str, base: str, fetcher, config, warnings: list[str]):
    """The WeasyPrint stylesheet for ``css``, parsed once per process (~25 ms a document in a batch).

    ``warnings`` is the list WeasyPrint's log goes to; the warnings of parsing are added to it every time.
    """
    from weasyprint import CSS

    if css not in _STYLESHEETS:
        if len(_STYLESHEETS) >= _MAX_STYLESHEETS:
            _STYLESHEETS.clear()
        before = len(warnings)
        sheet = CSS(string=css, base_url=base, url_fetcher=fetcher, font_config=config)
        _STYLESHEETS[css] = (sheet, warnings[before:])
        return sheet
    sheet, logged = _STYLESHEETS[css]
    warnings.extend(logged)
    return sheet


def user_agent_stylesheet():
    """speechdoc's user-agent stylesheet (``templates/ua.css``) and the counter styles it defines."""
    global _USER_AGENT
    if _USER_AGENT is None:
        from weasyprint import CSS
        from weasyprint.css.counters import CounterStyle

        counters = CounterStyle()
        text = (data_dir("templates") / UA_STYLESHEET).read_text(encoding="utf-8")
        _USER_AGENT = (CSS(string=text, counter_style=counters), counters)
    return _USER_AGENT


def html_class():
    """WeasyPrint's HTML with speechdoc's small user-agent stylesheet in place of its HTML5 one.

    WeasyPrint's sheet styles every HTML element there is; ours only those of ``document.html.j2``, which gives the
    same pages (a test compares the pixels) with a lighter cascade for every element. Should WeasyPrint's hooks
    change, its own HTML class is used as it is.
    """
    global _HTML_CLASS
    if _HTML_CLASS is None:
        from weasyprint import HTML

        hooks = ("_ua_stylesheets", "_ua_counter_style", "_ph_stylesheets")
        if not all(callable(getattr(HTML, hook, None)) for hook in hooks):
            _HTML_CLASS = HTML
            return HTML

        class SpeechdocHTML(HTML):
            def _ua_stylesheets(self, forms=False):
                return [user_agent_stylesheet()[0]]

            def _ua_counter_style(self):
                return [user_agent_stylesheet()[1].copy()]

            def _ph_stylesheets(self):
                return []

        _HTML_CLASS = SpeechdocHTML
    return _HTML_CLASS


class RefusedURL(ValueError):
    """A resource the PDF renderer will not fetch."""


def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class LockedFetcher(URLFetcher):
        """Serves only the project's template files and the resolved font files; refuses everything else."""

        def __init__(self, allowed_files, allowed_dirs):
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.allowed_files = frozenset(str(Path(f).resolve()) for f in allowed_files)
            self.allowed_dirs = tuple(Path(d).resolve() for d in allowed_dirs)

        def fetch(self, url, headers=None):
            path = allowed_path(url, self.allowed_files, self.allowed_dirs)
            if path is None:
                raise RefusedURL(f"speechdoc does not fetch {url[:80]!r}")
            return super().fetch(url, headers)

    return LockedFetcher


def allowed_path(url: str, files: frozenset[str], dirs: tuple[Path, ...]) -> Path | None:
    """The local path of ``url`` when it is an allowed file, else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
        return None
    path = Path(unquote(parts.path)).resolve()
    if str(path) in files or any(path.is_relative_to(d) and path.is_file() for d in dirs):
        return path
    return None


def url_fetcher(fontset: FontSet):
    return _fetcher_class()(fontset.files(), (data_dir("templates"),))


def _created(real_date: bool) -> str | None:
    if not real_date:
        return None
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _QuietWeasyPrint(logging.Filter):
    """Collects WeasyPrint's warnings (refused URLs, unknown CSS) instead of printing them."""

    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record):
        self.messages.append(record.getMessage())
        return False


def render_pdf(doc: Document, profile: Profile, *, font_dirs=(), strict_fonts: bool = False,
               real_date: bool = False) -> bytes:
    """The document as PDF bytes; the same input and options give the same bytes unless ``real_date``."""
    data, _warnings = render_pdf_with_warnings(doc, profile, font_dirs=font_dirs, strict_fonts=strict_fonts,
                                               real_date=real_date)
    return data


def render_pdf_with_warnings(doc: Document, profile: Profile, *, font_dirs=(), strict_fonts: bool = False,
                             real_date: bool = False) -> tuple[bytes, list[str]]:
    """``render_pdf`` and the warnings WeasyPrint logged (refused URLs, CSS it ignored); none is expected."""
    import_weasyprint()
    compact_fonts.install()
    lazy_font_data.install()
    HTML = html_class()
    fontset = resolve_fonts(profile, font_dirs=font_dirs, strict_fonts=strict_fonts)
    html = render_html(doc, profile, fontset, created=_created(real_date))
    css = render_css(profile, fontset)
    fetcher = url_fetcher(fontset)
    config = font_configuration()
    base = data_dir("templates").as_uri() + "/"
    digest = hashlib.sha256((html + css).encode("utf-8")).hexdigest()[:22].encode("ascii")
    identifier = PDF_ID_PREFIX + digest  # recognisable, so a default output is replaced only when it is ours
    quiet = _QuietWeasyPrint()
    logger = logging.getLogger("weasyprint")
    logger.addFilter(quiet)
    try:
        document = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=[stylesheet(css, base, fetcher, config, quiet.messages)], font_config=config)
        data = document.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False)
        cffi_cache.save()  # the C types WeasyPrint parsed while writing (see cffi_cache)
        return data, quiet.messages
    except Exception as exc:  # noqa: BLE001 - WeasyPrint failures become one RenderError
        raise RenderError(f"PDF rendering failed: {type(exc).__name__}: {exc}") from exc
    finally:
        logger.removeFilter(quiet)
