"""Which version each article is compared against, and why.

In a group, the source is the version that reads cleanest (lowest reference-free score); ties
go to the version that covers most of the others' words, then to the smallest id. A source the
user named wins: one from ``--source-dir``, or the one a JSONL record names for itself.

A version is compared with a source only when the source holds a good share of its content
words, as a copy's source does: two outlets' independent reports of one story share a quarter
to a third of them, and comparing those turns every difference of wording into a finding. An
article the group's source covers too little is compared with the as-clean member that covers
it best, or else checked on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from garblecheck.scanning.grouping import Words, overlap

MIN_COVER = 0.35  # share of an article's content words its source must hold to be compared


@dataclass(frozen=True)
class Candidate:
    """What source choice knows of a member of a group."""

    id: str
    path: str | None
    score: float
    words: Words
    named: bool = False


@dataclass(frozen=True)
class Choice:
    """The source an article is compared against (None: checked on its own), and why."""

    source: str | None
    reason: str


def cover(article: Words, source: Words) -> float:
    """Share of an article's content words that a source holds too."""
    return overlap(article, source) / article.size if article.size else 0.0


def _group_source(members: list[Candidate]) -> Candidate:
    pool = [m for m in members if m.named] or members

    def covers_others(m: Candidate) -> float:
        return sum(cover(o.words, m.words) for o in members if o is not m)

    return min(pool, key=lambda m: (m.score, -covers_others(m), m.id))


def _why_source(source: Candidate, members: list[Candidate]) -> str:
    if source.named:
        return "named with --source-dir"
    tied = sum(m.score == source.score for m in members) > 1
    return f"cleanest of {len(members)} versions (score {source.score:.2f}" + (
        ", tied: covers most of the others)" if tied else ")"
    )


def choose(members: list[Candidate], own: Mapping[str, str]) -> dict[str, Choice]:
    """The choice for every member of one group; ``own`` maps an article to the id of the
    source its record names."""
    source = _group_source(members)
    why = _why_source(source, members)
    choices: dict[str, Choice] = {}
    for m in members:
        if m.id in own:
            choices[m.id] = Choice(own[m.id], "named by the article's record (source field)")
        elif len(members) == 1:
            choices[m.id] = Choice(None, "no other version of the story found")
        elif m is source:
            choices[m.id] = Choice(None, f"the source of its group: {why}")
        else:
            choices[m.id] = _for_member(m, source, why, members)
    return choices


def _for_member(m: Candidate, source: Candidate, why: str, members: list[Candidate]) -> Choice:
    share = cover(m.words, source.words)
    if share >= MIN_COVER:
        return Choice(source.id, f"{why}; holds {share:.0%} of this article's content words")
    others = [o for o in members if o is not m and o.score <= m.score]
    best = max(others, key=lambda o: (cover(m.words, o.words), -o.score), default=None)
    if best is not None and (best_share := cover(m.words, best.words)) >= MIN_COVER:
        return Choice(
            best.id,
            f"the version that covers it best ({best_share:.0%} of its content words) and "
            f"reads as clean or cleaner (score {best.score:.2f}); the group's source holds "
            f"only {share:.0%}",
        )
    return Choice(
        None,
        f"checked on its own: no cleaner version of the story holds enough of it to compare "
        f"(the group's source holds {share:.0%} of its content words, {MIN_COVER:.0%} needed)",
    )
