"""Align each sentence of a copy with the source sentence(s) it was made from.

Token-set fuzzy ratios score unrelated sentences of the same story at 50-57 out of 100, because
such sentences share the story's names. Here similarity combines two signals, both weighted
against the story's own vocabulary:

- content-word overlap, each word weighted by its rarity among the sentences of the two texts
  (IDF), so "Ukraine" in a Ukraine story counts for little and "minesweepers" for a lot;
- character trigram overlap of the content words, which survives inflection, spelling and
  compounding ("anti-armour" / "armoured").

Both are measured mainly as how much of the *copy* sentence the source explains (a spinner
splits and merges sentences, so the source side may say more). Candidates come from an inverted
index on content words, so long documents are never compared all pairs against all pairs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from garblecheck.comparison.tokens import Token, tokenize
from garblecheck.model import AlignedSource, Document

MIN_SIMILARITY = 0.35  # below this a copy sentence is taken to have no source counterpart
MAX_SPAN = 3  # a copy sentence may merge up to this many consecutive source sentences
CANDIDATES = 6  # source sentences scored in full per copy sentence
EXTEND_GAIN = 0.08  # an added sentence must explain this much more of the copy sentence...
EXTEND_LOSS = 0.02  # ...and may lower the similarity by at most this much
SPAN_PENALTY = 0.05  # merged spans explain more by chance: each extra sentence raises the bar
WORD_WEIGHT = 0.6  # share of the content-word signal in the similarity (the rest: trigrams)
COPY_SIDE = 0.75  # share of "how much of the copy is explained" against the symmetric score


@dataclass(frozen=True)
class _Profile:
    """What alignment needs of one sentence: its content keys and their character trigrams."""

    keys: frozenset[str]
    grams: frozenset[str]


def _profile(tokens: Sequence[Token]) -> _Profile:
    keys = frozenset(t.key for t in tokens if t.content or t.value is not None)
    grams: set[str] = set()
    for key in keys:
        padded = f" {key} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return _Profile(keys, frozenset(grams))


def _merge(profiles: Sequence[_Profile]) -> _Profile:
    return _Profile(
        frozenset().union(*(p.keys for p in profiles)),
        frozenset().union(*(p.grams for p in profiles)),
    )


class _Scorer:
    """Similarity between profiles, with IDF weights taken from both documents."""

    def __init__(self, profiles: Sequence[_Profile]) -> None:
        df: dict[str, int] = defaultdict(int)
        for p in profiles:
            for k in p.keys:
                df[k] += 1
        n = len(profiles) + 1
        self.idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()}
        self._weights: dict[frozenset[str], float] = {}

    def weight(self, keys: frozenset[str]) -> float:
        found = self._weights.get(keys)
        if found is None:
            found = self._weights[keys] = sum(self.idf.get(k, 1.0) for k in keys)
        return found

    def coverage(self, copy: _Profile, source: _Profile) -> float:
        """Share of the copy sentence's content weight that the source also has."""
        return self.weight(copy.keys & source.keys) / (self.weight(copy.keys) or 1.0)

    def similarity(self, copy: _Profile, source: _Profile) -> float:
        if not copy.keys or not source.keys:
            return 0.0
        wc, ws = self.weight(copy.keys), self.weight(source.keys)
        shared = self.weight(copy.keys & source.keys)
        words = _blend(shared / wc, 2 * shared / (wc + ws))
        common = len(copy.grams & source.grams)
        grams = _blend(common / len(copy.grams), 2 * common / (len(copy.grams) + len(source.grams)))
        return WORD_WEIGHT * words + (1 - WORD_WEIGHT) * grams


def _blend(copy_side: float, symmetric: float) -> float:
    return COPY_SIDE * copy_side + (1 - COPY_SIDE) * symmetric


def similarity(copy_text: str, source_text: str) -> float:
    """Similarity of two lone sentences (0..1), without the story's vocabulary to weigh words
    by; for tests and tools. ``align`` weighs words against both documents."""
    a, b = _profile(tokenize(copy_text)), _profile(tokenize(source_text))
    return _Scorer([a, b]).similarity(a, b)


def align(copy: Document, source: Document) -> list[AlignedSource | None]:
    """For each copy sentence, in order, the consecutive source sentences (1 to 3) it was
    made from, or None when no source sentence is similar enough."""
    copy_profiles = [_profile(tokenize(s.text, s.start)) for s in copy.seg.sentences]
    source_profiles = [_profile(tokenize(s.text, s.start)) for s in source.seg.sentences]
    scorer = _Scorer(copy_profiles + source_profiles)
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(source_profiles):
        for k in p.keys:
            index[k].append(i)
    return [_best(p, source, source_profiles, scorer, index) for p in copy_profiles]


def _best(
    copy: _Profile,
    source: Document,
    profiles: Sequence[_Profile],
    scorer: _Scorer,
    index: dict[str, list[int]],
) -> AlignedSource | None:
    votes: dict[int, float] = defaultdict(float)
    for k in copy.keys:
        for i in index.get(k, ()):
            votes[i] += scorer.idf[k]
    if not votes:
        return None
    best_score, best_span = 0.0, (0, 0)
    for i in sorted(votes, key=votes.__getitem__, reverse=True)[:CANDIDATES]:
        score, span = _grow(copy, i, profiles, scorer, votes)
        if score > best_score:
            best_score, best_span = score, span
    first, last = best_span
    if best_score < MIN_SIMILARITY + SPAN_PENALTY * (last - first):
        return None
    sents = source.seg.sentences
    return AlignedSource(
        sentences=tuple(range(first, last + 1)),
        start=sents[first].start,
        end=sents[last].end,
        similarity=round(min(1.0, best_score), 4),
    )


def _grow(
    copy: _Profile,
    seed: int,
    profiles: Sequence[_Profile],
    scorer: _Scorer,
    votes: dict[int, float],
) -> tuple[float, tuple[int, int]]:
    """Extend a candidate sentence to its neighbours while each added sentence explains a
    clearly larger part of the copy sentence without diluting the similarity."""
    first = last = seed
    best = scorer.similarity(copy, profiles[seed])
    covered = scorer.coverage(copy, profiles[seed])
    while last - first + 1 < MAX_SPAN:
        options = []
        for j in (first - 1, last + 1):
            if 0 <= j < len(profiles) and votes.get(j):
                merged = _merge(profiles[min(first, j) : max(last, j) + 1])
                gain = scorer.coverage(copy, merged) - covered
                options.append((gain, scorer.similarity(copy, merged), j))
        if not options:
            break
        gain, score, j = max(options)
        if gain < EXTEND_GAIN or score < best - EXTEND_LOSS:
            break
        best, covered = max(best, score), covered + gain
        first, last = min(first, j), max(last, j)
    return best, (first, last)
