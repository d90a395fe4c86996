"""Configuration files: where they are and what they say, with the line of every key.

In each folder from the checked file's up to the root, ``garblecheck.toml`` (its top level) or
else a ``pyproject.toml`` with a ``[tool.garblecheck]`` table is the configuration. The first
found wins and nothing above it is read, as with ruff, so a project's settings do not depend on
where it is checked out. Every value is validated as the file is read: a key that does not
exist or a value of the wrong kind is a ConfigError naming ``file:line`` and the key.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from garblecheck.errors import ConfigError
from garblecheck.settings.keys import (
    KEYS,
    OVERRIDES,
    SEVERITY,
    THRESHOLD_KEYS,
    THRESHOLDS,
    Parse,
    is_code,
    severity,
)

NAMES = ("garblecheck.toml", "pyproject.toml")  # in this order of precedence within a folder
PYPROJECT_TABLE = ("tool", "garblecheck")

Values = dict[str, tuple[object, str]]  # flattened key -> (value, where it was set)

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_PART = re.compile(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)")
_KEY = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")


@dataclass(frozen=True)
class ConfigFile:
    """A configuration file's values and its per-path overrides (glob -> values, in file
    order; globs are matched against paths relative to the file's folder)."""

    path: Path
    values: Values
    overrides: tuple[tuple[str, Values], ...]

    @property
    def folder(self) -> Path:
        return self.path.parent


def display(path: Path) -> str:
    """A path as the user will recognise it: relative to the working folder when under it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def dotted(keys: tuple[str, ...]) -> str:
    """Keys as TOML writes them: ``overrides."drafts/*".select``."""
    return ".".join(k if _BARE.fullmatch(k) else f'"{k}"' for k in keys)


def _parts(text: str) -> tuple[str, ...]:
    return tuple(next(g for g in m.groups() if g is not None) for m in _PART.finditer(text))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line where each table and key is written (tomllib keeps no positions); a
    value in an inline table or a multi-line array gets the line of its key."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            table = _parts(header.group(1))
            lines.setdefault(table, number)
        elif assign := _ASSIGN.match(line):
            lines.setdefault((*table, *_parts(assign.group(1))), number)
    return lines


class _Reader:
    """Validates one file's table into flattened values, each with the place that set it."""

    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]) -> None:
        self.name, self.prefix, self.lines = display(path), prefix, key_lines(text)

    def where(self, keys: tuple[str, ...]) -> str:
        full = (*self.prefix, *keys)
        for n in range(len(full), 0, -1):
            if full[:n] in self.lines:
                return f"{self.name}:{self.lines[full[:n]]}"
        return self.name

    def error(self, keys: tuple[str, ...], problem: str) -> ConfigError:
        return ConfigError(self.where(keys), f"key '{dotted(keys)}': {problem}")

    def unknown(self, keys: tuple[str, ...], allowed: list[str]) -> ConfigError:
        near = difflib.get_close_matches(keys[-1], allowed, n=1)
        hint = f"did you mean '{near[0]}'?" if near else f"allowed: {', '.join(allowed)}"
        return self.error(keys, f"unknown key ({hint})")

    def parse(self, parse: Parse, raw: object, keys: tuple[str, ...], folder: Path) -> object:
        try:
            return parse(raw, folder)
        except ValueError as exc:
            raise self.error(keys, str(exc)) from None

    def table(self, raw: object, keys: tuple[str, ...], what: str) -> dict[str, object]:
        if not isinstance(raw, dict):
            raise self.error(keys, f"expected a table of {what}")
        return raw

    def values(self, table: dict[str, object], at: tuple[str, ...], folder: Path) -> Values:
        """Validated values of the top-level table (``at`` empty) or of one override."""
        allowed = [n for n, k in KEYS.items() if k.per_path or not at]
        allowed += [SEVERITY, THRESHOLDS] + ([] if at else [OVERRIDES])
        out: Values = {}
        for name, raw in table.items():
            keys = (*at, name)
            if name == SEVERITY:
                for code, value in self.table(raw, keys, "rule code = severity").items():
                    if not is_code(code):
                        raise self.error((*keys, code), "not a rule code such as 'GC101'")
                    parsed = self.parse(severity, value, (*keys, code), folder)
                    out[f"{SEVERITY}.{code}"] = (parsed, self.where((*keys, code)))
            elif name == THRESHOLDS:
                for entry, value in self.table(raw, keys, "thresholds").items():
                    if entry not in THRESHOLD_KEYS:
                        raise self.unknown((*keys, entry), list(THRESHOLD_KEYS))
                    parsed = self.parse(THRESHOLD_KEYS[entry], value, (*keys, entry), folder)
                    out[f"{THRESHOLDS}.{entry}"] = (parsed, self.where((*keys, entry)))
            elif name in allowed and name in KEYS:
                out[name] = (self.parse(KEYS[name].parse, raw, keys, folder), self.where(keys))
            elif name != OVERRIDES or at:
                raise self.unknown(keys, allowed)
        return out

    def read(self, path: Path, table: dict[str, object]) -> ConfigFile:
        overrides = self.table(table.get(OVERRIDES, {}), (OVERRIDES,), "glob = settings")
        return ConfigFile(
            path=path,
            values=self.values(table, (), path.parent),
            overrides=tuple(
                (glob, self.values(self.table(sub, (OVERRIDES, glob), "settings"),
                                   (OVERRIDES, glob), path.parent))
                for glob, sub in overrides.items()
            ),
        )


def read_config(path: Path) -> ConfigFile | None:
    """The configuration in a file; None for a ``pyproject.toml`` with no garblecheck table."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(display(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(display(path), f"not valid UTF-8 (byte {exc.start})") from None
    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(display(path), f"not valid TOML: {exc}") from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = PYPROJECT_TABLE
        tool = data.get("tool")
        found = tool.get("garblecheck") if isinstance(tool, dict) else None
        if found is None:
            return None
        data = found
    reader = _Reader(path, text, prefix)
    return reader.read(path, reader.table(data, (), "settings"))


def find_config(folder: Path, cache: dict[Path, ConfigFile | None]) -> ConfigFile | None:
    """The configuration that applies in ``folder`` (absolute), found by walking up; every
    folder walked through is remembered in ``cache``, so a tree is searched once."""
    walked: list[Path] = []
    found: ConfigFile | None = None
    for here in (folder, *folder.parents):
        if here in cache:
            found = cache[here]
            break
        walked.append(here)
        candidates = (here / name for name in NAMES)
        found = next((c for c in map(_read_if_file, candidates) if c is not None), None)
        if found is not None:
            break
    for here in walked:
        cache[here] = found
    return found


def _read_if_file(path: Path) -> ConfigFile | None:
    return read_config(path) if path.is_file() else None
