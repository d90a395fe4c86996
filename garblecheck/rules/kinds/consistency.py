"""Consistency of dialect: British and American spellings mixed in one article.

An outlet spells in one house style, so a minority of the other dialect's spellings is a sign
of text stitched or rewritten from elsewhere. Decisions, documented in the rule file:
- only prose counts; words inside quotation marks neither vote nor get flagged, because a
  quoted statement may keep the spelling of whoever wrote it;
- a capitalised word inside a sentence may be a name or title ("Pearl Harbor", "Defense
  Secretary"): it does not vote, and when it is of the minority dialect it gets an ``info``
  finding only; names listed in ``keep`` are skipped altogether;
- -ize spellings are weak American evidence (Oxford spelling uses them in British English):
  half a vote; in a British article they are flagged (``info``) only when it also writes -ise;
- a locale set by configuration or document metadata is not inferred: every spelling of the
  other dialect is then flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.knowledge.spelling import GB, US, Spelling, spellings
from garblecheck.model import Finding, Severity
from garblecheck.rules.base import Option, RuleKind, register
from garblecheck.rules.kinds.existence import group_tokens
from garblecheck.rules.kinds.substitution import match_case

_WORD = re.compile(r"[A-Za-z]+")
_NAMES = {GB: "British", US: "American"}


@dataclass(frozen=True)
class _Use:
    """One dialect-marked word in the article."""

    start: int
    end: int
    word: str
    spelling: Spelling
    is_name: bool  # capitalised inside a sentence: maybe a name or title


@register
class DialectConsistency(RuleKind):
    """Flags the minority dialect's spellings when an article mixes British and American."""

    kind: ClassVar[str] = "consistency"
    options: ClassVar[dict[str, Option]] = {
        "min_majority": Option((int, float), default=3),
        "max_minority_share": Option(float, default=0.34),
        "keep": Option(list, default=[]),
    }

    def prepare(self) -> None:
        opts = self.spec.options
        keep = opts["keep"]
        if not all(isinstance(k, str) and k for k in keep):
            raise RuleError(str(self.spec.path), "key 'keep': must be a list of names")
        self.keep = group_tokens([re.escape(k) for k in keep], 0) if keep else None
        self.min_majority = float(opts["min_majority"])
        self.max_share = float(opts["max_minority_share"])
        self.table = spellings()

    def _uses(self, ctx: Context) -> list[_Use]:
        text, seg = ctx.doc.text, ctx.doc.seg
        kept = [m.span() for m in self.keep.finditer(text)] if self.keep else []
        uses: list[_Use] = []
        for m in _WORD.finditer(text):
            word = m.group()
            spelling = self.table.get(word.lower())
            if spelling is None or spelling.weight == 0:
                continue
            start, end = m.span()
            if any(s <= start < e for s, e in kept) or seg.quoted(start, end):
                continue
            index = seg.sentence_at(start)
            if seg.sentences and index is None:
                continue  # headings, captions, boilerplate
            sentence_start = seg.sentences[index].start if index is not None else 0
            initial = not any(c.isalpha() for c in text[sentence_start:start])
            is_name = word[0].isupper() and not word.isupper() and not initial
            uses.append(_Use(start, end, word, spelling, is_name))
        return uses

    def check(self, ctx: Context) -> list[Finding]:
        uses = self._uses(ctx)
        votes = {GB: 0.0, US: 0.0}
        for use in uses:
            if not use.is_name:
                votes[use.spelling.dialect] += use.spelling.weight
        forced = ctx.config.locale or ctx.doc.meta.locale
        if forced in votes:
            majority = forced
            why = f"the article's locale is {forced}"
        else:
            majority = GB if votes[GB] >= votes[US] else US
            minority_votes = votes[US if majority == GB else GB]
            total = votes[GB] + votes[US]
            if votes[majority] < self.min_majority or minority_votes > self.max_share * total:
                return []
            why = f"the article otherwise spells {_NAMES[majority]} ({votes[GB]:g} British, "
            why += f"{votes[US]:g} American spellings)"
        oxford = majority == GB and not any(
            u.spelling.pair_class == "ize" and u.spelling.dialect == GB for u in uses
        )
        return [
            self._finding(ctx, use, why)
            for use in uses
            if use.spelling.dialect != majority
            and not (oxford and use.spelling.pair_class == "ize")
        ]

    def _finding(self, ctx: Context, use: _Use, why: str) -> Finding:
        weak = use.is_name or use.spelling.weight < 1
        suggestion = match_case(use.spelling.other, use.word)
        kind = "name or title " if use.is_name else ""
        message = (
            f"{_NAMES[use.spelling.dialect]} spelling in {kind}'{use.word}', but {why}; "
            f"the house spelling is '{suggestion}'"
        )
        return self.finding(
            ctx,
            use.start,
            use.end,
            message,
            suggestion=suggestion,
            severity=Severity.INFO if weak else None,
            confidence=self.spec.confidence / 2 if weak else None,
        )
