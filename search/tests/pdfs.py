"""Tiny PDFs for the tests: one with Danish text, one that is broken."""

from cms.demo.pdf import simple_pdf


def text_pdf(*lines: str) -> bytes:
    """A valid one-page PDF showing `lines` (WinAnsi, so æ, ø and å work)."""
    return simple_pdf(lines)


def broken_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n\x00\xff\xfe this is not a PDF body"
