"""The scan's output: one JSON line per article, appended as results arrive.

Each line is written whole and flushed at once, so a run killed at any moment leaves at most a
torn last line; the file is synced to disk at most once a second (every line would cost a disk
flush per article) and when the run ends. Resuming reads the lines already written, cuts off a
torn last line, and returns the ids to skip.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from garblecheck.errors import InputError

_SYNC_EVERY = 1.0  # seconds


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of an earlier run's output, in order; a torn last line (a run killed while
    writing it) is cut off the file. A broken line before the last one is an InputError."""
    try:
        fh = path.open("r+b")
    except FileNotFoundError:
        return
    with fh:
        good = 0
        for lineno, raw in enumerate(fh, 1):
            row = _parse(raw)
            if row is None:
                if fh.read(1):
                    raise InputError(f"{path}:{lineno}", "not a scan output line: cannot resume")
                break
            good += len(raw)
            yield row
        fh.truncate(good)


def _parse(raw: bytes) -> dict[str, Any] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        row = json.loads(raw)
    except ValueError:
        return None
    return row if isinstance(row, dict) and isinstance(row.get("id"), str) else None


class RowWriter:
    """Appends rows to the output file (or writes them to stdout); never writes an id twice."""

    def __init__(self, path: Path | None, *, append: bool, written: set[str]) -> None:
        self.path = path
        self._fh: IO[str] = (
            sys.stdout if path is None
            else path.open("a" if append else "w", encoding="utf-8")
        )
        self.written = written
        self._synced = time.monotonic()

    def write(self, row_id: str, line: str) -> bool:
        """Append one row unless its id is in the file already; False when skipped."""
        if row_id in self.written:
            return False
        self._fh.write(line + "\n")
        self._fh.flush()
        self.written.add(row_id)
        if self.path is not None and time.monotonic() - self._synced >= _SYNC_EVERY:
            os.fsync(self._fh.fileno())
            self._synced = time.monotonic()
        return True

    def write_error(self, row_id: str, path: str | None, error: str) -> bool:
        """An error row: the article that could not be read or checked, and why."""
        line = json.dumps({"id": row_id, "path": path, "error": error}, ensure_ascii=False)
        return self.write(row_id, line)

    def close(self) -> None:
        if self.path is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
