"""Articles as they travel between the parent and the workers, and a spill file that holds them
between the two passes.

Workers get plain tuples (id, path, text, metadata), never Documents with their caches, so the
same batches go to a local process pool or over the network to a Dask cluster. The parent keeps
no texts in memory: each article is appended to a temporary file once and read back for pass 2,
so memory stays flat however large the crawl.
"""

from __future__ import annotations

import pickle
import tempfile
from typing import NamedTuple

from garblecheck.model import Document, Metadata


class Article(NamedTuple):
    """One article: ``named`` when the user gave it as a source (``--source-dir``);
    ``own_source`` the id of the source its JSONL record names, if any."""

    id: str
    path: str | None
    text: str
    meta: Metadata
    named: bool = False
    own_source: str | None = None

    def document(self) -> Document:
        """A fresh Document (segmented by the worker's pipeline)."""
        return Document(text=self.text, path=self.path, meta=self.meta)


def article_id(doc: Document) -> str:
    """A record's own id, else its name (``file`` or ``file.jsonl#L7``)."""
    return doc.meta.extra.get("id") or doc.path or "<stdin>"


class SpillStore:
    """Pickled values appended to a temporary file, read back by key; the file goes when
    closed."""

    def __init__(self) -> None:
        self._fh = tempfile.TemporaryFile(prefix="garblecheck-scan-")  # noqa: SIM115
        self._where: dict[str, tuple[int, int]] = {}

    def put(self, key: str, value: object) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._fh.seek(0, 2)
        self._where[key] = (self._fh.tell(), len(data))
        self._fh.write(data)

    def get(self, key: str) -> object | None:
        if key not in self._where:
            return None
        offset, size = self._where[key]
        self._fh.seek(offset)
        value: object = pickle.loads(self._fh.read(size))
        return value

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def close(self) -> None:
        self._fh.close()
