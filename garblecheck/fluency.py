"""Reference-free fluency signals: how normal a sentence's word combinations are.

Every feature compares word pairs with the phrase table (counts from clean English), never
words with topics: a sentence about Ukraine and one about football score alike when both are
well formed. They feed the classifier; ``surprising_pairs`` says which words drove them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from garblecheck.knowledge.phrases import (
    OddPair,
    PhraseTable,
    SentencePairs,
    Thresholds,
    at_least_once,
    describe,
    odd_pairs,
    phrase_table,
    poisson_surprise,
    sentence_pairs,
)

FEATURES = (
    "logprob_mean",  # mean log P(token | previous token), back-off smoothed
    "logprob_min",  # the least probable token given its predecessor
    "assoc_mean",  # mean log P(token | previous) / P(token): how much neighbours predict
    "assoc_min",  # the least predictable adjacent pair
    "odd_share",  # share of adjacent pairs far rarer than independence predicts
    "odd_max",  # nats of evidence for the most surprising pair of any kind
    "window_pmi_min",  # smoothed PMI of the least associated nearby content-word pair
    "synonym_max",  # nats of evidence that a word replaced a synonym
    "rare_share",  # share of word tokens outside the table's vocabulary
)
# evidence (nats) that makes an adjacent pair count as odd in ``odd_share``
ODD_NATS = 3.0


class Surprise(NamedTuple):
    """A pair of words that drove a sentence's surprise, with offsets into the text."""

    start: int
    end: int
    score: float  # nats of evidence
    explanation: str


def _features(sp: SentencePairs, pairs: list[OddPair], table: PhraseTable) -> dict[str, float]:
    words = np.array([key[0].isalpha() for key, _, _ in sp.spans], dtype=bool)
    known = sp.ids > 0
    both = known[:-1] & known[1:]
    odd = poisson_surprise(at_least_once(sp.adj_seen), sp.adj_expected / Thresholds.ratio)
    pmi = np.log((sp.win_seen + 1.0) / (sp.win_expected + 1.0))
    synonym = [p.surprise for p in pairs if p.reason == "synonym"]
    return {
        "logprob_mean": float(sp.adj_logp.mean()) if len(sp.adj_logp) else 0.0,
        "logprob_min": float(sp.adj_logp.min()) if len(sp.adj_logp) else 0.0,
        "assoc_mean": float(sp.adj_assoc[both].mean()) if both.any() else 0.0,
        "assoc_min": float(sp.adj_assoc[both].min()) if both.any() else 0.0,
        "odd_share": float((odd >= ODD_NATS).mean()) if len(odd) else 0.0,
        "odd_max": max((p.surprise for p in pairs), default=0.0),
        "window_pmi_min": float(pmi.min()) if len(pmi) else 0.0,
        "synonym_max": max(synonym, default=0.0),
        "rare_share": float((~known[words]).mean()) if words.any() else 0.0,
    }


def sentence_features(text: str) -> dict[str, float]:
    """The features of ``FEATURES`` for one sentence (0.0 where a sentence has no pairs);
    its pair statistics and odd pairs are cached, so asking again is cheap."""
    table = phrase_table()
    sp = sentence_pairs(text)
    return _features(sp, odd_pairs(sp, table), table)


def surprising_pairs(text: str, min_score: float = ODD_NATS) -> list[Surprise]:
    """The word pairs of a sentence with at least ``min_score`` nats of evidence of being odd,
    most surprising first: character span from the first word to the second, and why."""
    table = phrase_table()
    sp = sentence_pairs(text)
    return [
        Surprise(
            sp.spans[p.first][1], sp.spans[p.second][2], p.surprise, describe(p, sp, text, table)
        )
        for p in odd_pairs(sp, table, min_surprise=min_score)
    ]
