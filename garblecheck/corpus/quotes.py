"""How the wording of two quotations of the same words compares.

Two articles that quote one statement may cut it differently (one quotes half a sentence, the
other all of it) or mark a cut with an ellipsis: that is consistent wording. A quotation whose
words match another's except for a word or two changed inside the shared stretch is a variant:
somebody changed the quoted words. Quotations that share only a few words are paraphrases or
other statements and are not compared at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

CUT = "…"  # a marked cut ("…", "...", "[the UK]"): matches any words
MIN_MATCHED = 5  # shared words below which two quotations are not the same statement
_EDGE = re.compile(r"^[^\w…]+|[^\w…]+$")
_EDGE_CHANGE = 3  # longest different stretch at an end that still counts as a change

Relation = Literal["same", "variant"]


@dataclass(frozen=True)
class Change:
    """A stretch of words that differs: ``a[a_lo:a_hi]`` where the other has ``b[b_lo:b_hi]``."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def tokens_of(inner: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The quotation's normalised words and, one for one, its tokens as written."""
    words: list[str] = []
    shown: list[str] = []
    for token in inner.split():
        if "…" in token or "..." in token or token.startswith("["):
            words.append(CUT)
            shown.append(token)
            continue
        word = _EDGE.sub("", token.lower().replace("’", "'").replace("‘", "'"))
        if word:
            words.append(word)
            shown.append(token)
    return tuple(words), tuple(shown)


def relate(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Relation, tuple[Change, ...]] | None:
    """Whether ``b`` quotes the same statement as ``a`` with the same wording ("same", where
    they overlap) or with words changed ("variant"); None when they are not comparable."""
    if a == b:
        return "same", ()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if matched < MIN_MATCHED or matched < 0.6 * min(len(a), len(b)):
        return None
    ops = matcher.get_opcodes()
    changes: list[Change] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal" or CUT in a[i1:i2] or CUT in b[j1:j2]:
            continue
        at_edge = n in (0, len(ops) - 1)
        if tag == "replace":
            if not at_edge or max(i2 - i1, j2 - j1) <= _EDGE_CHANGE:
                changes.append(Change(i1, i2, j1, j2))
        elif not at_edge and max(i2 - i1, j2 - j1) <= 2:
            changes.append(Change(i1, i2, j1, j2))  # a word or two dropped or added inside
    changed = sum(max(c.a_hi - c.a_lo, c.b_hi - c.b_lo) for c in changes)
    if not changes:
        return "same", ()
    if changed > max(2, 0.4 * matched):
        return None  # more rewritten than kept: a paraphrase, not a copy with slips
    return "variant", tuple(changes)


def excerpt(shown: tuple[str, ...], lo: int, hi: int) -> str:
    """The tokens ``lo:hi`` with a word of context either side, for a message."""
    start, end = max(0, lo - 1), min(len(shown), hi + 1)
    return " ".join(shown[start:end])


def corrected(a_shown: tuple[str, ...], b_shown: tuple[str, ...],
              changes: tuple[Change, ...]) -> str:
    """``a`` with every changed stretch put back as ``b`` words it."""
    out: list[str] = []
    at = 0
    for c in changes:
        out.extend(a_shown[at : c.a_lo])
        out.extend(b_shown[c.b_lo : c.b_hi])
        at = c.a_hi
    out.extend(a_shown[at:])
    return " ".join(out)
