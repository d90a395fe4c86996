"""Harper (harper-py): an offline grammar checker, embedded, on by default (``--no-grammar``).

Running all of Harper's ~900 rules costs twenty times its parse, so the linter runs only the
rules listed in ``harper-rules.json`` (chosen from data by
``python -m garblecheck.build.harper_rules``: the rules the rule files claim that mark learner
English), and only on the sentences where one of them could fire
(``garblecheck.grammar.harper_triggers``): the parse itself (tagging and chunking) costs more
than all of garblecheck's other checks. Harper's spell checker flags names and British
spellings; the engine replaces it with a check against garblecheck's lexicon of clean English,
reported as ``UnknownWord`` matches. Building a linter reads Harper's dictionary (about half a
second), so one is built per dialect, on first use, and reused.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from garblecheck.errors import EngineError, RuleError
from garblecheck.grammar.base import Match
from garblecheck.grammar.harper_triggers import Triggers, WordLists
from garblecheck.knowledge.phrases import phrase_table
from garblecheck.model import Segmentation
from garblecheck.packs import knowledge_path
from garblecheck.rules.kinds.grammar import unknown_word

MISSING = (
    "the Harper grammar engine is not installed (pip install harper-py); "
    "run with --no-grammar (or grammar = false in the configuration) to check without it"
)
RULES_FILE = "harper-rules.json"
RULES_VERSION = 2
UNKNOWN_WORD = "UnknownWord"  # the rule id of the engine's own spelling check
# a lower-case word standing alone: not part of a hyphenated compound ("pre-empt"), a number
# ("5th"), an address or a handle; "'s" is left off, other clitics kept ("don't"); at most 40
# letters (a longer run is no word, and its one-edit neighbours would be millions)
_WORD = re.compile(r"(?<![\w@/.'’-])[a-z]{1,40}(?:['’](?!s\b)[a-z]+)?(?![\w@/'’-]|\.\w)")
# a likely typo is one edit away from a word at least this common (share of all words)
CLOSE_SHARE = 1e-5


@lru_cache(maxsize=1)
def _rule_list() -> dict[str, Any]:
    """The shipped list: the Harper rules garblecheck runs and the trigger word lists."""
    path = knowledge_path(RULES_FILE)
    rebuild = "rebuild it with python -m garblecheck.build.harper_rules"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleError(str(path), f"cannot read the Harper rule list ({exc}); {rebuild}") from exc
    if not isinstance(data, dict) or data.get("version") != RULES_VERSION:
        raise RuleError(str(path), f"not a version {RULES_VERSION} Harper rule list; {rebuild}")
    return data


def enabled_rules() -> frozenset[str]:
    """The Harper rules garblecheck runs, from the shipped list."""
    return frozenset(str(rule) for rule in _rule_list()["enabled"])


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    """The tests that pick the sentences worth linting, with the shipped word lists."""
    try:
        lists = WordLists.from_json(_rule_list()["triggers"])
    except (KeyError, TypeError) as exc:
        path = str(knowledge_path(RULES_FILE))
        raise RuleError(path, f"the Harper rule list has no trigger word list {exc}") from exc
    return Triggers(enabled_rules(), lists)


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = string.ascii_lowercase
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in letters),
        *(a + c + b for a, b in splits for c in letters),
    }


@lru_cache(maxsize=4096)
def close_word(word: str) -> str | None:
    """The most common word of clean English one edit away, when it is common enough for
    ``word`` to be a typo of it ("reseach" for "research"). Exact forms of the phrase table's
    vocabulary, so that no inflection is made up ("hourses")."""
    table = phrase_table()
    best, best_count = None, CLOSE_SHARE * table.tokens
    for cand in _edits(word):
        index = table.ids.get(cand)  # 0, the rare words' share, is never a candidate
        count = float(table.unigram[index]) if index else 0.0
        if count >= best_count:
            best, best_count = cand, count
    return best


@lru_cache(maxsize=1 << 16)
def _unknown(word: str) -> bool:
    # the lexicon counts clitics with a straight apostrophe: "we’ve" is "we've"
    return unknown_word(word.replace("’", "'"))


def unknown_words(text: str) -> list[Match]:
    """Lower-case words of 3+ letters that clean English never uses, as spelling matches
    (each distinct word looked up once: almost all of them are known)."""
    matches = []
    for m in _WORD.finditer(text):
        word = m.group()
        if _unknown(word):
            close = close_word(word)
            matches.append(
                Match(
                    rule=UNKNOWN_WORD,
                    category="Spelling",
                    start=m.start(),
                    end=m.end(),
                    message=f"“{word}” is not an English word",
                    replacements=(close,) if close else (),
                )
            )
    return matches


def linter(locale: str | None, rules: Iterable[str]) -> Any:
    """A Harper linter in the dialect of ``locale`` (British for en-GB, else American) that
    runs only ``rules``."""
    try:
        import harper
    except ImportError:
        raise EngineError(None, MISSING) from None
    dialect = harper.Dialect.BRITISH if locale == "en-GB" else harper.Dialect.AMERICAN
    made = harper.Linter(dialect)
    wanted = set(rules)
    made.set_lint_config({r: r in wanted for r in made.get_default_lint_config()})
    return made


class HarperEngine:
    """Harper over a whole document, in the dialect of its locale, plus the unknown words."""

    name = "harper"

    def __init__(self) -> None:
        self._linters: dict[bool, Any] = {}  # British or not

    def _linter(self, locale: str | None) -> Any:
        british = locale == "en-GB"
        if british not in self._linters:
            self._linters[british] = linter(locale, enabled_rules())
        return self._linters[british]

    def check(self, text: str, locale: str | None, seg: Segmentation | None = None) -> list[Match]:
        dialect_linter = self._linter(locale)
        checked = text if seg is None else triggers().mask(text, seg)
        try:
            by_rule = (
                {}
                if checked is None
                else dialect_linter.organized_lints(checked, language="plaintext")
            )
        except (RuntimeError, ValueError) as exc:
            raise EngineError(None, f"Harper failed: {exc}") from None
        return [
            *(
                Match(
                    rule=rule,
                    category=lint.lint_kind,
                    start=lint.span.start,
                    end=lint.span.end,
                    message=lint.message,
                    replacements=tuple(
                        s.replacement_text for s in lint.suggestions if s.replacement_text
                    ),
                )
                for rule, lints in by_rule.items()
                for lint in lints
            ),
            *unknown_words(text),
        ]
