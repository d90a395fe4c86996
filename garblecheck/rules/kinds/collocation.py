"""Odd collocations: two common words that clean English hardly ever puts together.

Reference-free: every sentence's adjacent and nearby word pairs are looked up in the phrase
table (50 M words of clean English). A pair is reported when there is strong evidence
(``min_surprise`` nats) that it is several times rarer than it should be, either than two
unrelated words that common, or than a WordNet synonym of one of its words is next to the
other; the synonym is then the suggestion. Words written with a capital inside the sentence
are names: their pairs say more about the story than about the writing, so they are skipped.
"""

from __future__ import annotations

from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.knowledge.phrases import (
    OddPair,
    PhraseTable,
    SentencePairs,
    Thresholds,
    describe,
    document_pairs,
    odd_pairs,
    phrase_table,
)
from garblecheck.model import Finding, Sentence
from garblecheck.rules.base import Option, RuleKind, register


@register
class OddCollocation(RuleKind):
    """Flags word pairs far rarer in clean English than their words' frequencies predict."""

    kind = "collocation"
    options: ClassVar[dict[str, Option]] = {
        "min_surprise": Option((int, float), default=10.0),  # nats of evidence to report
        # pairs rarer than independence predicts need far more: syntax, which the counts
        # ignore, keeps two common nouns apart ("give people time")
        "min_surprise_unrelated": Option((int, float), default=30.0),
        "ratio": Option((int, float), default=Thresholds.ratio),
        "max_seen": Option((int, float), default=Thresholds.max_seen),
        "min_better": Option((int, float), default=Thresholds.min_better),
        "distance": Option(int, default=Thresholds.distance),
        "suggest_surprise": Option((int, float), default=16.0),  # nats to suggest a synonym
        "max_per_sentence": Option(int, default=1),
    }

    def prepare(self) -> None:
        opts = {k: o.default for k, o in self.options.items()} | self.spec.options
        self.min_surprise = float(opts["min_surprise"])
        self.min_unrelated = float(opts["min_surprise_unrelated"])
        self.suggest_surprise = float(opts["suggest_surprise"])
        self.max_per_sentence = int(opts["max_per_sentence"])
        self.thresholds = Thresholds(
            ratio=float(opts["ratio"]),
            max_seen=float(opts["max_seen"]),
            min_better=float(opts["min_better"]),
            distance=int(opts["distance"]),
        )

    def check(self, ctx: Context) -> list[Finding]:
        table = phrase_table()
        found: list[Finding] = []
        sentences = ctx.doc.seg.sentences
        for sent, sp in zip(sentences, document_pairs([s.text for s in sentences]), strict=True):
            pairs = odd_pairs(sp, table, min_surprise=self.min_surprise, thresholds=self.thresholds)
            pairs = [p for p in pairs if self._strong(p) and not _names(sp, sent, p)]
            pairs = pairs[: self.max_per_sentence]
            found.extend(self._finding(ctx, sent, sp, p, table) for p in pairs)
        return found

    def _strong(self, pair: OddPair) -> bool:
        return pair.reason != "unrelated" or pair.surprise >= self.min_unrelated

    def _finding(
        self, ctx: Context, sent: Sentence, sp: SentencePairs, pair: OddPair, table: PhraseTable
    ) -> Finding:
        start = sent.start + sp.spans[pair.first][1]
        end = sent.start + sp.spans[pair.second][2]
        phrase = ctx.doc.text[start:end]
        message = f"Odd word combination “{phrase}”: " + describe(pair, sp, sent.text, table)
        suggestion = None
        if pair.odd is not None and pair.better and pair.surprise >= self.suggest_surprise:
            odd_start, odd_end = sp.spans[pair.odd][1], sp.spans[pair.odd][2]
            rel = sent.start - start
            suggestion = phrase[: odd_start + rel] + pair.better + phrase[odd_end + rel :]
        floor = self.min_unrelated if pair.reason == "unrelated" else self.min_surprise
        confidence = min(0.95, 0.55 + 0.4 * (1.0 - floor / pair.surprise))
        return self.finding(
            ctx, start, end, message, suggestion=suggestion, evidence=phrase, confidence=confidence
        )


def _names(sp: SentencePairs, sent: Sentence, pair: OddPair) -> bool:
    """Whether either word is capitalised inside the sentence (a name, or part of one)."""
    first_word = next((i for i, (key, _, _) in enumerate(sp.spans) if key[0].isalpha()), 0)
    return any(
        i != first_word and sent.text[sp.spans[i][1]].isupper() for i in (pair.first, pair.second)
    )
