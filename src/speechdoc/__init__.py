"""speechdoc: Chinese speeches and official documents → DOCX and PDF in the GB/T 9704-2012 format."""
from __future__ import annotations

__version__ = "0.1.0"

# The parser package is loaded first: importing it later would rebind ``speechdoc.parse`` from the function
# below to the package (Python sets a subpackage as an attribute of its parent when it is first imported).
from . import parse as _parser_package  # noqa: E402,F401
from .api import ReadOptions, convert_many, parse, parse_text, to_docx, to_pdf  # noqa: E402
from .model import Document, Meta  # noqa: E402
from .style import Profile, load_profile  # noqa: E402

__all__ = ["Document", "Meta", "Profile", "ReadOptions", "__version__", "convert_many", "load_profile", "parse",
           "parse_text", "to_docx", "to_pdf"]
