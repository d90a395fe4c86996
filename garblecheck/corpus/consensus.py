"""What most articles of a scan agree on, and the articles that say otherwise.

Counts are of distinct articles (texts that differ only in case and spacing are one article),
never of mentions. An article disagrees only with a clear majority of the *other* articles that
speak of the same thing: at least ``min_others`` of them, making at least ``min_share`` of those
that take a side; articles that say both (a person given both titles, a quotation both ways)
take no side. Titles are compared only between articles dated within ``window_days`` of each
other (people change office), or between undated ones.

The aggregation runs once, in ``from_facts``; what it keeps is only the disagreements found, so
the consensus stays small enough to send to the worker processes that word the findings.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from garblecheck.corpus.facts import DocFacts, Office, QuoteFact
from garblecheck.corpus.quotes import CUT, Change, corrected, excerpt, relate
from garblecheck.model import Document, Finding, Severity
from garblecheck.rules.base import RuleSpec
from garblecheck.rules.loader import load_rules

CHECKS = ("title", "name", "quote")
_MAX_POSTING = 200  # a word triple in more quotations than this is a set phrase: not indexed
_EXAMPLES = 3  # articles named in a finding's evidence


@dataclass(frozen=True)
class Limits:
    """A rule's thresholds, from its file's options."""

    min_others: int
    min_share: float
    strong_others: int
    strong_share: float
    window_days: int

    @classmethod
    def of(cls, spec: RuleSpec) -> Limits:
        o = spec.options
        return cls(int(o["min_others"]), float(o["min_share"]), int(o["strong_others"]),
                   float(o["strong_share"]), int(o["window_days"]))

    def clear(self, support: int, against: int) -> bool:
        return support >= self.min_others and support >= self.min_share * (support + against)

    def strong(self, support: int, against: int) -> bool:
        return support >= self.strong_others and support >= self.strong_share * (
            support + against)


@dataclass(frozen=True)
class Disagreement:
    """One place where an article disagrees with the corpus, with the counts that say so."""

    check: str  # "title", "name" or "quote"
    start: int
    end: int
    person: str  # the person named, or the quotation's speaker ("" when unknown)
    here: str  # what this article writes
    consensus: str  # what the majority writes
    support: int  # other articles that write the consensus form
    against: int  # other articles that agree with this one
    suggestion: str
    examples: tuple[str, ...]  # ids of a few articles with the consensus form
    may_warn: bool = True  # False where only an info note is sound (unknown people's roles)


class _Units:
    """Articles counted once per distinct text, with their dates and a document id each."""

    def __init__(self, docs: list[tuple[str, DocFacts]]) -> None:
        index: dict[str, int] = {}
        self.of_doc: list[int] = []
        self.ids: list[str] = []
        self.dates: list[int | None] = []
        for doc_id, facts in docs:
            unit = index.setdefault(facts.fingerprint, len(index))
            if unit == len(self.ids):
                self.ids.append(doc_id)
                self.dates.append(dt.date.fromisoformat(facts.date).toordinal()
                                  if facts.date else None)
            self.of_doc.append(unit)

    def near(self, unit: int, window: int) -> set[int]:
        """Units whose date is within ``window`` days of ``unit``'s (undated: the undated)."""
        day = self.dates[unit]
        return {u for u, d in enumerate(self.dates)
                if (d is None and day is None)
                or (d is not None and day is not None and abs(d - day) <= window)}

    def examples(self, units: set[int]) -> tuple[str, ...]:
        return tuple(self.ids[u] for u in sorted(units)[:_EXAMPLES])


