"""What a loaded rule is, and the base class of the small engine behind each rule kind.

A rule file states one rule as data (code, name, kind, category, severity, message, its
documentation and its examples, plus options of its kind); a kind is the Python that knows how
to look for it. Kinds register themselves in ``KINDS`` so the loader can validate options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter
from typing import Any, ClassVar

from garblecheck.analyser import Context
from garblecheck.errors import RuleError
from garblecheck.model import Category, Finding, Origin, Severity


@dataclass(frozen=True)
class Example:
    """A rule's test case: text that must (or must not) trigger it, with optional context."""

    text: str
    date: str | None = None  # ISO date the article is taken to have
    source: str | None = None  # source text, for rules that compare
    locale: str | None = None


@dataclass
class RuleSpec:
    """A rule as read from its YAML file, validated."""

    code: str
    name: str
    kind: str
    category: Category
    severity: Severity
    message: str
    explain: dict[str, str]  # what, why, example, instead
    path: Path
    confidence: float = 0.8
    trigger: list[Example] = field(default_factory=list)
    quiet: list[Example] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    """One kind-specific key a rule file may (or must) carry."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None


class RuleKind:
    """Base class of a rule kind. Subclasses set ``kind`` and ``options`` and implement
    ``check``; ``prepare`` runs once at load time (compile patterns, read data files) and
    raises ``RuleError`` for anything wrong in the file."""

    kind: ClassVar[str] = ""
    origin: ClassVar[Origin] = "rules"
    options: ClassVar[dict[str, Option]] = {}
    # kinds whose findings are produced elsewhere (compare, classifier) set this to False
    runs_in_engine: ClassVar[bool] = True
    # the {fields} a kind fills into its message; None: the kind does not format the message
    placeholders: ClassVar[frozenset[str] | None] = None

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self._check_message()
        self.prepare()

    def _check_message(self) -> None:
        """A message naming a field the kind does not fill is an error at load time, not a
        crash when the rule first fires."""
        if self.placeholders is None:
            return
        try:
            fields = {f for _, f, _, _ in Formatter().parse(self.spec.message) if f is not None}
        except ValueError as exc:
            raise RuleError(str(self.spec.path), f"key 'message': {exc}") from None
        unknown = fields - self.placeholders
        if unknown:
            allowed = ", ".join(sorted(self.placeholders)) or "none"
            raise RuleError(
                str(self.spec.path),
                f"key 'message': unknown placeholder {{{sorted(unknown)[0]}}} (allowed: {allowed})",
            )

    def prepare(self) -> None:
        """Compile patterns and load data; raise RuleError naming the file when impossible."""

    def check(self, ctx: Context) -> list[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: Context,
        start: int,
        end: int,
        message: str | None = None,
        *,
        suggestion: str | None = None,
        evidence: str | None = None,
        confidence: float | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule over ``text[start:end]``, placed in its sentence."""
        return Finding(
            rule=self.spec.code,
            name=self.spec.name,
            category=self.spec.category,
            severity=severity or self.spec.severity,
            message=message or self.spec.message,
            start=start,
            end=end,
            origin=self.origin,
            confidence=self.spec.confidence if confidence is None else confidence,
            suggestion=suggestion,
            evidence=evidence,
            sentence=ctx.doc.seg.sentence_at(start),
        )


KINDS: dict[str, type[RuleKind]] = {}


def register(cls: type[RuleKind]) -> type[RuleKind]:
    """Class decorator that makes a kind available to rule files by its ``kind`` name."""
    if not cls.kind:
        raise ValueError(f"{cls.__name__} has no kind name")
    KINDS[cls.kind] = cls
    return cls
