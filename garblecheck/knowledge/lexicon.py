"""WordNet senses and antonyms plus word frequencies, for judging a word substitution.

Built by ``python -m garblecheck.build.lexicon`` into ``rules/knowledge/lexicon.json.gz`` and
loaded once, lazily, on the first question (compare mode only needs it when two aligned
sentences differ by a word).
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache

from garblecheck.errors import RuleError
from garblecheck.packs import knowledge_path

FILE = "lexicon.json.gz"
# WordNet's rules for taking off inflections, tried when a word is not a lemma itself
_DETACH = (
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
)


def _ids(packed: str) -> frozenset[int]:
    return frozenset(int(i) for i in packed.split(",")) if packed else frozenset()


class Lexicon:
    """Questions about two words: same sense, related sense, opposite sense, how common."""

    def __init__(self, data: dict[str, object]) -> None:
        self._senses: dict[str, str] = data["senses"]  # type: ignore[assignment]
        self._related: list[str] = data["related"]  # type: ignore[assignment]
        self._antonyms: dict[str, str] = data["antonyms"]  # type: ignore[assignment]
        self._exceptions: dict[str, str] = data["exceptions"]  # type: ignore[assignment]
        self._freq: dict[str, int] = data["freq"]  # type: ignore[assignment]
        self._total = sum(self._freq.values()) or 1

    @lru_cache(maxsize=32768)  # noqa: B019 - one instance per process, cached on purpose
    def lemmas(self, word: str) -> tuple[str, ...]:
        """The dictionary forms a word may be an inflection of (itself first when listed)."""
        word = word.lower().replace("’", "'")
        found = [word] if word in self._senses else []
        base = self._exceptions.get(word)
        if base and base in self._senses:
            found.append(base)
        for suffix, repl in _DETACH:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                cand = word[: -len(suffix)] + repl
                if cand in self._senses and cand not in found:
                    found.append(cand)
        return tuple(found)

    def senses(self, word: str) -> frozenset[int]:
        """Every WordNet sense of the word or of its dictionary forms."""
        out: set[int] = set()
        for lemma in self.lemmas(word):
            out |= _ids(self._senses[lemma])
        return frozenset(out)

    def primary_senses(self, word: str) -> frozenset[int]:
        """The most common sense of each dictionary form (WordNet lists senses by frequency)."""
        return frozenset(int(self._senses[lemma].split(",")[0]) for lemma in self.lemmas(word))

    def known(self, word: str) -> bool:
        """Whether the word is an ordinary dictionary word (so not only a name)."""
        return bool(self.lemmas(word))

    def synonyms(self, a: str, b: str) -> bool:
        """Whether the two words share a sense."""
        return bool(self.senses(a) & self.senses(b))

    def related(self, a: str, b: str) -> bool:
        """Whether a sense of one is a sense of the other or one step from it (a broader
        term, a similar adjective, a derived form)."""
        sa, sb = self.senses(a), self.senses(b)
        if sa & sb:
            return True
        return any(_ids(self._related[s]) & sb for s in sa)

    def antonyms(self, a: str, b: str) -> bool:
        """Whether a sense of one is the opposite of a sense of the other."""
        sb = self.senses(b)
        return any(_ids(self._antonyms.get(str(s), "")) & sb for s in self.senses(a))

    def zipf(self, word: str) -> float:
        """Frequency on the Zipf scale (log10 per billion words); 0 for unseen words, about 7
        for 'the', 3 for an ordinary but uncommon word."""
        count = self._freq.get(word.lower())
        if count is None:
            count = max((self._freq.get(lemma, 0) for lemma in self.lemmas(word)), default=0)
        return math.log10(count * 1e9 / self._total) if count else 0.0


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read on first use."""
    path = knowledge_path(FILE)
    try:
        with gzip.open(path, "rb") as fh:
            data = json.loads(fh.read())
    except (OSError, ValueError) as exc:
        raise RuleError(
            str(path),
            f"cannot read the lexicon ({exc}); rebuild it with python -m garblecheck.build.lexicon",
        ) from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise RuleError(str(path), "not a version 1 lexicon")
    return Lexicon(data)
