"""Hostile input: text that looks like markup, entities or template syntax is text. It appears literally in
both outputs, is never interpreted, and makes the PDF renderer fetch nothing outside speechdoc's own
templates and fonts."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT, run_cli
from .helpers import docx_text, pdf_text

HOSTILE = [
    '<img src="file:///etc/passwd">',
    "<script>alert(1)</script>",
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    '<svg onload="alert(1)"><image href="file:///etc/hostname"/></svg>',
    "<style>@import url(file:///etc/passwd);</style>",
    "{{ 7*7 }}",
    "{% include '/etc/passwd' %}",
    "{# comment #}",
    "${7*7}",
    "#{7*7}",
    "%s %d {0} {name}",
    "&lt;b&gt; &amp; &#x41; &nbsp;",
    "<![CDATA[x]]> ]]> <?xml version='1.0'?>",
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "<w:t>x</w:t> <w:br/>",
    "</body></html>",
    "url(file:///etc/passwd) \\\\ \\",
]
TEXT = "关于测试特殊字符的通知\n\n各单位：\n" + "\n".join(HOSTILE) + "\n以上内容均为正文。\n"
SECRET = Path("/etc/passwd").read_text(errors="replace").split(":")[0] if Path("/etc/passwd").exists() else "root"

needs_pdf = pytest.mark.skipif(importlib.util.find_spec("speechdoc.render.pdf") is None,
                               reason="the PDF renderer has not landed")


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    src.write_text(TEXT, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def hostile_docx(hostile_file) -> bytes:
    out = hostile_file.with_suffix(".docx")
    result = run_cli("to-docx", str(hostile_file), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out.read_bytes()


@pytest.mark.parametrize("snippet", HOSTILE)
def test_docx_shows_markup_literally(hostile_docx, snippet):
    assert flat(snippet) in flat(docx_text(hostile_docx))


def test_docx_xml_holds_the_markup_escaped(hostile_docx):
    import zipfile
    from io import BytesIO

    xml = zipfile.ZipFile(BytesIO(hostile_docx)).read("word/document.xml").decode()
    assert "<script>" not in xml and "<img " not in xml and "&lt;script&gt;" in xml
    assert "{{ 7*7 }}" in xml and "49" not in docx_text(hostile_docx)


def test_model_json_keeps_markup_as_text(hostile_file):
    result = run_cli("inspect", "--json", str(hostile_file))
    texts = " ".join(b["text"] for b in json.loads(result.stdout)["blocks"])
    for snippet in HOSTILE:
        assert flat(snippet) in flat(texts)


# ---------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def hostile_pdf(hostile_file) -> bytes:
    out = hostile_file.with_suffix(".pdf")
    result = run_cli("to-pdf", str(hostile_file), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out.read_bytes()


@needs_pdf
@pytest.mark.parametrize("snippet", HOSTILE)
def test_pdf_shows_markup_literally(hostile_pdf, snippet):
    assert flat(snippet) in flat(pdf_text(hostile_pdf))


@needs_pdf
def test_pdf_runs_no_template_and_embeds_nothing_fetched(hostile_pdf):
    import fitz

    text = flat(pdf_text(hostile_pdf))
    assert "49" not in text
    pdf = fitz.open(stream=hostile_pdf, filetype="pdf")
    assert all(not page.get_images() for page in pdf)  # no <img> was loaded
    assert SECRET + ":x:" not in text


SPY = r"""
import json, sys
events = []
def spy(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        events.append([PHASE[0], "open", str(args[0])])
    elif event == "urllib.Request":
        events.append([PHASE[0], "fetch", str(args[0])])
    elif event in ("socket.connect", "socket.getaddrinfo"):
        events.append([PHASE[0], "fetch", f"{event}: {args[:2]}"])
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
        events.append([PHASE[0], "exec", repr(args[:2])])
PHASE = ["start"]
sys.addaudithook(spy)
if sys.argv[1] == "--raw-weasyprint":  # the control: WeasyPrint on its own does fetch
    from weasyprint import HTML
    PHASE[0] = "render"
    HTML(string='<img src="file:///etc/passwd"><link rel=stylesheet href="file:///etc/hostname">').write_pdf()
else:
    from speechdoc import api
    from speechdoc.style import load_profile
    doc = api.parse(sys.argv[1])
    profile = load_profile(None, sys.argv[2:])
    api.render_pdf_bytes(doc, profile)          # the first render: imports, font discovery, caches
    PHASE[0] = "render"
    api.render_pdf_bytes(doc, profile)
print(json.dumps(events))
"""
SECRETS = ("/etc/passwd", "/etc/hostname")


def spy_on_pdf_render(src: Path | str, *sets: str) -> list[tuple[str, str, str]]:
    """(phase, "open" | "fetch", path or URL) for every file opened and URL fetched in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    result = subprocess.run([sys.executable, "-c", SPY, str(src), *sets], env=env, capture_output=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    return [tuple(e) for e in json.loads(result.stdout.decode().splitlines()[-1])]


def outside_project(paths: list[str]) -> list[str]:
    """Paths that are neither speechdoc's templates nor a font file."""
    from speechdoc.resources import data_dir

    templates = str(data_dir("templates").resolve())
    fonts = (".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2")
    return [p for p in paths
            if not str(Path(p.removeprefix("file://")).resolve()).startswith(templates)
            and not p.lower().endswith(fonts)]


def secrets_touched(events) -> list[str]:
    return [what for _, _, what in events if any(s in what for s in SECRETS)]


@needs_pdf
def test_the_spy_sees_what_weasyprint_fetches():
    """The control for the two tests below: unguarded, WeasyPrint opens the files the markup names."""
    events = spy_on_pdf_render("--raw-weasyprint")
    assert secrets_touched(events)


@needs_pdf
def test_pdf_render_opens_and_fetches_nothing_outside(hostile_file):
    """An audit hook watches every file Python opens and every URL fetched while the PDF renders."""
    events = spy_on_pdf_render(hostile_file)
    assert secrets_touched(events) == []
    assert outside_project([what for _, kind, what in events if kind == "fetch"]) == []
    rendering = [what for phase, kind, what in events if phase == "render" and kind == "open"
                 and not what.endswith((".py", ".pyc"))]
    assert outside_project(rendering) == []
    assert [e for e in events if e[0] == "render" and e[1] == "exec"] == []


@needs_pdf
def test_profile_values_cannot_inject_css(hostile_file):
    """A font name or page-number dash from --set lands in the CSS as a string, not as rules that fetch."""
    attack = "x'); } @import url(file:///etc/passwd); p { background: url(file:///etc/hostname); x: ('"
    events = spy_on_pdf_render(hostile_file, f"fonts.fangsong.word={attack}", f"page.number.dash={attack}")
    assert secrets_touched(events) == []
    assert outside_project([what for _, kind, what in events if kind == "fetch"]) == []
