"""Known tortured phrases ("surface region" for "surface area"): the fingerprints that
paraphrasing tools leave, matched word by word through a dict keyed on the first word.

A dict lookup per token keeps the cost flat however many fingerprints the pack holds; one
giant alternation regex per sentence would not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.knowledge.fingerprints import TOKEN, fold, phrase_tokens, read_fingerprints
from garblecheck.model import Finding
from garblecheck.packs import knowledge_path
from garblecheck.rules.base import Option, RuleKind, register


@dataclass(frozen=True)
class Fingerprint:
    tokens: tuple[str, ...]
    expected: str  # alternatives separated by " / "


Index = dict[str, list[Fingerprint]]


def build_index(pairs: Iterable[tuple[str, str]]) -> Index:
    """Fingerprints keyed on their first token, longest first, from (tortured, expected)."""
    index: Index = {}
    for tortured, expected in pairs:
        tokens = tuple(phrase_tokens(tortured))
        if tokens:
            index.setdefault(tokens[0], []).append(Fingerprint(tokens, expected))
    for entries in index.values():
        entries.sort(key=lambda f: -len(f.tokens))
    return index


def match_at(index: Index, words: list[str], i: int) -> Fingerprint | None:
    """The longest fingerprint that starts at ``words[i]``, if any."""
    for fp in index.get(words[i], ()):
        if tuple(words[i : i + len(fp.tokens)]) == fp.tokens:
            return fp
    return None


@register
class Fingerprints(RuleKind):
    """Flags every known tortured phrase, case-insensitively, suggesting the phrase it replaced."""

    kind = "fingerprints"
    options: ClassVar[dict[str, Option]] = {"file": Option(str, default="tortured-phrases.tsv")}

    def prepare(self) -> None:
        path = knowledge_path(str(self.spec.options.get("file", "tortured-phrases.tsv")))
        self.index = build_index(read_fingerprints(path))  # a bad file is named in the error

    def check(self, ctx: Context) -> list[Finding]:
        text = ctx.doc.text
        found: list[Finding] = []
        for sent in ctx.doc.seg.sentences:
            matches = list(TOKEN.finditer(text, sent.start, sent.end))
            words = [fold(m.group()) for m in matches]
            i = 0
            while i < len(words):
                fp = match_at(self.index, words, i)
                if fp is None:
                    i += 1
                    continue
                start, end = matches[i].start(), matches[i + len(fp.tokens) - 1].end()
                found.append(self._finding(ctx, start, end, fp))
                i += len(fp.tokens)
        return found

    def _finding(self, ctx: Context, start: int, end: int, fp: Fingerprint) -> Finding:
        phrase = ctx.doc.text[start:end]
        message = f"“{phrase}” is a known tortured phrase for “{fp.expected}”"
        return self.finding(
            ctx, start, end, message, suggestion=fp.expected.split(" / ")[0], evidence=phrase
        )
