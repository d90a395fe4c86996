"""JSONL: one article a line, read lazily so a file of any size runs in flat memory.

A line that is not a JSON object with a text is an InputError naming ``file:line``; the lines
after it are still read. A record's document is named ``file#Lline`` (its ``id`` goes to its
metadata), so ``path:line:col`` output stays readable: line and column are in the record's
text. A record may carry its own source (its text, or a path relative to the JSONL file's
folder) for compare mode in bulk.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import BinaryIO

from garblecheck.errors import InputError
from garblecheck.inputs.metadata import metadata_date, metadata_text
from garblecheck.inputs.options import Fields
from garblecheck.model import Document, Metadata

SUFFIXES = (".jsonl", ".ndjson")
_SOURCE_CACHE = 8  # sources read from files, kept for the records that share them
_CHUNK = 1 << 20

Pair = tuple[Document, Document | None]
ReadFile = Callable[[str, int], Document]


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line; None for a line over ``max_bytes``, which is
    skipped without being held in memory."""
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
            continue
        yield lineno, line


def _string(record: dict[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f"field {key!r} is {type(value).__name__}, not a string")
    return value


class _Sources:
    """The sources named by ``source_path``, read once each while records keep naming them."""

    def __init__(self, folder: str, read_file: ReadFile, max_bytes: int) -> None:
        self.folder, self.read_file, self.max_bytes = folder, read_file, max_bytes
        self.cache: OrderedDict[str, Document] = OrderedDict()

    def get(self, name: str, where: str) -> Document:
        path = os.path.join(self.folder, name)
        if path in self.cache:
            self.cache.move_to_end(path)
            return self.cache[path]
        try:
            doc = self.read_file(path, self.max_bytes)
        except InputError as exc:
            raise InputError(where, f"source {name}: {exc.problem}") from None
        self.cache[path] = doc
        if len(self.cache) > _SOURCE_CACHE:
            self.cache.popitem(last=False)
        return doc


def _record(raw: bytes, where: str, name: str, fields: Fields, sources: _Sources) -> Pair:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not valid UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    text = _string(record, fields.text, where)
    if text is None:
        raise InputError(where, f"no {fields.text!r} field (set its name with --field text=KEY)")
    if not text.strip():
        raise InputError(where, f"empty {fields.text!r} field")
    meta = Metadata(
        title=metadata_text(record.get(fields.title)),
        date=metadata_date(record.get(fields.date)),
        url=metadata_text(record.get(fields.url)),
        author=metadata_text(record.get(fields.author)),
    )
    ident = metadata_text(record.get(fields.id))
    if ident is not None:
        meta.extra["id"] = ident
    source: Document | None = None
    source_text = _string(record, fields.source_text, where)
    source_path = _string(record, fields.source_path, where)
    if source_text is not None and source_text.strip():
        source = Document(text=source_text, path=f"{name}:{fields.source_text}")
    elif source_path:
        source = sources.get(source_path, where)
    return Document(text=text, path=name, meta=meta), source


def iter_jsonl(
    path: str, fields: Fields, max_bytes: int, read_file: ReadFile
) -> Iterator[Pair | InputError]:
    """Each record of a JSONL file with its source, or the error of its line, lazily.
    ``read_file`` reads the files named by ``source_path``."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is consumed
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    sources = _Sources(os.path.dirname(path), read_file, max_bytes)
    with fh:
        for lineno, raw in _lines(fh, max_bytes):
            where = f"{path}:{lineno}"
            if raw is None:
                yield InputError(where, f"line over the {max_bytes:,}-byte limit")
                continue
            if not raw.strip():
                continue
            try:
                yield _record(raw, where, f"{path}#L{lineno}", fields, sources)
            except InputError as exc:
                yield exc
