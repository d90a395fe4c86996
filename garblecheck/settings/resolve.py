"""The effective configuration of each checked file, and where each of its values came from.

Layers, each overriding the one before: the defaults, the configuration file found by walking
up from the file (or the one given with ``--config``), the file's override sections whose glob
matches the path, and the options given on the command line. Tables (``severity``,
``thresholds``) are merged entry by entry; every other value is replaced whole.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from garblecheck.config import Config
from garblecheck.errors import ConfigError
from garblecheck.inputs.discover import matches
from garblecheck.settings.files import ConfigFile, Values, find_config, read_config
from garblecheck.settings.keys import KEYS, build, defaults

DEFAULT = "default"


@dataclass(frozen=True)
class Resolved:
    """One file's configuration: the Config, the globs that select files in folders, and the
    origin of every value (``default``, ``file:line`` or the command-line option)."""

    config: Config
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    values: Values
    file: ConfigFile | None


def cli_values(given: dict[str, object]) -> Values:
    """Command-line values (by key name) validated like file values, each naming its option."""
    out: Values = {}
    for name, raw in given.items():
        option = f"--{name}"
        try:
            out[name] = (KEYS[name].parse(raw, Path.cwd()), option)
        except ValueError as exc:
            raise ConfigError(option, str(exc)) from None
    return out


class Settings:
    """Finds and layers the configuration of every path a run checks; files of one folder
    share the search, and equal layerings share one Resolved."""

    def __init__(self, *, config_file: str | Path | None = None, cli: Values | None = None) -> None:
        self.cli = cli or {}
        self.fixed: ConfigFile | None = None
        self.use_fixed = config_file is not None
        if config_file is not None:
            path = Path(config_file).absolute()
            if not path.is_file():
                raise ConfigError(str(config_file), "no such configuration file")
            self.fixed = read_config(path)
            if self.fixed is None:
                raise ConfigError(str(config_file), "no [tool.garblecheck] table")
        self._folders: dict[Path, ConfigFile | None] = {}
        self._resolved: dict[tuple[Path | None, tuple[str, ...]], Resolved] = {}

    def file_for(self, path: str | None) -> ConfigFile | None:
        """The configuration file that applies to a path (a file or a folder; None or ``-``
        for stdin, which gets the working folder's)."""
        if self.use_fixed:
            return self.fixed
        target = Path(file_part(path)).absolute() if path not in (None, "-") else Path.cwd()
        folder = target if target.is_dir() else target.parent
        return find_config(folder, self._folders)

    def resolve(self, path: str | None = None) -> Resolved:
        """The configuration for a path (see ``file_for``)."""
        found = self.file_for(path)
        matched: tuple[str, ...] = ()
        if found is not None and path not in (None, "-"):
            relative = _relative(Path(file_part(str(path))).absolute(), found.folder)
            matched = tuple(glob for glob, _ in found.overrides if matches(relative, [glob]))
        key = (found.path if found else None, matched)
        if key not in self._resolved:
            self._resolved[key] = self._layer(found, matched)
        return self._resolved[key]

    def config_for(self, path: str | None) -> Config:
        return self.resolve(path).config

    def _layer(self, found: ConfigFile | None, matched: tuple[str, ...]) -> Resolved:
        values: Values = {name: (value, DEFAULT) for name, value in defaults().items()}
        if found is not None:
            values.update(found.values)
            overrides = dict(found.overrides)
            for glob in matched:
                values.update(overrides[glob])
        values.update(self.cli)
        plain = {name: value for name, (value, _) in values.items()}
        return Resolved(
            config=build({n: v for n, v in plain.items() if n not in ("include", "exclude")}),
            include=plain["include"],  # type: ignore[arg-type]
            exclude=plain["exclude"],  # type: ignore[arg-type]
            values=values,
            file=found,
        )


def file_part(path: str) -> str:
    """The file of a JSONL record's name (``dump.jsonl#L3``)."""
    head, sep, tail = path.rpartition("#L")
    return head if sep and tail.isdigit() else path


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return os.path.relpath(path, folder).replace(os.sep, "/")