class Consensus:
    """The disagreements of every article of a corpus, ready to be worded as findings."""

    def __init__(self, found: Mapping[str, tuple[Disagreement, ...]],
                 rules: Mapping[str, RuleSpec]) -> None:
        self.found = dict(found)
        self.rules = dict(rules)

    @classmethod
    def from_facts(cls, facts: Iterable[tuple[str, DocFacts]],
                   specs: Iterable[RuleSpec] | None = None) -> Consensus:
        """Aggregate the facts of every document (id, facts) under the corpus rules of
        ``specs`` (default: the shipped rule files); a rule left out is not checked."""
        rules = {str(s.options["check"]): s
                 for s in (shipped() if specs is None else specs) if s.kind == "corpus"}
        docs = list(facts)
        units = _Units(docs)
        found: dict[str, list[Disagreement]] = defaultdict(list)
        if "title" in rules:
            _titles(docs, units, Limits.of(rules["title"]), found)
        if "name" in rules:
            _names(docs, units, Limits.of(rules["name"]), found)
        if "quote" in rules:
            _quotes(docs, units, Limits.of(rules["quote"]), found)
        return cls({k: tuple(sorted(v, key=lambda d: d.start)) for k, v in found.items()}, rules)

    def findings(self, doc_id: str, doc: Document) -> list[Finding]:
        """The findings of one document (the one its facts were collected from)."""
        out = []
        for d in self.found.get(doc_id, ()):
            spec = self.rules[d.check]
            limits = Limits.of(spec)
            strong = d.may_warn and limits.strong(d.support, d.against)
            total = d.support + d.against
            message = spec.message.format(person=d.person or "the speaker", here=d.here,
                                          consensus=d.consensus, others=d.support, total=total)
            agree = f"; {d.against} agree with this article" if d.against else ""
            out.append(Finding(
                rule=spec.code, name=spec.name, category=spec.category,
                severity=spec.severity if strong else Severity.INFO,
                message=message, start=d.start, end=d.end, origin="corpus",
                confidence=spec.confidence if strong else spec.confidence * 0.6,
                suggestion=d.suggestion,
                evidence=f"“{d.consensus}” in {d.support} of {total} other articles "
                         f"(e.g. {', '.join(d.examples)}){agree}",
                sentence=doc.seg.sentence_at(d.start),
            ))
        return out


@cache
def shipped() -> tuple[RuleSpec, ...]:
    """The corpus rules of the shipped packs."""
    return tuple(s for s in load_rules() if s.kind == "corpus")


# ---------------------------------------------------------------------------- titles

# the consensus title's offices, the articles that give it, the articles on this title's side
_Majority = tuple[tuple[Office, ...], set[int], set[int]]


def _agree(a: tuple[Office, ...], b: tuple[Office, ...]) -> bool:
    """Whether two titles can name the same office (country unstated agrees with any)."""
    return any(ta == tb and (not ca or not cb or ca == cb) for ta, ca in a for tb, cb in b)


def _titles(docs: list[tuple[str, DocFacts]], units: _Units, limits: Limits,
            found: dict[str, list[Disagreement]]) -> None:
    by_person: dict[str, dict[tuple[Office, ...], set[int]]] = defaultdict(
        lambda: defaultdict(set))
    wording: dict[tuple[str, tuple[Office, ...]], Counter[str]] = defaultdict(Counter)
    for (_, facts), unit in zip(docs, units.of_doc, strict=True):
        for t in facts.titles:
            by_person[t.person][t.offices].add(unit)
            wording[(t.person, t.offices)][t.title] += 1
    memo: dict[tuple[str, tuple[Office, ...], int | None], _Majority | None] = {}
    for (doc_id, facts), unit in zip(docs, units.of_doc, strict=True):
        for t in facts.titles:
            classes = by_person[t.person]
            if t.verified or len(classes) < 2:
                continue
            key = (t.person, t.offices, units.dates[unit])
            if key not in memo:
                near = units.near(unit, limits.window_days)
                memo[key] = _title_majority(t.offices, classes, near)
            best = memo[key]
            if best is None:
                continue
            cls, support, against = best
            support, against = support - {unit}, against - {unit}
            if not limits.clear(len(support), len(against)):
                continue
            said = Counter({w: n for c in classes if _agree(cls, c)
                            for w, n in wording[(t.person, c)].items()}).most_common(1)[0][0]
            found[doc_id].append(Disagreement(
                "title", t.start, t.end, t.name, t.title, said, len(support), len(against),
                f"{said} {t.name}", units.examples(support), may_warn=t.known))


def _title_majority(offices: tuple[Office, ...], classes: Mapping[tuple[Office, ...], set[int]],
                    near: set[int]) -> _Majority | None:
    """The title most articles near in date agree on, among those that disagree with
    ``offices``: (its offices, its articles, the articles on this title's side)."""
    here = set().union(*(u for c, u in classes.items() if _agree(offices, c))) & near
    best = None
    for cls in classes:
        if _agree(offices, cls):
            continue
        raw = set().union(*(u for c, u in classes.items() if _agree(cls, c))) & near
        support = raw - here
        if best is None or len(support) > len(best[1]):
            best = (cls, support, here - raw)
    return best


# ---------------------------------------------------------------------------- names


