"""How well a sentence score separates garbled from clean, and the baselines it must beat.

Every figure the classifier reports on MQM is printed beside two baselines computed on the same
rows in the same run: sentence length (garbled machine translations are longer on average) and
chrF against the source sentence (the standard MT metric, as a garbling score: 100 - chrF).
A model that does not beat both has learned nothing a one-liner would not know.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sklearn.metrics import roc_auc_score

from garblecheck.errors import EngineError


def auroc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the chance a garbled sentence scores above a clean one."""
    return float(roc_auc_score(labels, scores))


@dataclass(frozen=True)
class Threshold:
    """Precision, recall and F1 of "score >= threshold" as the garbled prediction."""

    threshold: float
    precision: float
    recall: float
    f1: float
    flagged: int
    positives: int


def at_threshold(labels: Sequence[int], scores: Sequence[float], threshold: float) -> Threshold:
    """Precision, recall and F1 when everything scoring at least ``threshold`` is flagged."""
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if s >= threshold and y)
    flagged = sum(1 for s in scores if s >= threshold)
    positives = sum(1 for y in labels if y)
    precision = tp / flagged if flagged else 0.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Threshold(threshold, precision, recall, f1, flagged, positives)


@dataclass(frozen=True)
class Bin:
    """One row of a reliability table: predictions in [low, high) and how often they were
    right to say garbled."""

    low: float
    high: float
    count: int
    predicted: float  # mean predicted probability
    observed: float  # share actually garbled


def reliability(labels: Sequence[int], probs: Sequence[float], bins: int = 10) -> list[Bin]:
    """The calibration table: equal-width bins of predicted probability (empty bins left out);
    a calibrated model has ``predicted`` close to ``observed`` in every bin."""
    rows: list[list[tuple[int, float]]] = [[] for _ in range(bins)]
    for y, p in zip(labels, probs, strict=True):
        rows[min(int(p * bins), bins - 1)].append((y, p))
    return [
        Bin(i / bins, (i + 1) / bins, len(row), sum(p for _, p in row) / len(row),
            sum(y for y, _ in row) / len(row))
        for i, row in enumerate(rows)
        if row
    ]


def calibration_error(table: Sequence[Bin]) -> float:
    """Expected calibration error: the count-weighted mean gap between predicted and observed."""
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.predicted - b.observed) for b in table) / total if total else 0.0


# ---------------------------------------------------------------- baselines


def length_score(text: str, source: str | None = None) -> float:
    """The length-only baseline: the number of words."""
    return float(len(text.split()))


NEEDS_SACREBLEU = "the chrF baseline needs sacrebleu: pip install 'garblecheck[train]'"


@cache
def _chrf_metric() -> Any:
    try:
        from sacrebleu.metrics.chrf import CHRF
    except ImportError:  # an optional extra: training and evaluation only
        raise EngineError(None, NEEDS_SACREBLEU) from None
    return CHRF()


def chrf(text: str, source: str) -> float:
    """Sentence-level chrF (character 6-grams, beta 2, sacrebleu's defaults), 0-100."""
    return float(_chrf_metric().sentence_score(text, [source]).score)


def chrf_score(text: str, source: str | None) -> float:
    """The chrF baseline as a garbling score: 100 - chrF against the source sentence."""
    if source is None:
        raise ValueError("the chrF baseline needs a source sentence")
    return 100.0 - chrf(text, source)


Scorer = Callable[[str, str | None], float]
BASELINES: Mapping[str, Scorer] = {"length": length_score, "chrF": chrf_score}


def baseline_aurocs(
    labels: Sequence[int], texts: Sequence[str], sources: Sequence[str | None]
) -> dict[str, float]:
    """AUROC of each baseline on the same rows, to print beside a model's own figure."""
    return {
        name: auroc(labels, [score(t, s) for t, s in zip(texts, sources, strict=True)])
        for name, score in BASELINES.items()
    }
