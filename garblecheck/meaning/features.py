"""How much of a source sentence its copy still says, word piece by word piece.

Each word piece of the copy is matched with the source piece whose contextual vector is
closest (cosine), and the other way round, as BERTScore does: a source piece nothing in the
copy comes near was lost, a copy piece near nothing in the source was added or replaced. A
linear model over each copy piece's vector and its matches (``SpanModel``), fitted on the
spans MQM raters marked as Major accuracy errors, gives every piece a probability of lying in
such an error; its sum is the strongest single sign that a translation lost meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from garblecheck.meaning.encoder import Encoded, encode

FEATURES = (
    "meaning_cosine",  # cosine of the two sentences' pooled vectors
    "meaning_precision",  # mean best match of the copy's pieces in the source
    "meaning_recall",  # mean best match of the source's pieces in the copy
    "meaning_f",
    "source_unmatched",  # source pieces whose best match in the copy is under UNMATCHED
    "copy_unmatched",  # copy pieces whose best match in the source is under UNMATCHED
    "source_worst",  # the source piece the copy comes least near
    "copy_worst",  # the copy piece least near anything in the source
    "span_max",  # the span model's highest piece probability
    "span_sum",  # its expected count of mistranslated pieces
    "span_count",  # pieces over one half
    "span_mean",
)
# how a finding names a meaning feature that pushed its probability up
_SPANS = "words a model of translation errors takes for mistranslated"
DESCRIPTIONS = {
    "meaning_cosine": "a meaning far from the source's",
    "meaning_precision": "words meaning nothing in the source",
    "meaning_recall": "meaning of the source lost",
    "meaning_f": "a meaning far from the source's",
    "source_unmatched": "source words nothing in the sentence means",
    "copy_unmatched": "words nothing in the source means",
    "source_worst": "a source word the sentence lost",
    "copy_worst": "a word meaning nothing in the source",
    "span_max": _SPANS,
    "span_sum": _SPANS,
    "span_count": _SPANS,
    "span_mean": _SPANS,
}
UNMATCHED = 0.7
LOST = 0.6  # a source piece this far from the copy counts as lost in the pieces' context
CONTEXT = (
    "best",  # the piece's best match in the source
    "best_before",  # ... of the piece before (1 at the start)
    "best_after",  # ... of the piece after (1 at the end)
    "best_around",  # the lowest of the three
    "length",  # copy pieces / 50
    "position",  # where in the sentence, 0 to 1
    "continues",  # a piece that continues a word (no space before it)
    "source_lost",  # source pieces under LOST
    "source_length",  # source pieces / 50
    "best_mean",  # the mean best match of the sentence's pieces
)

FloatArray = npt.NDArray[np.float64]


def _shift(values: FloatArray, by: int) -> FloatArray:
    """``values`` moved ``by`` places (right if positive), padded with 1 (a perfect match)."""
    out = np.ones_like(values)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


@dataclass(frozen=True)
class Matches:
    """Every copy piece's cosine with every source piece, and each side's best match: computed
    once per pair for both the span model's inputs and the sentence features."""

    similarity: npt.NDArray[np.float32]  # (copy pieces, source pieces)
    best: npt.NDArray[np.float32]  # each copy piece's closest source piece
    source_best: npt.NDArray[np.float32]  # each source piece's closest copy piece


def matches(copy: Encoded, source: Encoded) -> Matches | None:
    """The pair's matches; None when a side has no pieces (nothing to match)."""
    if not len(copy) or not len(source):
        return None
    similarity = copy.vectors @ source.vectors.T
    return Matches(similarity, similarity.max(axis=1), similarity.max(axis=0))


def piece_context(copy: Encoded, found: Matches) -> FloatArray:
    """The ``CONTEXT`` columns of every copy piece."""
    n = len(copy)
    best = found.best.astype(np.float64)
    before, after = _shift(best, 1), _shift(best, -1)
    starts, ends = copy.offsets[:, 0], np.concatenate([[-1], copy.offsets[:-1, 1]])
    return np.column_stack([
        best, before, after, np.minimum.reduce([best, before, after]),
        np.full(n, n / 50.0), np.arange(n) / max(n - 1, 1), (starts == ends).astype(float),
        np.full(n, float((found.source_best < LOST).sum())),
        np.full(n, found.similarity.shape[1] / 50.0), np.full(n, best.mean()),
    ])


def piece_inputs(copy: Encoded, found: Matches) -> FloatArray:
    """The span model's input rows: each copy piece's vector and its ``CONTEXT``."""
    return np.column_stack([copy.vectors.astype(np.float64), piece_context(copy, found)])


@dataclass(frozen=True)
class SpanModel:
    """Logistic regression on standardised piece inputs, as plain arrays."""

    mean: FloatArray
    scale: FloatArray
    coef: FloatArray
    intercept: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SpanModel:
        return cls(np.asarray(data["mean"], dtype=np.float64),
                   np.asarray(data["scale"], dtype=np.float64),
                   np.asarray(data["coef"], dtype=np.float64), float(data["intercept"]))

    def to_json(self) -> dict[str, Any]:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}

    def probability(self, inputs: FloatArray) -> FloatArray:
        """Each piece's probability of lying in a Major accuracy error."""
        z = ((inputs - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def values(copy: Encoded, source: Encoded, found: Matches | None,
           span_probability: FloatArray) -> dict[str, float]:
    """Every feature of ``FEATURES`` for one pair, its pieces' span probabilities given."""
    if found is None:
        return dict.fromkeys(FEATURES, 0.0)
    best, source_best = found.best, found.source_best
    precision, recall = float(best.mean()), float(source_best.mean())
    p = span_probability
    return {
        "meaning_cosine": float(copy.pooled() @ source.pooled()),
        "meaning_precision": precision,
        "meaning_recall": recall,
        "meaning_f": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "source_unmatched": float((source_best < UNMATCHED).sum()),
        "copy_unmatched": float((best < UNMATCHED).sum()),
        "source_worst": float(source_best.min()),
        "copy_worst": float(best.min()),
        "span_max": float(p.max()),
        "span_sum": float(p.sum()),
        "span_count": float((p > 0.5).sum()),
        "span_mean": float(p.mean()),
    }


def pair_values(pairs: Sequence[tuple[str, str]], spans: SpanModel) -> list[dict[str, float]]:
    """``FEATURES`` of (copy, source) sentence pairs, each distinct sentence encoded once."""
    texts = sorted({t for pair in pairs for t in pair})
    encoded = dict(zip(texts, encode(texts), strict=True))
    out = []
    for copy_text, source_text in pairs:
        copy, source = encoded[copy_text], encoded[source_text]
        found = matches(copy, source)
        p = np.zeros(0) if found is None else spans.probability(piece_inputs(copy, found))
        out.append(values(copy, source, found, p))
    return out
