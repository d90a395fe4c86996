"""Real-world inputs: text, markdown, HTML pages, JSONL, stdin and folders, as Documents.

``iter_documents`` is lazy: a folder of thousands of files or a JSONL file of any size is read
one article at a time, and an unreadable file or line is yielded as an InputError in its place
so the run reports it and goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from garblecheck.errors import InputError
from garblecheck.inputs import jsonl
from garblecheck.inputs.discover import expand
from garblecheck.inputs.options import Fields, InputOptions
from garblecheck.inputs.readers import read_file
from garblecheck.model import Document

__all__ = ["Fields", "InputOptions", "Item", "iter_documents", "read_file"]

Item = tuple[Document, Document | None] | InputError


def iter_documents(paths: Iterable[str], options: InputOptions | None = None) -> Iterator[Item]:
    """Each document with its own source (JSONL records may carry one), or an InputError."""
    options = options or InputOptions()
    for path in expand(paths, options):
        if isinstance(path, InputError):
            yield path
        elif path.lower().endswith(jsonl.SUFFIXES):
            yield from jsonl.iter_jsonl(path, options.fields, options.limit(path), read_file)
        else:
            try:
                yield read_file(path, options.limit(path)), None
            except InputError as exc:
                yield exc
