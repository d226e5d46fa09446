"""WeasyPrint's fonts read their whole file only when something needs it; the PDF is the same bytes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from speechdoc.render.lazy_font_data import LazyFileContent

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
from speechdoc import api
from speechdoc.render import lazy_font_data
from speechdoc.render.weasyprint_import import import_weasyprint
import_weasyprint()
import weasyprint.pdf.fonts as fonts
if sys.argv[1] == "off":
    lazy_font_data.install = lambda: None
real, sizes = fonts.get_hb_object_data, []
def counting(*args, **kwargs):
    data = real(*args, **kwargs)
    sizes.append(len(data or b""))
    return data
fonts.get_hb_object_data = counting
data = api.render_pdf_bytes(api.load_model(sys.argv[2]))
sys.stdout.buffer.write(json.dumps({"largest_read": max(sizes), "reads": len(sizes)}).encode() + b"\n" + data)
"""


def _render(mode: str) -> tuple[dict, bytes]:
    done = subprocess.run([sys.executable, "-c", PROBE, mode, str(ROOT / "tests/fixtures/models/every-kind.json")],
                          capture_output=True, timeout=300, check=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    head, _, pdf = done.stdout.partition(b"\n")
    return json.loads(head), pdf


def test_no_whole_font_file_is_read_and_the_pdf_is_the_same():
    lazy, lazy_pdf = _render("on")
    eager, eager_pdf = _render("off")
    assert eager["largest_read"] > 20_000_000  # WeasyPrint alone copies the 27 MB Noto Serif CJK collection
    assert lazy["largest_read"] < 1_000_000  # only the subset fonts are read out
    assert lazy_pdf == eager_pdf


def test_the_file_is_read_once_on_first_use_and_an_assignment_wins():
    reads = []

    class Font:
        file_content = LazyFileContent(lambda face: reads.append(face) or b"OTTO" + face)

        def __init__(self, face):
            self.hb_face = face

    font = Font(b"-face")
    assert reads == []
    assert font.file_content == b"OTTO-face" and font.file_content[:4] == b"OTTO"
    assert reads == [b"-face"]  # read once
    font.file_content = b"subset"
    assert font.file_content == b"subset" and reads == [b"-face"]
