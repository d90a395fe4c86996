"""One file (or stdin) to one Document, by its kind: HTML page, markdown draft or plain text."""

from __future__ import annotations

from garblecheck.errors import InputError
from garblecheck.ingest import DEFAULT_MAX_BYTES, read_text
from garblecheck.inputs import jsonl, markdown
from garblecheck.inputs.html import document_from_html, looks_like_html
from garblecheck.model import Document, Metadata

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The Document of a single-article file; ``-`` is stdin, read as HTML when it is a page.
    A JSONL file holds many articles, so it is refused here (see ``iter_documents``)."""
    lower = path.lower()
    if lower.endswith(jsonl.SUFFIXES):
        raise InputError(path, "a JSONL file holds many articles: give it as an input to check")
    text, encoding = read_text(path, max_bytes)
    name = None if path == "-" else path
    if lower.endswith(HTML_SUFFIXES) or (path == "-" and looks_like_html(text)):
        return document_from_html(text, name, encoding)
    if lower.endswith(markdown.SUFFIXES):
        return markdown.document_from_markdown(text, name, encoding)
    return Document(text=text, path=name, meta=Metadata(encoding=encoding))
