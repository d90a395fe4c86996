"""Odd arguments: a verb, adjective or noun modifier with a kind of noun it almost never takes.

Reference-free: each sentence's approximate predicate-argument pairs are judged against the
classes of argument the predicate takes in about 50 M words of clean English (the selectional
preference table). A pair is reported only when every plausible sense of the argument falls
in classes the predicate takes many times less often than predicates in general, with strong
evidence (``min_strength`` nats), which keeps broad predicates and news metaphor ("killed the
bill") quiet. A WordNet synonym of the predicate that takes such arguments is suggested.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.knowledge.preferences import Thresholds, describe, odd_arguments
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, register


@register
class OddArgumentKind(RuleKind):
    """Flags a predicate whose argument is of a class it hardly ever takes in clean English."""

    kind = "preference"
    options: ClassVar[dict[str, Option]] = {
        "min_strength": Option((int, float), default=10.0),  # nats of evidence to report
        "max_ratio": Option((int, float), default=Thresholds.max_ratio),
        "min_observed": Option((int, float), default=Thresholds.min_observed),
        "suggest_strength": Option((int, float), default=30.0),  # nats to suggest a synonym
        "max_per_sentence": Option(int, default=1),
    }

    def prepare(self) -> None:
        opts = {k: o.default for k, o in self.options.items()} | self.spec.options
        self.min_strength = float(opts["min_strength"])
        self.suggest_strength = float(opts["suggest_strength"])
        self.max_per_sentence = int(opts["max_per_sentence"])
        self.thresholds = Thresholds(
            max_ratio=float(opts["max_ratio"]), min_observed=float(opts["min_observed"])
        )

    def check(self, ctx: Context) -> list[Finding]:
        found: list[Finding] = []
        for sent in ctx.doc.seg.sentences:
            odd = [o for o in odd_arguments(sent.text, self.thresholds)
                   if o.strength >= self.min_strength]  # fmt: skip
            for arg in odd[: self.max_per_sentence]:
                start, end = sent.start + arg.start, sent.start + arg.end
                phrase = ctx.doc.text[start:end]
                message = f"“{phrase}”: " + describe(arg)
                suggestion = None
                if arg.better and arg.strength >= self.suggest_strength:
                    message += f": probably a synonym swap ({', '.join(arg.better)}?)"
                    suggestion = arg.better[0]
                confidence = min(0.9, 0.5 + 0.4 * (1.0 - self.min_strength / arg.strength))
                finding = self.finding(
                    ctx, start, end, message, suggestion=suggestion, evidence=phrase,
                    confidence=confidence,
                )  # fmt: skip
                found.append(finding)
        return found
