"""Proofreading for official-document conventions: ``speechdoc check`` reports, ``speechdoc fix`` corrects.

One module per family of rules (numbering, punctuation, dates, placeholders, attachments, title); each is a
function from a :class:`Text` to findings. ``fixes`` applies the safe corrections that findings carry.
"""
from . import cleaner
from .finding import ERROR, WARNING, Edit, Finding
from .fixes import FixResult, fix_lines
from .runner import check_file, check_lines, has_errors

__all__ = ["cleaner", "ERROR", "WARNING", "Edit", "Finding", "FixResult", "check_file", "check_lines", "fix_lines", "has_errors"]
