"""What a run is told about its inputs: which files of a folder to read, and the field names
of JSONL records. A value object, so the CLI and the Python API build it the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from garblecheck.errors import ConfigError
from garblecheck.ingest import DEFAULT_MAX_BYTES

DEFAULT_INCLUDE = (
    "*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl", "*.ndjson"
)


@dataclass(frozen=True)
class Fields:
    """Which key of a JSONL record holds what. ``source_text``/``source_path`` give the record's
    own source for compare mode (a path relative to the JSONL file's folder)."""

    id: str = "id"
    text: str = "text"
    url: str = "url"
    date: str = "date"
    title: str = "title"
    author: str = "author"
    source_text: str = "source_text"
    source_path: str = "source_path"

    @classmethod
    def parse(cls, pairs: list[str]) -> Fields:
        """Fields from ``name=key`` pairs (``text=body``); anything else is a ConfigError."""
        names = set(cls.__dataclass_fields__)
        given: dict[str, str] = {}
        for pair in pairs:
            name, sep, key = pair.partition("=")
            name, key = name.strip(), key.strip()
            if not sep or not key or name not in names:
                known = ", ".join(sorted(names))
                raise ConfigError("--field", f"{pair!r}: expected NAME=KEY, NAME one of {known}")
            given[name] = key
        return cls(**given)


@dataclass(frozen=True)
class InputOptions:
    """``include``/``exclude`` are globs matched against a file's path relative to the folder
    given (and against its name alone); they only filter what a folder expands to: a file named
    on the command line is always read."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES  # per file; per record for JSONL
    # the limit of one path when files carry their own configuration (garblecheck.toml)
    limit_for: Callable[[str], int] | None = None

    def limit(self, path: str) -> int:
        """The byte limit that applies to ``path``."""
        return self.limit_for(path) if self.limit_for is not None else self.max_bytes
