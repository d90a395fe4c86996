"""Markdown drafts: the text exactly as read, with metadata from the YAML front matter.

The segmenter keeps front matter and fenced code as non-prose blocks, so offsets stay offsets
into the file and no check reads them as sentences; here only the front matter's ``title``,
``author`` and ``url`` are read (its ``date`` is found by the date finder, as for any text).
Front matter that is not valid YAML is left alone: a draft is still checked.
"""

from __future__ import annotations

import re

import yaml

from garblecheck.inputs.metadata import metadata_text
from garblecheck.model import Document, Metadata

SUFFIXES = (".md", ".markdown")
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str) -> dict[str, object]:
    """The front matter's mapping, or an empty one."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def document_from_markdown(text: str, path: str | None, encoding: str = "utf-8") -> Document:
    """A markdown draft as a Document, its text unchanged."""
    fm = front_matter(text)
    meta = Metadata(
        title=metadata_text(fm.get("title")),
        author=metadata_text(fm.get("author")),
        url=metadata_text(fm.get("url") or fm.get("canonical_url")),
        encoding=encoding,
    )
    return Document(text=text, path=path, meta=meta)
