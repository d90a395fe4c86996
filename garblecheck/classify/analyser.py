"""The classifier analyser: a calibrated probability that each sentence is garbled.

It catches garbling nobody wrote a rule for. Every sentence gets features (``features``) from
its text, the document's facts and the findings of the analysers that ran before it (the
pipeline passes them in ``Context.earlier``, unfiltered by the configuration, as in training).
Every sentence goes to the reference-free model (GC801); a sentence aligned with a source
sentence also goes to the with-source model (GC802), which judges the meaning of the pair (it
learnt from machine translations and their references) while the reference-free model still
sees a spun phrase in the copy: comparing never hides what checking alone would find. A
probability at or over the model's threshold becomes a finding (at most one per sentence,
GC802 first) whose message names, in words, the features that pushed it up. With ``meaning``
on (the ``[meaning]`` extra), the with-source model is the one trained on the paraphrase
model's features too, which every aligned pair of a document gets in one batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from garblecheck.analyser import Analyser, Context
from garblecheck.classify import features as feats
from garblecheck.classify.model import (
    REFERENCE_FREE,
    WITH_SOURCE,
    SentenceModel,
    shipped,
    shipped_meaning,
)
from garblecheck.config import Config
from garblecheck.fluency import surprising_pairs
from garblecheck.knowledge.phrases import document_pairs
from garblecheck.meaning.encoder import require
from garblecheck.meaning.features import SpanModel, pair_values
from garblecheck.model import Finding, Origin, Sentence
from garblecheck.rules.base import RuleSpec
from garblecheck.rules.kinds.classifier import MODELS

CODES = {model: code for code, model in MODELS.items()}
MAX_REASONS = 3
MIN_SHARE = 0.1  # log-odds a feature must add to be named as a reason
# features whose reason is best shown by the sentence's most surprising word pair
_PAIR_FEATURES = frozenset(
    {"logprob_mean", "logprob_min", "assoc_mean", "assoc_min", "odd_share", "odd_max",
     "window_pmi_min", "synonym_max"}
)


@dataclass(frozen=True)
class Scored:
    """One sentence as the classifier saw it: which model, its feature row, its probability."""

    sentence: Sentence
    which: str  # REFERENCE_FREE or WITH_SOURCE
    row: npt.NDArray[np.float64]
    probability: float
    model: SentenceModel


class ClassifierAnalyser(Analyser):
    """Runs the shipped models over every sentence; reports those over threshold."""

    name: ClassVar[str] = "classifier"
    origin: ClassVar[Origin] = "classifier"
    needs_findings: ClassVar[bool] = True

    def __init__(self, specs: Mapping[str, RuleSpec], config: Config) -> None:
        self.specs = {code: s for code, s in specs.items() if config.enabled(code)}
        self.meaning = config.meaning and CODES[WITH_SOURCE] in self.specs
        if self.meaning:
            require()  # a missing extra stops the run before its first document

    def analyse(self, ctx: Context) -> list[Finding]:
        """Findings over threshold; every other sentence's probability goes to the score
        channel, so that it still ranks sentences."""
        found: list[Finding] = []
        for ranked in _ranked(self.score(ctx)).values():
            finding = next(filter(None, map(self._finding, ranked)), None)
            if finding is None:
                ctx.probabilities[ranked[0].sentence.index] = ranked[0].probability
            else:
                found.append(finding)
        return found

    def score(self, ctx: Context) -> list[Scored]:
        """Every sentence's probability under each enabled model that applies to it (for
        evaluation too), in sentence order."""
        if not self.specs:
            return []
        models: Mapping[str, SentenceModel] = shipped()
        by_sentence: dict[int, list[Finding]] = {}
        for f in ctx.earlier:
            index = f.sentence if f.sentence is not None else ctx.doc.seg.sentence_at(f.start)
            if index is not None:
                by_sentence.setdefault(index, []).append(f)
        batches: dict[str, list[tuple[Sentence, Mapping[str, float]]]] = {}
        sentences = ctx.doc.seg.sentences
        sources = [_source_text(ctx, s) for s in sentences]
        # the pair statistics of every sentence and of its source at once (cached): the rules
        # asked for the sentences' already, but nobody for the sources'
        document_pairs([s.text for s in sentences] + [t for t in sources if t is not None])
        for s, source in zip(sentences, sources, strict=True):
            inp = feats.SentenceInput(s.text, ctx.doc.seg.quoted_share(s.start, s.end),
                                      ctx.locale, by_sentence.get(s.index, ()), source)
            applies = (REFERENCE_FREE,) if source is None else (REFERENCE_FREE, WITH_SOURCE)
            models_of = [w for w in applies if CODES[w] in self.specs]
            found = feats.values(inp) if models_of else {}
            for which in models_of:
                batches.setdefault(which, []).append((s, found))
        if self.meaning and WITH_SOURCE in batches:
            model, spans = shipped_meaning()
            models = {**models, WITH_SOURCE: model}
            batches[WITH_SOURCE] = _with_meaning(batches[WITH_SOURCE], sources, spans)
        scored: list[Scored] = []
        for which, batch in batches.items():
            model = models[which]
            x = np.array([[found[n] for n in model.features] for _, found in batch])
            for (s, _), row, p in zip(batch, x, model.probability(x), strict=True):
                scored.append(Scored(s, which, row, float(p), model))
        return sorted(scored, key=lambda sc: sc.sentence.index)

    def _finding(self, sc: Scored) -> Finding | None:
        if sc.probability < sc.model.threshold:
            return None
        spec = self.specs[CODES[sc.which]]
        values = dict(zip(sc.model.features, sc.row.tolist(), strict=True))
        drivers = [n for n, share in sc.model.drivers(sc.row.tolist()) if share >= MIN_SHARE]
        reasons = explain(drivers[:MAX_REASONS], values, sc.sentence.text)
        return Finding(
            rule=spec.code, name=spec.name, category=spec.category, severity=spec.severity,
            message=f"{spec.message} (probability {sc.probability:.2f}): {'; '.join(reasons)}",
            start=sc.sentence.start, end=sc.sentence.end, origin="classifier",
            confidence=sc.probability,
            evidence=", ".join(f"{n}={values[n]:.3g}" for n in drivers[:MAX_REASONS]),
            sentence=sc.sentence.index,
        )


def _ranked(scored: Sequence[Scored]) -> dict[int, list[Scored]]:
    """Each sentence's scores in sentence order, the with-source model's first: it judges the
    pair, so it speaks for the sentence where the sentence has a source."""
    ranked: dict[int, list[Scored]] = {}
    for sc in sorted(scored, key=lambda sc: (sc.sentence.index, sc.which != WITH_SOURCE)):
        ranked.setdefault(sc.sentence.index, []).append(sc)
    return ranked


def primary(scored: Sequence[Scored]) -> list[Scored]:
    """One score per sentence: the with-source model's where the sentence has a source."""
    return [first for first, *_ in _ranked(scored).values()]


