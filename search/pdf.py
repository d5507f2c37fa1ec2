"""Text from attached PDF documents, read with pypdf and cached per file.

A PDF that cannot be read is logged and skipped: it never stops a page from being published
or indexed.
"""

import logging

from pypdf import PdfReader

from search.models import DocumentText
from search.text import clean_text

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARS = 200_000


def attachments_text(documents) -> str:
    return "\n".join(text for text in (document_text(document) for document in documents) if text)[:MAX_CHARS]


def document_text(document) -> str:
    """The text of a Wagtail Document if it is a readable PDF; an empty string otherwise."""
    if document is None or not document.file or not document.file.name.lower().endswith(".pdf"):
        return ""
    file_hash = document.file_hash or ""
    cached = DocumentText.objects.filter(document=document).first()
    if cached is not None and file_hash and cached.file_hash == file_hash:
        return cached.text
    readable = True
    try:
        text = read_pdf(document.file)
    except Exception as error:  # pypdf raises many kinds of errors on broken files
        logger.warning("Search skips the text of document %s (%s): %s", document.pk, document.file.name, error)
        text, readable = "", False
    DocumentText.objects.update_or_create(
        document=document, defaults={"file_hash": file_hash, "text": text, "readable": readable}
    )
    return text


def read_pdf(file) -> str:
    parts, length = [], 0
    with file.open("rb") as handle:
        reader = PdfReader(handle)
        for page in reader.pages[:MAX_PAGES]:
            page_text = " ".join(clean_text(page.extract_text() or "").split())
            parts.append(page_text)
            length += len(page_text)
            if length >= MAX_CHARS:
                break
    return "\n".join(parts)[:MAX_CHARS]
