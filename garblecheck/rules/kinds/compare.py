"""The ``compare`` kind: rules whose findings come from compare mode (GC7xx).

The compare analyser (``garblecheck.comparison.differences``) classifies the differences between
a copy and its source and words each finding from the rule file of its family; the rule engine
never runs these rules itself. This kind lets the loader accept the files (name, severity,
message, documentation, examples with a ``source:``) and checks their message templates.
"""

from __future__ import annotations

from string import Formatter
from typing import ClassVar

from garblecheck.errors import RuleError
from garblecheck.rules.base import RuleKind, register

# what a compare message may quote: the copy's words and the source's words in that place
PLACEHOLDERS = frozenset({"copy", "source"})


@register
class CompareKind(RuleKind):
    """A compare-mode rule: documentation, examples and the message template."""

    kind: ClassVar[str] = "compare"
    origin = "compare"
    runs_in_engine: ClassVar[bool] = False

    def prepare(self) -> None:
        try:
            fields = {f for _, f, _, _ in Formatter().parse(self.spec.message) if f is not None}
        except ValueError as exc:
            raise RuleError(str(self.spec.path), f"key 'message': {exc}") from None
        unknown = fields - PLACEHOLDERS
        if unknown:
            raise RuleError(
                str(self.spec.path),
                f"key 'message': unknown placeholder {{{sorted(unknown)[0]}}} "
                f"(allowed: {', '.join(sorted(PLACEHOLDERS))})",
            )
