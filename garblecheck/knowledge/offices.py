"""Who held which office when: the runtime side of the officeholder pack.

Loads ``officeholders.json`` once (cached) and answers three questions with dict lookups:
which known people a written name can be, what offices a person held around a date, and who
held an office (type, country) on a date. Dates in the data may be a year or a month only; every
term therefore carries the earliest and latest day it can have started and ended, so that an
imprecise boundary can never make a claim look false.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from garblecheck.errors import RuleError
from garblecheck.knowledge.titles import news_title
from garblecheck.packs import knowledge_path

PACK = "officeholders.json"
_FAR = dt.date(9999, 12, 31).toordinal()
_AS_OF = re.compile(r"as-of (\d{4}-\d{2}-\d{2})")
_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "dos",
                        "al", "el", "bin", "ibn", "ter", "y"})
# transliteration variants of first names, folded to one spelling
_FIRST_NAMES = {
    "sergey": "sergei", "andrey": "andrei", "aleksei": "alexei", "alexey": "alexei",
    "aleksey": "alexei", "dmitri": "dmitry", "dmitriy": "dmitry", "yury": "yuri",
    "yuriy": "yuri", "anatoliy": "anatoly", "anatolii": "anatoly", "vitaliy": "vitaly",
    "vitalii": "vitaly", "nikolay": "nikolai", "yevgeny": "evgeny", "yevgeniy": "evgeny",
    "oleksiy": "oleksii", "mikhail": "mikhail", "valeriy": "valery", "valerii": "valery",
    "gennady": "gennadiy", "arseniy": "arseny", "arsenii": "arseny", "denys": "denis",
}


def fold(name: str) -> str:
    """A name's lookup key: diacritics, case, dots and apostrophes folded; first-name
    transliterations unified ("Sergey Shoygu" and "Sergei Shoygu" share a key)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
        text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    text = re.sub(r"[.'’`]", "", text)
    words = re.sub(r"[\s\-‐–]+", " ", text).split()
    if words:
        words[0] = _FIRST_NAMES.get(words[0], words[0])
    return " ".join(words)


@cache
def _bounds(text: str) -> tuple[int, int]:
    """Earliest and latest ordinal day a "YYYY[-MM[-DD]]" date can stand for."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts).toordinal()
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()


@dataclass(frozen=True, slots=True)
class Term:
    """One person's term in one office, with the uncertainty of its dates."""

    person: int
    office_type: str
    country: str
    start: str
    end: str  # "" = open: held when the source was last updated (``as_of``)
    office: str
    source: str
    ref: str
    start_lo: int
    start_hi: int
    end_lo: int  # for an open term: the source's as-of day
    end_hi: int  # for an open term: unknown, so far in the future

    def certainly_at(self, day: int) -> bool:
        return self.start_hi <= day <= self.end_lo

    def possibly_at(self, day: int) -> bool:
        return self.start_lo <= day <= self.end_hi

    @property
    def title(self) -> str:
        return news_title(self.office_type, self.country, self.office) if self.office_type \
            else self.office

    def span(self) -> str:
        """"2012-11-06 to 2024-05-14", or "since 2012-05-07 (data as of 2023-01-20)"."""
        if self.end:
            return f"{self.start} to {self.end}"
        as_of = dt.date.fromordinal(self.end_lo).isoformat()
        return f"since {self.start} (data as of {as_of})"

    def evidence(self, name: str) -> str:
        return f"{name}: {self.office}, {self.country}, {self.span()} [{self.source} {self.ref}]"


class Offices:
    """The loaded pack with its indexes."""

    def __init__(self, data: dict[str, object], path: Path) -> None:
        try:
            sources = [str(s) for s in data["sources"]]  # type: ignore[attr-defined]
            people: list[list[str]] = data["people"]  # type: ignore[assignment]
            raw_terms: list[list[object]] = data["terms"]  # type: ignore[assignment]
            cov: dict[str, str] = data["coverage"]  # type: ignore[assignment]
            # the date the curated additions are complete to: "current" for the check
            self.as_of = dt.date.fromisoformat(str(data["as_of"])).toordinal()
        except (KeyError, TypeError) as exc:
            raise RuleError(str(path), f"not an officeholder pack: {exc}") from exc
        self.names = [p[0] for p in people]
        as_of = {s: _AS_OF.search(s) for s in sources}
        self.terms: list[Term] = []
        self.by_person: dict[int, list[Term]] = defaultdict(list)
        self.by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for pid, otype, country, start, end, office, src, ref in raw_terms:
            label = sources[int(src)]  # type: ignore[call-overload]
            m = as_of[label]
            s_lo, s_hi = _bounds(str(start))
            if end:
                e_lo, e_hi = _bounds(str(end))
            else:
                e_lo = dt.date.fromisoformat(m.group(1)).toordinal() if m else s_hi
                e_hi = _FAR
            term = Term(int(pid), str(otype), str(country), str(start), str(end),  # type: ignore[call-overload]
                        str(office), label, str(ref), s_lo, s_hi, e_lo, e_hi)
            self.terms.append(term)
            self.by_person[term.person].append(term)
            if term.office_type:
                self.by_office[(term.office_type, term.country)].append(term)
        self.coverage = {
            tuple(k.split("|", 1)): dt.date.fromisoformat(v).toordinal() for k, v in cov.items()
        }
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        for pid, names in enumerate(people):
            for key in {k for n in names for k in _name_keys(n)}:
                self.by_name[key].append(pid)
                words = key.split()
                if len(words) >= 2:
                    surname = self.by_surname[_surname(words)]
                    if pid not in surname:
                        surname.append(pid)

    def persons(self, name: str) -> list[int]:
        """Ids of every known person the written name can refer to."""
        return self.by_name.get(fold(name), [])

    def holders(self, office_type: str, country: str, day: int) -> list[Term]:
        """Terms of (office type, country) that certainly include ``day``."""
        return [t for t in self.by_office.get((office_type, country), ()) if t.certainly_at(day)]

    def countries(self, pid: int) -> set[str]:
        return {t.country for t in self.by_person.get(pid, ()) if t.office_type}


def _surname(words: list[str]) -> str:
    """The surname of a folded name: its last word with any particles before it."""
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _name_keys(name: str) -> set[str]:
    """Lookup keys of one name: as written, German-style ("Schroeder" for Schröder), and
    without middle names or initials."""
    keys: set[str] = set()
    for form in {name, name.translate(_UMLAUTS)}:
        words = fold(form).split()
        keys.add(" ".join(words))
        if len(words) >= 3 and words[0] not in ("lord", "baroness", "lady", "sir"):
            keys.add(f"{words[0]} {_surname(words)}")
    return keys


@cache
def load(path: Path | None = None) -> Offices:
    """The officeholder pack, read once per process."""
    where = path or knowledge_path(PACK)
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleError(str(where), f"cannot read officeholder pack: {exc}") from exc
    return Offices(data, where)
