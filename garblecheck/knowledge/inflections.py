"""The inflection table: the other forms of each word of the phrase table's vocabulary.

Built by ``python -m garblecheck.build.inflections`` into ``rules/knowledge/inflections.npz``
from the phrase table's vocabulary and WordNet's morphology (the lexicon): two words are forms
of each other when they share a dictionary form ("reason"/"reasons", "lose"/"lost",
"expert"/"experts"). Ids are the phrase table's, so a sentence's token ids index it directly.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from garblecheck.errors import RuleError
from garblecheck.knowledge.arrays import load_npz
from garblecheck.knowledge.phrases import IntArray
from garblecheck.packs import knowledge_path

FILE = "inflections.npz"
VERSION = 1


class Inflections:
    """For each vocabulary id, the ids of its other forms (CSR: offsets into one id array)."""

    def __init__(self, offsets: IntArray, ids: IntArray) -> None:
        self.offsets, self.ids = offsets, ids

    def forms(self, word: int) -> IntArray:
        """Ids of the other forms of a vocabulary word (empty for ids outside the table)."""
        if not 0 < word < len(self.offsets) - 1:
            return self.ids[:0]
        return self.ids[self.offsets[word] : self.offsets[word + 1]]


@lru_cache(maxsize=1)
def inflections() -> Inflections:
    """The shipped inflection table, read on first use."""
    path = knowledge_path(FILE)
    arrays = load_npz(path, "inflection table", "inflections", VERSION)
    try:
        offsets = arrays["offsets"].astype(np.int64)
        ids = arrays["ids"].astype(np.int64)
    except KeyError as exc:
        raise RuleError(str(path), f"inflection table is incomplete ({exc})") from exc
    if len(offsets) < 2 or offsets[-1] != len(ids):
        raise RuleError(str(path), "inflection table is damaged (offsets do not match ids)")
    return Inflections(offsets, ids)
