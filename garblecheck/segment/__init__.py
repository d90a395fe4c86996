"""Segmentation: paragraphs with their kind, sentences of prose, and quotations.

``segment(text)`` never raises and never rewrites the text: every span is a pair of
code-point offsets into ``text`` as given, so ``text[start:end]`` is always what was found.
Sentences are made from prose paragraphs only; a boilerplate sentence glued to the start or the
end of a prose paragraph ("…the difference.China is …") is split off into its own block first.
"""

from __future__ import annotations

from garblecheck.model import Block, Segmentation, Sentence
from garblecheck.segment.blocks import paragraphs
from garblecheck.segment.junk import appeal_sentence, classify, mark_sandwiched_appeals
from garblecheck.segment.quotes import find_quotes
from garblecheck.segment.sentences import split

__all__ = ["segment"]


def _peel(text: str, block: Block) -> list[tuple[Block, list[tuple[int, int]]]]:
    """The prose block as blocks with their sentence spans, appeals at either edge split off."""
    spans = split(text, block.start, block.end)
    head = 0
    while head < len(spans) and appeal_sentence(text[slice(*spans[head])]):
        head += 1
    if head == len(spans):
        return [(Block(block.start, block.end, "boilerplate", "appeal"), [])]
    tail = len(spans)
    while tail > head and appeal_sentence(text[slice(*spans[tail - 1])]):
        tail -= 1
    parts: list[tuple[Block, list[tuple[int, int]]]] = []
    if head:
        parts.append((Block(block.start, spans[head - 1][1], "boilerplate", "appeal"), []))
    body_start = block.start if not head else spans[head][0]
    body_end = block.end if tail == len(spans) else spans[tail - 1][1]
    parts.append((Block(body_start, body_end, "prose"), spans[head:tail]))
    if tail < len(spans):
        parts.append((Block(spans[tail][0], block.end, "boilerplate", "appeal"), []))
    return parts


def segment(text: str) -> Segmentation:
    """Paragraphs, sentences and quotations of ``text``, with exact offsets."""
    parts: list[tuple[Block, list[tuple[int, int]]]] = []
    for block in classify(text, paragraphs(text)):
        parts.extend(_peel(text, block) if block.kind == "prose" else [(block, [])])
    blocks = [block for block, _ in parts]
    mark_sandwiched_appeals(blocks)
    sentences: list[Sentence] = []
    for b, (block, spans) in enumerate(zip(blocks, (s for _, s in parts), strict=True)):
        if block.kind != "prose":
            continue
        for start, end in spans:
            sentences.append(Sentence(len(sentences), start, end, b, text[start:end]))
    quotes = find_quotes(text, ((b.start, b.end) for b in blocks if b.kind != "boilerplate"))
    return Segmentation(blocks=blocks, sentences=sentences, quotes=quotes)
