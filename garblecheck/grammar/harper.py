"""Harper (harper-py): a fast offline grammar checker, embedded, on by default.

Harper's spell checker flags names and British spellings; the rule files keep its grammar
groups and only the misspellings of unknown lower-case words. Building a linter reads Harper's
dictionary (about half a second), so one is built per dialect, on first use, and reused.
"""

from __future__ import annotations

from typing import Any

from garblecheck.errors import EngineError
from garblecheck.grammar.base import Match

MISSING = (
    "the Harper grammar engine is not installed (pip install harper-py); "
    "run with --no-grammar to check without it"
)


class HarperEngine:
    """Harper over a whole document, in the dialect of its locale."""

    name = "harper"

    def __init__(self) -> None:
        self._linters: dict[int, Any] = {}

    def _linter(self, locale: str | None) -> Any:
        try:
            import harper
        except ImportError:
            raise EngineError(None, MISSING) from None
        dialect = harper.Dialect.BRITISH if locale == "en-GB" else harper.Dialect.AMERICAN
        linter = self._linters.get(dialect)
        if linter is None:
            linter = self._linters[dialect] = harper.Linter(dialect)
        return linter

    def check(self, text: str, locale: str | None) -> list[Match]:
        linter = self._linter(locale)
        try:
            by_rule = linter.organized_lints(text, language="plaintext")
        except (RuntimeError, ValueError) as exc:
            raise EngineError(None, f"Harper failed: {exc}") from None
        return [
            Match(
                rule=rule,
                category=lint.lint_kind,
                start=lint.span.start,
                end=lint.span.end,
                message=lint.message,
                replacements=tuple(
                    s.replacement_text for s in lint.suggestions if s.replacement_text
                ),
            )
            for rule, lints in by_rule.items()
            for lint in lints
        ]
