"""Rule kinds. Importing this package registers every kind in ``garblecheck.rules.base.KINDS``."""

from garblecheck.rules.kinds import (
    boilerplate,
    classifier,
    collocation,
    compare,
    consistency,
    corpus,
    existence,
    fingerprints,
    grammar,
    institutions,
    metric,
    officeholders,
    preference,
    repetition,
    substitution,
    voice,
)

__all__ = [
    "boilerplate",
    "classifier",
    "collocation",
    "compare",
    "consistency",
    "corpus",
    "existence",
    "fingerprints",
    "grammar",
    "institutions",
    "metric",
    "officeholders",
    "preference",
    "repetition",
    "substitution",
    "voice",
]
