"""Kind ``officeholders``: titles and names of known officeholders checked against who held
which office when.

One pass per document finds every mention of a known person (full name or alias; a surname
alone once the full name has appeared) and the title written before it ("Defence Secretary Ben
Wallace") or in apposition ("Sergei Shoigu, Russia's defence minister,"). Each rule file picks
what to report with the ``check`` option:

- ``title``: the title names an office the person did not hold on the article's date (or, with
  no date, never held);
- ``name``: a name one letter away from a known officeholder's, that is itself nobody known;
- ``spelling``: a British office written in US spelling ("Defense Secretary" for a UK minister).

The pass is shared by the three rules (cached per document) and costs dict lookups per
capitalised word run, so the kind stays well under a millisecond per sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.knowledge.countries import country_of
from garblecheck.knowledge.offices import Offices, Term, fold, load
from garblecheck.knowledge.titles import (
    MODIFIERS,
    TITLE_WORDS,
    TYPE_RANK,
    UK,
    TitleClaim,
    lookup,
    news_title,
)
from garblecheck.model import Document, Finding, Severity
from garblecheck.rules.base import Option, RuleKind, register

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
_WORD = rf"[{_UPPER}][\w'’\-]*\.?"
_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:de|da|di|van|von|der|den|la|le|du|dos|al|el|bin|ibn|ter)"
                  rf"\s+)*{_WORD})*")
_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# an apposition is closed by punctuation or the sentence end, never by a verb
_TITLE_CHUNK = re.compile(r"[^,;:()–—\n]{1,80}?(?=\s*(?:[,;:)–—]|\.?\s*$))")
# words that stop a title from being the office itself (acting holders, nominees...)
_BLOCKERS = frozenset({
    "acting", "interim", "caretaker", "assistant", "junior", "incoming", "designate", "elect",
    "future", "would", "prospective", "potential", "candidate", "hopeful", "nominee",
    "permanent", "parliamentary", "principal", "associate", "private", "press", "a", "an",
})
# a "... minister" title in news also names junior ministers of the department
_DEPARTMENT = {
    "defence": ("defence", "defense", "armed forces"),
    "foreign": ("foreign",),
    "interior": ("home office", "interior", "home affairs", "internal affairs", "security"),
    "finance": ("treasury", "finance"),
    "justice": ("justice",),
}
_LOOSE_NAMES = ("president", "vice president", "attorney general")


@dataclass
class Claim:
    """A title attached to a mention, as written and as understood."""

    start: int
    end: int
    text: str
    title: TitleClaim
    country: str | None
    modifier: str | None  # "former", "then", "current" or None


@dataclass
class Mention:
    """A known person named in the text, with the title written next to it (if any)."""

    start: int
    end: int
    name: str
    persons: list[int]
    sentence: int
    surname_only: bool = False
    claim: Claim | None = None


@dataclass
class Analysis:
    """Everything the three checks need from one document."""

    mentions: list[Mention] = field(default_factory=list)
    near_misses: list[tuple[int, int, str, int]] = field(default_factory=list)


def _words_back(text: str, end: int) -> list[tuple[int, int, str]]:
    """Title-like words (split at hyphens) right before ``end``, in text order."""
    found: list[tuple[int, int, str]] = []
    window = _TOKEN.finditer(text, max(0, end - 120), end)
    pieces = [(m.start(), m.end(), m.group()) for m in window]
    after = end
    for start, stop, word in reversed(pieces[-9:]):
        if not text[stop:after].isspace():
            break
        parts = [(start + m.start(), start + m.end(), m.group())
                 for m in re.finditer(r"[^-‐]+", word)]
        if not all(_title_word(p) for _, _, p in parts):
            break
        found[:0] = parts
        after = start
    return found


def _qualified(text: str, start: int, sentence_start: int) -> bool:
    """True when a capitalised word we do not understand qualifies the title ("Lib Dem
    President", "the Liberal Democrats' President"): the title is a party's or a company's."""
    before = text[sentence_start:start].split()
    if len(before) < 2 or before[-1].endswith((".", ":", '"', "”", "“")):
        return False
    return before[-1][:1].isupper()


def _bare(word: str) -> str:
    low = word.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _title_word(word: str) -> bool:
    bare = _bare(word).strip(",")
    if word.endswith(","):
        return False
    return (bare in TITLE_WORDS or bare in MODIFIERS or bare in _BLOCKERS or bare == "the"
            or country_of(word) is not None or country_of(word.rstrip("'s’")) is not None)


def _parse(words: list[tuple[int, int, str]]) -> Claim | None:
    """A claim from title-like words: [the] [modifier] [country] core (exact phrase)."""
    core: list[tuple[int, int, str]] = []
    i = len(words)
    while i > 0:
        w = words[i - 1][2]
        bare = _bare(w)
        if bare not in TITLE_WORDS or country_of(w) is not None or w.lower() == "us":
            break
        core.insert(0, words[i - 1])
        i -= 1
    while core and _bare(core[0][2]) in ("the", "of", "for"):
        core.pop(0)
    if not core:
        return None
    title = lookup(" ".join(w for _, _, w in core))
    if title is None:
        return None
    country = None
    modifier = None
    for _, _, w in words[:i]:
        bare = _bare(w)
        if bare in _BLOCKERS:
            return None
        if bare in MODIFIERS:
            modifier = MODIFIERS[bare]
        elif country_of(w) or country_of(w.rstrip("'s’")):
            country = country_of(w) or country_of(w.rstrip("'s’"))
        elif bare not in ("the", "of"):
            return None
    first = words[0][0]
    return Claim(first, core[-1][1], "", title, country, modifier)


def _apposition(text: str, start: int, limit: int) -> Claim | None:
    """", the defence minister," / ", Russia's defence minister," right after a name."""
    if not text.startswith(", ", start):
        return None
    begin = start + 2
    m = _TITLE_CHUNK.match(text, begin, limit)
    if m is None:
        return None
    stop = m.end()
    chunk = text[begin:stop]
    words = [(begin + w.start(), begin + w.end(), w.group()) for w in _TOKEN.finditer(chunk)]
    if not words or len(words) > 8:
        return None
    country = None
    for k in range(max(1, len(words) - 3), len(words)):
        if words[k - 1][2] == "of":
            tail = " ".join(w for _, _, w in words[k:])
            found = country_of(tail) or country_of("the " + tail)
            if found:
                country = found
                words = words[: k - 1]
                break
    if not words or not all(_title_word(w) for _, _, w in words):
        return None
    claim = _parse(words)
    if claim is not None and country is not None:
        if claim.country not in (None, country):
            return None
        claim.country = country
    return claim


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


class _Index:
    """Name indexes built once from the pack: first name -> (surname, person)."""

    def __init__(self, data: Offices) -> None:
        self.data = data
        self.first: dict[str, list[tuple[str, int]]] = {}
        recent = dt.date(1990, 1, 1).toordinal()
        for pid, terms in data.by_person.items():
            if not any(t.end_hi >= recent for t in terms):
                continue
            words = fold(data.names[pid]).split()
            if len(words) == 2 and len(words[1]) >= 5:
                self.first.setdefault(words[0], []).append((words[1], pid))


_INDEX: dict[int, _Index] = {}
_CACHE: list[tuple[Document, Analysis]] = []


def analyse(doc: Document, data: Offices) -> Analysis:
    """Mentions, titles and near-miss names of one document (cached for the last document)."""
    if _CACHE and _CACHE[0][0] is doc:
        return _CACHE[0][1]
    index = _INDEX.get(id(data))
    if index is None:
        index = _INDEX[id(data)] = _Index(data)
    out = Analysis()
    seen_surnames: dict[str, list[int]] = {}
    text = doc.text
    for sent in doc.seg.sentences:
        for run in _RUN.finditer(text, sent.start, sent.end):
            _scan_run(text, run, (sent.index, sent.start, sent.end), data, index,
                      seen_surnames, out)
    _CACHE[:] = [(doc, out)]
    return out


def _scan_run(text: str, run: re.Match[str], where: tuple[int, int, int], data: Offices,
              index: _Index, seen: dict[str, list[int]], out: Analysis) -> None:
    """Mentions of known people in one run of capitalised words, with their titles."""
    sentence, begin, limit = where
    tokens = [(run.start() + m.start(), run.start() + m.end(), m.group())
              for m in _TOKEN.finditer(run.group())]
    n = len(tokens)
    i = 0
    while i < n:
        hit = None
        for j in range(min(n, i + 5), i, -1):
            last = tokens[j - 1][2]
            if last.endswith(("'s", "’s")):
                last = last[:-2]
            written = " ".join([w for _, _, w in tokens[i : j - 1]] + [last])
            persons = data.by_name.get(fold(written)) if j - i >= 2 else None
            surname_only = False
            if not persons and j - i == 1:
                persons = seen.get(fold(written))
                surname_only = True
            if persons:
                hit = (j, written, list(persons), surname_only)
                break
        if hit is None:
            if i + 1 < n:
                _near_miss(tokens[i], tokens[i + 1], data, index, out, sentence)
            i += 1
            continue
        j, written, persons, surname_only = hit
        start, end = tokens[i][0], tokens[i][0] + len(written)
        mention = Mention(start, end, written, persons, sentence, surname_only)
        if not surname_only:
            words = fold(written).split()
            seen.setdefault(words[-1], [])
            seen[words[-1]] = sorted({*seen[words[-1]], *persons})
        back = _words_back(text, start)
        claim = _parse(back) if back and not _qualified(text, back[0][0], begin) else None
        if claim is None:
            claim = _apposition(text, end, limit)
        if claim is not None:
            claim.text = text[claim.start : claim.end]
            mention.claim = claim
        out.mentions.append(mention)
        i = j


def _near_miss(first: tuple[int, int, str], last: tuple[int, int, str], data: Offices,
               index: _Index, out: Analysis, sentence: int) -> None:
    candidates = index.first.get(fold(first[2]))
    if not candidates:
        return
    written = last[2].rstrip(".,")
    if written.endswith(("'s", "’s")):
        written = written[:-2]
    surname = fold(written)
    if len(surname) < 5 or surname in data.by_surname:
        return
    for known, pid in candidates:
        if _misspelt(surname, known):
            out.near_misses.append((first[0], last[0] + len(written), data.names[pid], pid))
            return


def _misspelt(written: str, known: str) -> bool:
    """One letter dropped, doubled or swapped; a changed letter only in long surnames and not
    the first (Terry/Kerry, Parry/Perry are other people); never a transliteration (y/i)."""
    if not _one_edit(written, known) or written.replace("y", "i") == known.replace("y", "i"):
        return False
    if len(written) == len(known) and sorted(written) != sorted(known):
        return len(known) >= 8 and written[0] == known[0]
    return True


# ---------------------------------------------------------------------------- judging titles


@dataclass
class Verdict:
    severity: Severity
    message: str
    suggestion: str | None
    evidence: str


def _matching(
    data: Offices, mention: Mention, claim: Claim
) -> tuple[list[Term], set[tuple[str, str]]]:
    """The person's terms that satisfy the claim, and the offices (type, country) it names."""
    core = claim.title.phrase
    held: list[Term] = []
    keys: set[tuple[str, str]] = set()
    for pid in mention.persons:
        countries = data.countries(pid)
        for otype, fixed in claim.title.alternatives:
            if fixed and claim.country and fixed != claim.country:
                continue
            where = {fixed} if fixed else ({claim.country} if claim.country else countries)
            keys.update((otype, c) for c in where if c)
        for t in data.by_person.get(pid, ()):
            if t.office_type and any(t.office_type == o and (f is None or t.country == f)
                                     for o, f in claim.title.alternatives):
                ok = claim.country is None or t.country == claim.country
            else:
                office = t.office.lower()
                ok = (core in _LOOSE_NAMES and office.startswith(core)) or (
                    core.endswith("minister") and not core.endswith("prime minister")
                    and any(word in office for o, _ in claim.title.alternatives
                            for word in _DEPARTMENT.get(o, ())))
            if ok:
                held.append(t)
    return held, keys


def _rank(t: Term) -> int:
    return TYPE_RANK.index(t.office_type) if t.office_type in TYPE_RANK else len(TYPE_RANK)


def _describe(terms: list[Term], limit: int = 3) -> str:
    """Titles with country and dates, in the order given, without repeats."""
    best = list(dict.fromkeys((t.title, t.country, t.span()) for t in terms))
    return "; ".join(f"{title} ({country}, {span})" for title, country, span in best[:limit])


def judge(data: Offices, mention: Mention, claim: Claim, day: dt.date | None,
          sentence_text: str, newest: int) -> Verdict | None:
    """None when the title fits what the person held; otherwise what is wrong and why."""
    if claim.title.phrase == "secretary of state" and any(
            UK in data.countries(p) for p in mention.persons):
        return None  # British usage: any cabinet minister is a Secretary of State
    if claim.country and not any(claim.country in data.countries(p) for p in mention.persons):
        return None  # a namesake from another country: the data does not know this person
    held, keys = _matching(data, mention, claim)
    if not held:
        return _never_held(data, mention, claim, keys, day, newest)
    if day is None or claim.modifier == "then":
        return None
    ordinal = day.toordinal()
    if any(t.possibly_at(ordinal) for t in held):
        return None
    if claim.modifier == "former" and any(t.start_lo <= ordinal for t in held):
        return None
    years = {int(y) for y in _YEAR.findall(sentence_text)}
    if any(_in_year(t, y) for t in held for y in years):
        return None  # the sentence is about that time ("In 2003, Prime Minister ...")
    return _held_at_other_time(data, mention, claim, held, keys, day)


def _typed(data: Offices, mention: Mention) -> list[Term]:
    """The person's terms in tracked offices, most senior and most recent first."""
    terms = [t for p in mention.persons for t in data.by_person.get(p, ()) if t.office_type]
    return sorted(terms, key=lambda t: (_rank(t), -t.start_lo))


def _held_at_other_time(data: Offices, mention: Mention, claim: Claim, held: list[Term],
                        keys: set[tuple[str, str]], day: dt.date) -> Verdict:
    name, ordinal = mention.name, day.toordinal()
    now = [t for t in _typed(data, mention) if t.possibly_at(ordinal)]
    then = "; ".join(f"{t.title} ({t.country})" for t in now[:2]) or "no tracked office"
    msg = (f"'{claim.text} {name}': {name} did not hold that office on {day.isoformat()} "
           f"(held it {_spans(held)}); on that date: {then}.{_who(data, keys, ordinal)}")
    suggestion = f"{now[0].title} {name}" if now else f"former {claim.text} {name}"
    return Verdict(Severity.ERROR, msg, suggestion, held[0].evidence(data.names[held[0].person]))


def _never_held(data: Offices, mention: Mention, claim: Claim, keys: set[tuple[str, str]],
                day: dt.date | None, newest: int) -> Verdict:
    """An office the person never held: an error where the data on it is complete."""
    name = mention.name
    covered = max((data.coverage.get(k, 0) for k in keys), default=0)
    severity, reason = Severity.ERROR, ""
    ranked = _typed(data, mention)
    if day is None:
        who = _recent(data, keys)
        if covered < newest:
            severity, reason = Severity.WARNING, " (the data on that office may be out of date)"
        verb = "never held that office"
    else:
        ordinal = day.toordinal()
        who = _who(data, keys, ordinal)
        if ordinal > covered:
            severity, reason = Severity.WARNING, " (the data on that office ends before that date)"
        elif not who:
            severity, reason = Severity.WARNING, " (the data names no holder on that date)"
        ranked = [t for t in ranked if t.possibly_at(ordinal)] or ranked
        verb = f"did not hold that office on {day.isoformat()} and never held it"
    if mention.surname_only or claim.title.alternatives[0][0].startswith("shadow:"):
        severity = min(severity, Severity.WARNING, key=lambda s: s.rank)
        reason = reason or " (the shadow-post data is incomplete)"
    if not ranked or _devolved(data, mention, claim):
        severity = Severity.INFO
    held_text = _describe(ranked) if ranked else "in no tracked office"
    msg = (f"'{claim.text} {name}': {name} {verb} in the officeholder data{reason}; {name} was "
           f"{held_text}.{who}")
    suggestion = f"{ranked[0].title} {name}" if ranked else None
    evidence = "; ".join(t.evidence(data.names[t.person]) for t in ranked[:2])
    return Verdict(severity, msg, suggestion, evidence)


def _devolved(data: Offices, mention: Mention, claim: Claim) -> bool:
    """A "... minister" title for a British politician: a junior or devolved post (Scottish
    Justice Minister) the data does not track, not a cabinet post."""
    phrase = claim.title.phrase
    return (phrase.endswith("minister") and phrase != "prime minister"
            and all(data.countries(p) <= {UK} for p in mention.persons))


def _in_year(t: Term, year: int) -> bool:
    lo = dt.date(year, 1, 1).toordinal()
    hi = dt.date(year, 12, 31).toordinal()
    return t.start_lo <= hi and lo <= t.end_hi


def _recent(data: Offices, keys: set[tuple[str, str]]) -> str:
    """The latest holders of the named offices, for a message without a date."""
    parts = []
    for otype, country in sorted(keys)[:2]:
        terms = sorted(data.by_office.get((otype, country), ()), key=lambda t: t.start_lo)[-3:]
        if terms:
            names = ", ".join(f"{data.names[t.person]} ({t.span()})" for t in terms)
            parts.append(f" Latest holders of {country}'s {news_title(otype, country)}: {names}.")
    return "".join(parts)


def _spans(terms: list[Term]) -> str:
    return ", ".join(sorted({t.span() for t in terms})[:3])


def _who(data: Offices, keys: set[tuple[str, str]], ordinal: int) -> str:
    parts = []
    for otype, country in sorted(keys):
        holders = data.holders(otype, country, ordinal)
        if holders:
            names = " and ".join(sorted({data.names[t.person] for t in holders}))
            parts.append(f" {country}'s {news_title(otype, country)} then was {names}.")
    return "".join(parts[:3])


# ---------------------------------------------------------------------------- the kind


@register
class OfficeholdersKind(RuleKind):
    """Titles, names and spellings of known officeholders (see the module docstring)."""

    kind: ClassVar[str] = "officeholders"
    options: ClassVar[dict[str, Option]] = {
        "check": Option(str, required=True),
    }
    _CHECKS: ClassVar[tuple[str, ...]] = ("title", "name", "spelling")

    def prepare(self) -> None:
        check = self.spec.options.get("check")
        if check not in self._CHECKS:
            raise RuleError(str(self.spec.path), f"check must be one of {', '.join(self._CHECKS)}")
        self.check_name: str = check
        self.data = load()
        self.newest = self.data.as_of

    def check(self, ctx: Context) -> list[Finding]:
        result = analyse(ctx.doc, self.data)
        if self.check_name == "name":
            return [self._name_finding(ctx, m) for m in result.near_misses]
        findings = []
        for mention in result.mentions:
            claim = mention.claim
            if claim is None:
                continue
            finding = (self._title_finding(ctx, mention, claim) if self.check_name == "title"
                       else self._spelling_finding(ctx, mention, claim))
            if finding is not None:
                findings.append(finding)
        return findings

    def _title_finding(self, ctx: Context, mention: Mention, claim: Claim) -> Finding | None:
        sentence = ctx.doc.seg.sentences[mention.sentence]
        verdict = judge(self.data, mention, claim, ctx.date, sentence.text, self.newest)
        if verdict is None:
            return None
        start, end = min(claim.start, mention.start), max(claim.end, mention.end)
        return self.finding(ctx, start, end, verdict.message,
                            suggestion=verdict.suggestion, evidence=verdict.evidence,
                            severity=min(verdict.severity, self.spec.severity,
                                         key=lambda s: s.rank))

    def _name_finding(self, ctx: Context, miss: tuple[int, int, str, int]) -> Finding:
        start, end, known, pid = miss
        terms = sorted(self.data.by_person.get(pid, ()), key=lambda t: (_rank(t), -t.start_lo))
        written = ctx.doc.text[start:end]
        what = f" ({terms[0].title}, {terms[0].country}, {terms[0].span()})" if terms else ""
        return self.finding(
            ctx, start, end,
            f"{written}: probably {known}{what}; no known person is called {written}.",
            suggestion=known, evidence=terms[0].evidence(known) if terms else None,
        )

    def _spelling_finding(self, ctx: Context, mention: Mention, claim: Claim) -> Finding | None:
        if not claim.title.us_spelling:
            return None
        held, _ = _matching(self.data, mention, claim)
        if not held or not all(t.country == UK for t in held):
            return None
        fixed = re.sub("Defense", "Defence", re.sub("defense", "defence", claim.text))
        # Unqualified, the title presents him as the reader's own minister: a British outlet,
        # which would spell it the British way (and to American readers an unqualified
        # "Defense Secretary" is the US one). "British Defense Secretary" is US house style.
        domestic = claim.country is None or (ctx.locale or "").lower() == "en-gb"
        severity = Severity.WARNING if domestic else Severity.INFO
        return self.finding(
            ctx, claim.start, claim.end,
            f"'{claim.text}': {mention.name}'s office is British, spelt '{fixed}'.",
            suggestion=fixed, evidence=held[0].evidence(self.data.names[held[0].person]),
            severity=severity,
        )
