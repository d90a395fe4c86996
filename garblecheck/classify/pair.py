"""How far a copy sentence is from its aligned source sentence, measured on the pair itself.

Machine translation and rewrites lose meaning by dropping, adding and replacing words, so the
strongest signs of an accuracy error are how much of the source survives (character n-grams as
chrF counts them, words, word pairs), how many words are changed in all (a sentence twice as
long has twice the room for an error: the "missing" counts scale with length), changed numbers
and names, and whether the copy reads worse than its source (a swapped phrase costs the copy
word-pair probability the source had). Everything is computed on the two sentences directly,
in training on the MQM hypothesis and its reference, at run time on the aligned source text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Mapping
from itertools import pairwise
from typing import TypeVar

from garblecheck.fluency import sentence_features
from garblecheck.knowledge.phrases import sentence_pairs

FEATURES = (
    "chrf",  # character 1-6-gram F-score (beta 2, spaces removed), as sacrebleu's chrF
    "chrf_missing",  # copy words times (1 - chrf): how much changed, not what share
    "word_precision",  # share of the copy's words the source has
    "word_recall",  # share of the source's words the copy kept
    "pair_precision",  # the same for adjacent word pairs
    "pair_recall",
    "missing_words",  # source words the copy lost (count)
    "missing_pairs",  # source word pairs the copy lost (count)
    "length_ratio",  # log of copy words over source words
    "source_words",
    "numbers_changed",  # numbers in one sentence and not the other
    "names_changed",  # capitalised words (after the first) in one and not the other
    "logprob_drop",  # total word-pair log-probability the copy lost against the source
    "logprob_min_drop",  # how much lower the copy's least probable pair is
    "odd_max_gain",  # how much stronger the copy's oddest pair is
)
_CHAR_ORDER = 6
_BETA = 2.0
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
K = TypeVar("K", bound=Hashable)


def _ngrams(text: str, n: int) -> Counter[str]:
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def _overlap(copy: Counter[K], source: Counter[K]) -> tuple[float, float, int]:
    """Precision, recall and the count of source items the copy lacks."""
    common = sum((copy & source).values())
    total_copy, total_source = sum(copy.values()), sum(source.values())
    return (
        common / total_copy if total_copy else 1.0,
        common / total_source if total_source else 1.0,
        total_source - common,
    )


def chrf(copy: str, source: str) -> float:
    """Sentence chrF (0-1): F-beta of the character n-gram precision and recall averaged over
    orders 1 to 6, whitespace removed (sacrebleu's defaults, without its effective-order
    corner cases)."""
    a, b = copy.replace(" ", ""), source.replace(" ", "")
    precisions, recalls = [], []
    for n in range(1, _CHAR_ORDER + 1):
        p, r, _ = _overlap(_ngrams(a, n), _ngrams(b, n))
        precisions.append(p)
        recalls.append(r)
    p, r = sum(precisions) / _CHAR_ORDER, sum(recalls) / _CHAR_ORDER
    return (1 + _BETA**2) * p * r / (_BETA**2 * p + r) if p + r else 0.0


def _words(keys: list[str]) -> list[str]:
    return [key for key in keys if key[0].isalnum()]


def _total_logprob(features: Mapping[str, float], keys: list[str]) -> float:
    """Sum of the word-pair log-probabilities of a sentence (its mean times its pairs)."""
    return features["logprob_mean"] * max(len(keys) - 1, 0)


def _names(text: str) -> Counter[str]:
    return Counter(w for w in text.split()[1:] if w[:1].isupper())


def _changed(a: Counter[str], b: Counter[str]) -> float:
    return float(sum((a - b).values()) + sum((b - a).values()))


def values(copy: str, source: str) -> Mapping[str, float]:
    """Every feature of ``FEATURES`` for a copy sentence and its source sentence."""
    copy_keys = [key for key, _, _ in sentence_pairs(copy).spans]
    source_keys = [key for key, _, _ in sentence_pairs(source).spans]
    cw, sw = _words(copy_keys), _words(source_keys)
    word_p, word_r, missing_words = _overlap(Counter(cw), Counter(sw))
    pair_p, pair_r, missing_pairs = _overlap(Counter(pairwise(cw)), Counter(pairwise(sw)))
    score = chrf(copy, source)
    fc, fs = sentence_features(copy), sentence_features(source)
    n_copy, n_source = len(cw), len(sw)
    return {
        "chrf": score,
        "chrf_missing": n_copy * (1.0 - score),
        "word_precision": word_p,
        "word_recall": word_r,
        "pair_precision": pair_p,
        "pair_recall": pair_r,
        "missing_words": float(missing_words),
        "missing_pairs": float(missing_pairs),
        "length_ratio": math.log((n_copy + 1) / (n_source + 1)),
        "source_words": float(n_source),
        "numbers_changed": _changed(
            Counter(_NUMBER.findall(copy)), Counter(_NUMBER.findall(source))
        ),
        "names_changed": _changed(_names(copy), _names(source)),
        "logprob_drop": _total_logprob(fs, source_keys) - _total_logprob(fc, copy_keys),
        "logprob_min_drop": fs["logprob_min"] - fc["logprob_min"],
        "odd_max_gain": fc["odd_max"] - fs["odd_max"],
    }
