"""People's full names in a text, found without a list of people, and the titles written
before them.

A run of two or three capitalised words is taken for a person only with some evidence that it
is one: a title or an honorific before it ("Conservative MP Tobias Ellwood", "Dr Jane Hill"),
speech or an apposition after it ("Tobias Ellwood said", "Jane Hill, 42,"), or its surname
used alone as a person elsewhere in the text ("Mr Ellwood", "Ellwood told"). Organisations
("Black Sea Fleet") rarely have any of these, so they stay out without a list of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from garblecheck.knowledge.countries import country_of
from garblecheck.knowledge.titles import MODIFIERS, TITLE_WORDS

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "baroness", "baron",
    "professor", "prof", "rev", "reverend",
})
# nouns that end a title written before a name ("party leader", "Committee chairman")
TITLE_NOUNS = frozenset({
    "minister", "secretary", "president", "premier", "chancellor", "leader", "chairman",
    "chairwoman", "chairperson", "chair", "spokesman", "spokeswoman", "spokesperson", "chief",
    "director", "executive", "ceo", "founder", "head", "governor", "mayor", "senator", "mp",
    "mep", "congressman", "congresswoman", "representative", "ambassador", "envoy", "general",
    "commander", "admiral", "colonel", "major", "captain", "lieutenant", "sergeant", "marshal",
    "judge", "justice", "king", "queen", "prince", "princess", "pope", "archbishop", "bishop",
    "cardinal", "adviser", "advisor", "aide", "analyst", "economist", "professor", "officer",
    "inspector", "superintendent", "constable", "coach", "manager", "correspondent", "editor",
    "councillor", "commissioner", "deputy", "emir", "sheikh",
})
# heads of titles that name the same role
_HEAD_SYNONYMS = {
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "spokesman":
    "spokesperson", "spokeswoman": "spokesperson", "congresswoman": "congressman",
    "advisor": "adviser", "ceo": "chief executive", "executive": "chief executive",
}
_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "dos",
                        "al", "el", "bin", "ibn", "ter"})
_STOP = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "but", "and", "or",
    "as", "if", "when", "while", "after", "before", "for", "with", "by", "from", "of", "to",
    "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "my",
    "there", "here", "what", "who", "why", "how", "yet", "so", "then", "now", "also", "not",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "read", "more", "image", "photo", "getty", "reuters", "ap", "afp",
    "yesterday", "today", "tonight", "meanwhile", "however", "last", "earlier", "later",
})
# lowercase words a title may be made of, besides capitalised ones
_LOWER_TITLE = (TITLE_WORDS | TITLE_NOUNS) - {"the", "and", "to"}
SPEECH_VERBS = ("said", "says", "told", "added", "adds", "argued", "warned", "insisted",
                "explained", "wrote", "stressed", "claimed", "replied", "asked", "announced")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_AFTER = re.compile(
    rf",?\s+(?:{'|'.join(SPEECH_VERBS)})\b|,\s+(?:who|whose|aged|\d{{1,3}}\b)"
    rf"|,\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{'|'.join(sorted(TITLE_NOUNS))})\b"
)
_ALONE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([^\W\d_][\w'’\-]+)"
    rf"|\b([^\W\d_][\w'’\-]+),?\s+(?:{'|'.join(SPEECH_VERBS)})\b"
)


@dataclass(frozen=True)
class FoundName:
    """A person's full name as written, and the title written before it (if any)."""

    first: str
    surname: str
    start: int
    end: int
    written: str
    title: str | None = None
    title_start: int | None = None


