"""Repeated words: "preparing and preparing", "the the", "mutual security issues … issues".

A rewrite that swaps words one at a time often lands on a word the sentence already has; a
copy-paste slip doubles a word. Reduplications that English uses on purpose ("more and more",
"had had", "many, many", "face to face") are exceptions, listed in the rule files.
"""

from __future__ import annotations

import re
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.model import Finding, Sentence
from garblecheck.rules.base import Option, RuleKind, register

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# the same word twice, joined by nothing, a comma, "and" or "or": "X X", "X, X", "X and X"
_COORDINATION = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]*)((?:\s*,)?\s+(?:(?:and|or)\s+)?|\s*,\s*)(\1)(?![\w'’-])",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\s+not\b")
_POSSESSIVE = re.compile(r"['’]s$")
_CONTRACTED = re.compile(r"['’]")
# what separates parallel phrases: punctuation, figures, brackets, quotation marks
_PARALLEL = re.compile(r"[,;:()\[\]\d\"“”‘/–—]|\s-\s|’(?!\w)")
_COORDINATORS = frozenset(["and", "or", "but", "nor", "while", "whereas", "than", "versus", "vs"])
# the glue between two repeats that make an idiom: "face to face", "year on year"
_IDIOM_GLUE = frozenset(["to", "by", "after", "on", "in", "for", "upon", "against", "over", "from"])


def _words(values: list[object] | None) -> frozenset[str]:
    """A rule file's word or phrase list, lower-cased, one space between words."""
    return frozenset(" ".join(str(v).lower().split()) for v in values or ())


@register
class RepeatedCoordination(RuleKind):
    """The same word joined to itself: "preparing and preparing", "the the", "fast, fast"."""

    kind = "repeated-coordination"
    options: ClassVar[dict[str, Option]] = {"exceptions": Option(list, default=[])}

    def prepare(self) -> None:
        self.exceptions = _words(self.spec.options.get("exceptions"))

    def check(self, ctx: Context) -> list[Finding]:
        found = []
        for sent in ctx.doc.seg.sentences:
            for m in _COORDINATION.finditer(ctx.doc.text, sent.start, sent.end):
                first, glue, second = m.group(1), m.group(2), m.group(3)
                if self._intended(ctx, m, first, glue, second):
                    continue
                message = f"“{m.group()}” repeats a word: probably a rewriting slip"
                found.append(self.finding(ctx, m.start(), m.end(), message, suggestion=first))
        return found

    def _intended(self, ctx: Context, m: re.Match[str], first: str, glue: str, second: str) -> bool:
        """Repeats that English makes on purpose, or that are names."""
        text = ctx.doc.text
        if " ".join(m.group().lower().split()) in self.exceptions:
            return True
        if second[0].isupper() and not glue.strip():
            return True  # "Duran Duran", "law lord Lord Bingham": names and titles
        if ("," in glue and "and" in glue.lower()) or (glue.strip() == "," and second[0].isupper()):
            return True  # "his, and his alone"; "Turn, Turn, Turn": rhetoric and titles
        if glue.strip() == "," and ctx.doc.seg.quoted(m.start(), m.end()):
            return True  # "it, it" in a quotation is the speaker's own hesitation
        return bool(_NEGATED.match(text, m.end()))  # "may or may not"


@register
class RepeatedContentWord(RuleKind):
    """The same content word twice within a few words ("issues related to mutual security
    issues"): a synonym swap that landed on a word already there."""

    kind = "repeated-content-word"
    options: ClassVar[dict[str, Option]] = {
        "window": Option(int, default=5),
        "min_length": Option(int, default=4),
        "stopwords": Option(list, default=[]),
    }

    def prepare(self) -> None:
        self.window = int(self.spec.options.get("window", 5))
        self.min_length = int(self.spec.options.get("min_length", 4))
        self.stopwords = _words(self.spec.options.get("stopwords"))

    def check(self, ctx: Context) -> list[Finding]:
        found = []
        for sent in ctx.doc.seg.sentences:
            found.extend(self._sentence(ctx, sent))
        return found

    def _sentence(self, ctx: Context, sent: Sentence) -> list[Finding]:
        text = ctx.doc.text
        tokens = list(_WORD.finditer(text, sent.start, sent.end))
        last_seen: dict[str, int] = {}
        found = []
        for i, m in enumerate(tokens):
            word = m.group()
            key = _POSSESSIVE.sub("", word.lower())
            if (
                (i > 0 and word[0].isupper())
                or len(key) < self.min_length
                or key in self.stopwords
                or _CONTRACTED.search(key)
            ):
                continue  # proper nouns, short words and function words repeat legitimately
            j = last_seen.get(key)
            last_seen[key] = i
            if j is None or i - j > self.window or self._idiom(text, tokens, j, i):
                continue
            first = tokens[j]
            message = f"“{word}” is repeated within {i - j} words: probably a synonym swap"
            found.append(self.finding(ctx, first.start(), m.end(), message, evidence=word))
        return found

    @staticmethod
    def _idiom(text: str, tokens: list[re.Match[str]], j: int, i: int) -> bool:
        """Adjacent repeats (repeated-coordination's job), and repeats that clean copy makes on
        purpose: parallel phrases ("best film and best
        director", "rose 5%, but imports rose"), amounts ("from 3bn yuan to 4bn yuan"), and
        idioms ("face to face"). Only a repeat inside one plain phrase is suspect."""
        between = text[tokens[j].end() : tokens[i].start()]
        words = [t.group().lower() for t in tokens[j + 1 : i]]
        return (
            not words
            or (len(words) == 1 and words[0] in _IDIOM_GLUE)
            or bool(_PARALLEL.search(between))
            or any(w in _COORDINATORS for w in words)
        )
