"""Where syntok starts each sentence of a paragraph, without walking every token.

syntok's state machine is pure Python, a few microseconds a token: the costliest part of
checking a document after the classifier. It decides only at a terminal (". ! ? ;" and their
wide forms) or an opening bracket, from the tokens next to it, and it reads at most 50 tokens
into a bracket. So a paragraph with neither before its closing run (stops, one closing quote,
closing brackets: syntok keeps them in the sentence) is one sentence, and in a longer paragraph
only the chunks (runs of non-space) near such a character are tokenised and walked: the words
between them only pad sentences. The tokeniser cuts each chunk on its own, given the spacing
before it, so a chunk kept is tokenised exactly as in the whole paragraph. The starts found are
syntok's (tests compare the two on the fixtures and on generated paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from syntok._segmentation_states import State
from syntok.segmenter import segment
from syntok.tokenizer import Token, Tokenizer

TOKENIZER = Tokenizer(replace_not_contraction=False)
_CHUNKS = Tokenizer._spaces  # the tokeniser's own split, so chunks are the ones it cuts alone
_TERMINALS = frozenset(t for t in State.terminals if len(t) == 1)


def _chars(chars: frozenset[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


# possessive throughout: no part can give back what the next could take, and backtracking
# over a long run of spaces or stops would take quadratic time
_ONE_SENTENCE = re.compile(
    rf"[^{_chars(_TERMINALS | State.opening_brackets)}]*+"
    rf"(?:[{_chars(_TERMINALS)}]++[{_chars(State.closing_quotes)}]?+"
    rf"[{_chars(_TERMINALS | State.closing_brackets)}]*+)?+[ \t\r\n]*+"
)
# the characters syntok decides at, or steps over after a terminal
_DECISIVE = re.compile(
    f"[{_chars(_TERMINALS | State.opening_brackets | State.closing_brackets)}]"
)
_BEFORE, _AFTER = 2, 4  # chunks kept on each side of one holding a decisive character
_INTO_BRACKET = 55  # chunks kept after an opening bracket: syntok looks 50 tokens ahead
_EDGE = 4  # chunks kept at the start of the paragraph (the first sentence's first tokens)
_MIN_CHUNKS = 16  # a shorter paragraph is walked whole


def starts(paragraph: str, offset: int) -> list[int]:
    """Offsets (``paragraph`` starts at ``offset``) where syntok starts a sentence."""
    if _ONE_SENTENCE.fullmatch(paragraph):
        first = next(TOKENIZER.tokenize(paragraph, offset), None)  # whitespace: a token of ""
        return [first.offset] if first is not None and first.value else []
    return [sentence[0].offset for sentence in segment(_tokens(paragraph, offset)) if sentence]


def _tokens(paragraph: str, offset: int) -> Iterator[Token]:
    """The tokens syntok's decisions read: those of the chunks near a decisive character."""
    chunks = [m.span() for m in _CHUNKS.finditer(paragraph)]
    if len(chunks) < _MIN_CHUNKS:
        whole: Iterator[Token] = TOKENIZER.tokenize(paragraph, offset)
        return whole
    first = [start for start, _ in chunks]
    keep = [i < _EDGE or i >= len(chunks) - 2 for i in range(len(chunks))]
    marked = 0  # chunks before this one are marked already (each is marked once: linear time)
    for m in _DECISIVE.finditer(paragraph):
        chunk = bisect_right(first, m.start()) - 1
        after = _INTO_BRACKET if m.group() in State.opening_brackets else _AFTER
        for i in range(max(chunk - _BEFORE, marked), min(chunk + after + 1, len(chunks))):
            keep[i] = True
        marked = max(marked, min(chunk + after + 1, len(chunks)))
    return _tokenised(paragraph, offset, chunks, keep)


def _tokenised(
    paragraph: str, offset: int, chunks: list[tuple[int, int]], keep: list[bool]
) -> Iterator[Token]:
    """The tokens of each run of kept chunks, with the spacing before it (and, for the last
    chunk, the paragraph's trailing space), at their offsets in the document."""
    i = 0
    while i < len(chunks):
        if not keep[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(chunks) and keep[j + 1]:
            j += 1
        start = chunks[i - 1][1] if i else 0
        end = chunks[j][1] if j + 1 < len(chunks) else len(paragraph)
        for token in TOKENIZER.tokenize(paragraph[start:end]):
            token.update(offset + start)
            yield token
        i = j + 1
