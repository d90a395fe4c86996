"""Training rows for the meaning model: the paraphrase model's features of every MQM pair.

The span model (``garblecheck.meaning.features.SpanModel``) learns from the word pieces of the
training documents' machine translations, each labelled by whether a rater's Major accuracy
span covers it. Its probabilities become sentence features, so the rows the sentence model is
fitted and calibrated on must not have been seen by it: a training document's pieces are
scored by a span model fitted on the other folds (as the sentence model's own calibration),
a validation document's by the span model fitted on all training documents, which is shipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from garblecheck.meaning.encoder import Encoded, encode
from garblecheck.meaning.features import (
    FEATURES,
    SpanModel,
    matches,
    piece_inputs,
    values,
)
from garblecheck.training.datasets import TRAIN, Example

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# rows that get meaning features: machine translations against their reference, and second
# human translations against the first (the clean text the with-source threshold is set on)
ORIGINS = frozenset({"mqm-hyp", "mqm-ref"})
# inverse strength of the span model's L2 penalty, on standardised inputs: 0.01 and 0.1 give
# the same piece AUROC (0.72 on validation documents); the stronger penalty keeps the shipped
# weights small
PENALTY_C = 0.01


def piece_labels(e: Example, copy: Encoded) -> BoolArray:
    """Which pieces of a row lie in one of its Major accuracy spans (none for a reference)."""
    spans = [(a, b) for a, b in e.extra.get("major_accuracy_spans", ())
             if a is not None and b is not None]
    return np.array([any(a < end and start < b for a, b in spans)
                     for start, end in copy.offsets.tolist()], dtype=bool)


def fit_spans(inputs: FloatArray, labels: BoolArray) -> SpanModel:
    """A span model fitted on these pieces."""
    scaler = StandardScaler().fit(inputs)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=PENALTY_C, max_iter=1000)
    model.fit((inputs - scaler.mean_) / scale, labels)
    return SpanModel(np.asarray(scaler.mean_, dtype=np.float64), scale,
                     np.asarray(model.coef_[0], dtype=np.float64), float(model.intercept_[0]))


def columns(examples: Sequence[Example], uses: BoolArray, folds: npt.NDArray[Any],
            ) -> tuple[FloatArray, SpanModel]:
    """The ``FEATURES`` of every row (NaN where a row is not an MQM pair run with its source)
    and the span model fitted on all training documents."""
    rows = [i for i, e in enumerate(examples) if uses[i] and e.origin in ORIGINS]
    texts = sorted({t for i in rows for t in (examples[i].text, examples[i].source or "")})
    encoded = dict(zip(texts, encode(texts), strict=True))
    pairs = [(encoded[examples[i].text], encoded[examples[i].source or ""]) for i in rows]
    found = [matches(copy, source) for copy, source in pairs]
    usable = [(k, m) for k, m in enumerate(found) if m is not None]  # pieces on both sides
    inputs = [piece_inputs(pairs[k][0], m) for k, m in usable]
    x = np.vstack(inputs)
    labels = np.concatenate([piece_labels(examples[rows[k]], pairs[k][0]) for k, _ in usable])
    keys, sizes = [k for k, _ in usable], [len(v) for v in inputs]
    owner = np.repeat(keys, sizes)  # each piece's position in ``rows``
    train = np.array([examples[i].split == TRAIN for i in rows])[owner]
    learns = np.array([examples[i].origin == "mqm-hyp" for i in rows])[owner] & train
    fold = np.asarray(folds)[rows][owner]
    probability = np.zeros(len(x))
    for k in np.unique(fold[train]):
        held = train & (fold == k)
        probability[held] = fit_spans(x[learns & (fold != k)],
                                      labels[learns & (fold != k)]).probability(x[held])
    shipped = fit_spans(x[learns], labels[learns])
    probability[~train] = shipped.probability(x[~train])
    per_row = dict(zip(keys, np.split(probability, np.cumsum(sizes)[:-1]), strict=True))
    out = np.full((len(examples), len(FEATURES)), np.nan)
    for k, i in enumerate(rows):
        row = values(*pairs[k], found[k], per_row.get(k, np.zeros(0)))
        out[i] = [row[n] for n in FEATURES]
    return out, shipped