def _close(a: str, b: str) -> bool:
    """Spellings of one surname: one edit apart (two in long names), same first letter."""
    if a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return 0 < _distance(a, b, limit) <= limit


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up (returning ``limit + 1``) past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _names(docs: list[tuple[str, DocFacts]], units: _Units, limits: Limits,
           found: dict[str, list[Disagreement]]) -> None:
    spelt: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (_, facts), unit in zip(docs, units.of_doc, strict=True):
        for n in facts.names:
            if n.full:
                spelt[n.first][n.surname].add(unit)
                written[(n.first, n.surname)][n.written] += 1
    best: dict[tuple[str, str], tuple[str, set[int], set[int]] | None] = {}
    for (doc_id, facts), unit in zip(docs, units.of_doc, strict=True):
        for n in facts.names:
            if n.known or n.surname not in spelt[n.first]:
                continue
            key = (n.first, n.surname)
            if key not in best:
                best[key] = _name_majority(n.surname, spelt[n.first])
            won = best[key]
            if won is None:
                continue
            surname, support, against = won
            support, against = support - {unit}, against - {unit}
            if not limits.clear(len(support), len(against)):
                continue
            full = written[(n.first, surname)].most_common(1)[0][0]
            said = full if n.full else full.split()[-1]
            found[doc_id].append(Disagreement(
                "name", n.start, n.end, full, n.written, said, len(support), len(against),
                said, units.examples(support)))


def _name_majority(surname: str, spellings: Mapping[str, set[int]]
                   ) -> tuple[str, set[int], set[int]] | None:
    here = spellings[surname]
    best = None
    for other, raw in spellings.items():
        if _close(surname, other):
            support = raw - here
            if best is None or len(support) > len(best[1]):
                best = (other, support, here - raw)
    return best


# ---------------------------------------------------------------------------- quotations


@dataclass
class _Form:
    """One distinct wording of a quotation, with the articles that have it."""

    words: tuple[str, ...]
    shown: tuple[str, ...]
    units: set[int]


def _quotes(docs: list[tuple[str, DocFacts]], units: _Units, limits: Limits,
            found: dict[str, list[Disagreement]]) -> None:
    index: dict[tuple[str, ...], int] = {}
    forms: list[_Form] = []
    for (_, facts), unit in zip(docs, units.of_doc, strict=True):
        for q in facts.quotes:
            i = index.setdefault(q.words, len(forms))
            if i == len(forms):
                forms.append(_Form(q.words, q.shown, set()))
            forms[i].units.add(unit)
    same, variants = _relations(forms)
    best: dict[int, tuple[int, set[int], set[int]] | None] = {}
    for (doc_id, facts), unit in zip(docs, units.of_doc, strict=True):
        for q in facts.quotes:
            a = index[q.words]
            if a not in best:
                best[a] = _quote_majority(a, forms, same, variants)
            won = best[a]
            if won is None:
                continue
            b, support, against = won
            support, against = support - {unit}, against - {unit}
            if limits.clear(len(support), len(against)):
                found[doc_id].append(_quote_disagreement(q, forms[b], variants[a][b], support,
                                                         against, units))


def _relations(forms: list[_Form]) -> tuple[dict[int, set[int]], dict[int, dict[int, tuple[
        Change, ...]]]]:
    """For each wording, the wordings consistent with it and the variants of it (with the
    changed stretches, oriented from it), among wordings that share a word triple."""
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        words = form.words
        for k in {words[j : j + 3] for j in range(len(words) - 2)}:
            if CUT not in k:
                postings[k].append(i)
    pairs = {(a, b) for ids in postings.values() if len(ids) <= _MAX_POSTING
             for a in ids for b in ids if a < b}
    same: dict[int, set[int]] = defaultdict(set)
    variants: dict[int, dict[int, tuple[Change, ...]]] = defaultdict(dict)
    for a, b in pairs:
        found = relate(forms[a].words, forms[b].words)
        if found is None:
            continue
        kind, changes = found
        if kind == "same":
            same[a].add(b)
            same[b].add(a)
        else:
            variants[a][b] = changes
            variants[b][a] = tuple(Change(c.b_lo, c.b_hi, c.a_lo, c.a_hi) for c in changes)
    return same, variants


def _quote_majority(a: int, forms: list[_Form], same: Mapping[int, set[int]],
                    variants: Mapping[int, Mapping[int, tuple[Change, ...]]]
                    ) -> tuple[int, set[int], set[int]] | None:
    mine = {a} | same.get(a, set())
    here = set().union(*(forms[c].units for c in mine))
    best = None
    for b in variants.get(a, {}):
        raw = set().union(*(forms[c].units for c in {b} | same.get(b, set())))
        support = raw - here
        if best is None or len(support) > len(best[1]):
            best = (b, support, here - raw)
    return best


def _quote_disagreement(q: QuoteFact, form: _Form, changes: tuple[Change, ...],
                        support: set[int], against: set[int], units: _Units) -> Disagreement:
    first = changes[0]
    here = excerpt(q.shown, first.a_lo, first.a_hi)
    said = excerpt(form.shown, first.b_lo, first.b_hi)
    return Disagreement(
        "quote", q.start, q.end, q.speaker or "", here, said, len(support), len(against),
        corrected(q.shown, form.shown, changes), units.examples(support))
