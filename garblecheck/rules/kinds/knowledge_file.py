"""Reading a hand-written knowledge file (YAML) of a rule kind, naming the key of anything wrong.

A mistake in one of these files must stop the run with one line that says which file and which
key, never a traceback; the knowledge kinds (institutions, embargoes) share this reader and add
the parts their own entries need.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from garblecheck.errors import RuleError, yaml_problem
from garblecheck.rules.kinds.existence import compile_pattern


class KnowledgeReader:
    """Loads one knowledge file and validates its values key by key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, what: str) -> Any:
        """The file's YAML (safe loading only); ``what`` names its contents in the error."""
        try:
            return yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(str(self.path), f"cannot load {what}: {exc}") from None
        except yaml.YAMLError as exc:
            raise RuleError(str(self.path), f"cannot load {what}: {yaml_problem(exc)}") from None

    def fail(self, where: str, problem: str) -> RuleError:
        return RuleError(str(self.path), f"key '{where}': {problem}")

    def mapping(self, item: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        """An entry: a mapping holding no key but the ``allowed`` ones."""
        if not isinstance(item, dict):
            raise self.fail(where, "must be a mapping")
        for key in item:
            if key not in allowed:
                raise self.fail(f"{where}.{key}", "unknown key")
        return item

    def strings(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(where, "must be a list of strings")
        return value

    def regex(self, value: Any, where: str) -> re.Pattern[str]:
        if not isinstance(value, str) or not value:
            raise self.fail(where, "must be a regular expression")
        return compile_pattern(self.path, where, value)
