"""speechdoc: Chinese speeches and official documents → DOCX and PDF in the GB/T 9704-2012 format."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import ReadOptions, parse, parse_text  # noqa: E402
from .model import Document  # noqa: E402

__all__ = ["Document", "ReadOptions", "__version__", "parse", "parse_text"]
