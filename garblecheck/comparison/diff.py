"""The word-level differences between a copy sentence and its aligned source text.

Each difference carries what the copy and the source have in that place and how firmly it is
anchored: a spinner follows its source word for word and swaps single words, so a difference
with matching words on both sides sits in a "verbatim stretch"; a journalist writing
independently produces long differences with few anchors, which compare mode leaves alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from garblecheck.comparison.tokens import Token

ANCHOR_WINDOW = 4  # how far either side of a difference matching words are counted
BOUNDARY_WORDS = 2  # longest swap a sentence boundary anchors
FOLLOWS_SHARE = 0.5  # share of the copy's words matched for the copy to "follow" the source


@dataclass(frozen=True)
class Difference:
    """One place where copy and source differ (either side may be empty)."""

    source: tuple[Token, ...]
    copy: tuple[Token, ...]
    left: int  # matching tokens just before (up to ANCHOR_WINDOW)
    right: int  # matching tokens just after (up to ANCHOR_WINDOW)
    before: tuple[Token, ...]  # copy tokens just before (for placing a pure deletion)
    after_source: tuple[Token, ...]  # source tokens that follow, matched in the copy
    after_copy: tuple[Token, ...]
    # the difference reaches the first (last) word of both sentences: for a swap of a word or
    # two, the sentence boundary anchors that side as firmly as a matching word
    at_start: bool = False
    at_end: bool = False

    @property
    def verbatim(self) -> bool:
        """Whether the copy follows the source word for word around this difference."""
        short = len(self.source) <= BOUNDARY_WORDS and len(self.copy) <= BOUNDARY_WORDS
        left = max(self.left, int(self.at_start and short))
        right = max(self.right, int(self.at_end and short))
        return left + right >= 3 and min(left, right) >= 1

    def span(self) -> tuple[int, int]:
        """Where in the copy to report it: its copy words, or the word before a deletion."""
        if self.copy:
            return self.copy[0].start, self.copy[-1].end
        near = self.before[-1:] or self.after_copy[:1]
        return (near[0].start, near[0].end) if near else (0, 0)


@dataclass(frozen=True)
class Pair:
    """A copy sentence and its aligned source text, tokenised and compared."""

    copy: tuple[Token, ...]
    source: tuple[Token, ...]
    differences: tuple[Difference, ...]
    # (source token, copy token) pairs the diff matched
    matches: tuple[tuple[Token, Token], ...]

    @property
    def follows(self) -> bool:
        """Whether the copy sentence as a whole follows the source word for word (a rewrite
        of the same sentence) rather than telling the same fact in its own words."""
        return len(self.matches) >= FOLLOWS_SHARE * len(self.copy)


def compare_tokens(copy: Sequence[Token], source: Sequence[Token]) -> Pair:
    """Diff two token lists by key (spelling, case and inflection already neutralised)."""
    matcher = SequenceMatcher(None, [t.key for t in source], [t.key for t in copy], autojunk=False)
    ops = matcher.get_opcodes()
    diffs: list[Difference] = []
    matches: list[tuple[Token, Token]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            matches.extend(zip(source[i1:i2], copy[j1:j2], strict=True))
            continue
        left = ops[n - 1][2] - ops[n - 1][1] if n and ops[n - 1][0] == "equal" else 0
        nxt = ops[n + 1] if n + 1 < len(ops) and ops[n + 1][0] == "equal" else None
        right = nxt[2] - nxt[1] if nxt else 0
        diffs.append(
            Difference(
                source=tuple(source[i1:i2]),
                copy=tuple(copy[j1:j2]),
                left=min(left, ANCHOR_WINDOW),
                right=min(right, ANCHOR_WINDOW),
                before=tuple(copy[max(0, j1 - 2) : j1]),
                after_source=tuple(source[nxt[1] : nxt[2]]) if nxt else (),
                after_copy=tuple(copy[nxt[3] : nxt[4]]) if nxt else (),
                at_start=i1 == 0 and j1 == 0,
                at_end=i2 == len(source) and j2 == len(copy),
            )
        )
    return Pair(tuple(copy), tuple(source), tuple(diffs), tuple(matches))
