"""Which sentences are worth Harper's parse: those where a rule garblecheck runs could fire.

Harper tags and chunks every sentence it is given (with a neural chunker: about 0.6 ms a
sentence, more than all of garblecheck's own checks), yet each rule garblecheck runs fires only
next to certain words: AnA at "a"/"an" before a word that may start with the other sound,
PronounVerbAgreement at "he"/"she" before a verb's base form or at "they" before a form in -s,
ModalBeAdjective at a modal verb before an adjective, and so on. Each rule has a test here,
read from the rule's source; where the rule looks a word up in Harper's dictionary, the test
uses word lists the build got by probing Harper (``garblecheck.build.harper_probes``). A test
may say yes where the rule stays quiet, never the reverse, so Harper finds in the kept
sentences what it finds in the whole text (checked on all the BBC articles, JFLEG, MQM
output and spun copies). The one gap: the lists of words a rule flags on their own (mass
nouns, "childs", "alot") cover the inflections of the clean corpora's 100,000 commonest
words, not every word Harper knows. A rule without a test keeps every sentence.

The tests run on Harper's words (runs of letters: "10.38am" holds "am"): a check starts at a
word from its list of anchors and matches a pattern there; a word test looks at each word on
its own. The sentences no test hits are blanked out (same length, so offsets hold) except their
closing punctuation, which keeps Harper's sentence boundaries where they were.
SentenceCapitalization reads a whole paragraph (a lone short sentence may be a label), so a
sentence that may start in lower case keeps its paragraph. Harper is never given a sentence
over 1,000 characters or a paragraph over 5,000 (news never comes near; Harper's time grows
faster than their length: a 200,000-word sentence takes it half a minute).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from garblecheck.model import Segmentation

_E = r"(?![^\W\d_])"  # a word ends here (Harper's words are runs of letters)
_NT = r"n['’]?t"
_MODALS = ("can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought",
           "dare", "need")  # fmt: skip
MODAL = rf"(?:(?:{'|'.join(_MODALS)})(?:{_NT})?|cannot|can['’]?t|won['’]?t|shan['’]?t)"
# a plural in -ys of a noun in consonant + y, which RegularIrregulars would make -ies
Y_PLURAL = re.compile(r"[b-df-hj-np-tv-z]ye?s$")

# personal pronouns in all their forms, and the forms of "be" that disagree with them
# (PronounInflectionBe: "he are", "they is", "we was", "you was", "I were"), one word between
_PRONOUN_BE = {
    "he him his she her hers it its himself herself itself one oneself": rf"are|are{_NT}|were",
    "they them their theirs themselves": rf"is|is{_NT}|was",
    "we us our ours ourselves you your yours yourself yourselves": "was",
    "i me my mine myself": "were",
}
# the forms of "be" SingleBe flags twice in a row ("been" and "being" never are), and the
# contractions it counts as one ("we're", "it's")
_BE_WORDS = "be am is are was were ain isn aren wasn weren"
_BE = rf"(?:be|am|is|are|was|were|ain['’]t|is{_NT}|are{_NT}|was{_NT}|were{_NT})"
_BE_LIKE = rf"(?:{_BE}|[^\W_]+['’](?:s|re|m))"
# the third-person forms not in -s that Harper's dictionary has (probed over the corpora's words)
_THIRD_PERSON = frozenset({"doesn't", "hasn't", "isn't", "doth"})
_DETERMINERS = "a an another both each every few fewer many multiple one several"
# letters whose names start with a vowel sound (and U, for acronyms read as words: "UNESCO"),
# and word starts Harper hears as one
_VOWEL_LETTER_NAMES = "AEFHILMNORSXU"
_VOWEL_SOUNDS = ("heir", "herb", "hon", "hour", "ng", "nv", "rz", "sos")

# what follows "there" where ThereToTheir never fired: a verb of "there is", a function word,
# punctuation (probed on 59,174 corpus sentences, every "there" in them before one of these;
# it does fire before "needs" and before "today", "tonight", "tomorrow", "yesterday")
_AFTER_THERE = (
    r"(?:(?:is|are|was|were|has|have|had|does|did|could|would|should|must)(?:n['’]?t)?|be|been|"
    r"being|['’](?:s|re|ll|d)|do|don['’]?t|can|can['’]?t|cannot|will|won['’]?t|may|might|"
    r"shall|ought|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|used|and|"
    r"or|but|in|on|at|for|to|of|from|with|by|as|that|who|which|where|when|until|after|"
    r"before|since|again|too|also|now|then|already|still|just|yet|only|either|ever|anymore|"
    r"anyway|[^\w\s])"
)

MAX_SENTENCE = 1_000  # characters
MAX_PARAGRAPH = 5_000

_WORD = re.compile(r"[^\W\d_]+")
# Harper ends a sentence at ".", "!" or "?" (not at an ellipsis) and at a blank line, and
# checks its first token only when it is a word (not a quotation mark or a dash)
_LOWER_START = re.compile(r"\s*([^\W\d_])")
_INNER_START = re.compile(r"(?:(?<!\.)\.(?!\.)|[!?]|\n\n)\s*([^\W\d_])")
_TERMINAL = re.compile(r"[.!?…][^\w\s]*\s*\Z")
_PARAGRAPH_BREAK = re.compile(r"\n\n")
_BLANK = re.compile(r"[^\n]")


@dataclass(frozen=True)
class WordLists:
    """The probed word lists of ``harper-rules.json`` (lower-case words)."""

    quiet_after_modal: frozenset[str]
    quiet_after_he: frozenset[str]
    mass_nouns: frozenset[str]
    fired_words: frozenset[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Iterable[str]]) -> WordLists:
        return cls(**{name: frozenset(data[name]) for name in cls.__dataclass_fields__})

    def mass_plurals(self) -> frozenset[str]:
        """Every way MassNouns would see a mass noun made plural ("informations")."""
        forms = {f for noun in self.mass_nouns for f in (noun + "s", noun + "es")}
        forms.update(noun[:-1] + "ies" for noun in self.mass_nouns if noun.endswith("y"))
        return frozenset(forms)


Span = tuple[int, int]
MatchTest = Callable[[re.Match[str], WordLists], bool]


@dataclass(frozen=True)
class Check:
    """A rule may fire where ``pattern`` matches at one of the ``anchors`` (lower-case words)
    and, when given, ``fires`` accepts the match."""

    anchors: tuple[str, ...]
    pattern: re.Pattern[str]
    fires: MatchTest | None = None


def check(
    anchors: str, pattern: str, fires: MatchTest | None = None, *, case: bool = False
) -> Check:
    flags = 0 if case else re.IGNORECASE
    return Check(tuple(anchors.split()), re.compile(pattern, flags), fires)


def _article_clash(article: str, word: str) -> bool:
    """Whether AnA could flag ``article`` before ``word`` (Harper's test of the sound a word
    starts with, widened where it is intricate): "an" unless the word surely starts with a
    vowel sound; "a" before a vowel letter, an h said silent ("hour", "honest", "heir", "herb"),
    x, or a letter said by name (a single letter, an initialism: "an MP")."""
    low = word.lower()
    if article.lower() == "an":
        return (
            len(word) == 1
            or word[1].isupper()
            or not (
                low[0] in "ai"
                or (low[0] == "e" and not low.startswith("eu"))
                or (low[0] == "o" and not low.startswith("on"))
            )
        )
    if not low[0].isascii():
        return True
    if len(word) == 1 or word[1].isupper():
        return word[0].upper() in _VOWEL_LETTER_NAMES
    return low[0] in "aeioux" or low.startswith(_VOWEL_SOUNDS)


_MODAL_ANCHORS = " ".join(
    [*_MODALS, *(m + "n" for m in _MODALS), "cannot", "cant", "won", "wont", "shan"]
)

# what each rule needs to fire, read from its source in harper-core
CHECKS: Mapping[str, Sequence[Check]] = {
    "AllowTo": [check("allow allows allowing", rf"allow(?:s|ing)?\s+to{_E}")],
    "AnA": [
        check("a an", r"(an?)[^\w]*([^\W_]+)", lambda m, _: _article_clash(m[1], m[2])),
    ],
    "CapitalizePersonalPronouns": [check("i", rf"i{_E}", case=True)],
    "DespiteOf": [check("despite", rf"despite\s+of{_E}")],
    "MassNouns": [
        check(
            _DETERMINERS, r"[^\W\d_]+\s+([^\W\d_]+)", lambda m, ls: m[1].lower() in ls.mass_nouns
        ),
        check("software", "software"),
        check("real source wear", rf"(?:real\s+estates|source\s+codes|wear\s+and\s+tears){_E}"),
    ],
    "ModalBeAdjective": [
        check(
            _MODAL_ANCHORS, rf"{MODAL}\s+([^\W_]+)", lambda m, ls: m[1] not in ls.quiet_after_modal
        )
    ],
    "ModalOf": [check(_MODAL_ANCHORS, rf"{MODAL}\s+of{_E}")],
    "PronounInflectionBe": [
        check(pronouns, rf"[^\W\d_]+\s+(?:[^\W_]+\s+)?(?:{be}){_E}")
        for pronouns, be in _PRONOUN_BE.items()
    ],
    "PronounVerbAgreement": [
        check(  # "I/we/you/they" and a third-person form: in -s, "doesn't", "doth"
            "i we you they u ye thou y",
            r"(?:i|we|you|they|u|ye|thou|y['’]all)(?:['’][a-z]+)?\s+([^\W_]+(?:['’]t)?)",
            lambda m, _: m[1].lower().replace("’", "'") in _THIRD_PERSON or m[1][-1] in "sS",
        ),
        check(
            "he she",
            r"(?:he|she)(?:['’][a-z]+)?\s+([^\W_]+)",
            lambda m, ls: m[1] not in ls.quiet_after_he,
        ),
        check("it", rf"it\s+don['’]?t{_E}"),
    ],
    "SingleBe": [
        check(_BE_WORDS, rf"{_BE_LIKE}\s+{_BE_LIKE}{_E}"),
        check("s re m", rf"(?<=[^\W_]['’])(?:s|re|m)\s+{_BE_LIKE}{_E}"),  # "the error's are"
    ],
    "Someone": [check("some", rf"some\W*one{_E}")],
    "ThereToTheir": [check("there", rf"there{_E}(?!\s*{_AFTER_THERE}(?!\w))")],  # for "their"
}
WORD_RULES = ("MassNouns", "OpenCompounds", "RegularIrregulars")  # flag single words
PARAGRAPH_RULE = "SentenceCapitalization"


class Triggers:
    """The checks of a set of Harper rules, and the masking of a document to what they keep."""

    def __init__(self, rules: Iterable[str], lists: WordLists) -> None:
        rules = set(rules)
        self.lists = lists
        self.by_anchor: dict[str, list[Check]] = {}
        for c in {c for r in sorted(rules) for c in CHECKS.get(r, ())}:
            for anchor in c.anchors:
                self.by_anchor.setdefault(anchor, []).append(c)
        single: set[str] = set()
        if rules & {"OpenCompounds", "RegularIrregulars"}:
            single |= lists.fired_words
        if "MassNouns" in rules:
            single |= lists.mass_plurals()
        self.single_words = frozenset(single)
        self.y_plurals = "RegularIrregulars" in rules
        self.paragraphs = PARAGRAPH_RULE in rules
        # a rule with no check here could fire anywhere
        self.complete = rules <= {*CHECKS, *WORD_RULES, PARAGRAPH_RULE}

    def mask(self, text: str, seg: Segmentation) -> str | None:
        """``text`` with every sentence no rule could fire in blanked out, or None when that
        is all of them."""
        keep = list(self._kept(text, seg))
        if not keep:
            return None
        for s in seg.sentences:  # the closing punctuation of every sentence stays
            m = _TERMINAL.search(text, s.start, s.end)
            if m:
                keep.append(m.span())
        return _blank_outside(text, keep)

    def _kept(self, text: str, seg: Segmentation) -> Iterator[Span]:
        """The sentences that hold (the start or end of) a hit, every sentence when a rule has
        no check, and the paragraphs that hold a sentence that may start in lower case."""
        sentences = seg.sentences
        if self.complete:
            hit = {
                index
                for start, end in self._hits(text)
                for offset in (start, end - 1)
                if (index := seg.sentence_at(offset)) is not None
            }
        else:
            hit = set(range(len(sentences)))
        for index in sorted(hit):
            s = sentences[index]
            if s.end - s.start <= MAX_SENTENCE:
                yield s.start, s.end
        if self.paragraphs:
            for s in sentences:
                if _lower_start(text, s.start, s.end):
                    start, end = _paragraph(text, s.start, s.end)
                    if end - start <= MAX_PARAGRAPH:
                        yield start, end

    def _hits(self, text: str) -> Iterator[Span]:
        """Where a rule could fire: the checks at their anchors, and the single words."""
        for word in _WORD.finditer(text):
            low = word.group().lower()
            if low in self.single_words or (
                self.y_plurals and low.endswith(("ys", "yes")) and Y_PLURAL.search(low)
            ):
                yield word.span()
            for c in self.by_anchor.get(low, ()):
                m = c.pattern.match(text, word.start())
                if m and (c.fires is None or c.fires(m, self.lists)):
                    yield m.span()


def _lower_start(text: str, start: int, end: int) -> bool:
    """Whether a sentence may start with a small letter in Harper's reading: ours, or one
    after a full stop inside ours (Harper ends sentences where we do not: "China.com.cn")."""
    first = _LOWER_START.match(text, start, end)
    if first and not first.group(1).isupper():
        return True
    return any(not m.group(1).isupper() for m in _INNER_START.finditer(text, start, end))


def _paragraph(text: str, start: int, end: int) -> Span:
    """The paragraph (between blank lines) around a span."""
    before = text.rfind("\n\n", 0, start)
    after = _PARAGRAPH_BREAK.search(text, end)
    return (0 if before < 0 else before + 2, after.start() if after else len(text))


def _blank_outside(text: str, keep: list[Span]) -> str:
    """``text`` with everything outside the kept spans replaced by spaces, line breaks kept."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(keep):
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(_BLANK.sub(" ", text[pos:start]))
        pieces.append(text[start:end])
        pos = end
    pieces.append(_BLANK.sub(" ", text[pos:]))
    return "".join(pieces)