def _with_meaning(batch: Sequence[tuple[Sentence, Mapping[str, float]]],
                  sources: Sequence[str | None], spans: SpanModel
                  ) -> list[tuple[Sentence, Mapping[str, float]]]:
    """The rows with the paraphrase model's features of each (sentence, source) pair added,
    all pairs of the document encoded in one go (new rows: the reference-free batch shares
    the old ones)."""
    pairs = [(s.text, sources[s.index] or "") for s, _ in batch]
    return [(s, {**found, **extra})
            for (s, found), extra in zip(batch, pair_values(pairs, spans), strict=True)]


def _source_text(ctx: Context, s: Sentence) -> str | None:
    if ctx.source is None or s.index >= len(ctx.alignment):
        return None
    aligned = ctx.alignment[s.index]
    return None if aligned is None else ctx.source.text[aligned.start : aligned.end]


def explain(drivers: Sequence[str], values: Mapping[str, float], text: str) -> list[str]:
    """The reasons of a finding in words, the sentence's oddest word pair quoted once."""
    reasons: list[str] = []
    quoted = False
    for name in drivers:
        words = feats.DESCRIPTIONS.get(name, name)
        if name == "words":
            n = int(values[name])
            words = f"{'long' if n > 25 else 'short'} sentence ({n} words)"
        elif name in _PAIR_FEATURES and not quoted:
            pairs = surprising_pairs(text)
            if pairs:
                words += f" (“{text[pairs[0].start : pairs[0].end]}”)"
                quoted = True
        if words not in reasons:
            reasons.append(words)
    return reasons or ["several weak signals together"]
