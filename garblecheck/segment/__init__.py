"""Segmentation: paragraphs with their kind, sentences of prose, and quotations.

``segment(text)`` never raises and never rewrites the text: every span is a pair of
code-point offsets into ``text`` as given, so ``text[start:end]`` is always what was found.
Sentences are made from prose paragraphs only; furniture glued to the start or the end of a
prose paragraph ("Your support makes all the difference.China is …") is split off into a
block of its own first, so the story's sentence stays prose.
"""

from __future__ import annotations

from garblecheck.model import Block, Segmentation, Sentence
from garblecheck.segment.blocks import paragraphs
from garblecheck.segment.junk import sentence_reason
from garblecheck.segment.kinds import absorb_sandwiched, classify
from garblecheck.segment.quotes import find_quotes
from garblecheck.segment.sentences import split

__all__ = ["segment"]

Span = tuple[int, int]


def _prose(text: str, block: Block) -> list[tuple[Block, list[Span]]]:
    """A prose block with its sentences; furniture sentences at either edge become blocks of
    their own, and a paragraph that is mostly furniture becomes one."""
    spans = split(text, block.start, block.end)
    reasons = [sentence_reason(text[start:end]) for start, end in spans]
    junk = [r for r in reasons if r]
    if 2 * len(junk) > len(spans):
        return [(Block(block.start, block.end, "boilerplate", junk[0]), [])]
    head, tail = 0, len(spans)
    while head < tail and reasons[head]:
        head += 1
    while tail > head and reasons[tail - 1]:
        tail -= 1
    parts: list[tuple[Block, list[Span]]] = [
        (Block(start, end, "boilerplate", reasons[i] or ""), [])
        for i, (start, end) in enumerate(spans[:head])
    ]
    body_start = spans[head][0] if head else block.start
    body_end = spans[tail - 1][1] if tail < len(spans) else block.end
    parts.append((Block(body_start, body_end, "prose"), spans[head:tail]))
    parts.extend(
        (Block(start, end, "boilerplate", reasons[tail + i] or ""), [])
        for i, (start, end) in enumerate(spans[tail:])
    )
    return parts


def segment(text: str) -> Segmentation:
    """Paragraphs, sentences and quotations of ``text``, with exact offsets."""
    parts: list[tuple[Block, list[Span]]] = []
    for block in classify(text, paragraphs(text)):
        parts.extend(_prose(text, block) if block.kind == "prose" else [(block, [])])
    blocks = [block for block, _ in parts]
    absorb_sandwiched(blocks)
    sentences: list[Sentence] = []
    for b, (block, (_, spans)) in enumerate(zip(blocks, parts, strict=True)):
        if block.kind != "prose":
            continue
        for start, end in spans:
            sentences.append(Sentence(len(sentences), start, end, b, text[start:end]))
    quotes = find_quotes(text, ((b.start, b.end) for b in blocks if b.kind != "boilerplate"))
    return Segmentation(blocks=blocks, sentences=sentences, quotes=quotes)
