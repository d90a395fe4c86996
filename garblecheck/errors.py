"""Errors that reach the user as one line naming the file and the problem (exit code 2)."""

from __future__ import annotations


class GarblecheckError(Exception):
    """Base of every error the CLI turns into ``path: problem`` on stderr and exit code 2."""

    def __init__(self, path: str | None, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


def yaml_problem(exc: Exception) -> str:
    """One line for a YAML parse error: PyYAML's message spans several lines (context, the
    offending line, a caret), where the CLI prints one."""
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}: " if mark is not None else ""
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return f"{where}invalid YAML: {problem}"


class InputError(GarblecheckError):
    """A document that cannot be read: missing, empty, binary, undecodable, too large."""


class RuleError(GarblecheckError):
    """A rule file that cannot be loaded: bad YAML, unknown keys, wrong types, bad patterns."""


class ConfigError(GarblecheckError):
    """A configuration value or option that makes no sense."""


class EngineError(GarblecheckError):
    """An optional engine (a LanguageTool server, say) that is unavailable or misbehaves."""
