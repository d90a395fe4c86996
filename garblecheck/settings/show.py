"""``garblecheck config``: the effective configuration of a path, each value with its origin."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum

from garblecheck.settings.files import PYPROJECT_TABLE, display
from garblecheck.settings.keys import SEVERITY, THRESHOLDS
from garblecheck.settings.resolve import Resolved

_COLUMN = 44


def _value(name: str, value: object) -> str:
    """A value as it would be written in the configuration file."""
    if name == "fail-on" and value is None:
        return '"never"'
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return json.dumps(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return json.dumps([_plain(v) for v in value], ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _line(key: str, text: str, origin: str) -> str:
    return f"{f'{key} = {text}':<{_COLUMN}} # {origin}"


def format_settings(resolved: Resolved, path: str) -> str:
    """The configuration that applies to ``path``, in the configuration file's own syntax."""
    found = resolved.file
    lines = [f"# effective configuration for {path}"]
    if found is None:
        lines.append("# no configuration file found: defaults and options only")
    else:
        table = f" [{'.'.join(PYPROJECT_TABLE)}]" if found.path.name == "pyproject.toml" else ""
        lines.append(f"# from {display(found.path)}{table}")
    tables: dict[str, list[str]] = {SEVERITY: [], THRESHOLDS: []}
    for name, (value, origin) in sorted(resolved.values.items()):
        table, _, entry = name.partition(".")
        if entry and table in tables:
            tables[table].append(_line(entry, _value(entry, value), origin))
        else:
            lines.append(_line(name, _value(name, value), origin))
    for table, entries in tables.items():
        if entries:
            lines += ["", f"[{table}]", *entries]
    return "\n".join(lines) + "\n"
