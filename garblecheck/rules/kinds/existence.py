"""Existence: flag words, phrases or patterns that should not appear (Vale's ``existence``).

Also home of the helpers the other text-pattern kinds share: compiling a token list into one
word-bounded pattern, checking a message template, and the prose/quote scope of a match.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from pathlib import Path
from typing import Any, ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, RuleSpec, register

SCOPES = ("prose", "quote", "unquoted")


def compile_tokens(
    spec: RuleSpec, key: str, tokens: list[Any], ignorecase: bool
) -> re.Pattern[str]:
    """One pattern matching any token as a whole word; each token is a regular expression,
    compiled alone first so a bad one is named."""
    if not tokens:
        raise RuleError(str(spec.path), f"key '{key}': must not be empty")
    flags = re.IGNORECASE if ignorecase else 0
    for i, token in enumerate(tokens):
        if not isinstance(token, str) or not token:
            raise RuleError(str(spec.path), f"key '{key}.{i}': must be a non-empty string")
        compile_pattern(spec.path, f"{key}.{i}", token, flags)
    return group_tokens(tokens, flags)


def compile_pattern(path: Path, key: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A regular expression from a rule or knowledge file, compiled; one that is invalid or
    could hang on a long line (see ``nested_repeat``) stops the run, naming file and key."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(str(path), f"key '{key}': bad pattern {pattern!r}: {exc}") from None
    if nested_repeat(pattern):
        problem = (
            f"key '{key}': pattern {pattern!r} repeats a repetition (such as (a+)+), "
            "which can take exponential time on some lines"
        )
        raise RuleError(str(path), problem)
    return compiled


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def nested_repeat(pattern: str) -> bool:
    """Whether a (valid) pattern repeats something that itself repeats: Python's regex engine
    backtracks, and such a pattern can hang on one long line, so user rules may not have one.
    Conservative: any repeat of more than one inside an unbounded repeat counts."""

    def walk(items: Any, inside: bool) -> bool:
        for op, av in items:
            if op in _REPEATS:
                if av[1] > 1 and inside:
                    return True
                if walk(av[2], inside or av[1] == sre_constants.MAXREPEAT):
                    return True
            elif isinstance(av, (list, tuple)):
                for part in av:
                    if isinstance(part, sre_parse.SubPattern) and walk(part, inside):
                        return True
                    if isinstance(part, list) and any(
                        walk(branch, inside) for branch in part
                        if isinstance(branch, sre_parse.SubPattern)
                    ):
                        return True
            elif isinstance(av, sre_parse.SubPattern) and walk(av, inside):
                return True
        return False

    return walk(sre_parse.parse(pattern), False)


def group_tokens(tokens: list[str], flags: int, names: list[str] | None = None) -> re.Pattern[str]:
    """Tokens as alternatives bounded by non-word characters (``\\b`` fails beside
    punctuation); with ``names``, each alternative is a named group."""
    parts = [f"(?P<{n}>{t})" for n, t in zip(names, tokens, strict=True)] if names else tokens
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", flags)


def check_scope(spec: RuleSpec) -> str:
    scope = str(spec.options["scope"])
    if scope not in SCOPES:
        raise RuleError(str(spec.path), f"key 'scope': must be one of {', '.join(SCOPES)}")
    return scope


def in_scope(ctx: Context, start: int, end: int, scope: str) -> bool:
    """Whether a match lies in prose (when the text has sentences) and in the wanted part:
    anywhere, inside quotations only, or outside them only."""
    seg = ctx.doc.seg
    if seg.sentences and seg.sentence_at(start) is None:
        return False
    if scope == "prose":
        return True
    return seg.quoted(start, end) == (scope == "quote")


@register
class Existence(RuleKind):
    """Flags every occurrence of the listed tokens."""

    kind: ClassVar[str] = "existence"
    placeholders: ClassVar[frozenset[str] | None] = frozenset({"match"})
    options: ClassVar[dict[str, Option]] = {
        "tokens": Option(list, required=True),
        "ignorecase": Option(bool, default=False),
        "scope": Option(str, default="prose"),
    }

    def prepare(self) -> None:
        opts = self.spec.options
        self.pattern = compile_tokens(self.spec, "tokens", opts["tokens"], opts["ignorecase"])
        self.scope = check_scope(self.spec)

    def check(self, ctx: Context) -> list[Finding]:
        return [
            self.finding(ctx, m.start(), m.end(), self.spec.message.format(match=m.group()))
            for m in self.pattern.finditer(ctx.doc.text)
            if in_scope(ctx, m.start(), m.end(), self.scope)
        ]
