"""The ``compare`` kind: rules whose findings come from compare mode (GC7xx).

The compare analyser (``garblecheck.comparison.differences``) classifies the differences between
a copy and its source and words each finding from the rule file of its family; the rule engine
never runs these rules itself. This kind lets the loader accept the files (name, severity,
message, documentation, examples with a ``source:``) and checks their message templates.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.rules.base import RuleKind, register

# what a compare message may quote: the copy's words and the source's words in that place
PLACEHOLDERS = frozenset({"copy", "source"})


@register
class CompareKind(RuleKind):
    """A compare-mode rule: documentation, examples and the message template."""

    kind: ClassVar[str] = "compare"
    origin = "compare"
    runs_in_engine: ClassVar[bool] = False
    placeholders: ClassVar[frozenset[str] | None] = PLACEHOLDERS
