"""What one article says that other articles of a corpus can confirm or contradict: the title
each person is given, how each name is spelt, how each quotation is worded.

``collect_facts`` runs once per document in the scan's worker processes, so its result is
plain frozen dataclasses of strings, numbers and tuples (cheap to pickle). Known officeholders
and their titles come from the officeholder pass (shared with GC101-GC103, cached per
document); other people from capitalised names with evidence of being a person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from garblecheck.corpus.names import SPEECH_VERBS, FoundName, find_names, head, spelling
from garblecheck.corpus.quotes import CUT, tokens_of
from garblecheck.dates import find_date
from garblecheck.knowledge.countries import country_of
from garblecheck.knowledge.offices import Offices, load
from garblecheck.knowledge.offices import fold as fold_name
from garblecheck.knowledge.titles import UK, lookup
from garblecheck.model import Document, Quote
from garblecheck.rules.kinds.officeholders import Mention, analyse, judge
from garblecheck.segment import segment

MIN_QUOTE_WORDS = 6
_NAME = r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}"
_VERB = "|".join(SPEECH_VERBS)
_SPEAKER_AFTER = re.compile(
    rf"[\s,]*(?:(?P<a>{_NAME})\s+(?:{_VERB})\b|(?:{_VERB})\s+(?P<b>{_NAME}))")
_SPEAKER_BEFORE = re.compile(rf"(?P<c>{_NAME})\s+(?:{_VERB})(?:\s+\w+)?\s*[:,]\s*$")
_NOT_SPEAKERS = frozenset({"He", "She", "They", "We", "It", "I", "The", "A", "But", "And"})

Office = tuple[str, str]  # (office type or "role:<noun>", country or "")


@dataclass(frozen=True)
class TitleFact:
    """A title written next to a person's name."""

    person: str  # "k:<ids>" for known officeholders, "n:<first> <surname>" for others
    name: str  # the name as written
    title: str  # the title as written
    offices: tuple[Office, ...]  # what the title claims; any one of them
    known: bool  # a known officeholder (the data can judge the title)
    verified: bool  # the officeholder data confirms the title on the article's date
    start: int
    end: int


@dataclass(frozen=True)
class NameFact:
    """A person's name as written: a full name, or its surname alone further on."""

    first: str  # first name, folded (transliterations unified)
    surname: str  # surname spelling (diacritics and transliteration habits folded)
    written: str
    full: bool
    known: bool  # the written full name is a known officeholder's
    start: int
    end: int


@dataclass(frozen=True)
class QuoteFact:
    """A quotation of at least ``MIN_QUOTE_WORDS`` words, without its marks."""

    words: tuple[str, ...]  # normalised, one per token
    shown: tuple[str, ...]  # the tokens as written
    speaker: str | None  # the name in a nearby attribution ("Wallace said")
    start: int
    end: int


