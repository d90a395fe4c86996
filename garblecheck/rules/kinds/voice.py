"""First person in reported copy: quotations that lost their marks (and their attribution).

News copy reports in the third person; "I", "me" and "my" belong inside quotation marks. A
rewrite that drops the marks leaves a speaker's words as if the reporter said them. Documents
written in the first person throughout (a column, a letter, a diary) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from garblecheck.analyser import Context
from garblecheck.model import Finding, Segmentation, Sentence
from garblecheck.rules.base import Option, RuleKind, register

_FIRST_PERSON = re.compile(
    r"(?<![\w'’.-])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]yself)(?![\w-])"
)
# a capital word right after "I" makes it part of a title of a work, not the pronoun
_TITLE_AFTER = re.compile(r",?[\s\u00a0]+[A-Z]")
_STRAIGHT_MARK = re.compile(r'"')
_SENTENCE_END = re.compile(r"[.!?]['\"”’]?[\s\u00a0]+$")
_CONTRACTION = re.compile(r"I['’]")
# words after which a capital "I" is a numeral: "World War I", "Type I", "Section I"
_NUMERAL_CONTEXT = frozenset(
    [
        "war",
        "part",
        "section",
        "phase",
        "type",
        "class",
        "grade",
        "chapter",
        "article",
        "act",
        "stage",
        "tier",
        "category",
        "level",
        "division",
        "league",
        "formula",
        "schedule",
        "title",
        "volume",
        "appendix",
        "annex",
        "book",
        "series",
        "round",
        "world",
        "model",
        "mark",
        "plan",
        "group",
        "unit",
        "ward",
        "block",
        "page",
    ]
)
_PREVIOUS_WORD = re.compile(r"([\w'’.-]+)[\s\u00a0]+$")
# where a sentence or a speech frame starts: the next word's capital says nothing
_OPENING = re.compile(r"(?:^|[:;\"“‘(—–]|[.!?]['\"”’]?)[\s\u00a0]*$")
# a trailing unquoted attribution: ", he said." / ", Wallace added." / ", said the minister."
_SPEECH_VERB = (
    r"(?:said|says|added|adds|told\s+[\w'’.-]+(?:\s+[\w'’.-]+)?|explained|continued|insisted"
    r"|warned|argued|noted|stressed|claimed|wrote|stated|declared|concluded)"
)
_SUBJECT = r"(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+"
_ATTRIBUTION = re.compile(
    rf",\s+(?:{_SUBJECT}\s+{_SPEECH_VERB}|{_SPEECH_VERB}\s+{_SUBJECT}|according\s+to\s+{_SUBJECT})"
    r"\s*[.!]?\s*$"
)


def _is_pronoun(text: str, match: re.Match[str], sent_start: int) -> bool:
    """Whether a first-person match is the pronoun, not a numeral or part of a title."""
    token, before = match.group(), text[sent_start : match.start()]
    if token[0] == "m":
        return True
    if token[0] == "M":  # "My" or "Me" inside a sentence is part of a title ("My Fair Lady")
        return bool(_OPENING.search(before))
    if _TITLE_AFTER.match(text, match.end()):  # "I Heart Huckabees", "I, Robot"
        return False
    if _CONTRACTION.match(token):
        return True
    prev = _PREVIOUS_WORD.search(before)
    if prev is None:
        return not before.rstrip().endswith("(")
    word = prev.group(1)
    if word.lower() in _NUMERAL_CONTEXT:
        return False
    if word[0].isupper():  # "Elizabeth I", unless that capital only opens the sentence
        return bool(_OPENING.search(before[: prev.start()]))
    return True


def _straight_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of straight double quotations in a paragraph, each mark's direction read from its
    neighbours rather than by pairing: scraped copy often runs several news paragraphs into one
    line, where each opens a quotation ("… once. "I felt …") and only the last closes it. An
    opening mark inside an open quotation, not after a sentence end, opens a nested one."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    nested = False
    for m in _STRAIGHT_MARK.finditer(text, start, end):
        i = m.start()
        after_space = i == start or not text[i - 1].isalnum()
        if after_space and i + 1 < end and not text[i + 1].isspace():  # an opening mark
            if opened is None:
                opened = i
            elif _SENTENCE_END.search(text, start, i):
                spans.append((opened, i))
                opened = i
            else:
                nested = True
        elif nested:
            nested = False
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


class _Quoted:
    """Whether a span is quoted, by the segmentation or by the straight-mark reading above."""

    def __init__(self, text: str, seg: Segmentation) -> None:
        self.text, self.seg = text, seg
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def __call__(self, sent: Sentence, start: int, end: int) -> bool:
        if self.seg.quoted(start, end):
            return True
        if sent.block not in self.spans:
            block = self.seg.blocks[sent.block]
            self.spans[sent.block] = _straight_quotes(self.text, block.start, block.end)
        return any(a <= start and end <= b for a, b in self.spans[sent.block])


def _first_person(text: str, quoted: _Quoted, sent: Sentence) -> str | None:
    """The first unquoted first-person pronoun of the sentence, if any."""
    for m in _FIRST_PERSON.finditer(text, sent.start, sent.end):
        if _is_pronoun(text, m, sent.start) and not quoted(sent, m.start(), m.end()):
            return m.group()
    return None


def reported_first_person(ctx: Context, opts: dict[str, Any]) -> Iterator[tuple[Sentence, str]]:
    """Sentences with an unquoted first person, unless the document speaks in the first person
    often (a column, a diary, readers' comments) or only (a lone sentence): then the first
    person is the author's."""
    seg, text = ctx.doc.seg, ctx.doc.text
    quoted = _Quoted(text, seg)
    hits = [(s, p) for s in seg.sentences if (p := _first_person(text, quoted, s)) is not None]
    n = len(hits)
    genre = (
        n >= opts["genre_count"]
        or (n >= 2 and n >= opts["genre_share"] * len(seg.sentences))
        or n == len(seg.sentences)  # no third-person sentence shows the copy is reported
    )
    if not genre:
        yield from hits


# a document with this many first-person sentences (or this share, two at least) is written in
# the first person
_GENRE_OPTIONS = {
    "genre_count": Option(int, default=5),
    "genre_share": Option((int, float), default=0.25),
}


def _genre(spec_options: dict[str, Any]) -> dict[str, Any]:
    return {k: spec_options.get(k, o.default) for k, o in _GENRE_OPTIONS.items()}


@register
class FirstPersonUnquoted(RuleKind):
    """A first-person sentence outside quotation marks in third-person copy."""

    kind = "first-person-unquoted"
    options: ClassVar[dict[str, Option]] = _GENRE_OPTIONS

    def check(self, ctx: Context) -> list[Finding]:
        return [
            self.finding(
                ctx,
                sent.start,
                sent.end,
                f"First-person “{pronoun}” outside quotation marks in reported copy: probably "
                "a quotation that lost its marks and attribution",
                evidence=pronoun,
            )
            for sent, pronoun in reported_first_person(ctx, _genre(self.spec.options))
        ]


@register
class QuoteLostMarks(RuleKind):
    """A paragraph in the first person, unquoted, that ends with an attribution tag: the whole
    paragraph is a quotation whose marks were lost. Flags the sentence with the tag."""

    kind = "quote-lost-marks"
    options: ClassVar[dict[str, Option]] = _GENRE_OPTIONS

    def check(self, ctx: Context) -> list[Finding]:
        seg, text = ctx.doc.seg, ctx.doc.text
        fp = reported_first_person(ctx, _genre(self.spec.options))
        blocks = {sent.block for sent, _ in fp}
        last: dict[int, Sentence] = {s.block: s for s in seg.sentences if s.block in blocks}
        found = []
        for sent in last.values():
            tag = _ATTRIBUTION.search(text, sent.start, sent.end)
            if tag and not seg.quoted(tag.start(), tag.end()):
                message = (
                    f"Attribution “{tag.group().strip(' ,.')}” closes a first-person paragraph "
                    "without quotation marks: the quotation probably lost its marks"
                )
                found.append(self.finding(ctx, sent.start, sent.end, message))
        return found
