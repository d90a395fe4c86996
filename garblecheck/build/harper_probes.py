"""Word lists that tell, without parsing, which sentences a Harper rule could fire in.

Harper's parse costs far more than garblecheck's own checks, and the rules garblecheck runs only
fire next to certain words (``garblecheck.grammar.harper_triggers``). Where a rule looks a word
up in Harper's dictionary (is the word after a modal an adjective? is it a mass noun?), the
build asks Harper itself, once, by linting short probes built from the words of the clean
corpora under ``data/corpus``:

- ``quiet_after_modal``: the words that most often follow a modal verb and that
  ModalBeAdjective never flags there ("would be", "could not");
- ``quiet_after_he``: the same for "he"/"she" and PronounVerbAgreement ("he said");
- ``mass_nouns``: the words MassNouns flags after "a" (mass nouns only: "an advice");
- ``fired_words``: the single words RegularIrregulars or OpenCompounds flag, among the
  corpora's words, their regular inflections ("eated", "childs") and the closed forms of
  their most common word pairs ("alot"), leaving out the "-ys" plurals the run-time test
  catches by their form ("citys").

A quiet list holds only words seen in the probes, so an unseen word always counts as a
possible hit. The flagged lists are as complete as the vocabulary probed: a word outside it
that Harper would flag on its own counts as no hit.
"""

from __future__ import annotations

import bisect
import gzip
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from garblecheck.grammar.harper import linter
from garblecheck.grammar.harper_triggers import MODAL, Y_PLURAL

VOCABULARY = 100_000  # most frequent words of the corpora probed as mass nouns and single words
STEMS = 50_000  # of them, the ones whose regular inflections are probed
FOLLOWERS = 3_000  # most frequent words after a modal, and after he/she, probed
PAIRS = 20_000  # most frequent word pairs of the small news corpora probed closed up
PAIR_CORPORA = ("news_abc_au2006", "news_ieer_nyt_apw1998", "news_wsj_ptbsample_conll2000")
BATCH = 5_000  # probes per lint call

_WORD = re.compile(r"[a-z]+")
_AFTER_MODAL = re.compile(rf"\b{MODAL}\s+([a-z]+)")
_AFTER_HE = re.compile(r"\b(?:he|she)\s+([a-z]+)")


@dataclass
class CorpusCounts:
    """Lower-cased word counts of the clean corpora, and of the words after modals and he/she."""

    words: Counter[str] = field(default_factory=Counter)
    after_modal: Counter[str] = field(default_factory=Counter)
    after_he: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)


def count(corpus_dir: Path) -> CorpusCounts:
    """One pass over the corpora (word pairs from the small news corpora only)."""
    counts = CorpusCounts()
    for path in sorted(corpus_dir.glob("*.sent.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            while chunk := fh.read(1 << 24):
                low = chunk.lower()
                counts.words.update(_WORD.findall(low))
                counts.after_modal.update(_AFTER_MODAL.findall(low))
                counts.after_he.update(_AFTER_HE.findall(low))
                if path.name.removesuffix(".sent.txt.gz") in PAIR_CORPORA:
                    for line in low.splitlines():
                        words = _WORD.findall(line)
                        counts.pairs.update(pairwise(words))
    return counts


class Prober:
    """Lints probes with a chosen set of Harper rules and says which of them it flagged."""

    def __init__(self, rules: Iterable[str]) -> None:
        rules = list(rules)
        self.linters: list[Any] = [linter(locale, rules) for locale in ("en-US", "en-GB")]

    def flagged(self, words: list[str], template: str) -> set[str]:
        """The words whose probe (``template`` filled with the word) any dialect flags; each
        probe is a paragraph of its own, and a lint is traced back to it by its offset."""
        found: set[str] = set()
        for batch in _batches(words):
            probes = [template.format(w) for w in batch]
            starts = list(_starts(probes))
            text = "\n\n".join(probes)
            for each in self.linters:
                for lint in each.lint(text, language="plaintext"):
                    found.add(batch[bisect.bisect_right(starts, lint.span.start) - 1])
        return found


def _batches(words: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(words), BATCH):
        yield words[i : i + BATCH]


def _starts(probes: list[str]) -> Iterator[int]:
    offset = 0
    for probe in probes:
        yield offset
        offset += len(probe) + 2


def _quiet(rule: str, followers: Counter[str], template: str) -> list[str]:
    words = [w for w, _ in followers.most_common(FOLLOWERS)]
    return sorted(set(words) - Prober([rule]).flagged(words, template))


def single_words(counts: CorpusCounts, vocabulary: list[str]) -> list[str]:
    """The corpora's words, the regular inflections of the commoner ones, and their common
    word pairs closed up: every form a one-word rule could be asked about."""
    words = set(vocabulary)
    for w in vocabulary[:STEMS]:
        words.update((w + "s", w + "es", w + "d", w + "ed", w + w[-1] + "ed"))
    words.update(a + b for (a, b), _ in counts.pairs.most_common(PAIRS))
    return sorted(w for w in words if not Y_PLURAL.search(w))


def triggers(corpus_dir: Path) -> dict[str, list[str]]:
    """The four word lists of ``harper-rules.json``'s ``triggers``."""
    counts = count(corpus_dir)
    vocabulary = [w for w, _ in counts.words.most_common(VOCABULARY)]
    singles = single_words(counts, vocabulary)
    return {
        "quiet_after_modal": _quiet("ModalBeAdjective", counts.after_modal, "It would {}."),
        "quiet_after_he": _quiet("PronounVerbAgreement", counts.after_he, "He {}."),
        "mass_nouns": sorted(Prober(["MassNouns"]).flagged(vocabulary, "There was a {}.")),
        "fired_words": sorted(
            Prober(["RegularIrregulars", "OpenCompounds"]).flagged(singles, "{}.")
        ),
    }
