"""One parsed stylesheet per CSS text and process; its parse warnings are reported for every document."""
from __future__ import annotations

import logging

from speechdoc.render import pdf


class FakeCSS:
    made = 0

    def __init__(self, **kwargs):
        FakeCSS.made += 1
        logging.getLogger("weasyprint").warning("ignored declaration")


def test_a_stylesheet_is_parsed_once_and_its_warnings_repeat(monkeypatch):
    import weasyprint

    monkeypatch.setattr(weasyprint, "CSS", FakeCSS)
    monkeypatch.setattr(pdf, "_STYLESHEETS", {})
    first, second = [], []

    class Keep(logging.Filter):  # as render_pdf_with_warnings collects WeasyPrint's log for one document
        target = first

        def filter(self, record):
            self.target.append(record.getMessage())
            return False

    keep = Keep()
    logging.getLogger("weasyprint").addFilter(keep)
    try:
        a = pdf.stylesheet("p {}", "file:///", None, None, first)
        keep.target = second
        b = pdf.stylesheet("p {}", "file:///", None, None, second)
        keep.target = third = []
        c = pdf.stylesheet("q {}", "file:///", None, None, third)
    finally:
        logging.getLogger("weasyprint").removeFilter(keep)
    assert a is b and a is not c and FakeCSS.made == 2
    assert first == second == third == ["ignored declaration"]


def test_the_temporary_font_folder_is_removed_at_exit():
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    code = ("from speechdoc import model; from speechdoc.render import pdf; from speechdoc.style import load_profile\n"
            "pdf.render_pdf(model.Document(blocks=(model.Block('paragraph', '正文2024'),)), load_profile())\n"
            "print(pdf._FONT_CONFIG._folder)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    folder = Path(done.stdout.strip().splitlines()[-1])
    assert folder.name.startswith("weasyprint-") and not folder.exists()
