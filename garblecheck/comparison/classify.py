"""What kind of change one difference between a copy and its source is (the GC7xx families).

Each test is general: an edit distance for names, values for numbers, WordNet for antonyms and
synonyms, anchoring for "the copy follows the source word for word". Tests run from the most
specific (a number, a title, a name) to the least (a word swapped in a verbatim stretch), and
the first that matches names the difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from garblecheck.comparison.diff import Difference
from garblecheck.comparison.tokens import NEGATORS, Token, american
from garblecheck.knowledge.countries import country_of
from garblecheck.knowledge.fingerprints import known_swaps
from garblecheck.knowledge.lexicon import Lexicon
from garblecheck.knowledge.phrases import PhraseTable, token_key

NEGATING_PREFIXES = ("anti-", "counter-", "non-")
SWAP_WORDS = 4  # longest wording (either side) a spinner's swap of a phrase runs to
# nats by which the copy's words must be less likely than the source's, in the same slot, for
# a swap no thesaurus explains to count as tortured (e^8: about 3,000 times less likely)
FLUENCY_DROP = 8.0
ANTONYM_WORDS = 3  # an opposite swaps a word or two, not a clause
ENTITY_WORDS = 3  # longest name (on either side) a swapped entity may have
# spellings that differ only by how a name was transliterated (Sergei/Sergey, Kiev/Kyiv)
_TRANSLIT = (("ie", "y"), ("y", "i"), ("kh", "h"), ("ou", "u"), ("j", "i"))


@dataclass(frozen=True)
class Verdict:
    """A difference's family, how sure the test is, and whether it is only worth a note."""

    code: str
    confidence: float
    weak: bool = False
    # the words to quote when they are narrower than the whole difference (a name in a phrase)
    source: tuple[Token, ...] = ()
    copy: tuple[Token, ...] = ()


def _is_name(token: Token, lex: Lexicon) -> bool:
    """A capitalised word that is not a dictionary word, or is capitalised mid-sentence
    (names, demonyms, "Berlin" although a berlin is also a carriage)."""
    if not token.capitalised or token.value is not None:
        return False
    return not token.first or not lex.known(token.lower)


def _translit(word: str) -> str:
    for a, b in _TRANSLIT:
        word = word.replace(a, b)
    return word


def number_change(d: Difference) -> Verdict | None:
    """A number in the copy where the source had a different one (or lost its currency)."""
    src = [t for t in d.source if t.value is not None]
    cpy = [t for t in d.copy if t.value is not None]
    if not src or not cpy:
        return None
    anchored = d.left + d.right > 0
    if {t.value for t in src} == {t.value for t in cpy}:
        return Verdict("GC703", 0.6, weak=not anchored)  # same value, unit changed
    return Verdict("GC703", 0.85 if anchored else 0.6, weak=not anchored)


def title_change(d: Difference, lex: Lexicon) -> Verdict | None:
    """Different title words right before the same person's name."""
    if not d.source or not d.copy or not d.after_copy or not _is_name(d.after_copy[0], lex):
        return None
    words = d.source + d.copy
    if not all(t.capitalised and (lex.known(t.lower) or country_of(t.text)) for t in words):
        return None  # title words are dictionary words ("Defence Minister"), not names
    if d.source[-1].key == d.copy[-1].key or all(country_of(t.text) for t in d.source):
        return None
    if all(country_of(t.text) for t in d.copy):
        return None
    return Verdict("GC704", 0.85)


def name_change(d: Difference, lex: Lexicon) -> Verdict | None:
    """A name spelt differently (GC701) or replaced by another name in the same slot (GC702)."""
    # a capitalised function word opening a sentence ("The UK") is not a name
    src = [t for t in d.source if t.content and _is_name(t, lex)]
    cpy = [t for t in d.copy if t.content and _is_name(t, lex)]
    if not src or not cpy:
        return None
    for s in src:
        for t in cpy:
            a, b = s.lower, t.lower
            if lex.known(a) and lex.known(b):
                continue  # two words ("Minister" / "Ministry"), not a misspelt name
            if 0 < Levenshtein.distance(a, b) <= 2 and min(len(a), len(b)) >= 4:
                weak = _translit(a) == _translit(b)
                return Verdict("GC701", 0.4 if weak else 0.85, weak, (s,), (t,))
    if max(len(d.source), len(d.copy)) > ENTITY_WORDS or not d.verbatim:
        return None
    # the source's entity must be a name proper (not a title word such as "Defence")
    entities = [t for t in src if not lex.known(t.lower) or country_of(t.text)]
    countries = {country_of(t.text) for t in entities + cpy}
    if not entities or (len(countries) == 1 and None not in countries):
        return None  # "Britain" / "UK": the same country named another way
    if {t.key for t in entities} & {t.key for t in cpy}:
        return None
    # a country on one side only may be its capital or government on the other (Beijing/China)
    return Verdict("GC702", 0.75, weak=len(countries - {None}) == 1)


