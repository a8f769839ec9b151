"""What the readers take, by name: file suffixes and PDF backends, importable without
loading any reader (the command line lists them at start-up, before it forks the readers)."""

PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".tsv", ".text"})

BACKENDS = ("pdfplumber", "camelot", "pdfium")
DEFAULT_BACKEND = "pdfium"
"""The fastest reader that gives the same records: pdfium reads the same words and rulings as
pdfplumber (tests compare them on every PDF fixture) two to three times faster."""