def fold(word: str) -> str:
    """Case and diacritics folded, apostrophes dropped: "Erdoğan" and "erdogan" are one."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"['’.]", "", text)


def spelling(surname: str) -> str:
    """A surname's spelling with transliteration habits folded (Zelensky, Zelenskiy and
    Zelenskyy are one spelling; Elwood and Ellwood are two)."""
    return re.sub(r"i+", "i", fold(surname).replace("y", "i"))


def head(title: str) -> str:
    """The role a free-text title names: its last word, with synonyms unified."""
    last = fold(title.split()[-1]).rstrip(",")
    return _HEAD_SYNONYMS.get(last, last)


def _name_like(word: str) -> bool:
    bare = word.replace("-", "").replace("'", "").replace("’", "")
    return (len(bare) >= 2 and bare.isalpha() and word[0].isupper() and not bare.isupper()
            and word.lower() not in _STOP and country_of(word) is None)


def _title_like(word: str) -> bool:
    low = word.lower().rstrip(".")
    return (low in TITLE_WORDS or low in TITLE_NOUNS or low in HONORIFICS or low in MODIFIERS
            or low in _STOP or country_of(word) is not None)


def _runs(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words (particles allowed inside) separated by single spaces."""
    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text, start, end):
        word = m.group().rstrip("-'’")
        joined = bool(current) and text[current[-1][1] : m.start()] == " "
        if word[0].isupper() or (joined and word in _PARTICLES):
            if current and not joined:
                runs.append(current)
                current = []
            current.append((m.start(), m.start() + len(word), word))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _title_before(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """The title phrase joined to the name by single spaces ("Conservative MP", "Defence
    Committee chairman", "Secretary of State"): capitalised words and lowercase title words,
    ending in a title word that is not an honorific."""
    phrase: list[tuple[int, int, str]] = []
    after = start
    for m in reversed(list(_WORD.finditer(text, max(limit, start - 80), start))):
        word = m.group()
        low = word.lower()
        fits = (word[0].isupper() and low not in _STOP) or low in _LOWER_TITLE
        if text[m.end() : after] != " " or not fits or len(phrase) == 6:
            break
        phrase.insert(0, (m.start(), m.end(), word))
        after = m.start()
    while phrase and phrase[0][2].lower() in {*MODIFIERS, "of", "for"}:
        phrase = phrase[1:]
    if not phrase or phrase[-1][2].lower().rstrip(".") in HONORIFICS:
        return None
    if phrase[-1][2].lower() not in _LOWER_TITLE:
        return None
    return text[phrase[0][0] : phrase[-1][1]], phrase[0][0]


def find_names(text: str, sentences: list[tuple[int, int]]) -> list[FoundName]:
    """Full names of people in the sentences (spans into ``text``), in text order."""
    alone = {fold(a or b) for a, b in _ALONE.findall(text)}
    found: list[FoundName] = []
    for s_start, s_end in sentences:
        for run in _runs(text, s_start, s_end):
            name = _person(text, run, alone, s_start)
            if name is not None:
                found.append(name)
    return found


def _person(text: str, run: list[tuple[int, int, str]], alone: set[str],
            limit: int) -> FoundName | None:
    last = run[-1]
    if last[2].endswith(("'s", "’s")):
        run = [*run[:-1], (last[0], last[1] - 2, last[2][:-2])]
    k = max((i + 1 for i, (_, _, w) in enumerate(run) if _title_like(w)), default=0)
    if k == len(run) and run[-1][2].lower() in _PARTICLES:
        return None
    name = run[k:]
    core = [w for w in name if w[2].lower() not in _PARTICLES]
    if not 2 <= len(core) <= 3 or not all(_name_like(w) for _, _, w in core):
        return None
    if name[0][2].lower() in _PARTICLES:
        return None
    start, end = name[0][0], name[-1][1]
    title = _title_before(text, start, limit)
    honoured = k > 0 and run[k - 1][2].lower().rstrip(".") in HONORIFICS
    surname = name[-1][2]
    evidence = (title is not None or honoured or _AFTER.match(text, end) is not None
                or fold(surname) in alone)
    if not evidence:
        return None
    return FoundName(core[0][2], surname, start, end, text[start:end],
                     title[0] if title else None, title[1] if title else None)
