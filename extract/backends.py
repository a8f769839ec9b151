"""The PDF backends by name, importable without loading any of them (the command line lists
them at start-up)."""

BACKENDS = ("pdfplumber", "camelot", "pdfium")
DEFAULT_BACKEND = BACKENDS[0]
