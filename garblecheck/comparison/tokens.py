"""Word tokens with offsets and comparison keys, shared by alignment and difference finding.

A token keeps its place in the document (code-point offsets) and a ``key`` that makes
inflection, case, apostrophes and British/American spelling irrelevant to matching, so the diff
sees only differences a reader would notice. Numbers become one token with a value and a unit,
so "£1.7bn" and "1.7 billion" compare by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from garblecheck.knowledge.spelling import gb_to_us

_NUMBER = (
    r"(?P<cur>US\$|[£$€¥])?(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:(?P<short>bn|mn|m|k|tn)\b|\s(?P<scale>billion|million|thousand|trillion)\b)?"
    r"(?P<pct>%|\s?per\s?cent\b|\s?percent\b)?"
)
_WORD = r"(?P<abbr>(?:[^\W\d_]\.){2,})|(?P<word>[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*)"
_TOKEN = re.compile(f"{_NUMBER}|{_WORD}")
_CLITIC = re.compile(r"(?i)(?<=[^\W\d_])(n['’]t|['’](?:s|re|ve|ll|d|m))$")
_CLITIC_KEYS = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would"}
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBER_WORDS = {w: float(i) for i, w in enumerate(_UNITS.split())} | {
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "hundred": 100.0,
    "dozen": 12.0,
}

# function words: they carry grammar, not content, so they neither align sentences nor count
# as substitutions
_FUNCTION_WORDS = """
    a about above after again against all also am an and any are as at be been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves 's said says say told added adding according would will
    shall may might must us n't ca wo one
"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())
_NEGATIONS = "not no never without neither nor none nothing nobody nowhere cannot"
NEGATORS = frozenset(_NEGATIONS.split())


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number of a text."""

    text: str
    start: int
    end: int
    lower: str  # lower-cased surface, straight apostrophes
    key: str  # what the diff compares: spelling-, case- and inflection-free
    value: float | None = None  # numbers only
    unit: str = ""  # "£", "$", "%" ... for numbers
    first: bool = False  # first word of its sentence (capitalised whatever it is)

    @property
    def content(self) -> bool:
        return self.value is None and self.key not in STOPWORDS and len(self.key) > 1

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: enough that 'weapons'/'weapon' and 'clearly'/'clear' match, never
    enough to merge different words of the same family in a way a reader would not."""
    w = american(word.lower().replace("’", "'"))
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    if len(w) > 4 and "-" not in w[-4:]:
        for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("ly", "")):
            if w.endswith(suffix) and (suffix != "ly" or len(w) > 6):
                w = w[: -len(suffix)] + repl
                break
        else:
            if w.endswith("s") and not w.endswith("ss"):
                w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def american(word: str) -> str:
    """The American spelling of a lower-case word, part by part for compounds."""
    table = gb_to_us()
    if "-" in word:
        return "-".join(table.get(part, part) for part in word.split("-"))
    return table.get(word, word)


def _parse_number(digits: str) -> float:
    """The value of "1,500", "3.5" or "3,5" (decimal comma); for odd groupings such as
    "3.817.69" (a version, a typo) the digits alone, so equal strings still compare equal."""
    if re.fullmatch(r"\d+,\d{1,2}", digits):
        return float(digits.replace(",", "."))
    plain = digits.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return float(plain.replace(".", ""))


def _number(m: re.Match[str], offset: int) -> Token:
    value = _parse_number(m["num"])
    scale = m["short"] or m["scale"]
    if scale:
        value *= _SCALES[scale.lower()]
    unit = (m["cur"] or "").replace("US$", "$") + ("%" if m["pct"] else "")
    text = m.group(0)
    return Token(
        text, offset + m.start(), offset + m.end(), text.lower(), f"#{value:g}{unit}", value, unit
    )


def _words(text: str, start: int) -> list[Token]:
    """A word, split from its clitic ("We're" -> "We" + "'re") so the clitic keys as a word."""
    lower = text.lower().replace("’", "'")
    clitic = _CLITIC.search(text)
    if clitic is None or clitic.start() == 0:
        if lower in _NUMBER_WORDS:
            value = _NUMBER_WORDS[lower]
            return [Token(text, start, start + len(text), lower, f"#{value:g}", value)]
        return [Token(text, start, start + len(text), lower, stem(lower))]
    cut = clitic.start()
    head, tail = lower[:cut], lower[cut:]
    tail_key = _CLITIC_KEYS.get(tail, tail)
    head_key = {"ca": "can", "wo": "will", "sha": "shall"}.get(head, stem(head))
    if tail == "'s":  # possessive or "is": either way the head word is what matters
        return [Token(text, start, start + len(text), lower, head_key)]
    return [
        Token(text[:cut], start, start + cut, head, head_key),
        Token(text[cut:], start + cut, start + len(text), tail, tail_key),
    ]


@lru_cache(maxsize=8192)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The words and numbers of ``text`` (one sentence); offsets are shifted by ``offset``.
    Cached: alignment and difference finding both read every sentence."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m["num"] is not None:
            tokens.append(_number(m, offset))
        else:
            tokens.extend(_words(m.group(0), offset + m.start()))
    if tokens:
        tokens[0] = replace(tokens[0], first=True)
    return tuple(tokens)
