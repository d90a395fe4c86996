"""syntok's sentence starts, found without walking every token, must be syntok's own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from syntok.segmenter import segment as syntok_segment

from conftest import FIXTURES
from garblecheck.segment import cuts
from garblecheck.segment.blocks import paragraphs

# the characters syntok's decisions turn on, and words around them
PIECES = [
    "a", "word", "Mr", "U.S.", "etc", "No", "5", "1,000", "iPhone", "The", "However", "I", "X",
    " ", " ", " ", " ", " ", "\n", "\t", "\u00a0", "\u200b", ".", ".", "!", "?", ";", ":", ",",
    "...", "…", "(", ")", "[", "]", "{", "}", '"', "'", "’", "”", "“", "—", "-",
]


def _whole(paragraph: str, offset: int) -> list[int]:
    tokens = cuts.TOKENIZER.tokenize(paragraph, offset)
    return [sentence[0].offset for sentence in syntok_segment(tokens) if sentence]


def test_fixture_paragraphs_start_where_syntok_starts_them() -> None:
    checked = 0
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in paragraphs(text):
            assert cuts.starts(text[start:end], start) == _whole(text[start:end], start)
            checked += 1
    assert checked > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 50))
def test_short_paragraphs_start_where_syntok_starts_them(pieces: list[str], offset: int) -> None:
    paragraph = "".join(pieces)
    assert cuts.starts(paragraph, offset) == _whole(paragraph, offset)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["word "] * 20), min_size=30, max_size=300))
def test_long_paragraphs_start_where_syntok_starts_them(pieces: list[str]) -> None:
    paragraph = "".join(pieces)
    assert cuts.starts(paragraph, 7) == _whole(paragraph, 7)