def meaning_flip(d: Difference, lex: Lexicon) -> Verdict | None:
    """An opposite: a negating prefix dropped ("anti-armour" -> "armored") or a WordNet
    antonym in the source's place."""
    if not d.copy or not d.source or d.left + d.right == 0:
        return None
    dropped = any(t.lower.startswith(NEGATING_PREFIXES) for t in d.source) and not any(
        t.lower.startswith(NEGATING_PREFIXES) or t.key in {"against", "anti", "counter"}
        for t in d.copy
    )
    if dropped:
        return Verdict("GC707", 0.75)
    if max(len(d.source), len(d.copy)) > ANTONYM_WORDS:
        return None
    pairs = [(s, c) for s in d.source if s.content for c in d.copy if c.content]
    if any(lex.antonyms(s.lower, c.lower) for s, c in pairs):
        return Verdict("GC707", 0.8)
    return None


def negation_balance(source: Sequence[Token], copy: Sequence[Token]) -> int:
    """How many more negations the copy has than the source (negative: fewer)."""
    return sum(t.key in NEGATORS for t in copy) - sum(t.key in NEGATORS for t in source)


def changed_content(d: Difference, copy_keys: set[str], source_keys: set[str]) -> bool:
    """Whether the difference changes content words rather than moving them around or
    swapping function words."""
    return any(t.content and t.key not in copy_keys for t in d.source) or any(
        t.content and t.key not in source_keys for t in d.copy
    )


def odd_synonym(d: Difference, lex: Lexicon) -> Verdict | None:
    """A word swapped for another inside a stretch the copy otherwise follows word for word:
    what a spinner does. Sure when paraphrasing tools are known to make that swap (even
    between dictionary synonyms); otherwise more certain when WordNet relates the two words
    only through some sense and the copy's word is the rarer one."""
    if not d.verbatim or not 1 <= len(d.source) <= 2 or not 1 <= len(d.copy) <= 2:
        return None
    src = [t for t in d.source if t.content]
    cpy = [t for t in d.copy if t.content]
    if len(cpy) < len(d.copy):
        return None  # "believe" -> "have learned": a change of tense or voice, not a swap
    if not src or not cpy or any(t.capitalised and t.value is None for t in src + cpy):
        return None
    for s in src:
        for c in cpy:
            if _variants(s.lower, c.lower, lex):
                return None
    if any((s.lower, c.lower) in known_swaps() for s in src for c in cpy):
        return Verdict("GC706", 0.8)  # a swap paraphrasing tools are known to make
    if any(_plain_synonyms(s.lower, c.lower, lex) for s in src for c in cpy):
        return Verdict("GC706", 0.4, weak=True)  # an ordinary editor's choice of word
    related = any(lex.related(s.lower, c.lower) for s in src for c in cpy)
    rarer = min(lex.zipf(c.lower) for c in cpy) < min(lex.zipf(s.lower) for s in src)
    return Verdict("GC706", 0.6 + 0.1 * related + 0.1 * rarer)


def less_fluent(d: Difference, table: PhraseTable) -> Verdict | None:
    """A phrase swapped, inside a stretch the copy follows word for word, for words clean
    English almost never puts in that slot ("in other words" -> "in multitudinous words",
    "by" -> "inevitably tom's"): what a spinner or a literal translation leaves, and what an
    editor's rewording does not, since editors write ordinary English."""
    if not d.verbatim or not d.source or not d.copy:
        return None
    if max(len(d.source), len(d.copy)) > SWAP_WORDS or not any(t.content for t in d.copy):
        return None
    if any(t.capitalised or t.value is not None for t in d.source + d.copy):
        return None  # names, abbreviations and numbers are the name and number tests' job
    drop = _chain(d.source, d, table) - _chain(d.copy, d, table)
    if drop < FLUENCY_DROP:
        return None
    return Verdict("GC706", min(0.85, 0.6 + 0.02 * (drop - FLUENCY_DROP)))


def _chain(words: Sequence[Token], d: Difference, table: PhraseTable) -> float:
    """Log-probability of the words between the copy's neighbours of the difference (which
    both sides share): the first word alone, then each word given the one before."""
    keys = [token_key(t.text) for t in (*d.before[-1:], *words, *d.after_copy[:1])]
    ids = table.id_array(keys)
    first = float(np.log(table.probability(ids[:1]))[0])
    return first + float(np.log(table.conditional(ids[:-1], ids[1:])).sum())


def _plain_synonyms(a: str, b: str, lex: Lexicon) -> bool:
    """Synonyms in the most common sense of one of them (regulate / stipulate), as opposed to
    a synonym only through a rare sense, which is how a spinner picks "melee" or "stun"."""
    shared = lex.senses(a) & lex.senses(b)
    return bool(shared & (lex.primary_senses(a) | lex.primary_senses(b)))


# derivational endings, longest first: what is left is the shared stem of a word's forms
_SUFFIXES = (
    "ations", "ation", "ities", "ity", "ments", "ment", "ences", "ence", "ances", "ance",
    "ives", "ive", "ions", "ion", "ing", "ers", "er", "ed", "es", "al", "ly", "s", "e",
)  # fmt: skip


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _variants(a: str, b: str, lex: Lexicon) -> bool:
    """Forms of one word ("defensive"/"defense", "armour"/"armored"), not a substitution.
    Sharing a beginning is not enough: "populace" for "population" is a spinner's swap."""
    a, b = american(a), american(b)
    if set(lex.lemmas(a)) & set(lex.lemmas(b)):
        return True
    return _stem(a) == _stem(b)


def dialect_switch(source: Token, copy: Token) -> bool:
    """The same word re-spelt in the other dialect (Defence -> Defense)."""
    return source.lower != copy.lower and american(source.lower) == american(copy.lower)
