"""Errors that reach the user as one line naming the file and the problem (exit code 2)."""

from __future__ import annotations


class GarblecheckError(Exception):
    """Base of every error the CLI turns into ``path: problem`` on stderr and exit code 2."""

    def __init__(self, path: str | None, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


class InputError(GarblecheckError):
    """A document that cannot be read: missing, empty, binary, undecodable, too large."""


class RuleError(GarblecheckError):
    """A rule file that cannot be loaded: bad YAML, unknown keys, wrong types, bad patterns."""


class ConfigError(GarblecheckError):
    """A configuration value or option that makes no sense."""


class EngineError(GarblecheckError):
    """An optional engine (a LanguageTool server, say) that is unavailable or misbehaves."""
