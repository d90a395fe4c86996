"""Build the inflection table (``rules/knowledge/inflections.npz``).

    python -m garblecheck.build.inflections [--data ../shared/data] [--out rules/knowledge]

Reads the shipped phrase table and lexicon (build those first: ``phrases``, ``lexicon``), both
made from the development data: every alphabetic word of the phrase table's vocabulary is
grouped with the other vocabulary words that share one of its WordNet dictionary forms. The
output is byte-for-byte reproducible (sorted ids, a zip with fixed timestamps).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np

from garblecheck.build import run
from garblecheck.build.phrases import save
from garblecheck.knowledge.inflections import FILE, VERSION
from garblecheck.knowledge.lexicon import lexicon
from garblecheck.knowledge.phrases import phrase_table


def forms_by_id(words: list[str]) -> list[list[int]]:
    """For each vocabulary id, the sorted ids of the other words sharing a dictionary form."""
    lex = lexicon()
    lemmas = [lex.lemmas(w) if i and w.isalpha() else () for i, w in enumerate(words)]
    members: dict[str, set[int]] = defaultdict(set)
    for i, found in enumerate(lemmas):
        for lemma in found:
            members[lemma].add(i)
    out = []
    for i, found in enumerate(lemmas):
        others: set[int] = set()
        for lemma in found:
            others |= members[lemma]
        others.discard(i)
        out.append(sorted(others))
    return out


def build(data: Path, out: Path) -> str:
    """Write the table into ``out``; returns a summary line (``data`` is read through the
    phrase table and lexicon built from it)."""
    words = phrase_table().words
    forms = forms_by_id(words)
    offsets = np.zeros(len(forms) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(f) for f in forms])
    ids = np.array([i for f in forms for i in f], dtype=np.uint16)
    out.mkdir(parents=True, exist_ok=True)
    save(out / FILE, {"meta": np.array([VERSION], dtype=np.int64),
                      "offsets": offsets.astype(np.int32), "ids": ids})
    with_forms = sum(bool(f) for f in forms)
    size = (out / FILE).stat().st_size
    return f"{with_forms:,} of {len(words):,} words with other forms; {size / 1e6:.1f} MB"


if __name__ == "__main__":
    run("inflections")
