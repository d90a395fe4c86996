"""Make garbled copies of clean sentences the way article spinners and careless rewrites do.

Each edit kind finds the places of a sentence it could change ("sites", each with the
replacements it allows); ``spin`` keeps each site with the kind's rate, draws one replacement,
and returns the copy with every edit located in both texts. The kinds mirror the garbles of
DESIGN.md section 5 (docs/spinner.md): thesaurus swaps, wrong titles, dialect switches, changed
numbers, altered quotations, meaning flips, swapped entities, duplicated words, misspelt names.
Everything random comes from the ``random.Random`` passed in, so a seed fixes the output.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from garblecheck.comparison.tokens import STOPWORDS
from garblecheck.knowledge import countries
from garblecheck.knowledge.lexicon import lexicon
from garblecheck.knowledge.offices import load as load_offices
from garblecheck.knowledge.spelling import gb_to_us, us_to_gb
from garblecheck.knowledge.titles import TYPE_RANK, UK, US, lookup, news_title
from garblecheck.segment.quotes import find_quotes

KINDS: tuple[str, ...] = (
    "synonym", "title", "dialect", "number", "quote", "negation", "entity", "repetition", "name",
)
# share of a kind's sites that get edited: spinners swap many words, a careless rewrite few
DEFAULT_RATES: Mapping[str, float] = {
    "synonym": 0.12,
    "title": 0.7,
    "dialect": 0.4,
    "number": 0.2,
    "quote": 0.2,
    "negation": 0.03,
    "entity": 0.1,
    "repetition": 0.01,
    "name": 0.05,
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_CAPITALISED = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_NAME_RUN = re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?: {_CAPITALISED})*(?![\w'’-])")
_NUMBER = re.compile(
    r"(?P<cur>[£$€])?(?P<num>\d+(?:[.,]\d+)*)"
    r"(?P<scale>bn\b|m\b|k\b| billion\b| million\b| thousand\b)?"
    r"(?P<pct>%| per ?cent\b)?"
)
_POSSESSIVE = re.compile(r"['’]s$")
_PARTICLES = frozenset(("out", "up", "down", "off", "in", "on", "over", "away", "back", "through"))
_AUXILIARIES = frozenset((
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had",
    "must", "may", "might", "does", "did", "do",
))
_CONTRACTIONS = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "won't": "will",
    "wouldn't": "would", "can't": "can", "couldn't": "could", "shouldn't": "should",
    "hasn't": "has", "haven't": "have", "hadn't": "had", "doesn't": "does", "didn't": "did",
    "don't": "do", "mustn't": "must",
}
_HONORIFICS = frozenset((
    "The", "A", "An", "In", "On", "At", "But", "And",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady",
))
# nouns a verb's inflection must not land on ("abused" -> "ill-treatmented")
_CALENDAR = frozenset((
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
))
_NOUNISH = re.compile(r"(tion|sion|ment|ness|ity|ance|ence|ship|hood)$")
_AGENT = re.compile(r"(er|or|ist)$")  # "deliverer": a derived noun among related senses
_PLAIN = re.compile(r"[a-z][a-z -]*")
_INFLECTED = re.compile(r"(ing|ed|ics|s)$")
_RELATED_WEIGHT = 0.15  # a broader or similar term: the odd picks ("melee", "stun")


@dataclass(frozen=True)
class Edit:
    """One change: its kind, its span in the copy and in the source, and the words."""

    kind: str
    start: int
    end: int
    source_start: int
    source_end: int
    original: str
    replacement: str


@dataclass(frozen=True)
class Spun:
    """A spun copy of ``source``; ``edits`` ordered by position (empty: copy == source)."""

    source: str
    text: str
    edits: tuple[Edit, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({e.kind for e in self.edits}))


@dataclass(frozen=True)
class _Site:
    """A span one kind may change, with the replacements it allows and their weights."""

    kind: str
    start: int
    end: int
    options: tuple[str, ...]
    weights: tuple[float, ...]


@dataclass(frozen=True)
class _Text:
    """The sentence with what several kinds look at, computed once."""

    text: str
    words: tuple[tuple[int, int, str], ...]
    quoted: tuple[tuple[int, int], ...]
    numbers: tuple[tuple[int, int], ...]  # words here belong to a number ("2.2 million")
    names: tuple[tuple[int, int, str], ...]
    pool: tuple[str, ...]  # names of the document to swap in

    def in_quote(self, start: int, end: int) -> bool:
        return any(qs <= start and end <= qe for qs, qe in self.quoted)

    def words_outside_numbers(self) -> list[tuple[int, tuple[int, int, str]]]:
        """The words (with their index) that are not part of a number."""
        return [
            (i, w) for i, w in enumerate(self.words)
            if not any(ns <= w[0] < ne for ns, ne in self.numbers)
        ]


def _site(kind: str, start: int, end: int, options: Sequence[str]) -> _Site:
    """A site whose replacements are equally likely."""
    return _Site(kind, start, end, tuple(options), (1.0,) * len(options))


# ---------------------------------------------------------------- word forms


def _match_case(new: str, old: str) -> str:
    if old[:1].isupper() and not new[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _suffix(word: str, lemma: str) -> str | None:
    """Which regular inflection turns ``lemma`` into ``word`` ("" when none); None when the
    form is irregular ("went"), so a replacement could not be inflected the same way."""
    if word == lemma:
        return ""
    for suffix in ("ing", "ed", "est", "er", "s"):
        if word.endswith(suffix) and word.startswith(lemma[: max(1, len(lemma) - 2)]):
            return suffix
    return None


def _table(name: str) -> Any:
    """One raw table of the shipped lexicon ("senses", "related", "antonyms", "exceptions",
    "freq").
    The lexicon answers questions about two given words; a spinner needs the other direction
    (a sense's words), so it reads the tables the lexicon already holds in memory."""
    return getattr(lexicon(), "_" + name)


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    """Dictionary form -> its irregular forms ("take" -> "taken", "took"), from WordNet."""
    table: dict[str, list[str]] = {}
    for form, base in sorted(_table("exceptions").items()):
        table.setdefault(base, []).append(form)
    return {base: tuple(forms) for base, forms in table.items()}


def _inflect(word: str, suffix: str) -> str:
    """Add a regular suffix to a base form, with English spelling rules roughly right; a past
    or a comparative of an irregular word takes its shortest irregular form ("took")."""
    if not suffix:
        return word
    if suffix == "s":
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"
    irregular = [f for f in _irregular().get(word, ()) if suffix == "ed" or f.endswith(suffix)]
    if irregular and suffix != "ing":
        return min(irregular, key=lambda f: (len(f), f))
    if word.endswith("e"):
        dropped = suffix == "ing" and not word.endswith("ee")
        return word[:-1] + suffix if dropped else word + suffix[1:]
    if re.search(r"[^aeiou]y$", word) and suffix != "ing":
        return word[:-1] + "i" + suffix
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", word):
        return word + word[-1] + suffix
    return word + suffix


def _inflect_phrase(phrase: str, suffix: str) -> str:
    """Inflect a one- or two-word replacement: the verb of a phrasal verb, else the head noun."""
    words = phrase.split()
    at = 0 if len(words) > 1 and (words[-1] in _PARTICLES or suffix in ("ing", "ed")) else -1
    words[at] = _inflect(words[at], suffix)
    return " ".join(words)


# ---------------------------------------------------------------- thesaurus


@cache
def _sense_lemmas() -> dict[int, tuple[str, ...]]:
    """WordNet sense -> its lemmas, inverted once from the shipped lexicon."""
    table: dict[int, list[str]] = {}
    for lemma, ids in _table("senses").items():
        for sense in ids.split(","):
            table.setdefault(int(sense), []).append(lemma)
    return {sense: tuple(lemmas) for sense, lemmas in table.items()}


def _senses_of(lemma: str) -> list[int]:
    packed = _table("senses").get(lemma, "")
    return [int(s) for s in packed.split(",")] if packed else []


def _linked(sense: int, table: Mapping[str, str] | Sequence[str]) -> list[int]:
    packed = table.get(str(sense), "") if isinstance(table, Mapping) else table[sense]
    return [int(s) for s in packed.split(",")] if packed else []


def _usable(candidate: str, lemma: str, suffix: str) -> bool:
    """A replacement a thesaurus tool would offer: another, common enough word, not a form
    of the same word ("deliver" -> "delivery" is derivation, not a synonym), and one that
    takes the suffix (not "cooking" + "ing")."""
    if candidate == lemma or len(candidate.split()) > 2 or not _PLAIN.fullmatch(candidate):
        return False
    if suffix and (_INFLECTED.search(candidate.split()[0]) or _NOUNISH.search(candidate)):
        return False
    if candidate[:4] == lemma[:4]:
        return False
    return all(lexicon().zipf(w) > 1.0 for w in candidate.split())


def _bases(text: str) -> list[tuple[str, str]]:
    """(dictionary form, regular suffix) pairs a word or a two-word phrase can be: "knocked
    out" -> ("knock out", "ed"). Irregular forms are left out: a replacement could not be
    inflected like them."""
    lex = lexicon()
    head, _, rest = text.partition(" ")
    found = []
    lemmas = lex.lemmas(head)
    for lemma in lemmas:
        full = f"{lemma} {rest}" if rest else lemma
        suffix = _suffix(head, lemma)
        # a dictionary word is no comparative of another ("player" is not "play" + "er")
        if suffix in ("er", "est") and lemmas[0] == head:
            continue
        if suffix is not None and _senses_of(full):
            found.append((full, suffix))
    return found


def _attested(form: str, lemma: str) -> bool:
    """Whether an inflected one-word form occurs in clean English (the lexicon's word counts),
    so that no invented form ("underest", "cookerying") is written."""
    return form == lemma or " " in form or form in _table("freq")


@lru_cache(maxsize=65536)
def thesaurus(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Replacements for a lower-case word or two-word phrase, inflected like it, with weights:
    every sense's synonyms (wrong senses included, as a spinner picks them), then broader and
    similar terms at a lower weight; common words weigh more."""
    lex = lexicon()
    found: dict[str, float] = {}
    for lemma, suffix in _bases(text):
        for sense in _senses_of(lemma):
            related = [(s, _RELATED_WEIGHT) for s in _linked(sense, _table("related"))]
            for other, weight in [(sense, 1.0), *related]:
                for cand in _sense_lemmas().get(other, ()):
                    if not _usable(cand, lemma, suffix) or (weight < 1 and _AGENT.search(cand)):
                        continue
                    form = _inflect_phrase(cand, suffix)
                    if not _attested(form, cand):
                        continue
                    common = max(min(lex.zipf(w) for w in cand.split()) - 2.0, 0.3)
                    found[form] = max(found.get(form, 0.0), weight * common)
    ordered = sorted(found.items())
    return tuple(f for f, _ in ordered), tuple(w for _, w in ordered)


@lru_cache(maxsize=4096)
def _antonym_options(word: str) -> tuple[str, ...]:
    lex = lexicon()
    out: set[str] = set()
    for lemma, suffix in _bases(word):
        for sense in _senses_of(lemma):
            for other in _linked(sense, _table("antonyms")):
                forms = [(_inflect_phrase(c, suffix), c) for c in _sense_lemmas().get(other, ())
                         if len(c.split()) <= 2 and lex.zipf(c.split()[0]) > 1.0]
                out.update(form for form, c in forms if _attested(form, c))
    return tuple(sorted(out - {word}))


# ---------------------------------------------------------------- sites of each kind


def _content(word: str) -> bool:
    return word.islower() and word not in STOPWORDS and len(word) > 2 and "'" not in word


def _word_sites(t: _Text, kind: str, in_quote: bool) -> list[_Site]:
    """Synonym swaps of two-word phrases ("knock out") where WordNet has the phrase, else of
    single content words."""
    sites = []
    words = t.words
    skip_to = 0
    for i, (start, end, word) in t.words_outside_numbers():
        # a capitalised first word before another capital starts a name or a title
        opens_name = i == 0 and len(words) > 1 and words[1][2][:1].isupper()
        plain = word[:1].lower() + word[1:] if i == 0 and not opens_name else word
        if start < skip_to or not _content(plain) or t.in_quote(start, end) != in_quote:
            continue
        candidates = [(end, plain)]
        if i + 1 < len(words) and words[i + 1][0] == end + 1 and words[i + 1][2].islower():
            candidates.insert(0, (words[i + 1][1], f"{plain} {words[i + 1][2]}"))
        for stop, phrase in candidates:
            options, weights = thesaurus(phrase)
            if options:
                cased = tuple(_match_case(o, word) for o in options)
                sites.append(_Site(kind, start, stop, cased, weights))
                skip_to = stop
                break
    return sites


def _synonym_sites(t: _Text) -> list[_Site]:
    return _word_sites(t, "synonym", in_quote=False)


def _quote_sites(t: _Text) -> list[_Site]:
    return _word_sites(t, "quote", in_quote=True)


@cache
def _titles() -> tuple[str, ...]:
    """Titles news writes before a name, both spellings of "Defence"."""
    found = {news_title(t, c) for t in TYPE_RANK for c in (UK, US, "")}
    found |= {news_title(t, UK) for t in ("uk:health", "uk:education", "uk:transport")}
    found |= {t.replace("Defence", "Defense") for t in found}
    return tuple(sorted((t for t in found if lookup(t) is not None), key=lambda t: (-len(t), t)))


@cache
def _title_pattern() -> re.Pattern[str]:
    alternation = "|".join(re.escape(t) for t in _titles())
    name = r"[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}"
    return re.compile(rf"(?<![\w-])(?P<title>{alternation}) (?P<name>{name})")


def _title_sites(t: _Text) -> list[_Site]:
    """A title before a known officeholder's name, swapped for another office's title."""
    sites = []
    offices = load_offices()
    for m in _title_pattern().finditer(t.text):
        if not offices.persons(m["name"]):
            continue
        claim = lookup(m["title"])
        options = tuple(
            other for other in _titles()
            if other != m["title"] and lookup(other) != claim
            and other.replace("Defense", "Defence") != m["title"].replace("Defense", "Defence")
        )
        sites.append(_site("title", m.start("title"), m.end("title"), options))
    return sites


def _dialect_sites(t: _Text) -> list[_Site]:
    """A British spelling made American or the reverse ("defence" <-> "defense")."""
    sites = []
    gb, us = gb_to_us(), us_to_gb()
    for start, end, word in t.words:
        low = word.lower()
        other = gb.get(low) or us.get(low)
        if other and (word.islower() or start == t.words[0][0]):
            sites.append(_site("dialect", start, end, (_match_case(other, word),)))
    return sites


def _number_options(m: re.Match[str]) -> tuple[str, ...]:
    """A digit changed, the currency dropped or swapped, the scale or the percentage changed."""
    text, at = m.group(0), m.start()
    num_start = m.start("num") - at
    options: list[str] = []
    for i in range(num_start, m.end("num") - at):
        digit = text[i]
        if digit.isdigit():
            for step in (1, 9):
                new = str((int(digit) + step) % 10)
                if not (new == "0" and i == num_start):
                    options.append(text[:i] + new + text[i + 1 :])
    if m["cur"]:
        options.append(text[1:])
        options.append(("$" if m["cur"] != "$" else "£") + text[1:])
    if m["scale"]:
        swap = {"bn": "m", "m": "bn", " billion": " million", " million": " billion",
                "k": "m", " thousand": " million"}[m["scale"]]
        options.append(text.replace(m["scale"], swap, 1))
    if m["pct"]:
        options.append(text[: m.start("pct") - at])
    return tuple(dict.fromkeys(options))


def _number_sites(t: _Text) -> list[_Site]:
    sites = []
    for m in _NUMBER.finditer(t.text):
        options = _number_options(m)
        if options:
            sites.append(_site("number", m.start(), m.end(), options))
    return sites


def _negation_sites(t: _Text) -> list[_Site]:
    """Meaning flips: "anti-"/"non-" dropped, an antonym, "not" inserted or removed."""
    sites = []
    words = t.words
    for i, (start, end, word) in t.words_outside_numbers():
        low = word.lower().replace("’", "'")
        if low.startswith(("anti-", "non-")) and len(low) > 6:
            sites.append(_site("negation", start, end, (word[5 if low[3] == "i" else 4 :],)))
        elif low in _CONTRACTIONS:
            sites.append(_site("negation", start, end, (_match_case(_CONTRACTIONS[low], word),)))
        elif low == "not" and i > 0 and words[i - 1][2].lower() in _AUXILIARIES:
            sites.append(_site("negation", words[i - 1][1], end, ("",)))
        elif low in _AUXILIARIES and words[i + 1 : i + 2] and words[i + 1][2].lower() != "not":
            sites.append(_site("negation", start, end, (word + " not",)))
        elif _content(low):
            options = _antonym_options(low)
            if options:
                sites.append(_site("negation", start, end, options))
    return sites


def _country_options(name: str) -> tuple[str, ...]:
    """Other countries named the same way (a name for a name, an adjective for an adjective)."""
    canon = countries.country_of(name)
    if canon is None:
        return ()
    names = sorted({c for c in countries.COUNTRY_FORMS.values()})
    if name == canon:
        return tuple(c for c in names if c != canon)
    adjectives = sorted({countries.adjective(c) for c in names} - set(names))
    return tuple(a for a in adjectives if a != name)


def _entity_sites(t: _Text) -> list[_Site]:
    """A country, or a name of the document, swapped for another of the same kind."""
    sites = []
    for start, end, name in t.names:
        possessive = _POSSESSIVE.search(name)
        bare = name[: possessive.start()] if possessive else name
        tail = possessive.group(0) if possessive else ""
        options = _country_options(bare) or tuple(
            other for other in t.pool
            if other != bare and len(other.split()) == len(bare.split())
            and countries.country_of(other) is None
        )
        if options:
            options = tuple(o + tail for o in options)
            sites.append(_site("entity", start, end, options))
    return sites


def _repetition_sites(t: _Text) -> list[_Site]:
    """A content word said twice ("preparing and preparing", "the the" style)."""
    return [
        _Site("repetition", start, end, (f"{word} and {word}", f"{word} {word}"), (3.0, 1.0))
        for _, (start, end, word) in t.words_outside_numbers()
        if _content(word) and len(word) > 3 and word != "cent"
    ]


def misspellings(word: str) -> tuple[str, ...]:
    """One-letter misspellings of a name: a double letter single, a letter doubled, two
    letters swapped, a vowel changed (Ellwood -> Elwood)."""
    out: list[str] = []
    for i in range(1, len(word)):
        if word[i] == word[i - 1]:
            out.append(word[:i] + word[i + 1 :])
        elif word[i].isalpha() and i + 1 < len(word) and word[i + 1].isalpha():
            out.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if word[i] in "aeiou":
            out.extend(word[:i] + v + word[i + 1 :] for v in "aeiou" if v != word[i])
        elif word[i] in "lnrst" and word[i] != word[i - 1]:
            out.append(word[:i] + word[i] + word[i:])
    return tuple(dict.fromkeys(o for o in out if o != word))


def _name_sites(t: _Text) -> list[_Site]:
    sites = []
    lex = lexicon()
    for start, _end, name in t.names:
        offset = start
        for part in name.split(" "):
            bare = _POSSESSIVE.sub("", part)
            if len(bare) >= 4 and not lex.known(bare) and countries.country_of(bare) is None:
                options = misspellings(bare)
                sites.append(_site("name", offset, offset + len(bare), options))
            offset += len(part) + 1
    return sites


_SITES: dict[str, Callable[[_Text], list[_Site]]] = {
    "synonym": _synonym_sites,
    "title": _title_sites,
    "dialect": _dialect_sites,
    "number": _number_sites,
    "quote": _quote_sites,
    "negation": _negation_sites,
    "entity": _entity_sites,
    "repetition": _repetition_sites,
    "name": _name_sites,
}


# ---------------------------------------------------------------- names and the spin


def _name_spans(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words that look like names: leading function words, honorifics and
    titles stripped; a single word at the start of the sentence only when it is no dictionary
    word ("Moscow said", not "Officials said")."""
    found = []
    lex = lexicon()
    title_words = {w for t in _titles() for w in t.split()}
    for m in _NAME_RUN.finditer(text):
        parts = m.group(0).split(" ")
        start = m.start()
        while parts and (
            parts[0] in _HONORIFICS or parts[0] in title_words or parts[0].lower() in STOPWORDS
            or parts[0] in _CALENDAR
        ):
            start += len(parts[0]) + 1
            parts.pop(0)
        if not parts or any(p in _CALENDAR for p in parts):
            continue
        run = " ".join(parts)
        known = all(lex.known(_POSSESSIVE.sub("", p)) for p in parts)
        if known and countries.country_of(_POSSESSIVE.sub("", run)) is None:
            continue
        found.append((start, start + len(run), run))
    return found


def names_in(text: str) -> tuple[str, ...]:
    """The names of a text (possessives stripped), for swapping between its sentences."""
    return tuple(dict.fromkeys(_POSSESSIVE.sub("", n) for _, _, n in _name_spans(text)))


def _prepare(text: str, pool: Iterable[str]) -> _Text:
    words = tuple((m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text))
    quoted = tuple((q.start, q.end) for q in find_quotes(text, [(0, len(text))]))
    numbers = tuple((m.start(), m.end()) for m in _NUMBER.finditer(text))
    names = tuple(_name_spans(text))
    everyone = tuple(dict.fromkeys([*pool, *names_in(text)]))
    return _Text(text, words, quoted, numbers, names, everyone)


def _rate(rate: float | Mapping[str, float], kind: str) -> float:
    return rate if isinstance(rate, float | int) else rate.get(kind, 0.0)


def spin(
    text: str,
    rng: random.Random,
    *,
    kinds: Sequence[str] = KINDS,
    rate: float | Mapping[str, float] = DEFAULT_RATES,
    names: Iterable[str] = (),
    at_least_one: bool = False,
) -> Spun:
    """A spun copy of ``text`` (one sentence or a short passage).

    Each site of each kind in ``kinds`` is edited with probability ``rate`` (one number or one
    per kind); ``names`` are other names of the same document for entity swaps; with
    ``at_least_one`` a text that has any site gets at least one edit. Overlapping edits: the
    first drawn wins.
    """
    unknown = set(kinds) - set(_SITES)
    if unknown:
        raise ValueError(f"unknown spin kinds: {', '.join(sorted(unknown))}")
    prepared = _prepare(text, names)
    sites = [s for kind in kinds for s in _SITES[kind](prepared) if s.options]
    chosen = [s for s in sites if rng.random() < _rate(rate, s.kind)]
    if at_least_one and not chosen and sites:
        chosen = [rng.choice(sites)]
    rng.shuffle(chosen)
    kept: list[tuple[_Site, str]] = []
    for site in chosen:
        if all(site.end <= k.start or site.start >= k.end for k, _ in kept):
            kept.append((site, rng.choices(site.options, weights=site.weights)[0]))
    return _apply(text, sorted(kept, key=lambda pair: pair[0].start))


def _apply(text: str, kept: list[tuple[_Site, str]]) -> Spun:
    parts: list[str] = []
    edits: list[Edit] = []
    at = shift = 0
    for site, new in kept:
        parts.append(text[at : site.start])
        start = site.start + shift
        edits.append(Edit(site.kind, start, start + len(new), site.start, site.end,
                          text[site.start : site.end], new))
        parts.append(new)
        shift += len(new) - (site.end - site.start)
        at = site.end
    parts.append(text[at:])
    return Spun(text, "".join(parts), tuple(edits))