@dataclass(frozen=True)
class DocFacts:
    """Everything one article contributes to the corpus consensus."""

    fingerprint: str  # same text (case and spacing aside): the same article, counted once
    date: str | None  # ISO date of the article, when it states one
    titles: tuple[TitleFact, ...] = ()
    names: tuple[NameFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()


def collect_facts(doc: Document) -> DocFacts:
    """The titles, names and quotations of one document (segmented when it is not yet)."""
    if not doc.seg.sentences and doc.text.strip():
        doc.seg = segment(doc.text)
    day = doc.meta.date or find_date(doc.text, doc.seg)
    data = load()
    mentions = analyse(doc, data).mentions
    found = [n for n in find_names(doc.text, [(s.start, s.end) for s in doc.seg.sentences])
             if not any(m.start < n.end and n.start < m.end for m in mentions)]
    titles = [t for m in mentions if (t := _known_title(doc, data, m, day)) is not None]
    titles.extend(t for n in found if (t := _other_title(n)) is not None)
    names = [_known_name(m) for m in mentions if not m.surname_only and " " in m.name]
    names.extend(NameFact(fold_name(n.first), spelling(n.surname), n.written, True, False,
                          n.start, n.end) for n in found)
    names.extend(_surnames_alone(doc, found))
    digest = hashlib.blake2b(" ".join(doc.text.lower().split()).encode(), digest_size=8)
    return DocFacts(
        fingerprint=digest.hexdigest(),
        date=day.isoformat() if day else None,
        titles=tuple(titles),
        names=tuple(sorted(names, key=lambda f: f.start)),
        quotes=tuple(q for quote in doc.seg.quotes if (q := _quote(doc.text, quote)) is not None),
    )


def _known_title(doc: Document, data: Offices, m: Mention,
                 day: dt.date | None) -> TitleFact | None:
    claim = m.claim
    if claim is None or claim.modifier in ("former", "then"):
        return None  # a past office is a different claim from the current one
    phrase = claim.title.phrase
    if phrase == "secretary of state" and any(UK in data.countries(p) for p in m.persons):
        return None  # British usage: any cabinet minister is a Secretary of State
    sentence = doc.seg.sentences[m.sentence].text
    verdict = judge(data, m, claim, day, sentence, data.as_of)
    offices = tuple(dict.fromkeys((otype, fixed or claim.country or "")
                                  for otype, fixed in claim.title.alternatives))
    return TitleFact("k:" + ",".join(str(p) for p in sorted(m.persons)), m.name, claim.text,
                     offices, True, verdict is None, min(claim.start, m.start),
                     max(claim.end, m.end))


def _other_title(n: FoundName) -> TitleFact | None:
    if n.title is None or n.title_start is None:
        return None
    words = n.title.split()
    country = country_of(words[0]) if len(words) > 1 else None
    claim = lookup(" ".join(words[1:]) if country else n.title)
    offices: tuple[Office, ...] = (
        tuple(dict.fromkeys((t, f or country or "") for t, f in claim.alternatives)) if claim
        else (("role:" + head(n.title), ""),)
    )
    person = f"n:{fold_name(n.first)} {spelling(n.surname)}"
    return TitleFact(person, n.written, n.title, offices, False, False, n.title_start, n.end)


def _known_name(m: Mention) -> NameFact:
    words = m.name.split()
    return NameFact(fold_name(words[0]), spelling(words[-1]), m.name, True, True, m.start, m.end)


def _surnames_alone(doc: Document, found: list[FoundName]) -> list[NameFact]:
    """Later mentions of an unknown person by surname alone ("Elwood said")."""
    firsts = {n.surname: fold_name(n.first) for n in found}
    if not firsts:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in firsts) + r")\b")
    spans = [(n.start, n.end) for n in found]
    out = []
    for sent in doc.seg.sentences:
        for m in pattern.finditer(doc.text, sent.start, sent.end):
            if not any(a <= m.start() < b for a, b in spans):
                out.append(NameFact(firsts[m.group()], spelling(m.group()), m.group(), False,
                                    False, m.start(), m.end()))
    return out


def _quote(text: str, quote: Quote) -> QuoteFact | None:
    inner_end = quote.end - 1 if quote.closed else quote.end
    words, shown = tokens_of(text[quote.start + 1 : inner_end])
    if len(words) - words.count(CUT) < MIN_QUOTE_WORDS:
        return None
    return QuoteFact(words, shown, _speaker(text, quote), quote.start, quote.end)


def _speaker(text: str, quote: Quote) -> str | None:
    """The name of an attribution right after or right before the quotation."""
    after = _SPEAKER_AFTER.match(text, quote.end, min(len(text), quote.end + 60))
    name = (after.group("a") or after.group("b")) if after else None
    if name is None:
        before = _SPEAKER_BEFORE.search(text, max(0, quote.start - 80), quote.start)
        name = before.group("c") if before else None
    if name is None or name.split()[0] in _NOT_SPEAKERS:
        return None
    return name
