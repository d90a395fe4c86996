"""Substitution: a phrase that should be another one (Vale's ``substitution``): tortured
synonyms, wrong fixed expressions. The finding suggests the replacement."""

from __future__ import annotations

import re
from typing import ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.model import Finding
from garblecheck.rules.base import Option, RuleKind, register
from garblecheck.rules.kinds.existence import (
    check_scope,
    compile_tokens,
    group_tokens,
    in_scope,
)


def match_case(suggestion: str, found: str) -> str:
    """The suggestion capitalised like the text it replaces."""
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


@register
class Substitution(RuleKind):
    """Flags each ``swap`` key (a pattern) and suggests its value."""

    kind: ClassVar[str] = "substitution"
    placeholders: ClassVar[frozenset[str] | None] = frozenset({"match", "suggestion"})
    options: ClassVar[dict[str, Option]] = {
        "swap": Option(dict, required=True),
        "ignorecase": Option(bool, default=False),
        "scope": Option(str, default="prose"),
    }

    def prepare(self) -> None:
        swap = self.spec.options["swap"]
        ignorecase = self.spec.options["ignorecase"]
        for bad, good in swap.items():
            if not isinstance(good, str) or not good:
                raise RuleError(str(self.spec.path), f"key 'swap.{bad}': must be a string")
        compile_tokens(self.spec, "swap", list(swap), ignorecase)  # names a bad pattern
        self.names = [f"s{i}" for i in range(len(swap))]
        self.suggestions = dict(zip(self.names, swap.values(), strict=True))
        flags = re.IGNORECASE if ignorecase else 0
        self.pattern = group_tokens(list(swap), flags, self.names)
        self.scope = check_scope(self.spec)

    def check(self, ctx: Context) -> list[Finding]:
        findings: list[Finding] = []
        for m in self.pattern.finditer(ctx.doc.text):
            if not in_scope(ctx, m.start(), m.end(), self.scope) or m.lastgroup is None:
                continue
            suggestion = match_case(self.suggestions[m.lastgroup], m.group())
            message = self.spec.message.format(match=m.group(), suggestion=suggestion)
            findings.append(self.finding(ctx, m.start(), m.end(), message, suggestion=suggestion))
        return findings
