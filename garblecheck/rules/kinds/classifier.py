"""The ``classifier`` kind: rules whose findings come from the sentence classifier (GC8xx).

The classifier analyser (``garblecheck.classify.analyser``) scores every sentence with the
shipped model and words its findings from these rule files; the rule engine never runs them.
This kind lets the loader accept the files (name, severity, message, documentation, examples)
and says which model each code reports.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.errors import RuleError
from garblecheck.rules.base import RuleKind, register

# the model behind each code: sentences without an aligned source, and sentences with one
MODELS = {"GC801": "reference_free", "GC802": "with_source"}


@register
class ClassifierKind(RuleKind):
    """A classifier rule: documentation, examples, and the message its findings open with."""

    kind: ClassVar[str] = "classifier"
    origin = "classifier"
    runs_in_engine: ClassVar[bool] = False

    def prepare(self) -> None:
        if self.spec.code not in MODELS:
            raise RuleError(
                str(self.spec.path),
                f"key 'code': the classifier reports {', '.join(MODELS)} only",
            )
