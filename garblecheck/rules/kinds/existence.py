"""Existence: flag words, phrases or patterns that should not appear (Vale's ``existence``).

Also home of the helpers the other text-pattern kinds share: compiling a token list into one
word-bounded pattern, checking a message template, and the prose/quote scope of a match.
"""

from __future__ import annotations

import re
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
        try:
            re.compile(token, flags)
        except re.error as exc:
            problem = f"key '{key}.{i}': bad pattern {token!r}: {exc}"
            raise RuleError(str(spec.path), problem) from None
    return group_tokens(tokens, flags)


def group_tokens(tokens: list[str], flags: int, names: list[str] | None = None) -> re.Pattern[str]:
    """Tokens as alternatives bounded by non-word characters (``\\b`` fails beside
    punctuation); with ``names``, each alternative is a named group."""
    parts = [f"(?P<{n}>{t})" for n, t in zip(names, tokens, strict=True)] if names else tokens
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", flags)


def check_template(spec: RuleSpec, **fields: str) -> None:
    """Fail at load time when the message names a field the kind does not provide."""
    try:
        spec.message.format(**fields)
    except (KeyError, IndexError, ValueError) as exc:
        raise RuleError(str(spec.path), f"key 'message': bad template field {exc}") from None


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
    options: ClassVar[dict[str, Option]] = {
        "tokens": Option(list, required=True),
        "ignorecase": Option(bool, default=False),
        "scope": Option(str, default="prose"),
    }

    def prepare(self) -> None:
        opts = self.spec.options
        self.pattern = compile_tokens(self.spec, "tokens", opts["tokens"], opts["ignorecase"])
        self.scope = check_scope(self.spec)
        check_template(self.spec, match="")

    def check(self, ctx: Context) -> list[Finding]:
        return [
            self.finding(ctx, m.start(), m.end(), self.spec.message.format(match=m.group()))
            for m in self.pattern.finditer(ctx.doc.text)
            if in_scope(ctx, m.start(), m.end(), self.scope)
        ]
