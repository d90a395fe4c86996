"""Versions of the same story, found by near-duplicate detection: MinHash LSH (datasketch) on
word shingles, then a check of each candidate pair on the exact word sets.

The shingles are the content words of an article's prose (boilerplate blocks and stop words
left out, so scraping junk does not link unrelated pages), as single words, because outlets
rewriting a story reorder and reword it: two outlets' versions of one story share only 15-25%
of their content words, different stories on the same subject up to 45%. No fixed threshold
separates those, so a pair is linked when it reaches a floor *and* comes close to the best
match of one of the two: an article joins the versions nearest to it, while a related story,
further away than an article's own versions, stays apart. A copy cut short is measured by the
share of it the longer version holds, not by Jaccard. LSH keeps the cost near linear: only
pairs that share a band bucket are ever compared.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from garblecheck.comparison.tokens import STOPWORDS
from garblecheck.model import Document

NUM_PERM = 128
SEED = 1
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")

Words = npt.NDArray[np.uint32]
Signature = npt.NDArray[np.uint64]


class Sketch(NamedTuple):
    """An article's shingles (sorted unique 32-bit hashes) and their MinHash signature."""

    words: Words
    signature: Signature


@dataclass(frozen=True)
class GroupingOptions:
    """``lsh_threshold``: Jaccard at which LSH starts to propose pairs; ``floor``: least
    similarity of a link; ``relative``: least share of the best match of one of the two;
    ``partial``: share of the shorter article the longer must hold to count as containing it."""

    lsh_threshold: float = 0.12
    floor: float = 0.13
    relative: float = 0.8
    partial: float = 0.8


def _as_is(value: int) -> int:
    return value


def sketch(doc: Document) -> Sketch:
    """The shingles and signature of a segmented document's prose."""
    prose = {i for i, b in enumerate(doc.seg.blocks) if b.kind == "prose"}
    found = set()
    for s in doc.seg.sentences:
        if s.block not in prose:
            continue
        for m in _WORD.finditer(s.text):
            word = _POSSESSIVE.sub("", m.group().lower())
            if len(word) > 2 and word not in STOPWORDS:
                found.add(zlib.crc32(word.encode("utf-8")))
    words = np.array(sorted(found), dtype=np.uint32)
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_as_is)
    if words.size:
        mh.update_batch(words.tolist())
    return Sketch(words, mh.hashvalues.astype(np.uint64))


def overlap(a: Words, b: Words) -> int:
    """How many shingles two articles share."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


def similarity(a: Words, b: Words, partial: float) -> float:
    """Jaccard of two articles' shingles, or the share of the shorter one the longer holds
    when that reaches ``partial``: a copy cut short is a version of the story too."""
    shared = overlap(a, b)
    union = a.size + b.size - shared
    if not union:
        return 0.0
    held = shared / min(a.size, b.size)
    return held if held >= partial else shared / union


class _Sets:
    """Union-find over ids; each set is named by its smallest id, so group ids are stable."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _candidate_pairs(
    sketches: Mapping[str, Sketch], options: GroupingOptions
) -> dict[tuple[str, str], float]:
    """Pairs LSH proposes whose exact Jaccard reaches the floor (a cheap estimate from the
    signatures first, so most proposals cost one vectorised comparison)."""
    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=NUM_PERM)
    hashes = {}
    for key in sorted(sketches):
        if sketches[key].words.size:
            hashes[key] = LeanMinHash(seed=SEED, hashvalues=sketches[key].signature)
            lsh.insert(key, hashes[key])
    pairs: dict[tuple[str, str], float] = {}
    margin = 3.0 / np.sqrt(NUM_PERM) / 2  # about three standard errors of the estimate
    for key, mh in hashes.items():
        others = sorted(k for k in lsh.query(mh) if k > key)
        if not others:
            continue
        sigs = np.stack([sketches[k].signature for k in others])
        estimates = (sigs == sketches[key].signature).mean(axis=1)
        for other, estimate in zip(others, estimates, strict=True):
            if estimate < options.floor - margin:
                continue
            j = similarity(sketches[key].words, sketches[other].words, options.partial)
            if j >= options.floor:
                pairs[(key, other)] = j
    return pairs


def group(sketches: Mapping[str, Sketch], options: GroupingOptions | None = None) -> dict[str, str]:
    """Each article's group id: the smallest id among the versions of its story."""
    options = options or GroupingOptions()
    pairs = _candidate_pairs(sketches, options)
    best: dict[str, float] = {}
    for (a, b), j in pairs.items():
        best[a] = max(best.get(a, 0.0), j)
        best[b] = max(best.get(b, 0.0), j)
    sets = _Sets()
    for (a, b), j in sorted(pairs.items()):
        if j >= options.relative * min(best[a], best[b]):
            sets.union(a, b)
    return {key: sets.find(key) for key in sketches}
