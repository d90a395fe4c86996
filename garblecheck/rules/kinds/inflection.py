"""Odd inflections: the right word in a form its neighbour never takes ("several reason",
"an experts", "this animals", "could lost").

Learner English, machine translation and careless rewrites get agreement wrong: a noun in the
singular after "several", a plural after "an", a past form after a modal. The phrase table
shows it without a grammar: when the neighbour goes with another form of the word far more
often than with this one, given how common each form is, this form is suspect. The other forms
of a word come from the inflection table (WordNet's morphology over the table's vocabulary) and
from the function-word families the rule file lists ("this"/"these", "a"/"an", "was"/"were").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import numpy as np

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.knowledge.inflections import inflections
from garblecheck.knowledge.phrases import (
    IntArray,
    PhraseTable,
    SentencePairs,
    document_pairs,
    phrase_table,
    swap_surprise,
    with_partner,
)
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, register

_JOINED = re.compile(r"[ \u00a0]+")  # only spaces between two words: no hyphen, apostrophe


def _plain(text: str, sp: SentencePairs, i: int) -> bool:
    """A lower-case word (the sentence's first may have its capital): names and acronyms
    ("SEC filed", "Universal Studio") are not judged by common words' statistics."""
    key, start, end = sp.spans[i]
    word = text[start + 1 : end] if i == 0 else text[start:end]
    return key[0].isalpha() and (word.islower() or word == "")


@dataclass(frozen=True)
class OddForm:
    """Token ``odd`` of the adjacent pair (``first``, ``first + 1``) in a form its partner
    rarely takes; ``better`` is the form it takes ``better_seen`` times."""

    first: int
    odd: int
    better: str
    seen: float
    better_seen: float
    surprise: float  # nats of evidence that the pair is ``ratio`` times rarer than the form's


@register
class OddInflection(RuleKind):
    """Adjacent words where another form of one goes with the other far more often."""

    kind = "odd-inflection"
    placeholders: ClassVar[frozenset[str] | None] = frozenset()
    options: ClassVar[dict[str, Option]] = {
        "ratio": Option((int, float), default=4.0),  # how many times rarer than its form
        "max_seen": Option((int, float), default=2.0),  # pairs seen more often are English
        "min_better": Option((int, float), default=10.0),  # the other form's pair, at least
        "min_surprise": Option((int, float), default=6.0),  # nats of evidence to report
        "families": Option(list, default=[]),  # function words that are forms of each other
    }

    def prepare(self) -> None:
        o = self.spec.options
        self.ratio, self.max_seen = float(o["ratio"]), float(o["max_seen"])
        self.min_better, self.min_surprise = float(o["min_better"]), float(o["min_surprise"])
        families = o["families"]
        if not all(isinstance(f, list) and len(f) >= 2 for f in families):
            raise RuleError(str(self.spec.path), "key 'families': give lists of two words or more")
        self.families: list[list[str]] = [[str(w).lower() for w in f] for f in families]

    @cached_property
    def _family_forms(self) -> dict[int, IntArray]:
        """The other forms of the family words, as ids (made on first use: loading the rule
        does not load the tables)."""
        table, extra = phrase_table(), dict[int, set[int]]()
        for family in self.families:
            ids = {table.ids[w] for w in family if w in table.ids}
            for i in ids:
                extra.setdefault(i, set(inflections().forms(i).tolist())).update(ids - {i})
        return {i: np.array(sorted(s), dtype=np.int64) for i, s in extra.items()}

    def check(self, ctx: Context) -> list[Finding]:
        found = []
        sentences = ctx.doc.seg.sentences
        for sent, sp in zip(sentences, document_pairs([s.text for s in sentences]), strict=True):
            for odd in self.odd_forms(sent.text, sp):
                (_, a, _), (_, _, b) = sp.spans[odd.first], sp.spans[odd.first + 1]
                pair = sent.text[a:b]
                _, ka, kb = sp.spans[odd.odd]
                fixed = sent.text[a:ka] + odd.better + sent.text[kb:b]
                seen = "at most once" if odd.seen < 2 else f"{odd.seen:,.0f} times"
                message = (
                    f"“{pair}”: the words do not agree; clean English writes “{fixed}” "
                    f"({odd.better_seen:,.0f} times), “{pair}” {seen}"
                )
                found.append(self.finding(
                    ctx, sent.start + a, sent.start + b, message, suggestion=fixed,
                    evidence=f"{odd.surprise:.1f} nats",
                ))
        return found

    def odd_forms(self, text: str, sp: SentencePairs) -> list[OddForm]:
        """The adjacent pairs of a sentence with an odd form, the strongest per pair."""
        ids = sp.ids
        known = ids > 0
        rare = np.flatnonzero((sp.adj_seen <= self.max_seen) & known[:-1] & known[1:])
        rows = [  # (pair, odd token, partner token) for words standing free of each other
            (k, odd, partner)
            for k in rare.tolist()
            if _plain(text, sp, k) and _plain(text, sp, k + 1)
            and _JOINED.fullmatch(text, sp.spans[k][2], sp.spans[k + 1][1])
            for odd, partner in ((k + 1, k), (k, k + 1))
        ]
        if not rows:
            return []
        table, forms = phrase_table(), inflections()
        extra = self._family_forms
        other = [extra.get(w, forms.forms(w)) for w in ids[[odd for _, odd, _ in rows]].tolist()]
        counts = [len(o) for o in other]
        if not sum(counts):
            return []
        row = np.repeat(np.arange(len(rows)), counts)
        alt = np.concatenate(other)
        pairs = np.array(rows, dtype=np.int64)[row]
        partner = ids[pairs[:, 2]]
        second_odd = pairs[:, 1] > pairs[:, 2]
        together = with_partner(table, partner, alt, second_odd)
        best: dict[int, OddForm] = {}
        for r in np.flatnonzero(together >= self.min_better).tolist():
            k, odd, partner = rows[row[r]]
            seen = max(float(sp.adj_seen[k]), 1.0)  # pairs seen once were pruned
            surprise = swap_surprise(
                seen, float(together[r]), float(table.unigram[ids[odd]]),
                float(table.unigram[alt[r]]), self.ratio,
            )
            beyond = 2 * odd - partner  # the odd word's neighbour on its other side
            if surprise < self.min_surprise or self._chosen(text, sp, table, odd, beyond, alt[r]):
                continue
            if k not in best or surprise > best[k].surprise:
                best[k] = OddForm(k, odd, table.words[int(alt[r])], seen, float(together[r]),
                                  surprise)
        return [best[k] for k in sorted(best)]

    def _chosen(
        self, text: str, sp: SentencePairs, table: PhraseTable, odd: int, beyond: int, alt: int
    ) -> bool:
        """Whether the word on the odd word's other side takes this form ``ratio`` times more
        readily than the other: then the form is right for it ("both company chiefs": a noun
        used as a modifier keeps its singular)."""
        if not 0 <= beyond < len(sp.ids) or not _plain(text, sp, beyond):
            return False
        first, second = sorted((odd, beyond))
        if not _JOINED.fullmatch(text, sp.spans[first][2], sp.spans[second][1]):
            return False
        other = np.array([sp.ids[odd], alt])
        counts = with_partner(table, np.full(2, sp.ids[beyond]), other, np.full(2, beyond < odd))
        rates = (counts + 0.5) / table.unigram[other]
        return bool(rates[0] >= self.ratio * rates[1])
