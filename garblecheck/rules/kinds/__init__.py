"""Rule kinds. Importing this package registers every kind in ``garblecheck.rules.base.KINDS``."""

from garblecheck.rules.kinds import (
    boilerplate,
    consistency,
    existence,
    fingerprints,
    institutions,
    repetition,
    substitution,
    voice,
)

__all__ = [
    "boilerplate",
    "consistency",
    "existence",
    "fingerprints",
    "institutions",
    "repetition",
    "substitution",
    "voice",
]
