"""The shipped sentence models: boosted trees as plain arrays in JSON, and their predictions.

Nothing is unpickled: ``rules/knowledge/classifier.json`` holds, per model, the feature names,
the trees (feature, threshold, children and value of every node), the isotonic calibration map
from raw score to probability and the decision threshold. ``garblecheck train`` writes it
(``to_json``) from a fitted scikit-learn ``GradientBoostingClassifier``; predicting is a few
numpy gathers per tree level, for all sentences of a document at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from garblecheck.errors import RuleError
from garblecheck.meaning.features import SpanModel
from garblecheck.packs import knowledge_path

FILE = "classifier.json"
# the with-source model that also reads the paraphrase model's features, and the word-piece
# span model they come from (the [meaning] extra; ``garblecheck train --meaning``)
MEANING_FILE = "classifier-meaning.json"
VERSION = 1
REFERENCE_FREE = "reference_free"
WITH_SOURCE = "with_source"

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Forest:
    """Regression trees padded to one node count: ``left``/``right`` of a leaf point at the
    leaf itself, so every row can walk ``depth`` steps without checking where it stands."""

    feature: IntArray  # (trees, nodes)
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray
    depth: int

    def _walk(self, x: FloatArray) -> list[IntArray]:
        """The node every tree reaches for every row, after each step: (trees, rows) arrays."""
        trees = np.arange(self.feature.shape[0])[:, None]
        rows = np.arange(x.shape[0])[None, :]
        node = np.zeros((self.feature.shape[0], x.shape[0]), dtype=np.int64)
        path = [node]
        for _ in range(self.depth):
            go_left = x[rows, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(go_left, self.left[trees, node], self.right[trees, node])
            path.append(node)
        return path

    def total(self, x: FloatArray) -> FloatArray:
        """Sum over trees of each row's leaf value."""
        leaves = self._walk(x)[-1]
        trees = np.arange(self.feature.shape[0])[:, None]
        return np.asarray(self.value[trees, leaves].sum(axis=0), dtype=np.float64)

    def contributions(self, x: FloatArray, n_features: int) -> FloatArray:
        """Per row and feature, how much the splits on that feature moved the sum (the path
        decomposition of Saabas): what drove a prediction, in the model's own terms."""
        trees = np.arange(self.feature.shape[0])[:, None]
        out = np.zeros((x.shape[0], n_features))
        path = self._walk(x)
        for before, after in pairwise(path):
            moved = self.value[trees, after] - self.value[trees, before]
            feats = self.feature[trees, before]
            for t in range(feats.shape[0]):
                np.add.at(out, (np.arange(x.shape[0]), feats[t]), moved[t])
        return out


@dataclass(frozen=True)
class SentenceModel:
    """One calibrated classifier: features in, probability that the sentence is garbled out."""

    features: tuple[str, ...]
    init: float
    learning_rate: float
    forest: Forest
    calibration_x: FloatArray  # raw scores...
    calibration_y: FloatArray  # ...and the probability each maps to (isotonic, interpolated)
    threshold: float  # calibrated probability at which a sentence is reported

    def raw(self, x: FloatArray) -> FloatArray:
        """Log-odds before calibration."""
        return self.init + self.learning_rate * self.forest.total(x)

    def probability(self, x: FloatArray) -> FloatArray:
        """Calibrated probabilities, one per row of ``x`` (columns in ``features`` order)."""
        return np.interp(self.raw(x), self.calibration_x, self.calibration_y)

    def drivers(self, row: Sequence[float]) -> list[tuple[str, float]]:
        """Features that raised this row's score, most first, with their share of log-odds."""
        x = np.asarray([row], dtype=np.float64)
        contrib = self.learning_rate * self.forest.contributions(x, len(self.features))[0]
        order = np.argsort(-contrib, kind="stable")
        return [(self.features[i], float(contrib[i])) for i in order if contrib[i] > 0]


def _forest(data: Mapping[str, Any]) -> Forest:
    return Forest(
        feature=np.asarray(data["feature"], dtype=np.int64),
        threshold=np.asarray(data["threshold"], dtype=np.float64),
        left=np.asarray(data["left"], dtype=np.int64),
        right=np.asarray(data["right"], dtype=np.int64),
        value=np.asarray(data["value"], dtype=np.float64),
        depth=int(data["depth"]),
    )


def _model(data: Mapping[str, Any]) -> SentenceModel:
    return SentenceModel(
        features=tuple(data["features"]),
        init=float(data["init"]),
        learning_rate=float(data["learning_rate"]),
        forest=_forest(data["trees"]),
        calibration_x=np.asarray(data["calibration"]["x"], dtype=np.float64),
        calibration_y=np.asarray(data["calibration"]["y"], dtype=np.float64),
        threshold=float(data["threshold"]),
    )


def read(path: Path) -> dict[str, SentenceModel]:
    """The models of a classifier file, by name; RuleError naming the file when unusable."""
    return _read(path)[0]


def read_meaning(path: Path) -> tuple[SentenceModel, SpanModel]:
    """The with-source model and the span model of a meaning classifier file."""
    models, spans = _read(path)
    if spans is None or WITH_SOURCE not in models:
        raise RuleError(str(path), "not a meaning classifier file (no span model)")
    return models[WITH_SOURCE], spans


def _read(path: Path) -> tuple[dict[str, SentenceModel], SpanModel | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise RuleError(str(path), f"not a version {VERSION} classifier file")
        spans = SpanModel.from_json(data["spans"]) if "spans" in data else None
        return {name: _model(m) for name, m in data["models"].items()}, spans
    except OSError as exc:
        raise RuleError(str(path), f"cannot read the classifier ({exc.strerror})") from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise RuleError(
            str(path), f"classifier file is broken ({exc!r}); rebuild it with garblecheck train"
        ) from exc


@lru_cache(maxsize=1)
def shipped() -> dict[str, SentenceModel]:
    """The models shipped in the knowledge packs, read on first use."""
    return read(knowledge_path(FILE))


@lru_cache(maxsize=1)
def shipped_meaning() -> tuple[SentenceModel, SpanModel]:
    """The shipped meaning model (with a source) and its span model, read on first use."""
    return read_meaning(knowledge_path(MEANING_FILE))


def forest_json(trees: Sequence[Any], depth: int) -> dict[str, Any]:
    """Padded node arrays of fitted scikit-learn regression trees (their public ``tree_``)."""
    nodes = max(t.tree_.node_count for t in trees)
    shape = (len(trees), nodes)
    feature, left, right = np.zeros(shape, int), np.zeros(shape, int), np.zeros(shape, int)
    threshold, value = np.zeros(shape), np.zeros(shape)
    for i, t in enumerate(trees):
        tree, n = t.tree_, t.tree_.node_count
        leaf = tree.children_left[:n] < 0
        own = np.arange(n)
        feature[i, :n] = np.where(leaf, 0, tree.feature[:n])
        threshold[i, :n] = np.where(leaf, 0.0, tree.threshold[:n])
        left[i, :n] = np.where(leaf, own, tree.children_left[:n])
        right[i, :n] = np.where(leaf, own, tree.children_right[:n])
        value[i, :n] = tree.value[:n, 0, 0]
    return {
        "depth": depth,
        "feature": feature.tolist(),
        "threshold": threshold.tolist(),
        "left": left.tolist(),
        "right": right.tolist(),
        "value": value.tolist(),
    }
