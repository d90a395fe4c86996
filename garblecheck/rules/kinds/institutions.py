"""Institutions that do not exist in the country a story is about.

A rewrite or a machine translation turns a country's bodies into another country's: the
Labour party becomes "the Ministry of Labor" in a British story, the Pentagon "the Ministry of
Defense", Russia's Federation Council "the Russian Senate". The knowledge file
(``rules/knowledge/institutions.yaml``) lists, per country, its real bodies and these
mistakes. A mention counts for a country when a name of that country qualifies it ("the
British Interior Ministry", "the lower house of Russia's parliament"); a mention qualified by
another country ("Saudi labour ministry") is that country's and is skipped; an unqualified
mention counts only when the story is clearly from or about the country and its paragraph is
not about another one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.knowledge.countries import COUNTRY_FORMS
from garblecheck.model import Finding, Severity
from garblecheck.packs import knowledge_path
from garblecheck.rules.base import Option, RuleKind, register
from garblecheck.rules.kinds.existence import in_scope
from garblecheck.rules.kinds.knowledge_file import KnowledgeReader

_MODES = ("never", "home", "domestic")
# words that may stand between a country and the body it qualifies ("Russia's parliament's")
_BEFORE = re.compile(
    r"\s*(?:(?:the|its|parliament's|government's|federal|national|state|new|former|own)\s+)*\Z",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\s+(?:of|in|for)\s+(?:the\s+)?\Z")
_POSSESSIVE = re.compile(r"['’]s\Z")


def alternatives(forms: Iterable[str]) -> str:
    """Any of the forms, as regex alternatives longest first (so "Russian Federation" wins
    over "Russian")."""
    return "|".join(re.escape(f) for f in sorted(dict.fromkeys(forms), key=len, reverse=True))


def _words(forms: list[str]) -> re.Pattern[str]:
    """Any of the forms as whole words, optionally possessive."""
    return re.compile(r"(?<!\w)(?:" + alternatives(forms) + r")(?:['’]s)?(?!\w)")


@dataclass(frozen=True)
class Mistake:
    """A name a rewrite gives a body of this country, and what was probably meant."""

    pattern: str  # a regular expression, compiled into the country's ``pattern``
    intended: str
    why: str
    suggestion: str | None
    severity: Severity | None
    unless: re.Pattern[str] | None
    unqualified: str


@dataclass(frozen=True)
class Country:
    name: str
    names: frozenset[str]
    markers: re.Pattern[str] | None
    bodies: re.Pattern[str] | None
    mistakes: tuple[Mistake, ...]
    pattern: re.Pattern[str]  # every mistake, alternative ``m<i>`` for ``mistakes[i]``


@dataclass(frozen=True)
class Knowledge:
    countries: dict[str, Country]
    mentions: re.Pattern[str]  # any name of any country, or a place
    country_of: dict[str, str]  # a form (no possessive) -> canonical country

    def named(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """Each name of a country or place within ``text[lo:hi]``: (start, end, country)."""
        for m in self.mentions.finditer(text, lo, hi):
            yield m.start(), m.end(), self.country_of[_POSSESSIVE.sub("", m.group())]


class _Reader(KnowledgeReader):
    """Validates the institutions file, naming the key of anything wrong."""

    def mistake(self, item: Any, where: str) -> Mistake:
        allowed = {"pattern", "intended", "why", "suggestion", "severity", "unless", "unqualified"}
        item = self.mapping(item, where, allowed)
        for key in ("intended", "why"):
            if not isinstance(item.get(key), str):
                raise self.fail(f"{where}.{key}", "must be a string")
        mode = item.get("unqualified", "never")
        if mode not in _MODES:
            raise self.fail(f"{where}.unqualified", f"must be one of {', '.join(_MODES)}")
        severity = item.get("severity")
        if severity is not None and severity not in {s.value for s in Severity}:
            raise self.fail(f"{where}.severity", "must be error, warning or info")
        unless = item.get("unless")
        return Mistake(
            pattern=self.regex(item.get("pattern"), f"{where}.pattern").pattern,
            intended=item["intended"],
            why=" ".join(item["why"].split()),
            suggestion=item.get("suggestion"),
            severity=Severity(severity) if severity else None,
            unless=None if unless is None else self.regex(unless, f"{where}.unless"),
            unqualified=mode,
        )

    def country(self, name: str, entry: Any) -> Country:
        where = f"countries.{name}"
        if not isinstance(entry, dict):
            raise self.fail(where, "must be a mapping")
        markers = self.strings(entry.get("markers", []), f"{where}.markers")
        bodies = self.strings(entry.get("bodies", []), f"{where}.bodies")
        items = entry.get("mistakes", [])
        if not isinstance(items, list) or not items:
            raise self.fail(f"{where}.mistakes", "must be a non-empty list")
        mistakes = tuple(self.mistake(m, f"{where}.mistakes.{i}") for i, m in enumerate(items))
        mistaken = "|".join(f"(?P<m{i}>{m.pattern})" for i, m in enumerate(mistakes))
        return Country(
            name=name,
            names=frozenset(self.strings(entry.get("names"), f"{where}.names")),
            markers=_words(markers) if markers else None,
            bodies=_words(bodies) if bodies else None,
            mistakes=mistakes,
            pattern=re.compile(r"(?<!\w)(?:" + mistaken + r")(?!\w)"),
        )


@cache
def load_knowledge(path: Path) -> Knowledge:
    """The knowledge file, validated and compiled once per process."""
    reader = _Reader(path)
    data = reader.load("institutions")
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise reader.fail("countries", "must be a mapping of country names")
    places = data.get("places", {})
    if not isinstance(places, dict):
        raise reader.fail("places", "must be a mapping of place -> country")
    countries = {str(k): reader.country(str(k), v) for k, v in data["countries"].items()}
    country_of = {f: c for f, c in COUNTRY_FORMS.items() if not f.endswith(("'s", "’s"))}
    country_of.update({str(p): str(c) for p, c in places.items()})
    for country in countries.values():
        country_of.update(dict.fromkeys(country.names, country.name))
    mentions = re.compile(r"(?=[A-Z])" + _words(list(country_of)).pattern)
    return Knowledge(countries, mentions, country_of)


class _Story:
    """Who a document mentions: names, places and domestic markers of countries. A sentence
    is searched for each mention found; the whole text only when a story-level count is
    needed, which is rare."""

    def __init__(self, text: str, knowledge: Knowledge) -> None:
        self.text = text
        self.knowledge = knowledge
        self.homes = [c.name for c in knowledge.countries.values() if c.markers is not None]

    def mentions(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        found = list(self.knowledge.named(self.text, lo, hi))
        for country in self.knowledge.countries.values():
            if country.markers is not None:
                found.extend(
                    (m.start(), m.end(), country.name)
                    for m in country.markers.finditer(self.text, lo, hi)
                )
        return found

    @cached_property
    def everywhere(self) -> list[tuple[int, int, str]]:
        return self.mentions(0, len(self.text))

    def counts(self, lo: int, hi: int) -> Counter[str]:
        return Counter(c for s, e, c in self.everywhere if lo <= s and e <= hi)

    def qualifier(self, start: int, end: int, lo: int, hi: int) -> str | None:
        """The country named right before or right after the span, within ``lo:hi``."""
        near = self.mentions(lo, hi)
        before = [(e, c) for s, e, c in near if e <= start]
        if before:
            e, country = max(before)
            if _BEFORE.match(self.text, e, start):
                return country
        after = [(s, c) for s, e, c in near if s >= end]
        if after:
            s, country = min(after)
            if _AFTER.match(self.text, end, s):
                return country
        return None


@register
class InstitutionRule(RuleKind):
    """Flags the mistaken names of one country's bodies (``country`` in the knowledge file)."""

    kind: ClassVar[str] = "institutions"
    options: ClassVar[dict[str, Option]] = {
        "country": Option(str, required=True),
        "knowledge": Option(str, default="institutions.yaml"),
        "min_home": Option(int, default=3),
    }

    def prepare(self) -> None:
        self.knowledge = load_knowledge(knowledge_path(self.spec.options["knowledge"]))
        name = self.spec.options["country"]
        if name not in self.knowledge.countries:
            known = ", ".join(self.knowledge.countries)
            raise RuleError(str(self.spec.path), f"key 'country': unknown {name!r} ({known})")
        self.country = self.knowledge.countries[name]
        self.min_home = int(self.spec.options["min_home"])

    def check(self, ctx: Context) -> list[Finding]:
        text = ctx.doc.text
        mistakes = self.country.mistakes
        hits = [
            (m, mistakes[int(m.lastgroup[1:])])
            for m in self.country.pattern.finditer(text)
            if m.lastgroup and in_scope(ctx, m.start(), m.end(), "prose")
        ]
        if not hits:
            return []
        story = _Story(text, self.knowledge)
        bodies = (
            [b.span() for b in self.country.bodies.finditer(text)] if self.country.bodies else []
        )
        findings: list[Finding] = []
        for m, mistake in hits:
            start, end = m.span()
            if any(s < end and start < e for s, e in bodies):
                continue
            lo, hi = self._sentence(ctx, start)
            if mistake.unless is not None and mistake.unless.search(text, lo, hi):
                continue
            qualifier = story.qualifier(start, end, lo, hi)
            if qualifier is None and self._counts_unqualified(ctx, story, mistake, start, lo, hi):
                findings.append(self._finding(ctx, m.group(), start, end, mistake, False))
            elif qualifier == self.country.name:
                findings.append(self._finding(ctx, m.group(), start, end, mistake, True))
        return findings

    @staticmethod
    def _sentence(ctx: Context, offset: int) -> tuple[int, int]:
        index = ctx.doc.seg.sentence_at(offset)
        if index is None:
            return 0, len(ctx.doc.text)
        sentence = ctx.doc.seg.sentences[index]
        return sentence.start, sentence.end

    def _counts_unqualified(
        self, ctx: Context, story: _Story, mistake: Mistake, start: int, lo: int, hi: int
    ) -> bool:
        """Whether an unqualified mention is this country's: the story is from (``home``) or
        about (``domestic``) it, and neither the sentence nor the paragraph is elsewhere."""
        me = self.country.name
        if mistake.unqualified == "never":
            return False
        doc = story.counts(0, len(ctx.doc.text))
        if doc[me] < self.min_home:
            return False
        others = sum(n for c, n in doc.items() if c != me)
        if mistake.unqualified == "home":
            if any(doc[c] >= doc[me] for c in story.homes if c != me):
                return False
        elif doc[me] < 2 * others:
            return False
        block = next((b for b in ctx.doc.seg.blocks if b.start <= start < b.end), None)
        b_lo, b_hi = (block.start, block.end) if block else (lo, hi)
        for a, z in ((lo, hi), (b_lo, b_hi)):
            local = story.counts(a, z)
            if sum(n for c, n in local.items() if c != me) > local[me]:
                return False
        return True

    def _finding(
        self, ctx: Context, found: str, start: int, end: int, mistake: Mistake, qualified: bool
    ) -> Finding:
        where = "named" if qualified else "in a story from or about"
        message = (
            f"'{found}' {where} {self.country.name}: {mistake.why}; "
            f"probably meant {mistake.intended}"
        )
        confidence = self.spec.confidence * (1.0 if qualified else 0.85)
        return self.finding(
            ctx,
            start,
            end,
            message,
            suggestion=mistake.suggestion,
            evidence=mistake.intended,
            severity=mistake.severity,
            confidence=confidence,
        )
