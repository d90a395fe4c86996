"""Selectional preferences: which kinds of noun a verb, an adjective or a noun modifier takes.

Word-pair counts are too sparse to judge "stun a tank" (the pair is expected 0.02 times in the
corpus by chance), but classes are not: the objects of "stun" are people, animals and crowds
thousands of times and man-made objects almost never. Built by
``python -m garblecheck.build.preferences`` into ``rules/knowledge/preferences.npz``: for each
predicate (verb with its object, adjective with its noun, noun with the noun it modifies) the
distribution of its arguments over the 26 WordNet noun classes (lexicographer files), and for
each noun its classes (its senses weighted by rank). Pairs are found without a tagger, by the
patterns of ``extract``, which the build and the run time share.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from garblecheck.errors import RuleError
from garblecheck.knowledge.arrays import load_npz
from garblecheck.knowledge.phrases import binomial_surprise, token_spans
from garblecheck.packs import knowledge_path

FILE = "preferences.npz"
VERSION = 1
VERB, ADJECTIVE, MODIFIER = 0, 1, 2  # relations: verb-object, adjective-noun, noun-noun
RELATION_PREFIX = ("v:", "a:", "n:")
RELATION_NOUN = ("objects", "nouns", "nouns it modifies")
CLASSES = (
    "Tops", "act", "animal", "artifact", "attribute", "body", "cognition", "communication",
    "event", "feeling", "food", "group", "location", "motive", "object", "person",
    "phenomenon", "plant", "possession", "process", "quantity", "relation", "shape", "state",
    "substance", "time",
)  # fmt: skip
# WordNet's noun lexicographer files (lex_filenum 3..28) in plain words, for messages
CLASS_WORDS = {
    "Tops": "general things", "act": "actions", "animal": "animals",
    "artifact": "man-made objects", "attribute": "qualities", "body": "body parts",
    "cognition": "ideas or knowledge", "communication": "messages or texts",
    "event": "events", "feeling": "feelings", "food": "food", "group": "groups",
    "location": "places", "motive": "motives", "object": "natural objects",
    "person": "people", "phenomenon": "phenomena", "plant": "plants",
    "possession": "money or property", "process": "processes", "quantity": "amounts",
    "relation": "relations", "shape": "shapes", "state": "states or conditions",
    "substance": "substances", "time": "times",
}  # fmt: skip
_DETERMINERS = """the a an this these those his her its their our my your some any no every
    each another 0 two three four five six seven eight nine ten dozens hundreds thousands"""
DETERMINERS = frozenset(_DETERMINERS.split())
# what makes a bare verb form ("stun") a verb: "could stun", "to stun", "they stun"
_BASE_CUES = (
    "to will would can could should may might must shall did does do not 't 'll we they i you"
)
BASE_CUES = frozenset(_BASE_CUES.split())
# modifiers that place, rank or count a thing rather than describe it: they take any class
_POSITIONAL = """last next former first second third past previous late latter same other own
    such certain alleged chief main whole particular various mere total only very key top
    hundred thousand million billion trillion dozen"""
POSITIONAL = frozenset(_POSITIONAL.split())
OBJECT_PRONOUNS = frozenset(("him", "me"))  # objects that are people whatever the verb
PARTICLES = ("out", "up", "down", "off", "over", "away", "back", "in", "on")
MAX_RUN = 3  # at most this many nouns and adjectives between a determiner and the head
MIN_SENSE = 0.03  # a noun's classes with less weight than this are not plausible readings

FloatArray = npt.NDArray[np.float64]


class Role(NamedTuple):
    """What a word form can be: ids of the predicates it heads (-1: none) and of its noun."""

    verb: int  # predicate id of its verb lemma
    base: bool  # the form is the verb's base form (a verb only after a cue)
    adjective: int  # predicate id as an adjective
    noun: int  # row of its noun classes
    modifier: int  # predicate id as a noun modifying another noun


class Pair(NamedTuple):
    """A predicate and its argument found in a token list: token indices (the predicate may
    span two tokens, a phrasal verb)."""

    relation: int
    predicate: int
    first: int  # first token of the predicate
    head: int  # the argument's token


def _nominal(role: Role | None) -> bool:
    return role is not None and (role.noun >= 0 or role.adjective >= 0)


def _head(keys: list[str], roles: list[Role | None], j: int, limit: int) -> int | None:
    """The head noun of the noun phrase starting at token ``j``: the last of a run of at most
    ``limit`` nouns and adjectives; none when the run ends in "of" (a partitive, "a number
    of") or a possessive is followed by no noun."""
    k = j
    while k < len(keys) and k - j <= limit and _nominal(roles[k]):
        k += 1
    if k == j or k - j > limit:
        return None
    if k < len(keys) and keys[k] == "'s":
        return _head(keys, roles, k + 1, limit)
    if k < len(keys) and keys[k] == "of":
        return None
    last = roles[k - 1]
    return k - 1 if last is not None and last.noun >= 0 else None


def extract(
    keys: list[str], roles: list[Role | None], phrasal: dict[tuple[int, str], int]
) -> list[Pair]:
    """Approximate predicate-argument pairs of one sentence without a tagger.

    Verb-object: an inflected verb form ("stunned", "stuns") followed by a determiner (or by
    none when the form cannot be a noun or an adjective: "destroyed buildings"), or a
    base form after a modal, "to" or a pronoun ("could stun") with an optional determiner, or
    any verb form before "him" or "me",
    then at most ``MAX_RUN`` adjectives and nouns, the last being the object. A verb and a
    particle that WordNet lists together ("knock out") are one predicate. Adjective-noun and
    noun-noun: an adjective (not a positional one such as "last") or a noun before a noun that
    ends its phrase.
    """
    found: list[Pair] = []
    n = len(keys)
    for i, role in enumerate(roles):
        if role is None:
            continue
        if role.verb >= 0 and (not role.base or (i and keys[i - 1] in BASE_CUES)):
            pred, j = role.verb, i + 1
            if j < n and (pred, keys[j]) in phrasal:
                pred, j = phrasal[(pred, keys[j])], j + 1
            # "stunning 25-yard strike": after a form that can be an adjective, a number is not
            # a determiner
            det = j < n and keys[j] in DETERMINERS and not (role.adjective >= 0 and keys[j] == "0")
            bare = role.noun < 0 and role.adjective < 0  # "killed civilians", not "armed forces"
            if det or role.base or bare or (j < n and keys[j] in OBJECT_PRONOUNS):
                head = _head(keys, roles, j + int(det), MAX_RUN)
                if head is not None:
                    found.append(Pair(VERB, pred, i, head))
        if i + 1 < n and _head(keys, roles, i + 1, 1) == i + 1:
            if keys[i] in POSITIONAL:
                continue
            if role.adjective >= 0:
                found.append(Pair(ADJECTIVE, role.adjective, i, i + 1))
            elif role.modifier >= 0:
                found.append(Pair(MODIFIER, role.modifier, i, i + 1))
    return found


@dataclass(frozen=True)
class OddArgument:
    """A predicate whose argument is of a class it almost never takes in clean English."""

    start: int  # character offsets of the phrase from predicate to argument
    end: int
    relation: int
    predicate: str  # lemma ("stun", "knock out")
    argument: str  # the argument as written ("tank")
    classes: tuple[tuple[str, float], ...]  # the argument's plausible classes and weights
    usual: tuple[tuple[str, float], ...]  # the predicate's commonest classes and shares
    share: float  # the predicate's share of arguments in the argument's likeliest class
    observed: float  # how many arguments of the predicate the corpus holds
    strength: float  # nats of evidence that every plausible class is rare for the predicate
    examples: tuple[str, ...]  # the predicate's commonest arguments
    better: tuple[str, ...]  # synonyms of the predicate that take such arguments commonly


@dataclass(frozen=True)
class Thresholds:
    """When an argument is odd. ``max_ratio``: each plausible class of the argument must be at
    least this many times rarer among the predicate's arguments than among all arguments;
    ``min_observed``: arguments the predicate must have been seen with; ``smoothing``:
    pseudo-arguments spread by the prior; ``min_better``: share a synonym must give the class
    to be suggested."""

    max_ratio: float = 0.2
    min_observed: float = 200.0
    smoothing: float = 5.0
    min_better: float = 0.15


class Preferences:
    """The shipped class counts and the questions asked of them."""

    def __init__(self, arrays: dict[str, npt.NDArray[np.generic]]) -> None:
        forms = _strings(arrays["forms"])
        table = arrays["form_roles"].astype(np.int64)  # verb, base, adjective, noun, modifier
        self.roles: dict[str, Role] = {
            f: Role(int(r[0]), bool(r[1]), int(r[2]), int(r[3]), int(r[4]))
            for f, r in zip(forms, table.tolist(), strict=True)
        }
        self.predicates = _strings(arrays["predicates"])
        self.nouns = _strings(arrays["nouns"])
        self.total = arrays["pred_total"].astype(np.float64)
        self.share = arrays["pred_share"].astype(np.float64)
        self.relation = arrays["pred_relation"].astype(np.int64)
        self.examples = arrays["pred_examples"].astype(np.int64)
        self.noun_classes = arrays["noun_classes"].astype(np.float64)
        self.prior = arrays["prior"].astype(np.float64)
        ph = arrays["phrasal"].astype(np.int64)
        self.phrasal = {(int(v), PARTICLES[int(p)]): int(t) for v, p, t in ph.tolist()}
        self._syn_offsets = arrays["syn_offsets"].astype(np.int64)
        self._syn_ids = arrays["syn_ids"].astype(np.int64)

    def lemma(self, pred: int) -> str:
        return self.predicates[pred][2:]

    def synonyms(self, pred: int) -> list[int]:
        ids: list[int] = self._syn_ids[
            self._syn_offsets[pred] : self._syn_offsets[pred + 1]
        ].tolist()
        return ids

    def smoothed(self, pred: int, th: Thresholds) -> FloatArray:
        """The predicate's class distribution, pulled towards the prior of its relation."""
        total, prior = self.total[pred], self.prior[self.relation[pred]]
        out: FloatArray = (total * self.share[pred] + th.smoothing * prior) / (total + th.smoothing)
        return out

    def strength(self, pred: int, noun: int, th: Thresholds) -> tuple[float, FloatArray]:
        """Nats of evidence that every plausible class of the noun is at least ``1/max_ratio``
        times rarer among the predicate's arguments than among all (0 when any is not), and
        the noun's plausible class weights."""
        weights = self.noun_classes[noun]
        plausible = weights >= MIN_SENSE
        total = float(self.total[pred])
        if total < th.min_observed or not plausible.any():
            return 0.0, weights
        prior = self.prior[self.relation[pred]]
        ratio = self.smoothed(pred, th)[plausible] / prior[plausible]
        if ratio.max() >= th.max_ratio:
            return 0.0, weights
        seen = total * self.share[pred][plausible]
        evidence = [
            binomial_surprise(float(k), total, float(p) * th.max_ratio)
            for k, p in zip(seen, prior[plausible], strict=True)
        ]
        return min(evidence), weights

    def better(self, pred: int, classes: FloatArray, th: Thresholds) -> tuple[str, ...]:
        """Synonyms of the predicate that give the argument's classes a good share."""
        scored = [
            (float(self.share[s] @ classes), self.lemma(s))
            for s in self.synonyms(pred)
            if self.total[s] >= th.min_observed / 4
        ]
        return tuple(w for v, w in sorted(scored, reverse=True) if v >= th.min_better)[:3]


def _strings(array: npt.NDArray[np.generic]) -> list[str]:
    return bytes(array).decode("utf-8").split("\n")


@lru_cache(maxsize=1)
def preferences() -> Preferences:
    """The shipped preference table, read on first use."""
    path = knowledge_path(FILE)
    arrays = load_npz(path, "preference table", "preferences", VERSION)
    try:
        return Preferences(arrays)
    except (KeyError, ValueError, IndexError) as exc:
        raise RuleError(str(path), f"preference table is incomplete ({exc})") from exc


def sentence_roles(
    text: str, lookup: Callable[[str], Role | None]
) -> tuple[list[tuple[str, int, int]], list[Role | None]]:
    """Tokens of a sentence and their roles; a capitalised word inside the sentence is a
    name and has none (the build reads its corpus the same way)."""
    spans = token_spans(text)
    roles: list[Role | None] = []
    first = True
    for key, start, _ in spans:
        name = not first and text[start].isupper()
        roles.append(None if name else lookup(key))
        first = first and not key[0].isalpha()
    return spans, roles


def _classes(weights: FloatArray, limit: float) -> tuple[tuple[str, float], ...]:
    order = np.argsort(-weights, kind="stable")
    return tuple((CLASSES[c], float(weights[c])) for c in order if weights[c] >= limit)


def _usual(share: FloatArray) -> tuple[tuple[str, float], ...]:
    """The commonest classes, enough to cover most arguments (at most three)."""
    out: list[tuple[str, float]] = []
    for c in np.argsort(-share, kind="stable")[:3]:
        out.append((CLASSES[c], float(share[c])))
        if sum(s for _, s in out) >= 0.6:
            break
    return tuple(out)


def odd_arguments(text: str, thresholds: Thresholds = Thresholds()) -> tuple[OddArgument, ...]:
    """Every predicate-argument pair of a sentence whose argument is of a class the predicate
    almost never takes, strongest evidence first (offsets into ``text``). Cached: the rule and
    the classifier both ask, with or without the default thresholds."""
    return _odd_arguments(text, thresholds)


@lru_cache(maxsize=4096)
def _odd_arguments(text: str, thresholds: Thresholds) -> tuple[OddArgument, ...]:
    table = preferences()
    spans, roles = sentence_roles(text, table.roles.get)
    found: list[OddArgument] = []
    for pair in extract([k for k, _, _ in spans], roles, table.phrasal):
        role = roles[pair.head]
        assert role is not None
        strength, weights = table.strength(pair.predicate, role.noun, thresholds)
        if strength <= 0:
            continue
        share = table.share[pair.predicate]
        plausible = np.where(weights >= MIN_SENSE, weights, 0.0)
        found.append(
            OddArgument(
                start=spans[pair.first][1],
                end=spans[pair.head][2],
                relation=pair.relation,
                predicate=table.lemma(pair.predicate),
                argument=text[spans[pair.head][1] : spans[pair.head][2]],
                classes=_classes(weights, MIN_SENSE),
                usual=_usual(share),
                share=float(share[int(np.argmax(plausible))]),
                observed=float(table.total[pair.predicate]),
                strength=strength,
                examples=tuple(table.nouns[e] for e in table.examples[pair.predicate] if e >= 0),
                better=table.better(pair.predicate, plausible / plausible.sum(), thresholds),
            )
        )
    return tuple(sorted(found, key=lambda o: (-o.strength, o.start)))


def argument_features(text: str) -> dict[str, float]:
    """Classifier features: the strongest evidence of an odd argument (log-scaled nats) and
    how many odd arguments the sentence has."""
    odd = odd_arguments(text)
    return {
        "argument_odd_max": math.log1p(max((o.strength for o in odd), default=0.0)),
        "argument_odd_count": float(len(odd)),
    }


def describe(odd: OddArgument) -> str:
    """Why the argument is odd, in words a reader can check."""
    usual = " or ".join(CLASS_WORDS[c] for c, _ in odd.usual)
    covered = sum(s for _, s in odd.usual)
    examples = f": {', '.join(odd.examples)}" if odd.examples else ""
    what = " or ".join(CLASS_WORDS[c] for c, _ in odd.classes[:2])
    return (
        f"'{odd.predicate}' takes {usual} ({covered:.0%} of its {RELATION_NOUN[odd.relation]} "
        f"in clean English{examples}), not {what} ({odd.share:.1%})"
    )
