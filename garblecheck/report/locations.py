"""Where a finding lies in the file a CI system knows, which is not always the checked text: a
JSONL record (``file#L12``) and the text extracted from an HTML page have offsets of their own,
so annotating the file at those lines would point at the wrong place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from garblecheck.model import Document

_RECORD = re.compile(r"^(?P<file>.+)#L(?P<line>[0-9]+)$")


@dataclass(frozen=True)
class Place:
    """A span as a file position: 1-based lines and columns, ``end_column`` inclusive (the last
    character's). ``file`` is None for stdin; ``column`` is None when only the line (a JSONL
    record's) or nothing (an extracted page) is known, and ``note`` then says where in the
    text the span is."""

    file: str | None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    note: str = ""


def place(doc: Document, start: int, end: int) -> Place:
    """The position of ``doc.text[start:end]`` in the file the document came from."""
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end - 1) if end > start else (line, column)
    path = doc.path
    record = _RECORD.match(path) if path else None
    if record is not None:
        note = f"record text line {line}, column {column}"
        return Place(record["file"], int(record["line"]), note=note)
    if "extracted_from" in doc.meta.extra:
        return Place(path, note=f"extracted text line {line}, column {column}")
    return Place(path, line, column, end_line, end_column)
