"""HTML pages: the article's main text extracted with trafilatura.

The extracted text is the document's text: offsets point into it, and the JSON report carries
it (the page's markup is not what was checked). Paragraphs are separated by a blank line, as in
scraped text files, so the segmenter reads both the same way. Title, author, date and URL from
the page's metadata go to the document's metadata.
"""

from __future__ import annotations

import json
import logging

from garblecheck.errors import InputError
from garblecheck.inputs.metadata import metadata_date, metadata_text
from garblecheck.model import Document, Metadata

EXTRACTED = "html"  # Metadata.extra["extracted_from"]: the text is not the file's content


def _extract(html: str) -> dict[str, object] | None:
    import trafilatura  # imported here: it is slow to import and only pages need it

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    found = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False
    )
    if not found:
        return None
    record = json.loads(found)
    return record if isinstance(record, dict) else None


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line) + "\n"


def document_from_html(html: str, path: str | None, encoding: str = "utf-8") -> Document:
    """The article of an HTML page as a Document; a page with no article text is an
    InputError."""
    try:
        record = _extract(html)
    except Exception as exc:  # a parser failure on one page must not end a batch
        raise InputError(path, f"cannot extract the article from the HTML: {exc}") from None
    text = metadata_text(record.get("text")) if record else None
    if record is None or text is None:
        raise InputError(path, "no article text found in the HTML page")
    meta = Metadata(
        title=metadata_text(record.get("title")),
        date=metadata_date(record.get("date")),
        url=metadata_text(record.get("url")) or metadata_text(record.get("source")),
        author=metadata_text(record.get("author")),
        encoding=encoding,
        extra={"extracted_from": EXTRACTED},
    )
    return Document(text=_paragraphs(text), path=path, meta=meta)


def looks_like_html(text: str) -> bool:
    """Whether text read from stdin (which has no file name) is an HTML page."""
    head = text[:512].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))
