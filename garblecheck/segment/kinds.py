"""What each paragraph is: prose, a heading, a photo caption, or boilerplate (and why).

Only prose is checked sentence by sentence. Each line is first judged alone (furniture
patterns, photo credits, the shape of a title); then its neighbours settle what a line cannot
say by itself: the bare line above a caption repeats the caption, a name under a byline belongs
to it, the short title-case lines above the headline are the masthead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from garblecheck.model import Block, BlockKind
from garblecheck.segment.junk import line_reason

_CREDIT_WORDS = r"(?:image|photo|picture|pic|photograph|credit|illustration|video|footage|source)s?"
_AGENCIES = (
    r"(?:getty|afp|reuters|ap photo|pa wire|pa media|epa|shutterstock|alamy|bloomberg|xinhua"
    r"|tass|sputnik|ria novosti|anadolu|nurphoto|sopa)"
)
# "(Image: Getty)", "Photograph: Name/Agency", "(Getty Images)", "**Name, TASS / kremlin.ru**"
_CAPTION_END = re.compile(
    rf"(?:\(\s*{_CREDIT_WORDS}\b[^()]*\)|\([^()]*\b{_AGENCIES}\b[^()]*\)"
    rf"|\*\*[^*]*[/|,][^*]*\*\*|\b{_CREDIT_WORDS}\s*(?:credit\s*)?:[^.!?]{{1,80}})"
    r"[\s\u00a0]*$",
    re.I,
)
_CAPTION_START = re.compile(
    rf"^\W{{0,3}}(?:{_CREDIT_WORDS}(?: caption| source)?\s*[:,]|media caption\b)", re.I
)
# a label alone on its line whose caption follows on the next: "Image caption,"
_CAPTION_LABEL = re.compile(rf"^\W{{0,3}}(?:{_CREDIT_WORDS}|media)\s+caption\s*[:,]?$", re.I)

_FENCES = ("```", "~~~", "---", "+++")  # markdown code and front matter, kept whole by blocks
_HEADING_MAX_WORDS = 20
_TITLE_MAX_WORDS = 15
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_CLOSERS = "”\"’')]»*_ \u00a0"
_TERMINAL = ".!?…:;,-–—"
_OPEN_LOWER = re.compile(r"^\W*[a-z]")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}\. +[A-Z]")  # a full stop inside: not a title
_LIST_ITEM = re.compile(r"^(?:[-*+•·▪–—]|\d{1,3}[.)])\s")
_LIST_ITEM_WORDS = 4  # a list item longer than this is running copy
_BYLINE_TAIL_WORDS = 6
# masthead vocabulary: a short title-case line above the headline holding one of these is
# the outlet's name
_OUTLET_NAME = re.compile(
    r"\b(?:daily|times|post|news|herald|mirror|guardian|telegraph|express|journal|gazette"
    r"|tribune|chronicle|observer|independent|standard|mail|star|sun|record|review|press"
    r"|today|online|weekly|defender|courier|monitor|insider|reporter|bulletin|dispatch)\b",
    re.I,
)
_MASTHEAD_MAX_WORDS = 8
_NOT_IN_MASTHEAD = re.compile(r"[\d,:;!?\"“”‘’()]")
_MINOR_WORD = re.compile(r"a|an|and|at|by|for|from|in|of|on|or|the|to|with|vs?", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _ends_open(body: str) -> bool:
    """No closing punctuation: the line is a title or a label rather than a sentence."""
    tail = body.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _TERMINAL


def _heading(body: str, first: bool) -> bool:
    if _MARKDOWN_HEADING.match(body):
        return True
    words = len(body.split())
    if (
        words > _HEADING_MAX_WORDS
        or (_LIST_ITEM.match(body) and words > _LIST_ITEM_WORDS)
        or _SENTENCE_INSIDE.search(body)
    ):
        return False
    if first:  # the first line is the headline unless it reads as a sentence
        tail = body.rstrip(_CLOSERS)
        return words <= _TITLE_MAX_WORDS and (not tail.endswith(".") or tail.endswith(".."))
    return not _OPEN_LOWER.match(body) and _ends_open(body)


def _alone(body: str, first: bool) -> tuple[BlockKind, str]:
    """Kind and reason of a line judged without its neighbours."""
    fence = body[:3]
    if fence in _FENCES and "\n" in body and body.endswith(fence):
        return "boilerplate", "front matter" if first and fence[0] in "-+" else "code"
    if body.startswith("<!--") and body.endswith("-->"):
        return "boilerplate", "comment"  # an HTML/Markdown comment: markup, not prose
    reason = line_reason(body)
    if reason is not None:
        return "boilerplate", reason
    if _CAPTION_LABEL.match(body):
        return "caption", "caption label"
    if _CAPTION_END.search(body) or _CAPTION_START.match(body):
        return "caption", "photo credit"
    if _heading(body, first):
        return "heading", "title"
    return "prose", ""


def _title_case(body: str) -> bool:
    words = _WORD.findall(body)
    return bool(words) and all(w[0].isupper() or _MINOR_WORD.fullmatch(w) for w in words)


def _credit_stripped(body: str) -> str:
    m = _CAPTION_END.search(body)
    return (body[: m.start()] if m else body).strip().rstrip(".").strip()


class _Page:
    """The blocks of one text while their kinds are being settled."""

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text, self.blocks = text, blocks

    def body(self, i: int) -> str:
        return self.text[self.blocks[i].start : self.blocks[i].end]

    def mark(self, i: int, kind: BlockKind, reason: str) -> None:
        block = self.blocks[i]
        self.blocks[i] = Block(block.start, block.end, kind, reason)

    def mastheads(self) -> None:
        """Short title-case lines that name an outlet, above the headline."""
        top = 0
        while top < len(self.blocks) and self.blocks[top].kind == "heading":
            top += 1
        for i in range(top - 1):
            body = self.body(i)
            if (
                len(body.split()) > _MASTHEAD_MAX_WORDS
                or _NOT_IN_MASTHEAD.search(body)
                or not _title_case(body)
                or not _OUTLET_NAME.search(body)
            ):
                break
            self.mark(i, "boilerplate", "masthead")

    def repeats_caption(self, i: int) -> bool:
        body = self.body(i).rstrip(".")
        return bool(body) and _credit_stripped(self.body(i + 1)) == body

    def neighbours(self) -> None:
        """Lines whose kind follows from the line before or after them."""
        for i in range(len(self.blocks) - 1):
            this, after = self.blocks[i], self.blocks[i + 1]
            words_after = len(self.body(i + 1).split())
            if after.reason == "photo credit" and self.repeats_caption(i):
                self.mark(i, "caption", "caption title")
            if (
                this.reason == "caption label"
                and after.kind in ("heading", "prose")
                and words_after <= _HEADING_MAX_WORDS
            ):
                self.mark(i + 1, "caption", "caption")
            if (
                this.reason == "byline"
                and after.kind == "heading"
                and words_after <= _BYLINE_TAIL_WORDS
            ):
                self.mark(i + 1, "boilerplate", "byline")


def classify(text: str, spans: Sequence[tuple[int, int]]) -> list[Block]:
    """A block with its kind for each paragraph span."""
    blocks = []
    for n, (start, end) in enumerate(spans):
        # a headline heads an article: a lone paragraph is judged like any other line
        kind, reason = _alone(text[start:end], first=n == 0 and len(spans) > 1)
        blocks.append(Block(start, end, kind, reason))
    page = _Page(text, blocks)
    page.mastheads()
    page.neighbours()
    return page.blocks


def absorb_sandwiched(blocks: list[Block]) -> None:
    """A paragraph between two pieces of the same furniture (an appeal split over three
    paragraphs) is part of it."""
    for i in range(1, len(blocks) - 1):
        before, after = blocks[i - 1], blocks[i + 1]
        if (
            blocks[i].kind == "prose"
            and before.kind == after.kind == "boilerplate"
            and before.reason == after.reason
            and before.reason in ("appeal", "privacy notice")
        ):
            blocks[i] = Block(blocks[i].start, blocks[i].end, "boilerplate", before.reason)
