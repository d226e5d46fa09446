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
