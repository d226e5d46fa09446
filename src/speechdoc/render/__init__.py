"""Renderers: the document model → a Word file (``docx``) or a PDF (``pdf``)."""
