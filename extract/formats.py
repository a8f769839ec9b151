"""What the readers take, by name: file suffixes and PDF backends, importable without
loading any reader (the command line lists them at start-up, before it forks the readers)."""

PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".tsv", ".text"})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
OFFICE_SUFFIXES = frozenset({".doc", ".odt", ".rtf"})
"""Read through LibreOffice (`soffice`), converted to .docx in a temporary folder."""

BACKENDS = ("pdfplumber", "camelot", "pdfium")
DEFAULT_BACKEND = "pdfium"
"""The fastest reader that gives the same records: pdfium reads the same words and rulings as
pdfplumber (tests compare them on every PDF fixture) two to three times faster."""
