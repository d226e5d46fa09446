"""Layout decisions both renderers share, so the DOCX and the PDF break lines the same way."""
