"""The ``corpus`` kind: rules whose findings come from comparing the articles of a scan
(GC151-GC153, ``garblecheck.corpus``).

One article cannot disagree with a corpus, so the rule engine never runs these rules; the scan
aggregates every article's facts and words the findings from these files. This kind lets the
loader accept them and checks what the consensus reads from them: which comparison the rule
is (``check``), its thresholds, and the placeholders of its message.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.errors import RuleError
from garblecheck.rules.base import Option, RuleKind, register

CHECKS = ("title", "name", "quote")
# what a corpus message may quote: the person (or speaker), this article's form, the
# consensus form, the articles with the consensus form, and all other articles that compare
PLACEHOLDERS = frozenset({"person", "here", "consensus", "others", "total"})


@register
class CorpusKind(RuleKind):
    """A corpus rule: what it compares, when a majority is clear, and how it is worded."""

    kind: ClassVar[str] = "corpus"
    origin = "corpus"
    runs_in_engine: ClassVar[bool] = False
    placeholders: ClassVar[frozenset[str] | None] = PLACEHOLDERS
    options: ClassVar[dict[str, Option]] = {
        "check": Option(str, required=True),
        # a finding needs at least min_others other articles with the consensus form, being
        # at least min_share of the other articles that take a side
        "min_others": Option(int, default=3),
        "min_share": Option(float, default=0.75),
        # below these the finding is an info note; at or above, the rule's severity
        "strong_others": Option(int, default=5),
        "strong_share": Option(float, default=0.9),
        # articles further apart in date are not compared (titles change with time)
        "window_days": Option(int, default=60),
    }

    def prepare(self) -> None:
        path, o = str(self.spec.path), self.spec.options
        if o["check"] not in CHECKS:
            raise RuleError(path, f"key 'check': must be one of {', '.join(CHECKS)}")
        for key in ("min_others", "strong_others", "window_days"):
            if o[key] < 1:
                raise RuleError(path, f"key '{key}': must be at least 1")
        for key in ("min_share", "strong_share"):
            if not 0.5 < o[key] <= 1.0:
                raise RuleError(path, f"key '{key}': must be above 0.5 and at most 1")
