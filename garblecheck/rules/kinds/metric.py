"""The ``metric`` kind: a threshold on a per-sentence readability metric (Vale's ``metric``).

A rule names one metric of ``garblecheck.metrics.SENTENCE_METRICS`` and a ``max`` and/or a
``min``; every prose sentence outside the bounds gets a finding that states the value. Only
syllable-based metrics load textstat: a word-count rule keeps start-up cheap.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.metrics import SENTENCE_METRICS
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, register


@register
class MetricKind(RuleKind):
    """Sentences whose metric is over ``max`` or under ``min``."""

    kind: ClassVar[str] = "metric"
    origin = "metrics"
    options: ClassVar[dict[str, Option]] = {
        "metric": Option(str, required=True),
        "max": Option(float),
        "min": Option(float),
    }

    def prepare(self) -> None:
        options = self.spec.options
        name = options["metric"]
        if name not in SENTENCE_METRICS:
            known = ", ".join(sorted(SENTENCE_METRICS))
            raise RuleError(str(self.spec.path), f"key 'metric': unknown metric {name!r} ({known})")
        if options["max"] is None and options["min"] is None:
            raise RuleError(str(self.spec.path), "key 'metric': give a 'max', a 'min' or both")
        self.metric = SENTENCE_METRICS[name]
        self.name = name
        self.max: float | None = options["max"]
        self.min: float | None = options["min"]

    def check(self, ctx: Context) -> list[Finding]:
        found = []
        for sent in ctx.doc.seg.sentences:
            value = self.metric(sent.text)
            if self.max is not None and value > self.max:
                bound = f"over {self.max:g}"
            elif self.min is not None and value < self.min:
                bound = f"under {self.min:g}"
            else:
                continue
            label = self.name.replace("_", " ")
            message = f"{self.spec.message}: {label} {value:g}, {bound}"
            found.append(self.finding(ctx, sent.start, sent.end, message, evidence=f"{value:g}"))
        return found
