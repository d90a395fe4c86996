"""The shipped tortured-phrase fingerprints (``rules/knowledge/tortured-phrases.tsv``) and the
single-word swaps they show a paraphrasing tool making.

A fingerprint and the phrase it replaced often have the same words but one or two ("surface
region" / "surface area", "corrosive rain" / "acid rain"): each differing word pair is a swap
the tool is known to make. Such a swap in a copy, against its source, is not an editor's choice
of synonym, even where a dictionary calls the two words synonyms ("acid" -> "corrosive",
"frequency" -> "recurrence"); and it generalises beyond the listed phrases, to phrases the
list has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from garblecheck.errors import RuleError
from garblecheck.packs import knowledge_path

FILE = "tortured-phrases.tsv"
# words (with inner hyphens/apostrophes) or single punctuation marks, so that punctuation in
# the text breaks a match unless the phrase itself has it
TOKEN = re.compile(r"\w+(?:[-'’‑]\w+)*|[^\w\s]")
FOLD = str.maketrans({"’": "'", "‘": "'", "‑": "-", "–": "-"})


def fold(token: str) -> str:
    """A token as fingerprints are matched: lower case, curly quotes and dashes folded."""
    return token.translate(FOLD).lower()


def phrase_tokens(text: str) -> list[str]:
    """The normalised tokens of a phrase; the build and the matcher share this definition."""
    return [fold(m.group()) for m in TOKEN.finditer(text)]


def read_fingerprints(path: Path) -> list[tuple[str, str]]:
    """(tortured, expected) of every row of a fingerprint file; comments and the header row
    are skipped."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), f"cannot read fingerprints: {exc}") from None
    rows = [r for r in rows if not r[0].startswith("#") and r[0] != "tortured"]
    if any(len(r) < 2 for r in rows):
        raise RuleError(str(path), "every fingerprint row needs tortured<TAB>expected")
    return [(r[0], r[1]) for r in rows]


@lru_cache(maxsize=1)
def known_swaps() -> frozenset[tuple[str, str]]:
    """(replaced word, tool's word) pairs, lower case, from the shipped fingerprints whose
    phrase has as many tokens as the phrase it replaced (each expected alternative counts)."""
    swaps: set[tuple[str, str]] = set()
    for tortured, expected in read_fingerprints(knowledge_path(FILE)):
        spun = phrase_tokens(tortured)
        for alternative in expected.split(" / "):
            plain = phrase_tokens(alternative)
            if len(plain) == len(spun):
                swaps.update((a, b) for a, b in zip(plain, spun, strict=True) if a != b)
    return frozenset(swaps)
