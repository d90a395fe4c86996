"""The ``grammar`` kind: which matches of a grammar engine a rule code reports.

Grammar engines (Harper, LanguageTool) have hundreds of rules of their own; a garblecheck rule
file groups them under one stable code, per engine, by the engine's category (Harper's lint
kind, LanguageTool's category id) or by rule id, minus the rules that are noise on clean news.
The grammar analyser (``garblecheck.grammar``) runs the engines and routes each match to the
rule that claims it; the rule engine never runs these rules.
"""

from __future__ import annotations

import re
from typing import ClassVar

from garblecheck.errors import RuleError
from garblecheck.knowledge.lexicon import lexicon
from garblecheck.rules.base import Option, RuleKind, register

ENGINES = ("harper", "languagetool")
# a lower-case word: capitalised words an engine does not know are nearly always names
_LOWER_WORD = re.compile(r"^[a-z]+(?:['’][a-z]+)?$")


def unknown_word(text: str) -> bool:
    """Whether a word flagged as misspelt is a lower-case word that clean news never uses:
    names, British or American spellings and newer words ("eurozone") are in the lexicon of
    clean English; "tecnologies" is not."""
    if not _LOWER_WORD.match(text) or len(text) < 3:
        return False
    lex = lexicon()
    return lex.zipf(text) == 0.0 and not lex.known(text)


@register
class GrammarKind(RuleKind):
    """A rule code for a group of one engine's matches."""

    kind: ClassVar[str] = "grammar"
    origin = "grammar"
    runs_in_engine: ClassVar[bool] = False
    options: ClassVar[dict[str, Option]] = {
        "engine": Option(str, required=True),
        # the engine's categories this code reports (Harper lint kinds, LanguageTool category ids)
        "categories": Option(list, default=[]),
        # engine rule ids this code reports whatever their category
        "rules": Option(list, default=[]),
        # engine rule ids left out: noise on clean news
        "exclude": Option(list, default=[]),
        # keep a match only when the flagged text is an unknown lower-case word (spelling)
        "unknown_words_only": Option(bool, default=False),
    }

    def prepare(self) -> None:
        options = self.spec.options
        self.engine: str = options["engine"]
        if self.engine not in ENGINES:
            raise RuleError(
                str(self.spec.path), f"key 'engine': must be one of {', '.join(ENGINES)}"
            )
        self.categories = frozenset(str(c) for c in options["categories"])
        self.rules = frozenset(str(r) for r in options["rules"])
        self.exclude = frozenset(str(r) for r in options["exclude"])
        if not self.categories and not self.rules:
            raise RuleError(str(self.spec.path), "key 'categories': give categories or rules")
        self.unknown_words_only: bool = options["unknown_words_only"]

    def claims(self, engine: str, rule: str, category: str) -> int:
        """How specifically this code claims a match: 2 by rule id, 1 by category, 0 not."""
        if engine != self.engine or rule in self.exclude:
            return 0
        if rule in self.rules:
            return 2
        return 1 if category in self.categories else 0

    def accepts(self, flagged: str) -> bool:
        """Whether the flagged text passes this code's filter."""
        return not self.unknown_words_only or unknown_word(flagged)
